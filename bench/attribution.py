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
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.attribution import attribute  # noqa: E402
from bot.core.attribution.corpus import KINDS, load, score  # noqa: E402
from bot.core.models import Document  # noqa: E402


def throughput(docs: list[Document], seconds: float = 2.0) -> tuple[float, float]:
    """(articles per CPU second, mean words per article) of attribute() alone.

    CPU time of this process (time.process_time), not wall time: the target is CPU per
    article, and on a shared machine wall time also counts other people's work."""
    words = sum(len(d.body.split()) for d in docs) / max(1, len(docs))
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for doc in docs:
            attribute(doc)
        done += len(docs)
    return done / (time.process_time() - start), words


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
