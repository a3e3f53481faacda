"""Feeds that fill the archive: follow an RSS or Atom feed, poll it, add its new items.

A poll is one conditional request (If-None-Match / If-Modified-Since from the last
answer), then each item not seen before is fetched through the same guarded fetcher as
`/add` (bot.core.fetch: no private addresses, size and time capped) and stored through
the same ingest, in the feed's scope. What is already stored is skipped twice over: by the
item's own id (feed_items) before anything is fetched, and by its text (the archive's
duplicate check) after. A feed that fails waits longer after each failure in a row (its
interval doubled each time, a day at most); the other feeds go on. Nothing is posted
anywhere unless the server named a channel for it: the store keeps what is owed, and the
bot process that serves that server posts it (see bot.chat.cogs.feeds).

feedparser reads the formats (RSS 0.9x/1.0/2.0, Atom, with their dates and ids); it is
given bytes only, never a URL, so it makes no request of its own.
"""

from __future__ import annotations

import asyncio
import calendar
import contextlib
import hashlib
import html
import io
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import ArchiveError, BadFeed, Duplicate, FetchError, NotFound, TooLarge
from .fetch import fetch_url, public_url
from .models import ArticleSummary
from .store_feeds import Announcement, FeedRow, FeedStore

if TYPE_CHECKING:
    from .archive import Archive

log = logging.getLogger(__name__)

# What a feed may be served as. text/ covers text/xml (and feeds wrongly served as HTML,
# which feedparser reads or refuses on its own).
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/",
)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
MAX_ITEM_ATTEMPTS = 3  # an item whose page could not be fetched is tried this many times
MAX_FEEDS_PER_SCOPE = 50
_ID_RE = re.compile(r"^#?(\d+)$")


@dataclass(frozen=True, slots=True)
class FeedSettings:
    """How feeds are polled (BotSettings and the command line fill these in)."""

    interval: float = 1800.0  # seconds between polls of a feed that has not asked otherwise
    min_interval: float = 300.0  # the shortest interval anyone may ask for
    max_backoff: float = 86_400.0  # a failing feed is tried at least this often
    feed_max_bytes: int = 5_000_000
    page_max_bytes: int = 2_000_000
    timeout: float = 10.0
    allow_private: bool = False  # tests only: feeds and pages on loopback
    items_per_poll: int = 20  # new items added per poll at most; the rest at the next ones
    concurrency: int = 4  # feeds polled at once
    lease: float = 600.0  # a claimed feed is not claimed again for this long
    tick: float = 30.0  # how often the poller looks for due feeds


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, as much of it as ingest needs."""

    key: str
    title: str | None
    link: str | None
    date: str | None
    content: str | None  # the entry's own HTML, used when it has no link


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    items: list[FeedItem]


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """A followed feed as listed: its row and how many articles it has added."""

    feed: FeedRow
    articles: int

    @property
    def shown_url(self) -> str:
        """The feed's address as it may be shown (no credentials, no secret parameters)."""
        return public_url(self.feed.url)


@dataclass
class PollResult:
    """What one poll of one feed did."""

    feed: FeedRow
    status: str = "new"  # 'new', 'unchanged' (304) or 'failed'
    added: list[ArticleSummary] = field(default_factory=list)
    seen: int = 0  # items skipped by their id: shown by the feed before
    duplicates: int = 0  # items whose text was already stored
    refused: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    left: int = 0  # new items left for the next poll (items_per_poll)
    error: str | None = None
    next_poll: float = 0.0


def _iso_date(entry: Any) -> str | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = entry.get(name)
        if stamp:
            with contextlib.suppress(TypeError, ValueError, OverflowError):
                return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(stamp)))
    return None


def _item(entry: Any) -> FeedItem | None:
    """A feedparser entry as a FeedItem, or None when it has nothing to add."""
    title = (entry.get("title") or "").strip() or None
    link = (entry.get("link") or "").strip() or None
    content = None
    for part in entry.get("content") or ():
        if part.get("value"):
            content = part["value"]
            break
    content = content or entry.get("summary") or None
    if not (link or content):
        return None
    key = (entry.get("id") or "").strip() or link
    if not key:
        key = "sha256:" + hashlib.sha256(f"{title}\n{content}".encode()).hexdigest()
    return FeedItem(key=key[:2000], title=title, link=link, date=_iso_date(entry), content=content)


