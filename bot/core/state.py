"""The bot's state that survives a restart: open /add forms (OpenForms, below) and
per-member cooldowns (Cooldowns): at most `rate` uses of a command per `per`-second window
(the window opens at the first use, as discord.py's own cooldowns do).

Answering must not wait for a write, so the windows live in memory and are written to the
archive behind it (at most every FLUSH_SECONDS, and when the archive closes); a new process
reads the live ones before its first use. A process killed outright loses at most the last
FLUSH_SECONDS of uses.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from .errors import ArchiveError
from .store_state import StateStore

log = logging.getLogger(__name__)

FLUSH_SECONDS = 2.0


@dataclass(slots=True)
class _Window:
    start: float
    end: float
    uses: int


class Cooldowns:
    """The archive's cooldowns (`archive.cooldowns`)."""

    def __init__(self, store: StateStore, write_lock: asyncio.Lock) -> None:
        self._store = store
        self._lock = write_lock  # the archive's: these writes share its writing connection
        self._windows: dict[str, _Window] = {}
        self._dirty: set[str] = set()
        self._loaded = False
        self._load_lock = asyncio.Lock()
        self._flushing: asyncio.Task[None] | None = None
        self._last_flush = 0.0
        self.clock: Callable[[], float] = time.time

    async def hit(self, bucket: str, rate: int, per: float) -> float | None:
        """Count one use of `bucket`; None when allowed, else the seconds until it is."""
        await self._load()
        now = self.clock()
        window = self._windows.get(bucket)
        if window is None or window.end <= now:
            window = self._windows[bucket] = _Window(now, now + per, 0)
        if window.uses >= rate:
            return window.end - now
        window.uses += 1
        self._dirty.add(bucket)
        self._flush_soon(now)
        return None

    async def _load(self) -> None:
        if self._loaded:
            return
        async with self._load_lock:
            if self._loaded:
                return
            try:
                rows = await self._store.live_cooldowns(self.clock())
            except Exception as error:  # noqa: BLE001 - no stored cooldowns is no reason to refuse
                log.warning("stored cooldowns could not be read: %s", error)
                rows = []
            for bucket, start, end, uses in rows:
                self._windows.setdefault(bucket, _Window(start, end, uses))
            self._loaded = True

    def _flush_soon(self, now: float) -> None:
        if self._flushing is not None or self._store.read_only:
            return
        delay = max(0.0, self._last_flush + FLUSH_SECONDS - now)
        self._flushing = asyncio.get_running_loop().create_task(self._flush_after(delay))

    async def _flush_after(self, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
            await self._write()
        finally:
            self._flushing = None

    async def flush(self) -> None:
        """Write what changed now (the archive does this as it closes)."""
        if self._flushing is not None:
            self._flushing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flushing
        await self._write()

    async def _write(self) -> None:
        if not self._dirty or self._store.read_only:
            return
        now = self.clock()
        self._last_flush = now
        # Windows that ended are dropped from memory too: it stays the size of the live ones.
        for bucket in [b for b, w in self._windows.items() if w.end <= now]:
            del self._windows[bucket]
        rows = [(b, w.start, w.end, w.uses) for b in self._dirty if (w := self._windows.get(b))]
        self._dirty.clear()
        try:
            async with self._lock:
                await self._store.save_cooldowns(rows, now)
        except ArchiveError as error:
            log.warning("cooldowns could not be saved: %s", error)
        except Exception:  # noqa: BLE001 - losing cooldowns must never stop a close or an answer
            log.exception("cooldowns could not be saved")


class OpenForms:
    """/add forms shown and not yet submitted (`archive.forms`), kept in the archive so a form
    submitted after a restart is still taken rather than lost with the member's text."""

    def __init__(self, store: StateStore, write_lock: asyncio.Lock) -> None:
        self._store = store
        self._lock = write_lock
        self.clock: Callable[[], float] = time.time

    async def remember(self, custom_id: str, guild_id: int, user_id: int, seconds: float) -> None:
        """A form was shown to `user_id` in `guild_id`; it can be submitted for `seconds`."""
        if self._store.read_only:
            return
        try:
            async with self._lock:
                await self._store.save_form(custom_id, guild_id, user_id, self.clock() + seconds)
        except ArchiveError as error:  # the form still works until a restart
            log.warning("could not remember form %s: %s", custom_id, error)

    async def take(self, custom_id: str, guild_id: int | None, user_id: int) -> bool:
        """Whether the form was shown to this member in this server and is still open; true
        once (it is forgotten as it is taken)."""
        if self._store.read_only or guild_id is None:
            return False
        try:
            async with self._lock:
                return await self._store.take_form(custom_id, guild_id, user_id, self.clock())
        except ArchiveError as error:
            log.warning("could not look up form %s: %s", custom_id, error)
            return False
