"""How a process learns that another one has changed the archive, so it can drop its caches.
A store module (the SQLite signal runs a PRAGMA).

Store.refresh() asks its ChangeSignal before every answer. A signal must be cheap to ask:
  - SQLite: `DataVersion` reads PRAGMA data_version on the reading connection, which moves on
    for every commit made by any other connection to the file (another process's, or this
    process's writer), and never for the connection's own. No table is read: one trip to
    aiosqlite's thread, 50-70 microseconds a call measured on a busy 2-core machine.
  - PostgreSQL: `store_pg_changes.Listener` LISTENs on a connection of its own; a trigger
    sends the NOTIFY in every write's commit, the callback raises a flag, and changed()
    reads it without a round trip.
  - `Notified` here: a signal raised from outside (tests, or any other push channel).
"""

from __future__ import annotations

from typing import Protocol

import aiosqlite


class ChangeSignal(Protocol):
    """Tells whether the archive changed elsewhere since it was last asked."""

    async def changed(self) -> bool:
        """True when another connection has committed since the last call (False the first time)."""
        ...


class DataVersion:
    """SQLite's signal: PRAGMA data_version on one reading connection."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._version: int | None = None

    async def changed(self) -> bool:
        # One trip to the connection's thread (execute + fetchone + close would be three).
        rows = list(await self._db.execute_fetchall("PRAGMA data_version"))
        version = int(rows[0][0]) if rows else 0
        moved = self._version is not None and version != self._version
        self._version = version
        return moved


class Notified:
    """A signal raised from outside (a LISTEN callback, a test): changed() reports it once."""

    def __init__(self) -> None:
        self._pending = False

    def notified(self) -> None:
        """Another process has committed (call from the notification's callback)."""
        self._pending = True

    async def changed(self) -> bool:
        pending, self._pending = self._pending, False
        return pending
