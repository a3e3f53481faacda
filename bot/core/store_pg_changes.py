"""How a process learns that another one has changed a PostgreSQL archive: LISTEN/NOTIFY.
A store module: it speaks SQL (store_changes.py holds the ChangeSignal interface and
SQLite's signal).

Every write of the archive's contents updates `counters` in its transaction, and a trigger
on that table (pg_schema_3.sql) sends NOTIFY archivist_changes, which PostgreSQL delivers
to every listening session when the transaction commits. `Listener` holds one connection
of its own (outside the pool, so no query ever waits behind it) LISTENing on that channel;
its callback raises a flag, and `changed()` reads the flag without a round trip.

A notification can be missed only while the listening connection is down: from the moment
it is lost, changed() answers True on every call (each answer then reads the archive
afresh) while it reconnects in the background, and once more after, for what was
committed in the gap. Where LISTEN is refused (a hot standby cannot run it), `Counter`
reads the `changes` counter before every answer instead: one small query each time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import asyncpg

log = logging.getLogger(__name__)

CHANNEL = "archivist_changes"
_RETRY_FIRST, _RETRY_MAX = 0.2, 30.0  # seconds between reconnection attempts, doubling


class Counter:
    """The fallback signal: the `changes` counter, read before every answer."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self._value: int | None = None

    async def changed(self) -> bool:
        value = await self._pool.fetchval("SELECT value FROM counters WHERE name = 'changes'")
        moved = self._value is not None and value != self._value
        self._value = value
        return moved

    async def close(self) -> None:
        pass


class Listener:
    """PostgreSQL's signal: LISTEN archivist_changes on a connection of its own."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._conn: asyncpg.Connection | None = None
        self._pending = False
        self._closed = False
        self._reconnecting: asyncio.Task[None] | None = None
        self.reconnections = 0  # how many times a lost connection was replaced (for tests and logs)

    @property
    def listening(self) -> bool:
        """Whether the listening connection is up (notifications are being heard)."""
        return self._conn is not None and not self._conn.is_closed()

    async def _connect(self) -> None:
        conn = await asyncpg.connect(self._url, timeout=10)
        try:
            await conn.add_listener(CHANNEL, self._heard)
        except BaseException:
            await conn.close()
            raise
        conn.add_termination_listener(self._lost)
        self._conn = conn

    def _heard(self, *_args: Any) -> None:
        self._pending = True

    def _lost(self, conn: Any) -> None:
        if self._closed or conn is not self._conn:
            return
        log.warning("the archive's change notifications stopped; reconnecting")
        self._conn = None
        self._start_reconnecting()

    def _start_reconnecting(self) -> None:
        if self._reconnecting is None or self._reconnecting.done():
            self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        wait = _RETRY_FIRST
        while not self._closed:
            try:
                await self._connect()
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as err:
                log.debug("change notifications: reconnecting failed (%s)", err)
                await asyncio.sleep(wait)
                wait = min(wait * 2, _RETRY_MAX)
                continue
            self.reconnections += 1
            self._pending = True  # whatever was committed while nobody listened
            log.info("the archive's change notifications are heard again")
            return

    async def changed(self) -> bool:
        """True when a write was committed since the last call (and always while not listening)."""
        if not self.listening:
            if not self._closed:
                self._start_reconnecting()
            return True
        pending, self._pending = self._pending, False
        return pending

    async def close(self) -> None:
        self._closed = True
        if self._reconnecting is not None:
            self._reconnecting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reconnecting
        conn, self._conn = self._conn, None
        if conn is not None and not conn.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), 5)


PgSignal = Listener | Counter


async def open_signal(url: str, pool: asyncpg.Pool) -> PgSignal:
    """The archive's change signal: a Listener, or the Counter where LISTEN is refused."""
    listener = Listener(url)
    try:
        await listener._connect()
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as err:
        log.info("LISTEN is refused here (%s): reading the change counter before each answer", err)
        return Counter(pool)
    return listener
