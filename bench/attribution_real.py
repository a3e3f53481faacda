# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Attribution on real, annotated news: the development set's own scorer, run in-process or via the CLI.

    python bench/attribution_real.py PATH/articles.jsonl [--queries PATH/who_queries.jsonl]
        [--scorer PATH/score.py] [--details OUT.jsonl] [--limit N] [--cli]

The articles file is in PolNeAR's converted format (see the data set's README); the scorer
is the `score.py` beside it unless `--scorer` names another. By default each article is parsed
in this process (bot.core.ingest.parse, as `archivist import` does) and scored with the
scorer's own functions: quick, and it reads every attribution of a sentence straight from
the parser. `--cli` runs the scorer itself as a user would (import, export --json, who),
which also gives `who` top-1. Both print the scorer's figures; the last line is its summary.

Also printed: how many distinct speakers look like junk (a date, a document, a place, a word
glued to a name, a bare adjective, a headline), the measure issue 8 asks for. The check uses
its own word lists, not the attribution rules', and reads only the names.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import platform
import re
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.attribution import attribute  # noqa: E402
from bot.core.ingest import parse  # noqa: E402
from bot.core.models import Document, clause_json  # noqa: E402

# The kinds of non-speaker issue 8 names, as independent word lists (not the rules' own).
_DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december today yesterday tomorrow tonight""".split()
)
_DOCUMENT_WORDS = frozenset(
    """memo memos report reports statement statements letter letters email emails tweet tweets post video
    ad ads poll polls survey surveys document documents study studies filing filings lawsuit transcript
    release data website analysis editorial""".split()
)
_PLACES = frozenset(
    """america washington california texas florida iowa ohio virginia pennsylvania michigan georgia
    arizona nevada carolina york jersey illinois wisconsin colorado massachusetts china russia iran
    israel syria france germany britain mexico canada japan europe london paris moscow beijing
    chicago boston philadelphia""".split()
)
_GLUE_WORDS = frozenset("see maybe perhaps rival also then now but and so still even yet".split())
# Adverb and participle endings that first names ending in -ly (Carly, Kelly, Beverly) lack.
_ADVERB_ENDINGS = ("ally", "ously", "ently", "antly", "ately", "ively", "edly", "ingly", "wise", "ing")
_ADJECTIVES = frozenset("progressive conservative liberal democratic republican moderate populist".split())


def junk_reason(name: str) -> str | None:
    """Why a speaker name is not a person, group or organisation, or None if it may be one.

    Lower-case descriptions of groups ("voters", "senior officials") count as groups of people.
    """
    words = re.findall(r"[\w'’.-]+", name)
    if not words:
        return "empty"
    low = [w.lower().strip(".") for w in words]
    if any(w in _DATE_WORDS for w in low):
        return "date"
    if low[-1] in _DOCUMENT_WORDS and words[-1][0].islower():  # "Washington Post" is a newspaper
        return "document"
    if all(w in _PLACES or w in ("new", "the", "of", "south", "north") for w in low):
        return "place"
    if (
        len(words) > 1
        and words[0][0].isupper()
        and (
            low[0] in _GLUE_WORDS
            or low[0].endswith(_ADVERB_ENDINGS)
            or (len(low[0]) > 5 and low[0].endswith("ily"))
        )
    ):
        return "glued word"
    if len(words) == 1 and low[0] in _ADJECTIVES:
        return "adjective"
    if sum(w[0].isupper() for w in words) >= 5 and not any(w in ("of", "for", "and") for w in low):
        return "headline"
    return None


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("attribution_dev_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exported(doc: Document) -> dict[str, object]:
    """The `export --json` record of one parsed article, with every attribution of each sentence."""
    sentences = []
    for s, clauses in zip(doc.sentences, doc.clauses, strict=True):
        main = clauses[0] if clauses else None
        sentences.append(
            {
                "index": s.index,
                "text": s.text,
                "speaker": main.speaker if main else None,
                "speaker_role": main.role if main else None,
                "cue": main.cue if main else None,
                "kind": main.kind if main else None,
                "content": main.content if main else None,
                "attributions": [clause_json(a) for a in clauses],
            }
        )
    return {"title": doc.title, "sentences": sentences}


def in_process(articles: list[dict], scorer: ModuleType, details_path: str | None) -> None:
    stats: dict = collections.defaultdict(collections.Counter)
    details = open(details_path, "w", encoding="utf-8") if details_path else None  # noqa: SIM115
    speakers: collections.Counter[str] = collections.Counter()
    cpu = attribution_cpu = 0.0
    words = 0
    for i, art in enumerate(articles):
        t0 = time.process_time()
        doc = parse(art["text"].encode("utf-8"), name=f"{i:03d}.txt")
        t1 = time.process_time()
        attribute(doc)  # again, alone, to time attribution apart from reading and splitting
        cpu += t1 - t0
        attribution_cpu += time.process_time() - t1
        words += len(doc.body.split())
        for clauses in doc.clauses:
            speakers.update(a.speaker for a in clauses)
        scorer.score_article(art, exported(doc), stats, details)
    if details:
        details.close()
    report(stats, len(articles))
    junk = {s: junk_reason(s) for s in speakers}
    bad = {s: r for s, r in junk.items() if r}
    print(
        f"junk speakers: {len(bad)} of {len(speakers)} distinct ({len(bad) / max(1, len(speakers)):.1%}), "
        f"{sum(speakers[s] for s in bad)} of {sum(speakers.values())} attributions"
    )
    for s, r in sorted(bad.items(), key=lambda kv: -speakers[kv[0]])[:15]:
        print(f"    {speakers[s]:4d}  {s!r}: {r}")
    per_article, per_800 = cpu / len(articles) * 1000, cpu / words * 800 * 1000
    print(
        f"parse (with attribution) CPU: {per_article:.2f} ms/article, {per_800:.2f} ms/800 words; "
        f"attribution alone: {attribution_cpu / words * 800 * 1000:.2f} ms/800 words "
        f"({words / len(articles):.0f} words/article)"
    )


def report(stats: dict, n_articles: int) -> None:
    """The scorer's table and summary line (the same arithmetic as its main())."""

    def total(keys: list) -> collections.Counter:
        c: collections.Counter = collections.Counter()
        for k in keys:
            c.update(stats[k])
        return c

    def line(label: str, c: collections.Counter) -> tuple[float, float]:
        attributed = c["right"] + c["wrong"] + c["surname_only"]
        acc = c["right"] / attributed if attributed else 0.0
        rec = c["right"] / c["gold"] if c["gold"] else 0.0
        print(
            f"  {label:17s} gold {c['gold']:5d}  right {c['right']:5d}  wrong {c['wrong']:4d}  surname-only "
            f"{c['surname_only']:3d}  missed {c['missed']:5d}  recall {rec:.3f}  speaker acc {acc:.3f}"
        )
        return rec, acc

    gold = sum(c["gold"] for c in stats.values())
    print(f"{n_articles} articles, {gold} gold attributions with a named speaker")
    figures = {}
    for cls in ("speech", "other"):
        print(f"cue class {cls}:")
        for kind in ("direct", "indirect", "mixed"):
            figures[(cls, kind)] = line(kind, stats[(cls, kind)])
    print("all cues:")
    for kind in ("direct", "indirect", "mixed"):
        figures[("all", kind)] = line(kind, total([(c, kind) for c in ("speech", "other")]))
    _, acc_all = line("all kinds", total(list(stats)))
    print(
        f"speech cues: recall direct {figures[('speech', 'direct')][0]:.3f} indirect "
        f"{figures[('speech', 'indirect')][0]:.3f} mixed {figures[('speech', 'mixed')][0]:.3f}; "
        f"all cues: indirect {figures[('all', 'indirect')][0]:.3f}; speaker acc {acc_all:.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--queries", type=Path)
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("--details")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--cli", action="store_true", help="run the scorer itself through the archivist CLI")
    a = ap.parse_args()
    scorer_path = a.scorer or a.articles.parent / "score.py"
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; scorer {scorer_path}")
    if a.cli:
        cmd = [sys.executable, str(scorer_path), str(a.articles)]
        cmd += [str(a.queries)] if a.queries else []
        cmd += ["--archivist", f"{sys.executable} -m bot"]
        cmd += ["--details", a.details] if a.details else []
        cmd += ["--limit", str(a.limit)] if a.limit else []
        sys.exit(subprocess.call(cmd))
    with open(a.articles, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f][: a.limit]
    in_process(articles, load_scorer(scorer_path), a.details)


if __name__ == "__main__":
    main()
