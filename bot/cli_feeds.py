"""Command line for feeds: `archivist follow|unfollow|feeds [poll]|poll` (bot/__main__.py
hands these commands here). The command line's feeds are global, as its articles are;
`--server` acts for one server instead (its id, as Discord shows it in developer mode).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from .config import BotSettings, ConfigError
from .core.archive import Archive
from .core.errors import BadArchive, BadOption
from .core.feeds import FeedInfo, FeedSettings, PollResult

COMMANDS = frozenset({"follow", "unfollow", "feeds", "poll"})
EXIT_ERROR = 1


def add_commands(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add the feed commands to `archivist`'s parser (`add(name, help)` makes a subcommand)."""
    p = add("follow", "follow an RSS or Atom feed: its new items are added as articles")
    p.add_argument("url")
    p.add_argument("--every", type=float, metavar="MINUTES", help="minutes between polls (default 30)")
    _scope(p)
    p.add_argument(
        "--announce", type=int, metavar="CHANNEL_ID", help="with --server: post new items in this channel"
    )
    p = add("unfollow", "stop following a feed (by number or address); its articles stay")
    p.add_argument("feed")
    _scope(p)
    p = add("feeds", "list the feeds followed; 'feeds poll' polls every feed now")
    p.add_argument("action", nargs="?", choices=["poll"], help="poll every feed now and say what came")
    _scope(p)
    p.add_argument("--all", action="store_true", help="list every server's feeds too")
    add("poll", "poll the feeds as they fall due until stopped (a process of its own beside `run`)")


def _scope(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", type=int, metavar="ID", help="a server's feeds instead of the global ones")


def feed_settings(settings: BotSettings) -> FeedSettings:
    """The feed poller's settings from the bot's (the same environment variables)."""
    return FeedSettings(
        interval=settings.feed_interval,
        page_max_bytes=settings.fetch_max_bytes,
        timeout=settings.fetch_timeout,
        allow_private=settings.allow_private_urls,
        items_per_poll=settings.feed_items_per_poll,
        tick=settings.feed_tick,
    )


def check(args: argparse.Namespace) -> None:
    """Refuse bad values before the archive is opened (nothing to undo)."""
    if getattr(args, "every", None) is not None and not args.every > 0:
        raise BadOption(f"--every must be a number of minutes above 0; {args.every:g} is not.")
    if getattr(args, "announce", None) is not None and getattr(args, "server", None) is None:
        raise BadOption("--announce names a channel of a server: give the server with --server too.")
    try:
        BotSettings.from_env()
    except ConfigError as error:
        raise BadOption(str(error)) from None


async def run(args: argparse.Namespace, archive: Archive) -> int:
    """Run one feed command on an open archive; the exit code."""
    feeds = archive.feeds
    feeds.configure(feed_settings(BotSettings.from_env()))
    scope = getattr(args, "server", None)
    if args.command == "follow":
        every = args.every * 60 if args.every is not None else None
        info = await feeds.follow(args.url, guild_id=scope, announce_channel=args.announce, interval=every)
        if args.json:
            _print_json(_info_json(info))
        else:
            print(f"Following feed #{info.feed.id}: {_name(info)}; its items are added at the next poll.")
        return 0
    if args.command == "unfollow":
        info = await feeds.unfollow(args.feed, guild_id=scope)
        if args.json:
            _print_json({"unfollowed": info.feed.id, "url": info.shown_url})
        else:
            print(f"Stopped following feed #{info.feed.id}: {_name(info)}; its articles stay.")
        return 0
    if args.command == "feeds" and args.action == "poll":
        results = await feeds.poll_all(guild_id=scope, everywhere=scope is None)
        for result in results:
            _print_json(_result_json(result)) if args.json else _show_result(result)
        if not results and not args.json:
            print("No feeds are followed.")
        return EXIT_ERROR if any(r.status == "failed" for r in results) else 0
    if args.command == "feeds":
        listed = await feeds.followed(guild_id=scope, everywhere=args.all)
        if args.json:
            _print_json({"feeds": [_info_json(i) for i in listed]})
        elif not listed:
            print("No feeds are followed here; add one with: archivist follow URL")
        for info in listed if not args.json else ():
            _show_info(info)
        return 0
    if args.command == "poll":
        return await _poll_forever(archive)
    raise AssertionError(f"unhandled command {args.command}")


async def _poll_forever(archive: Archive) -> int:
    if archive.read_only:
        raise BadArchive("This archive is read-only: feeds cannot be polled into it.")
    stop = asyncio.Event()
    with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows' loop
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    count = len(await archive.feeds.followed())
    print(
        f"archivist: polling feeds as they fall due ({count} global ones now, and the servers'); "
        "Ctrl-C stops.",
        file=sys.stderr,
    )
    await archive.feeds.run(stop)
    return 0


def _print_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _name(info: FeedInfo) -> str:
    return f"{info.feed.title} ({info.shown_url})" if info.feed.title else info.shown_url


def _when(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(stamp))


def _show_info(info: FeedInfo) -> None:
    feed = info.feed
    where = f" (server {feed.guild_id})" if feed.guild_id is not None else ""
    print(f"#{feed.id}: {_name(info)}{where}")
    polled = f"last polled {_when(feed.last_polled)}" if feed.last_polled else "not polled yet"
    every = f"every {feed.interval_seconds / 60:g} min"
    print(f"   {every}, {_count(info.articles, 'article')} added, {polled}")
    if feed.failures:
        print(f"   failing ({feed.failures} in a row): {feed.last_error}; next try {_when(feed.next_poll)}")


def _info_json(info: FeedInfo) -> dict[str, Any]:
    feed = info.feed
    return {
        "id": feed.id,
        "url": info.shown_url,
        "title": feed.title,
        "server": feed.guild_id,
        "announce_channel": feed.announce_channel,
        "every_minutes": feed.interval_seconds / 60,
        "articles": info.articles,
        "last_polled": feed.last_polled,
        "next_poll": feed.next_poll,
        "failures": feed.failures,
        "last_error": feed.last_error,
    }


def _result_json(result: PollResult) -> dict[str, Any]:
    return {
        "feed": result.feed.id,
        "status": result.status,
        "added": [{"id": s.ref.id, "title": s.ref.title, "source": s.ref.source} for s in result.added],
        "seen": result.seen,
        "duplicates": result.duplicates,
        "refused": [{"item": item, "reason": reason} for item, reason in result.refused],
        "left_for_next_poll": result.left,
        "error": result.error,
    }


def _show_result(result: PollResult) -> None:
    name = f"#{result.feed.id} {result.feed.title or result.feed.url}"
    if result.status == "failed":
        print(f"{name}: failed: {result.error} Next try {_when(result.next_poll)}.")
        return
    if result.status == "unchanged":
        print(f"{name}: unchanged since the last poll.")
        return
    parts = [f"{len(result.added)} added"]
    if result.seen:
        parts.append(f"{result.seen} seen before")
    if result.duplicates:
        parts.append(f"{result.duplicates} already in the archive")
    if result.refused:
        parts.append(f"{len(result.refused)} refused")
    if result.left:
        parts.append(f"{result.left} left for the next poll")
    print(f"{name}: {', '.join(parts)}.")
    for summary in result.added:
        print(f"   Added #{summary.ref.id}: {summary.ref.citation}")
    for item, reason in result.refused:
        print(f"   Refused {item}: {reason}")
