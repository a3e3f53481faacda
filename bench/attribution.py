"""Attribution quality and speed on an annotated corpus (default: tests/corpus).

Each article `NAME.txt` has `NAME.json` beside it:
    {"attributions": [{"begins": str, "speaker": str, "kind": str, "role": str?}, ...]}
`begins` is the start of one sentence; sentences not listed are expected to have no
attribution. Prints speaker precision and recall (overall and per gold kind), speaker
and kind accuracy where both sides give a speaker, role accuracy where the
annotation gives a role, attribute() throughput, and the machine.

    python bench/attribution.py [CORPUS_DIR] [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.attribution import attribute  # noqa: E402
from bot.core.ingest import parse  # noqa: E402
from bot.core.models import Attribution, Document  # noqa: E402

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
    items = []
    for txt in sorted(corpus.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text())["attributions"]
        items.append((txt, parse(txt.read_bytes(), name=txt.name), gold))
    return items


def score(items: list[tuple[Path, Document, list[dict[str, str]]]]) -> Tally:
    t = Tally()
    for path, doc, gold in items:
        expected: dict[int, dict[str, str]] = {}
        for entry in gold:
            hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(entry["begins"])]
            if len(hits) != 1:
                raise SystemExit(f"{path.name}: {entry['begins']!r} matches {len(hits)} sentences")
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


def throughput(docs: list[Document], seconds: float = 2.0) -> tuple[float, float]:
    """(articles/s, mean words per article) of attribute() alone."""
    words = sum(len(d.body.split()) for d in docs) / max(1, len(docs))
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for doc in docs:
            attribute(doc)
        done += len(docs)
    return done / (time.perf_counter() - start), words


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "  n/a"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "tests" / "corpus"))
    ap.add_argument("--errors", action="store_true", help="list every miss, false alarm and wrong speaker")
    args = ap.parse_args()
    items = load(Path(args.corpus))
    t = score(items)
    rate, words = throughput([d for _, d, _ in items])
    print(
        f"corpus: {args.corpus}: {len(items)} articles, "
        f"{sum(len(d.sentences) for _, d, _ in items)} sentences, "
        f"{t.gold} gold attributions"
    )
    print(f"speaker precision : {pct(t.correct_pred, t.predicted)}")
    print(f"speaker recall    : {pct(sum(t.found.values()), t.gold)}")
    for kind in KINDS:
        print(f"  recall {kind:9s}: {pct(t.found[kind], t.gold_kinds[kind])}")
    print(f"speaker accuracy  : {pct(t.both_right, t.both)}  (where both give a speaker)")
    print(f"kind accuracy     : {pct(t.kind_right, t.both)}")
    print(f"role accuracy     : {pct(t.roles_right, t.roles)}  (right speaker, annotated role)")
    print(
        f"throughput        : {rate:,.0f} articles/s of attribute() ({words:.0f} words/article), "
        f"{1000 / rate:.3f} ms/article, {1000 / rate * 800 / words:.3f} ms per 800 words"
    )
    print(
        f"machine           : {platform.machine()}, {os.cpu_count()} cores, {platform.processor() or '?'}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    if args.errors:
        print("\n".join(t.errors))


if __name__ == "__main__":
    main()
