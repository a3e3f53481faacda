"""Feeds in the archive file: who follows what, what each feed has shown, what is still to
be announced. A store module: it speaks SQL. Store inherits these queries; the caller
(feeds.Feeds) holds the archive's write lock around every write, since a write here and
an article's transaction share one connection.

Polling is claimed in the file, not in memory: `claim_due` moves a due feed's next_poll a
lease ahead in the same statement that picks it, so several processes polling one archive
never poll one feed at once, and a poller that dies mid-poll only delays it by the lease.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import aiosqlite

from .errors import BadArchive, Duplicate

_COLUMNS = (
    "id, guild_id, url, title, announce_channel, interval_seconds, etag, last_modified,"
    " next_poll, last_polled, failures, last_error"
)
# SQLite's own cap on bound parameters is far higher; this keeps statements small.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One followed feed as stored."""

    id: int
    guild_id: int | None
    url: str
    title: str | None
    announce_channel: int | None
    interval_seconds: int
    etag: str | None
    last_modified: str | None
    next_poll: float
    last_polled: float | None
    failures: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class ItemState:
    """What became of a feed item already seen."""

    outcome: str  # 'added', 'duplicate', 'refused' or 'failed'
    attempts: int


@dataclass(frozen=True, slots=True)
class Announcement:
    """An article a feed added that its server asked to have posted."""

    feed_id: int
    guild_id: int
    channel_id: int
    feed_title: str | None
    article_id: int


class FeedStore(Protocol):
    """What bot.core.feeds needs of a store: the interface every backend's feed queries
    implement (FeedQueries below for SQLite). Every write is made under the caller's lock."""

    read_only: bool

    async def add_feed(
        self,
        guild_id: int | None,
        url: str,
        title: str | None,
        announce_channel: int | None,
        interval_seconds: int,
        now: float,
    ) -> FeedRow: ...
    async def feed(self, feed_id: int) -> FeedRow | None: ...
    async def feed_by_url(self, guild_id: int | None, url: str) -> FeedRow | None: ...
    async def feeds_in(self, guild_id: int | None) -> list[FeedRow]: ...
    async def all_feeds(self) -> list[FeedRow]: ...
    async def item_counts(self, feed_ids: Sequence[int]) -> dict[int, int]: ...
    async def delete_feed(self, feed_id: int) -> None: ...
    async def claim_due(self, now: float, lease: float, limit: int) -> list[FeedRow]: ...
    async def claim_feed(self, feed_id: int, now: float, lease: float) -> FeedRow | None: ...
    async def finish_poll(
        self,
        feed_id: int,
        *,
        now: float,
        next_poll: float,
        failures: int,
        error: str | None,
        title: str | None = None,
        validators: tuple[str | None, str | None] | None = None,
    ) -> None: ...
    async def seen_items(self, feed_id: int, keys: Sequence[str]) -> dict[str, ItemState]: ...
    async def record_item(
        self,
        feed_id: int,
        key: str,
        *,
        outcome: str,
        now: float,
        article_id: int | None = None,
        reason: str | None = None,
        announce: bool = False,
    ) -> None: ...
    async def claim_announcements(self, guild_ids: Sequence[int], limit: int) -> list[Announcement]: ...