def parse_feed(
    body: bytes, url: str, content_type: str | None = None, charset: str | None = None
) -> ParsedFeed:
    """Read RSS or Atom. Raises BadFeed when the bytes are no feed, or too broken to read."""
    import feedparser  # its import takes ~50 ms: only for those that poll

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type + (f"; charset={charset}" if charset else "")
    # Bytes in a stream: a str would be taken for a URL or a file name and opened.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    items = [item for entry in parsed.entries if (item := _item(entry)) is not None]
    if not parsed.get("version") and not items:
        raise BadFeed(f"{public_url(url)} is not an RSS or Atom feed.")
    if parsed.get("bozo") and not items:
        reason = str(parsed.get("bozo_exception") or "it is not well-formed")
        raise BadFeed(f"The feed at {public_url(url)} cannot be read ({reason}).")
    title = (parsed.feed.get("title") or "").strip() or None
    return ParsedFeed(title=title, items=items)


class Feeds:
    """The archive's feeds: following, listing, polling. One per Archive (`archive.feeds`)."""

    def __init__(self, archive: Archive, store: FeedStore, write_lock: asyncio.Lock) -> None:
        self._archive = archive
        self._store = store
        self._lock = write_lock  # the archive's: feed writes share its writing connection
        self.settings = FeedSettings()
        self.clock: Callable[[], float] = time.time

    def configure(self, settings: FeedSettings) -> None:
        """Use these settings from now on."""
        self.settings = settings

    # -- following ---------------------------------------------------------------------------
    async def follow(
        self,
        url: str,
        *,
        guild_id: int | None = None,
        announce_channel: int | None = None,
        interval: float | None = None,
    ) -> FeedInfo:
        """Follow a feed in this scope after checking it is one (fetched as a poll would);
        its items are added by the next poll. Raises BadFeed, FetchError, TooLarge, Duplicate."""
        url = url.strip().strip("<>")
        every = self.settings.interval if interval is None else interval
        if every < self.settings.min_interval:
            raise BadFeed(
                f"A feed can be polled every {self.settings.min_interval / 60:g} minutes at most often."
            )
        existing = await self._store.feed_by_url(guild_id, url)
        if existing is not None:
            raise Duplicate(f"That feed is already followed here, as feed #{existing.id}.", existing.id)
        if len(await self._store.feeds_in(guild_id)) >= MAX_FEEDS_PER_SCOPE:
            raise BadFeed(f"At most {MAX_FEEDS_PER_SCOPE} feeds can be followed here; unfollow one first.")
        fetched = await self._fetch_feed(url, None)
        parsed = await asyncio.to_thread(
            parse_feed, fetched.body, fetched.url, fetched.content_type, fetched.charset
        )
        async with self._lock:
            row = await self._store.add_feed(
                guild_id, url, parsed.title, announce_channel, round(every), self.clock()
            )
        log.info("following feed %s (%s) in scope %s", row.id, public_url(url), guild_id)
        return FeedInfo(row, 0)

    async def unfollow(self, which: str, *, guild_id: int | None = None) -> FeedInfo:
        """Stop following a feed of this scope, named by its number or its address.
        The articles it added stay. Raises NotFound."""
        info = await self.find(which, guild_id=guild_id)
        async with self._lock:
            await self._store.delete_feed(info.feed.id)
        return info

    async def find(self, which: str, *, guild_id: int | None = None) -> FeedInfo:
        """A feed of this scope by number ("3", "#3") or address. Raises NotFound."""
        which = which.strip().strip("<>")
        number = _ID_RE.match(which)
        store = self._store
        row = await store.feed(int(number[1])) if number else await store.feed_by_url(guild_id, which)
        if row is None or row.guild_id != guild_id:
            raise NotFound(f"No feed {which} is followed here; /feeds lists those that are.")
        counts = await self._store.item_counts([row.id])
        return FeedInfo(row, counts[row.id])

    async def followed(self, *, guild_id: int | None = None, everywhere: bool = False) -> list[FeedInfo]:
        """The feeds this scope follows (only its own; `everywhere`: every scope's), oldest first."""
        rows = await (self._store.all_feeds() if everywhere else self._store.feeds_in(guild_id))
        counts = await self._store.item_counts([r.id for r in rows])
        return [FeedInfo(r, counts[r.id]) for r in rows]

    # -- polling -----------------------------------------------------------------------------
    async def poll_due(self) -> list[PollResult]:
        """Poll every feed that is due (claimed first, so other processes skip it)."""
        async with self._lock:
            due = await self._store.claim_due(self.clock(), self.settings.lease, limit=1000)
        return await self._poll_all(due)

    async def poll_all(self, *, guild_id: int | None = None, everywhere: bool = True) -> list[PollResult]:
        """Poll now, due or not: every feed (`everywhere`) or this scope's."""
        rows = await (self._store.all_feeds() if everywhere else self._store.feeds_in(guild_id))
        claimed: list[FeedRow] = []
        async with self._lock:
            for row in rows:
                got = await self._store.claim_feed(row.id, self.clock(), self.settings.lease)
                if got is not None:
                    claimed.append(got)
        return await self._poll_all(claimed)

    async def _poll_all(self, feeds: Sequence[FeedRow]) -> list[PollResult]:
        gate = asyncio.Semaphore(self.settings.concurrency)

        async def one(feed: FeedRow) -> PollResult:
            async with gate:
                return await self.poll(feed)

        return list(await asyncio.gather(*(one(f) for f in feeds)))

    async def poll(self, feed: FeedRow) -> PollResult:
        """Poll one (claimed) feed and add its new items. Never raises for the feed's own
        faults: they are the result's error, and the feed waits longer before the next try."""
        now = self.clock()
        result = PollResult(feed)
        try:
            await self._poll(feed, now, result)
        except ArchiveError as error:
            result.status, result.error = "failed", str(error)
        except Exception as error:  # noqa: BLE001 - one feed's surprise must not stop the others
            log.exception("polling feed %s failed", feed.id)
            result.status, result.error = "failed", f"Something went wrong ({type(error).__name__})."
        if result.status == "failed":
            failures = feed.failures + 1
            wait = min(feed.interval_seconds * 2 ** min(failures, 16), self.settings.max_backoff)
            result.next_poll = now + max(wait, feed.interval_seconds)
            log.info("feed %s failed (%d in a row): %s", feed.id, failures, result.error)
            async with self._lock:
                await self._store.finish_poll(
                    feed.id, now=now, next_poll=result.next_poll, failures=failures, error=result.error
                )
        return result

    async def _poll(self, feed: FeedRow, now: float, result: PollResult) -> None:
        fetched = await self._fetch_feed(feed.url, feed)
        result.next_poll = now + feed.interval_seconds
        if fetched.status == 304:
            result.status = "unchanged"
            async with self._lock:
                await self._store.finish_poll(
                    feed.id, now=now, next_poll=result.next_poll, failures=0, error=None
                )
            return
        parsed = await asyncio.to_thread(
            parse_feed, fetched.body, fetched.url, fetched.content_type, fetched.charset
        )
        seen = await self._store.seen_items(feed.id, [i.key for i in parsed.items])
        fresh: list[FeedItem] = []
        for item in dict((i.key, i) for i in parsed.items).values():
            state = seen.get(item.key)
            if state is None or (state.outcome == "failed" and state.attempts < MAX_ITEM_ATTEMPTS):
                fresh.append(item)
            else:
                result.seen += 1
        # Feeds list the newest first: take the newest, add the oldest of them first.
        batch = fresh[: self.settings.items_per_poll]
        result.left = len(fresh) - len(batch)
        retry = result.left > 0
        for item in reversed(batch):
            retry |= not await self._add_item(feed, item, result)
        # The validators are kept only when every item was dealt with: otherwise the next
        # request must get the whole feed again (a 304 would hide the items still owed).
        async with self._lock:
            await self._store.finish_poll(
                feed.id,
                now=now,
                next_poll=result.next_poll,
                failures=0,
                error=None,
                title=parsed.title,
                validators=(None, None) if retry else (fetched.etag, fetched.last_modified),
            )

    async def _fetch_feed(self, url: str, feed: FeedRow | None) -> Any:
        headers = {"Accept": FEED_ACCEPT}
        if feed is not None and feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed is not None and feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        settings = self.settings
        try:
            return await fetch_url(
                url,
                max_bytes=settings.feed_max_bytes,
                timeout=settings.timeout,
                allow_private=settings.allow_private,
                headers=headers,
                accepted=FEED_TYPES,
            )
        except TooLarge:
            limit = f"{settings.feed_max_bytes / 1e6:g} MB"
            raise TooLarge(f"The feed is larger than the {limit} limit.") from None

    async def _add_item(self, feed: FeedRow, item: FeedItem, result: PollResult) -> bool:
        """Fetch and store one item; False when it should be tried again later."""
        settings = self.settings
        name = item.title or item.link or item.key
        hints: dict[str, Any]
        if item.link:
            try:
                page = await fetch_url(
                    item.link,
                    max_bytes=settings.page_max_bytes,
                    timeout=settings.timeout,
                    allow_private=settings.allow_private,
                )
            except FetchError as error:
                # Often passing (a timeout, a 503); a refused address says the same every time,
                # and the attempts cap stops it.
                await self._record(feed, item, "failed", reason=str(error))
                result.refused.append((name, str(error)))
                return False
            except TooLarge as error:
                await self._record(feed, item, "refused", reason=str(error))
                result.refused.append((name, str(error)))
                return True
            raw: str | bytes = page.body
            hints = {"source": page.url, "content_type": page.content_type, "charset": page.charset}
        else:
            # A fragment of HTML: as a page of its own, so the page reader finds its text.
            title = html.escape(item.title or "")
            raw = (
                f"<html><head><title>{title}</title></head>"
                f"<body><article>{item.content}</article></body></html>"
            )
            hints = {"source": None, "content_type": "text/html"}
        try:
            summary = await self._archive.add_text(
                raw, title=item.title, date=item.date, guild_id=feed.guild_id, **hints
            )
        except Duplicate as duplicate:
            result.duplicates += 1
            await self._record(feed, item, "duplicate", article_id=None, reason=str(duplicate))
            return True
        except ArchiveError as error:
            result.refused.append((name, str(error)))
            await self._record(feed, item, "refused", reason=str(error))
            return True
        result.added.append(summary)
        await self._record(
            feed, item, "added", article_id=summary.ref.id, announce=feed.announce_channel is not None
        )
        return True

    async def _record(
        self,
        feed: FeedRow,
        item: FeedItem,
        outcome: str,
        *,
        article_id: int | None = None,
        reason: str | None = None,
        announce: bool = False,
    ) -> None:
        async with self._lock:
            await self._store.record_item(
                feed.id,
                item.key,
                outcome=outcome,
                now=self.clock(),
                article_id=article_id,
                reason=reason,
                announce=announce,
            )

    async def run(self, stop: asyncio.Event) -> None:
        """Poll due feeds every `tick` seconds until `stop` is set (archivist run and poll)."""
        while not stop.is_set():
            try:
                for result in await self.poll_due():
                    log.info(
                        "feed %s: %s, %d added, %d seen, %d duplicates%s",
                        result.feed.id,
                        result.status,
                        len(result.added),
                        result.seen,
                        result.duplicates,
                        f" ({result.error})" if result.error else "",
                    )
            except ArchiveError as error:  # the archive itself (read-only, locked): try later
                log.warning("feeds could not be polled: %s", error)
            except Exception:  # noqa: BLE001 - the poller outlives one bad round
                log.exception("feed polling failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.settings.tick)

    async def claim_announcements(self, guild_ids: Sequence[int], limit: int = 20) -> list[Announcement]:
        """New articles owed a post in these servers' channels, each claimed by one caller."""
        if not guild_ids:
            return []
        async with self._lock:
            return await self._store.claim_announcements(list(guild_ids), limit)
