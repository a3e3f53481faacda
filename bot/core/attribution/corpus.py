"""Scoring attribution against an annotated corpus in the `tests/corpus` format.

Each article `NAME.txt` has `NAME.json` beside it:
    {"attributions": [{"begins": str, "speaker": str, "kind": str, "role": str?}, ...]}
`begins` is the start of one sentence; sentences not listed are expected to have no
attribution. Shared by bench/attribution.py (which prints the figures) and the unit tests
(which hold them above their floors), so neither imports the other.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import parse
from ..models import Attribution, Document

KINDS = ("direct", "indirect", "mixed", "according")


def norm(name: str | None) -> str:
    """Case-, determiner- and punctuation-folded name for comparison."""
    text = (name or "").casefold().replace("’", "'")
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"[^\w]+", " ", text).strip()


def role_matches(gold: str, pred: str | None) -> bool:
    """Equal after folding, or one contains the other (a party tag or title added)."""
    g, p = norm(gold), norm(pred)
    return bool(p) and (g == p or g in p or (p in g and len(p) >= 0.5 * len(g)))


@dataclass
class Tally:
    """Counts for precision, recall and accuracy; `errors` lists each miss for reading."""

    gold: int = 0
    predicted: int = 0
    correct_pred: int = 0  # predictions whose speaker is right (or None where gold is None)
    found: Counter[str] = field(default_factory=Counter)  # gold kind -> recalled with right speaker
    gold_kinds: Counter[str] = field(default_factory=Counter)
    both: int = 0
    both_right: int = 0
    kind_right: int = 0
    roles: int = 0
    roles_right: int = 0
    errors: list[str] = field(default_factory=list)


def load(corpus: Path) -> list[tuple[Path, Document, list[dict[str, str]]]]:
    """Every article of the corpus, parsed, with its annotations."""
    items = []
    for txt in sorted(corpus.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text())["attributions"]
        items.append((txt, parse(txt.read_bytes(), name=txt.name), gold))
    return items


def score(items: list[tuple[Path, Document, list[dict[str, str]]]]) -> Tally:
    """Each sentence's main attribution against the annotation."""
    t = Tally()
    for path, doc, gold in items:
        expected: dict[int, dict[str, str]] = {}
        for entry in gold:
            hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(entry["begins"])]
            if len(hits) != 1:
                raise ValueError(f"{path.name}: {entry['begins']!r} matches {len(hits)} sentences")
            expected[hits[0]] = entry
        for i, sent in enumerate(doc.sentences):
            pred: Attribution | None = doc.attributions[i]
            want = expected.get(i)
            if pred is not None:
                t.predicted += 1
            if want is None:
                if pred is not None:
                    t.errors.append(f"{path.name}#{i} FP {pred.speaker!r}/{pred.kind}: {sent.text[:90]}")
                continue
            t.gold += 1
            t.gold_kinds[want["kind"]] += 1
            if pred is None:
                t.errors.append(
                    f"{path.name}#{i} FN want {want['speaker']!r}/{want['kind']}: {sent.text[:90]}"
                )
                continue
            t.both += 1
            right = norm(pred.speaker) == norm(want["speaker"])
            if right:
                t.both_right += 1
                t.correct_pred += 1
                t.found[want["kind"]] += 1
                if "role" in want:
                    t.roles += 1
                    if role_matches(want["role"], pred.role):
                        t.roles_right += 1
                    else:
                        t.errors.append(f"{path.name}#{i} ROLE want {want['role']!r} got {pred.role!r}")
            else:
                t.errors.append(
                    f"{path.name}#{i} WRONG want {want['speaker']!r} got {pred.speaker!r}: {sent.text[:80]}"
                )
            if pred.kind == want["kind"]:
                t.kind_right += 1
            else:
                t.errors.append(f"{path.name}#{i} KIND want {want['kind']} got {pred.kind}: {sent.text[:70]}")
    return t
