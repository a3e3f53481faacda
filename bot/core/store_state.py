"""The bot's own state that must outlive a process: cooldowns and open /add forms. A store
module: it speaks SQL. Store inherits these queries; the callers (bot.core.state) hold
the archive's write lock."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Protocol

import aiosqlite

from .errors import BadArchive

CooldownRow = tuple[str, float, float, int]  # bucket, window start, window end, uses


class StateStore(Protocol):
    """What bot.core.state needs of a store (StateQueries below for SQLite)."""

    read_only: bool

    async def live_cooldowns(self, now: float) -> list[CooldownRow]: ...
    async def save_cooldowns(self, rows: Sequence[CooldownRow], now: float) -> None: ...
    async def save_form(self, custom_id: str, guild_id: int, user_id: int, expires: float) -> None: ...
    async def take_form(self, custom_id: str, guild_id: int, user_id: int, now: float) -> bool: ...


class StateQueries:
    """SQLite's StateStore: cooldown rows, mixed into Store (its connections)."""

    _db: aiosqlite.Connection

    def _writable(self) -> aiosqlite.Connection:  # pragma: no cover - Store's own
        raise NotImplementedError

    async def live_cooldowns(self, now: float) -> list[CooldownRow]:
        """Every cooldown whose window has not ended by `now`."""
        rows = await self._db.execute_fetchall(
            "SELECT bucket, window_start, window_end, uses FROM cooldowns WHERE window_end > ?", (now,)
        )
        return [(str(b), float(s), float(e), int(u)) for b, s, e, u in rows]

    async def save_cooldowns(self, rows: Sequence[CooldownRow], now: float) -> None:
        """Store these windows (replacing what each bucket had) and drop those ended by `now`,
        in one transaction."""
        db = self._writable()
        try:
            await db.execute("BEGIN IMMEDIATE")
            try:
                await db.executemany(
                    "INSERT INTO cooldowns (bucket, window_start, window_end, uses) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (bucket) DO UPDATE SET window_start = excluded.window_start,"
                    " window_end = excluded.window_end, uses = excluded.uses",
                    rows,
                )
                await db.execute("DELETE FROM cooldowns WHERE window_end <= ?", (now,))
                await db.execute("COMMIT")
            except BaseException:
                await db.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise BadArchive(f"The cooldowns could not be saved ({err}).") from err

    async def save_form(self, custom_id: str, guild_id: int, user_id: int, expires: float) -> None:
        """Remember an open form until `expires`."""
        try:
            await self._writable().execute(
                "INSERT OR REPLACE INTO open_forms (custom_id, guild_id, user_id, expires)"
                " VALUES (?, ?, ?, ?)",
                (custom_id, guild_id, user_id, expires),
            )
        except sqlite3.Error as err:
            raise BadArchive(f"The form could not be remembered ({err}).") from err

    async def take_form(self, custom_id: str, guild_id: int, user_id: int, now: float) -> bool:
        """Whether this form was shown to this member in this server and has not expired by
        `now`; it is forgotten in the same statement (a form is taken once). Expired forms go."""
        db = self._writable()
        try:
            rows = await db.execute_fetchall(
                "DELETE FROM open_forms WHERE custom_id = ? AND guild_id = ? AND user_id = ?"
                " RETURNING expires",
                (custom_id, guild_id, user_id),
            )
            await db.execute("DELETE FROM open_forms WHERE expires <= ?", (now,))
        except sqlite3.Error as err:
            raise BadArchive(f"The form could not be read ({err}).") from err
        return any(float(expires) > now for (expires,) in rows)
