"""Feeds in a PostgreSQL archive (store_feeds.FeedStore): who follows what, what each feed
has shown, what is still to be announced. A store module: it speaks SQL; PgStore inherits
these queries. The tables are pg_schema_3.sql's.

As in the SQLite archive, polling is claimed in the database: `claim_due` moves a due feed's
next_poll a lease ahead in the statement that picks it. Here several processes on several
machines may claim at once, so the rows picked are locked as they are read (FOR UPDATE
SKIP LOCKED): a feed another process is claiming is skipped, never claimed twice; the
outer condition is checked again on the row as it stands once locked.
"""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg

from .errors import BadArchive, Duplicate
from .store_feeds import Announcement, FeedRow, ItemState

_COLUMNS = (
    "id, guild_id, url, title, announce_channel, interval_seconds, etag, last_modified,"
    " next_poll, last_polled, failures, last_error"
)
_SCOPE = "coalesce(guild_id, -1) = coalesce($1::bigint, -1)"


class PgFeedQueries:
    """PostgreSQL's FeedStore, mixed into PgStore (its pool)."""

    _pool: asyncpg.Pool

    def _writable(self) -> None:  # pragma: no cover - PgStore's own
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
        self._writable()
        try:
            row = await self._pool.fetchrow(
                "INSERT INTO feeds (guild_id, url, title, announce_channel, interval_seconds, next_poll)"
                f" VALUES ($1, $2, $3, $4, $5, $6) RETURNING {_COLUMNS}",
                guild_id,
                url,
                title,
                announce_channel,
                interval_seconds,
                now,
            )
        except asyncpg.UniqueViolationError:
            existing = await self.feed_by_url(guild_id, url)
            number = f", as feed #{existing.id}" if existing else ""
            known = existing.id if existing else 0
            raise Duplicate(f"That feed is already followed here{number}.", known) from None
        except asyncpg.PostgresError as err:
            raise BadArchive(f"The feed could not be stored ({err}).") from err
        assert row is not None
        return FeedRow(*row)

    async def feed(self, feed_id: int) -> FeedRow | None:
        row = await self._pool.fetchrow(f"SELECT {_COLUMNS} FROM feeds WHERE id = $1", feed_id)
        return FeedRow(*row) if row else None

    async def feed_by_url(self, guild_id: int | None, url: str) -> FeedRow | None:
        sql = f"SELECT {_COLUMNS} FROM feeds WHERE {_SCOPE} AND url = $2"
        row = await self._pool.fetchrow(sql, guild_id, url)
        return FeedRow(*row) if row else None

    async def feeds_in(self, guild_id: int | None) -> list[FeedRow]:
        """The feeds this scope follows (a server's own; None: the command line's), oldest first."""
        rows = await self._pool.fetch(f"SELECT {_COLUMNS} FROM feeds WHERE {_SCOPE} ORDER BY id", guild_id)
        return [FeedRow(*r) for r in rows]

    async def all_feeds(self) -> list[FeedRow]:
        return [FeedRow(*r) for r in await self._pool.fetch(f"SELECT {_COLUMNS} FROM feeds ORDER BY id")]

    async def item_counts(self, feed_ids: Sequence[int]) -> dict[int, int]:
        """Articles each feed has added so far (still in the archive)."""
        out = dict.fromkeys(feed_ids, 0)
        if feed_ids:
            for feed_id, n in await self._pool.fetch(
                "SELECT feed_id, count(*) FROM feed_items"
                " WHERE feed_id = ANY($1::bigint[]) AND article_id IS NOT NULL GROUP BY feed_id",
                list(feed_ids),
            ):
                out[feed_id] = int(n)
        return out

    async def delete_feed(self, feed_id: int) -> None:
        """Stop following a feed (its articles stay)."""
        await self._write("DELETE FROM feeds WHERE id = $1", feed_id)

    async def claim_due(self, now: float, lease: float, limit: int) -> list[FeedRow]:
        """Feeds due by `now`, oldest due first, each moved `lease` seconds ahead in the
        same statement, so no other poller takes it meanwhile."""
        sql = (
            "UPDATE feeds SET next_poll = $2 WHERE next_poll <= $1 AND id IN"
            " (SELECT id FROM feeds WHERE next_poll <= $1 ORDER BY next_poll LIMIT $3"
            "  FOR UPDATE SKIP LOCKED)"
            f" RETURNING {_COLUMNS}"
        )
        rows = await self._fetch_writing(sql, now, now + lease, limit)
        return sorted((FeedRow(*r) for r in rows), key=lambda f: f.next_poll)

    async def claim_feed(self, feed_id: int, now: float, lease: float) -> FeedRow | None:
        """One feed, due or not (a poll asked for by hand), leased as claim_due does."""
        rows = await self._fetch_writing(
            f"UPDATE feeds SET next_poll = $1 WHERE id = $2 RETURNING {_COLUMNS}", now + lease, feed_id
        )
        return FeedRow(*rows[0]) if rows else None

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
        sets = "next_poll = $2, last_polled = $3, failures = $4, last_error = $5, title = coalesce($6, title)"
        params: list[object] = [next_poll, now, failures, error, title]
        if validators is not None:
            sets += ", etag = $7, last_modified = $8"
            params += list(validators)
        await self._write(f"UPDATE feeds SET {sets} WHERE id = $1", feed_id, *params)

    async def seen_items(self, feed_id: int, keys: Sequence[str]) -> dict[str, ItemState]:
        """The items among `keys` this feed has shown before, and what became of them."""
        if not keys:
            return {}
        rows = await self._pool.fetch(
            "SELECT item_key, outcome, attempts FROM feed_items"
            " WHERE feed_id = $1 AND item_key = ANY($2::text[])",
            feed_id,
            list(keys),
        )
        return {key: ItemState(outcome, attempts) for key, outcome, attempts in rows}

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
            " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (feed_id, item_key) DO UPDATE SET"
            " article_id = excluded.article_id, outcome = excluded.outcome, reason = excluded.reason,"
            " announced = excluded.announced, seen_at = excluded.seen_at,"
            " attempts = feed_items.attempts + 1",
            feed_id,
            key,
            article_id,
            outcome,
            reason,
            not announce,
            now,
        )

    async def claim_announcements(self, guild_ids: Sequence[int], limit: int) -> list[Announcement]:
        """Articles still to be posted for these servers, marked posted in the same statement
        (so of several bot processes exactly one posts each), oldest first."""
        if not guild_ids:
            return []
        sql = (
            "UPDATE feed_items i SET announced = true FROM feeds f"
            " WHERE f.id = i.feed_id AND NOT i.announced AND i.article_id IS NOT NULL"
            " AND (i.feed_id, i.item_key) IN (SELECT i2.feed_id, i2.item_key FROM feed_items i2"
            "  JOIN feeds f2 ON f2.id = i2.feed_id"
            "  WHERE NOT i2.announced AND i2.article_id IS NOT NULL"
            "  AND f2.announce_channel IS NOT NULL AND f2.guild_id = ANY($1::bigint[])"
            "  ORDER BY i2.seen_at LIMIT $2 FOR UPDATE OF i2 SKIP LOCKED)"
            " RETURNING i.feed_id, f.guild_id, f.announce_channel, f.title, i.article_id, i.seen_at"
        )
        rows = await self._fetch_writing(sql, list(guild_ids), limit)
        return [
            Announcement(feed_id, guild_id, channel, title, article_id)
            for feed_id, guild_id, channel, title, article_id, _seen in sorted(rows, key=lambda r: r[5])
            if guild_id is not None and channel is not None
        ]

    # -- helpers -----------------------------------------------------------------------------
    async def _write(self, sql: str, *params: object) -> None:
        self._writable()
        try:
            await self._pool.execute(sql, *params)
        except asyncpg.PostgresError as err:
            raise BadArchive(f"The feed could not be updated ({err}).") from err

    async def _fetch_writing(self, sql: str, *params: object) -> list[asyncpg.Record]:
        self._writable()
        try:
            return list(await self._pool.fetch(sql, *params))
        except asyncpg.PostgresError as err:
            raise BadArchive(f"The feeds could not be read ({err}).") from err
