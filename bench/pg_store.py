"""Where the PostgreSQL store spends a bulk import's time: N articles (bench/scale.py's, parsed
first, in a process pool) stored with PgStore.insert_articles in batches of the importer's
size into an empty archive, each statement timed (client wall clock: each is one round trip,
so its time is the server's plus sending its arguments). Prints the rate, the client's CPU
time and each statement's share.

    python bench/pg.py -- python bench/pg_store.py PATH/squad-dev-v1.1-public.json --db {url}

Parsing is not timed: this is the store alone, what scale.py reports as "of which storing".
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import os
import random
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
# bench/ holds a bot.py of its own: keep the script's folder off sys.path so `bot` is the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import asyncpg  # noqa: E402

from bench import scale  # noqa: E402
from bot.core import ingest  # noqa: E402
from bot.core.archive import BATCH_ARTICLES, RawArticle, _parse  # noqa: E402
from bot.core.models import Document  # noqa: E402
from bot.core.store_pg import PgStore  # noqa: E402

_TIMED = ("execute", "fetch", "fetchval", "fetchrow", "executemany", "copy_records_to_table")


def parsed(path: Path, n: int, seed: int) -> list[Document]:
    """n of scale.py's articles, parsed and attributed."""
    pool, _questions = scale.load_sentences(path)
    rng = random.Random(seed)
    texts = [scale._plain_text(rng, pool, i)[0] for i in range(n)]
    with ProcessPoolExecutor() as workers:
        out = list(workers.map(_parse, [RawArticle(raw=t) for t in texts], chunksize=32))
    return [d for d in out if isinstance(d, Document)]


def time_statements(times: collections.Counter[str], calls: collections.Counter[str]) -> None:
    """Wrap asyncpg's statement methods so each statement's time adds up under its first words."""
    for name in _TIMED:
        method: Callable[..., Awaitable[Any]] = getattr(asyncpg.connection.Connection, name)

        def timed(method: Callable[..., Awaitable[Any]] = method, name: str = name) -> Callable[..., Any]:
            async def run(self: asyncpg.Connection, *args: Any, **kwargs: Any) -> Any:
                words = " ".join(str(args[0]).split()[:4]) if args else str(kwargs.get("table_name"))
                key = f"{name}: {words}"
                started = time.perf_counter()
                try:
                    return await method(self, *args, **kwargs)
                finally:
                    times[key] += time.perf_counter() - started
                    calls[key] += 1

            return run

        setattr(asyncpg.connection.Connection, name, timed())


async def store_all(url: str, docs: list[Document]) -> None:
    times: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    store = await PgStore.open(url)
    time_statements(times, calls)
    started, cpu = time.perf_counter(), os.times()
    try:
        for i in range(0, len(docs), BATCH_ARTICLES):
            batch = docs[i : i + BATCH_ARTICLES]
            await store.insert_articles([(d, ingest.content_hash(d.body), None) for d in batch])
    finally:
        await store.close()
    wall = time.perf_counter() - started
    used = os.times()
    client = used.user - cpu.user + used.system - cpu.system
    print(
        f"stored {len(docs):,} articles in {wall:.1f} s: {len(docs) / wall:.0f} articles/s;"
        f" client CPU {client:.1f} s; {scale._load()}"
    )
    for key, seconds in times.most_common():
        if seconds >= 0.005:
            print(f"  {seconds:7.2f} s {100 * seconds / wall:5.1f}%  x{calls[key]:<5} {key}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", type=Path, help="SQuAD v1.1 JSON (as bench/scale.py takes)")
    parser.add_argument("--db", required=True, help="a postgresql:// URL of an empty database")
    parser.add_argument("--articles", type=int, default=4096)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(scale.machine())
    docs = parsed(args.path, args.articles, args.seed)
    # The parsed articles stay for the whole run (the importer holds a batch or two): keep
    # the collector from walking them again and again while the store is timed.
    gc.freeze()
    asyncio.run(store_all(args.db, docs))


if __name__ == "__main__":
    main()
