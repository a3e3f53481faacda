"""/article autocomplete: how long `Archive.find_articles` takes per keystroke.

    python bench/autocomplete.py [--articles 50000] [--queries 400] [--seed N]

Builds a throw-away archive of N one-sentence articles whose titles are drawn from the
words of tests/corpus (stored directly as Documents: no parsing or attribution, the
titles are what counts), then types the start of random titles a keystroke at a time
("h", "ha", "har", ..., "harbour re") and times each find_articles call, and the empty
query (the newest articles). Prints p50/p95 and the machine. To compare with another
checkout, run this file with PYTHONPATH=that/checkout.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

# bench/ holds a bot.py of its own (the Discord load benchmark): take the script's folder
# off sys.path, or `import bot` would find that file, not the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from bot.core.archive import Archive  # noqa: E402
from bot.core.models import Document, Sentence  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def vocabulary() -> list[str]:
    words: set[str] = set()
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt")):
        words |= {w for w in re.findall(r"[A-Za-z]{3,}", path.read_text("utf-8"))}
    return sorted(words)


def document(i: int, title: str) -> Document:
    text = f"Report {i} was filed."
    return Document(
        title=title,
        body=text,
        paragraphs=((0, len(text)),),
        sentences=(Sentence(0, 0, 0, len(text), text),),
        date=f"20{10 + i % 15:02}-{1 + i % 12:02}-{1 + i % 28:02}",
    )


def quantiles(values: list[float]) -> str:
    q = statistics.quantiles(values, n=100)
    return f"p50 {q[49]:.2f} ms  p95 {q[94]:.2f} ms  max {max(values):.2f} ms"


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=400, help="keystroke queries to time")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    words = vocabulary()
    titles = [
        " ".join(rng.choice(words) for _ in range(rng.randint(3, 8))).capitalize()
        for _ in range(args.articles)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        async with await Archive.open(Path(tmp) / "bench.db", seeds=None) as archive:
            started = time.perf_counter()
            await archive.add_documents(document(i, t) for i, t in enumerate(titles))
            print(f"data: {args.articles} articles stored in {time.perf_counter() - started:.1f} s")
            typed: list[str] = []
            while len(typed) < args.queries:
                title = rng.choice(titles)
                stop = rng.randint(1, min(len(title), 24))
                typed += [title[:n] for n in range(1, stop + 1)]
            typed = typed[: args.queries]
            for q in typed[:20]:  # warm the page cache
                await archive.find_articles(q)
            now: list[float] = []
            found = 0
            for q in typed:
                t0 = time.perf_counter()
                refs = await archive.find_articles(q)
                now.append((time.perf_counter() - t0) * 1000)
                found += bool(refs)
            print(f"find_articles ({len(typed)} keystrokes): {quantiles(now)}  (some choice for {found})")
            empty: list[float] = []
            for _ in range(100):
                t0 = time.perf_counter()
                await archive.find_articles("")
                empty.append((time.perf_counter() - t0) * 1000)
            print(f"find_articles('') (newest first, 100 calls): {quantiles(empty)}")
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, {platform.platform()}"
    )


if __name__ == "__main__":
    asyncio.run(main())
