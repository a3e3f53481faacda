"""Feeds: how fast a poll adds items, and what an unchanged poll costs.

    python bench/feeds.py [--feeds 20] [--items 20] [--db PATH]

Serves `--feeds` RSS feeds of `--items` items each on 127.0.0.1 (each item's link a plain-text
article page of ~300 words of generated news-like text; nothing is downloaded), follows them
all in an archive, then times:
- the first poll of every feed (fetch the feed, fetch each item's page, parse, attribute,
  store): items added per second;
- a second poll (the server answers 304 Not Modified to the conditional request): feeds
  per second, and the rows that changed (none should);
- a third poll after each feed gained one new item under a new id whose text is already
  stored: what the dedup by id and by text costs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

from aiohttp import web

# bench/bot.py sits beside this file, first on sys.path: take the folder off, or `import bot`
# would find that file, not the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from bot.core.archive import Archive  # noqa: E402
from bot.core.feeds import FeedSettings  # noqa: E402

WORDS = [
    "council",
    "budget",
    "harbour",
    "minister",
    "plan",
    "vote",
    "schools",
    "tax",
    "bridge",
    "court",
    "ruling",
    "police",
    "report",
    "election",
    "campaign",
    "union",
    "strike",
    "hospital",
    "health",
    "energy",
    "prices",
    "inflation",
    "rail",
    "transport",
    "water",
]


def article(rng: random.Random, n: int) -> str:
    sentences = []
    for i in range(18):
        words = " ".join(rng.choice(WORDS) for _ in range(14))
        if i % 4 == 1:
            sentences.append(f'"The {words} must change," said Mayor Ann Lee{n % 7}.')
        else:
            sentences.append(f"The {words} on day {n} item {i}.")
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return f"Story {n}\n\n" + "\n\n".join(paragraphs)


def rss(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><guid isPermaLink='false'>{g}</guid><link>{link}</link>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        for g, link, t in items
    )
    return f"<rss version='2.0'><channel><title>Bench</title>{body}</channel></rss>".encode()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--db", type=Path, default=None, help="archive file (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(7)
    pages: dict[str, str] = {}
    feeds: dict[str, tuple[bytes, str]] = {}

    async def handle(request: web.Request) -> web.Response:
        if request.path in feeds:
            body, etag = feeds[request.path]
            if request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers={"ETag": etag})
            return web.Response(body=body, headers={"Content-Type": "application/rss+xml", "ETag": etag})
        return web.Response(text=pages[request.path], content_type="text/plain")

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    items_of: dict[int, list[tuple[str, str, str]]] = {}
    for f in range(args.feeds):
        items_of[f] = []
        for i in range(args.items):
            n = f * args.items + i
            pages[f"/p/{n}"] = article(rng, n)
            items_of[f].append((f"g{n}", f"{base}/p/{n}", f"Story {n}"))
        feeds[f"/f/{f}"] = (rss(items_of[f]), '"1"')

    folder = tempfile.mkdtemp()
    db = args.db or Path(folder) / "feeds.db"
    async with await Archive.open(db) as archive:
        archive.feeds.configure(FeedSettings(allow_private=True, items_per_poll=args.items))
        for f in range(args.feeds):
            await archive.feeds.follow(f"{base}/f/{f}")
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"{args.feeds} feeds x {args.items} items, archive {db}")

        started = time.perf_counter()
        results = await archive.feeds.poll_all()
        took = time.perf_counter() - started
        added = sum(len(r.added) for r in results)
        failed = [r.error for r in results if r.error]
        rate = added / took
        print(f"first poll:  {added} items added in {took:.2f} s = {rate:.1f} items/s", end="")
        print(f"; {len(failed)} feeds failed")

        started = time.perf_counter()
        results = await archive.feeds.poll_all()
        took = time.perf_counter() - started
        unchanged = sum(r.status == "unchanged" for r in results)
        print(
            f"second poll: {unchanged}/{len(results)} unchanged (304) in {took * 1000:.0f} ms"
            f" = {took / len(results) * 1000:.1f} ms a feed"
        )

        for f in range(args.feeds):  # one old story under a new id, at the top of each feed
            old = items_of[f][0]
            items_of[f].insert(0, (f"again-{old[0]}", old[1], old[2]))
            feeds[f"/f/{f}"] = (rss(items_of[f]), '"2"')
        started = time.perf_counter()
        results = await archive.feeds.poll_all()
        took = time.perf_counter() - started
        seen = sum(r.seen for r in results)
        duplicates = sum(r.duplicates for r in results)
        added = sum(len(r.added) for r in results)
        print(
            f"third poll:  {seen} skipped by id, {duplicates} by text, {added} added,"
            f" in {took:.2f} s = {took / len(results) * 1000:.0f} ms a feed"
        )
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
