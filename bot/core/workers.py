"""Questions answered in worker processes, so that a busy bot uses every core.

One Python process runs Python on one core at a time (the GIL): the bot's event loop, the
ranking in `search` and aiosqlite's row handling all take turns on it, so extra read
connections alone do not make a single process answer faster than one core allows.
`Readers` sends `ask`, `who` and `said` to a few worker processes, each with its own
Archive on the same file (WAL lets them read while the bot's process writes), and keeps
everything else, writes above all, on the Archive in the bot's process.

Workers cache what they know about the archive (speaker aliases, the sentence count).
Every write in the bot's process moves `Archive.generation` on; a question carries the
generation it was asked at, and a worker that sees a new one forgets its caches first.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any

from .archive import Archive
from .models import SearchResult
from .store import Store

log = logging.getLogger(__name__)

# -- in each worker process --------------------------------------------------------------
_loop: asyncio.AbstractEventLoop | None = None
_archive: Archive | None = None
_generation = -1


def _start(path: str) -> None:
    """Worker initializer: an event loop and a read-only use of the archive at `path`."""
    global _loop, _archive
    _loop = asyncio.new_event_loop()
    # One read connection: a worker answers one question at a time.
    _archive = Archive(_loop.run_until_complete(Store.open(path, readers_count=1)))
    # Runs before the process waits for its threads at exit, so aiosqlite's stop first.
    Finalize(_archive, _stop, exitpriority=10)
    # A bot killed outright (SIGKILL, a crash) cannot stop its workers: each watches it.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


def _stop() -> None:
    if _loop is not None and _archive is not None:
        _loop.run_until_complete(_archive.close())
        _loop.close()


def _ready() -> int:
    return os.getpid()


def _call(method: str, generation: int, args: tuple[Any, ...], kwargs: dict[str, Any]) -> SearchResult:
    """Run Archive.<method> in this worker, after forgetting caches older than `generation`."""
    global _generation
    assert _loop is not None and _archive is not None, "worker not started"
    if generation != _generation:
        _archive.forget()
        _generation = generation
    return _loop.run_until_complete(getattr(_archive, method)(*args, **kwargs))


# -- in the bot's process ----------------------------------------------------------------
def default_processes() -> int:
    """Worker processes worth starting here: one per core, none on a single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores if cores > 1 else 0


class Readers:
    """An Archive whose ask, who and said run in worker processes; every other attribute is
    the Archive's own. Use `await Readers.start(archive, path, processes)`, then `close()`."""

    def __init__(self, archive: Archive, path: str | Path, processes: int) -> None:
        self._archive = archive
        self._path = str(path)
        self._processes = processes
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the bot's process has threads (aiosqlite's), which fork would copy mid-step.
        return ProcessPoolExecutor(
            max_workers=self._processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(self._path,),
        )

    @classmethod
    async def start(cls, archive: Archive, path: str | Path, processes: int) -> Readers:
        """Start `processes` workers on the archive file at `path` (already created and
        migrated by `archive`), and wait until each has opened it."""
        readers = cls(archive, path, processes)
        try:
            await readers._warm()
        except BaseException:
            readers._pool.shutdown(wait=False, cancel_futures=True)
            raise
        return readers

    async def _warm(self) -> None:
        # ProcessPoolExecutor starts workers as calls arrive; one cheap call each makes them
        # all open the archive now rather than on the first questions.
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._pool, _ready) for _ in range(self._processes)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._archive, name)

    async def _run(self, method: str, *args: Any, **kwargs: Any) -> SearchResult:
        loop = asyncio.get_running_loop()
        pool = self._pool
        try:
            return await loop.run_in_executor(pool, _call, method, self._archive.generation, args, kwargs)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): the pool is unusable from now on. Start
            # another (once, whoever notices first) and answer this question here meanwhile.
            if pool is self._pool:
                log.error("a worker process died; starting new workers")
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
            return await getattr(self._archive, method)(*args, **kwargs)  # type: ignore[no-any-return]

    async def ask(self, question: str, *, guild_id: int | None = None, limit: int = 5) -> SearchResult:
        """Archive.ask, in a worker."""
        return await self._run("ask", question, guild_id=guild_id, limit=limit)

    async def who(self, fragment: str, *, guild_id: int | None = None, limit: int = 5) -> SearchResult:
        """Archive.who, in a worker."""
        return await self._run("who", fragment, guild_id=guild_id, limit=limit)

    async def said(self, person: str, *, guild_id: int | None = None, limit: int = 25) -> SearchResult:
        """Archive.said, in a worker."""
        return await self._run("said", person, guild_id=guild_id, limit=limit)

    async def close(self) -> None:
        """Stop the workers (after the questions they hold), then close the Archive."""
        await asyncio.get_running_loop().run_in_executor(None, self._pool.shutdown)
        await self._archive.close()

    async def __aenter__(self) -> Readers:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
