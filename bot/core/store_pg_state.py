"""The bot's state that must outlive a process, on PostgreSQL: cooldowns and open /add
forms (store_state.StateStore). A store module: it speaks SQL; PgStore inherits these
queries (feeds are store_pg_feeds.py's)."""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg

from .errors import BadArchive
from .store_state import CooldownRow


class PgStateQueries:
    """PostgreSQL's StateStore, mixed into PgStore (its pool)."""

    _pool: asyncpg.Pool

    def _writable(self) -> None:  # pragma: no cover - PgStore's own
        raise NotImplementedError

    async def live_cooldowns(self, now: float) -> list[CooldownRow]:
        """Every cooldown whose window has not ended by `now`."""
        rows = await self._pool.fetch(
            "SELECT bucket, window_start, window_end, uses FROM cooldowns WHERE window_end > $1", now
        )
        return [(str(b), float(s), float(e), int(u)) for b, s, e, u in rows]

    async def save_cooldowns(self, rows: Sequence[CooldownRow], now: float) -> None:
        """Store these windows (replacing each bucket's) and drop those ended by `now`, in one transaction."""
        self._writable()
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                await conn.executemany(
                    "INSERT INTO cooldowns (bucket, window_start, window_end, uses) VALUES ($1, $2, $3, $4)"
                    " ON CONFLICT (bucket) DO UPDATE SET window_start = excluded.window_start,"
                    " window_end = excluded.window_end, uses = excluded.uses",
                    list(rows),
                )
                await conn.execute("DELETE FROM cooldowns WHERE window_end <= $1", now)
        except asyncpg.PostgresError as err:
            raise BadArchive(f"The cooldowns could not be saved ({err}).") from err

    async def save_form(self, custom_id: str, guild_id: int, user_id: int, expires: float) -> None:
        """Remember an open form until `expires`."""
        self._writable()
        try:
            await self._pool.execute(
                "INSERT INTO open_forms (custom_id, guild_id, user_id, expires) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT (custom_id) DO UPDATE SET guild_id = excluded.guild_id,"
                " user_id = excluded.user_id, expires = excluded.expires",
                custom_id,
                guild_id,
                user_id,
                expires,
            )
        except asyncpg.PostgresError as err:
            raise BadArchive(f"The form could not be remembered ({err}).") from err

    async def take_form(self, custom_id: str, guild_id: int, user_id: int, now: float) -> bool:
        """Whether this form was shown to this member in this server and has not expired by
        `now`; it is forgotten as it is taken. Expired forms go."""
        self._writable()
        try:
            async with self._pool.acquire() as conn:
                rows = await conn.fetch(
                    "DELETE FROM open_forms WHERE custom_id = $1 AND guild_id = $2 AND user_id = $3"
                    " RETURNING expires",
                    custom_id,
                    guild_id,
                    user_id,
                )
                await conn.execute("DELETE FROM open_forms WHERE expires <= $1", now)
        except asyncpg.PostgresError as err:
            raise BadArchive(f"The form could not be read ({err}).") from err
        return any(float(r[0]) > now for r in rows)
