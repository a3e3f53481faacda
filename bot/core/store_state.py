"""The bot's own state that must outlive a process: cooldowns. A store module: it speaks SQL.
Store inherits these queries; the caller (cooldowns.Cooldowns) holds the archive's write lock."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Protocol

import aiosqlite

from .errors import BadArchive

CooldownRow = tuple[str, float, float, int]  # bucket, window start, window end, uses


class CooldownStore(Protocol):
    """What bot.core.cooldowns needs of a store (StateQueries below for SQLite)."""

    read_only: bool

    async def live_cooldowns(self, now: float) -> list[CooldownRow]: ...
    async def save_cooldowns(self, rows: Sequence[CooldownRow], now: float) -> None: ...


class StateQueries:
    """SQLite's CooldownStore: cooldown rows, mixed into Store (its connections)."""

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