class FeedQueries:
    """SQLite's FeedStore: the feed tables' queries, mixed into Store (its connections)."""

    _db: aiosqlite.Connection

    def _writable(self) -> aiosqlite.Connection:  # pragma: no cover - Store's own
        raise NotImplementedError

    async def add_feed(
        self,
        guild_id: int | None,
        url: str,
        title: str | None,
        announce_channel: int | None,
        interval_seconds: int,
        now: float,
    ) -> FeedRow:
        """Follow a feed in this scope, due now. Raises Duplicate when this scope already does."""
        db = self._writable()
        try:
            async with db.execute(
                "INSERT INTO feeds (guild_id, url, title, announce_channel, interval_seconds, next_poll)"
                f" VALUES (?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
                (guild_id, url, title, announce_channel, interval_seconds, now),
            ) as cur:
                row = await cur.fetchone()
        except sqlite3.IntegrityError:
            existing = await self.feed_by_url(guild_id, url)
            number = f", as feed #{existing.id}" if existing else ""
            known = existing.id if existing else 0
            raise Duplicate(f"That feed is already followed here{number}.", known) from None
        except sqlite3.Error as err:
            raise BadArchive(f"The feed could not be stored ({err}).") from err
        assert row is not None
        return FeedRow(*row)

    async def feed(self, feed_id: int) -> FeedRow | None:
        async with self._db.execute(f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", (feed_id,)) as cur:
            row = await cur.fetchone()
        return FeedRow(*row) if row else None

    async def feed_by_url(self, guild_id: int | None, url: str) -> FeedRow | None:
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM feeds WHERE coalesce(guild_id, -1) = coalesce(?, -1) AND url = ?",
            (guild_id, url),
        ) as cur:
            row = await cur.fetchone()
        return FeedRow(*row) if row else None

    async def feeds_in(self, guild_id: int | None) -> list[FeedRow]:
        """The feeds this scope follows (a server's own; None: the command line's), oldest first."""
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM feeds WHERE coalesce(guild_id, -1) = coalesce(?, -1) ORDER BY id",
            (guild_id,),
        ) as cur:
            return [FeedRow(*row) for row in await cur.fetchall()]

    async def all_feeds(self) -> list[FeedRow]:
        async with self._db.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY id") as cur:
            return [FeedRow(*row) for row in await cur.fetchall()]

    async def item_counts(self, feed_ids: Sequence[int]) -> dict[int, int]:
        """Articles each feed has added so far (still in the archive)."""
        out = dict.fromkeys(feed_ids, 0)
        for start in range(0, len(feed_ids), _CHUNK):
            chunk = list(feed_ids[start : start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT feed_id, count(*) FROM feed_items"
                f" WHERE feed_id IN ({marks}) AND article_id IS NOT NULL GROUP BY feed_id"
            )
            for feed_id, n in await self._db.execute_fetchall(sql, chunk):
                out[feed_id] = n
        return out

    async def delete_feed(self, feed_id: int) -> None:
        """Stop following a feed (its articles stay)."""
        await self._write("DELETE FROM feeds WHERE id = ?", (feed_id,))

    async def claim_due(self, now: float, lease: float, limit: int) -> list[FeedRow]:
        """Feeds due by `now`, oldest due first, each moved `lease` seconds ahead in the
        same statement, so no other poller takes it meanwhile."""
        db = self._writable()
        sql = (
            "UPDATE feeds SET next_poll = :until WHERE id IN"
            " (SELECT id FROM feeds WHERE next_poll <= :now ORDER BY next_poll LIMIT :limit)"
            f" RETURNING {_COLUMNS}"
        )
        try:
            rows = await db.execute_fetchall(sql, {"now": now, "until": now + lease, "limit": limit})
        except sqlite3.Error as err:
            raise BadArchive(f"The feeds could not be read ({err}).") from err
        return sorted((FeedRow(*row) for row in rows), key=lambda f: f.next_poll)

    async def claim_feed(self, feed_id: int, now: float, lease: float) -> FeedRow | None:
        """One feed, due or not (a poll asked for by hand), leased as claim_due does."""
        rows = await self._writable().execute_fetchall(
            f"UPDATE feeds SET next_poll = ? WHERE id = ? RETURNING {_COLUMNS}", (now + lease, feed_id)
        )
        return FeedRow(*rows[0]) if rows else None  # type: ignore[index]

    async def finish_poll(
        self,
        feed_id: int,
        *,
        now: float,
        next_poll: float,
        failures: int,
        error: str | None,
        title: str | None = None,
        validators: tuple[str | None, str | None] | None = None,
    ) -> None:
        """Record a poll's end: when it is next due, the failures in a row and the last error;
        the feed's title and (when given) the validators for the next conditional request."""
        sets = "next_poll = ?, last_polled = ?, failures = ?, last_error = ?, title = coalesce(?, title)"
        params: list[object] = [next_poll, now, failures, error, title]
        if validators is not None:
            sets += ", etag = ?, last_modified = ?"
            params += list(validators)
        await self._write(f"UPDATE feeds SET {sets} WHERE id = ?", (*params, feed_id))

    async def seen_items(self, feed_id: int, keys: Sequence[str]) -> dict[str, ItemState]:
        """The items among `keys` this feed has shown before, and what became of them."""
        out: dict[str, ItemState] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = list(keys[start : start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT item_key, outcome, attempts FROM feed_items"
                f" WHERE feed_id = ? AND item_key IN ({marks})"
            )
            for key, outcome, attempts in await self._db.execute_fetchall(sql, [feed_id, *chunk]):
                out[key] = ItemState(outcome, attempts)
        return out

    async def record_item(
        self,
        feed_id: int,
        key: str,
        *,
        outcome: str,
        now: float,
        article_id: int | None = None,
        reason: str | None = None,
        announce: bool = False,
    ) -> None:
        """Remember what became of one item (a second try counts another attempt)."""
        await self._write(
            "INSERT INTO feed_items (feed_id, item_key, article_id, outcome, reason, announced, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, item_key) DO UPDATE SET"
            " article_id = excluded.article_id, outcome = excluded.outcome, reason = excluded.reason,"
            " announced = excluded.announced, seen_at = excluded.seen_at, attempts = attempts + 1",
            (feed_id, key, article_id, outcome, reason, 0 if announce else 1, now),
        )

    async def claim_announcements(self, guild_ids: Sequence[int], limit: int) -> list[Announcement]:
        """Articles still to be posted for these servers, marked posted in the same statement
        (so of several bot processes exactly one posts each), oldest first."""
        out: list[Announcement] = []
        db = self._writable()
        for start in range(0, len(guild_ids), _CHUNK):
            if len(out) >= limit:
                break
            chunk = list(guild_ids[start : start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            sql = (
                "UPDATE feed_items SET announced = 1 WHERE announced = 0 AND article_id IS NOT NULL"
                " AND (feed_id, item_key) IN (SELECT i.feed_id, i.item_key FROM feed_items i"
                "  JOIN feeds f ON f.id = i.feed_id"
                f"  WHERE i.announced = 0 AND f.announce_channel IS NOT NULL AND f.guild_id IN ({marks})"
                "  ORDER BY i.seen_at LIMIT ?)"
                " RETURNING feed_id, article_id, seen_at"
            )
            try:
                claimed = await db.execute_fetchall(sql, [*chunk, limit - len(out)])
            except sqlite3.Error as err:
                raise BadArchive(f"The feeds could not be read ({err}).") from err
            if not claimed:
                continue
            feeds = {f.id: f for f in [await self.feed(fid) for fid in {r[0] for r in claimed}] if f}
            for feed_id, article_id, _seen in sorted(claimed, key=lambda r: r[2]):
                feed = feeds.get(feed_id)
                if feed is None or feed.guild_id is None or feed.announce_channel is None:
                    continue
                channel = feed.announce_channel
                out.append(Announcement(feed_id, feed.guild_id, channel, feed.title, article_id))
        return out

    # -- helpers -----------------------------------------------------------------------------
    async def _write(self, sql: str, params: Sequence[object]) -> None:
        try:
            await self._writable().execute(sql, params)
        except sqlite3.Error as err:
            raise BadArchive(f"The feed could not be updated ({err}).") from err
