"""Questions answered in worker processes, so that a busy bot uses every core.

One Python process runs Python on one core at a time (the GIL): the bot's event loop, the
ranking in `search` and aiosqlite's row handling all take turns on it, so extra read
connections alone do not make a single process answer faster than one core allows.
`Readers` sends `ask`, `who`, `said` and `verify` to a few worker processes, each with its own
Archive on the same file (WAL lets them read while the bot's process writes), and keeps
everything else, writes above all, on the Archive in the bot's process.

Each worker has one pipe to the bot; the bot's event loop reads the answers as they come
(`add_reader`), so a question costs two small writes and no thread hand-offs. (A
ProcessPoolExecutor passes each call through two threads and two queues; it measured
about a fifth slower here.)

Workers cache what they know about the archive (speaker aliases, the sentence count).
Before each answer an Archive checks PRAGMA data_version, which moves on for every commit
by another connection (the bot's writes among them), and forgets its caches when it has.
A worker that dies is replaced, and its unanswered questions are answered in the bot's
process.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import multiprocessing.process
import os
import pickle
import signal
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .archive import Archive
from .errors import ArchiveError
from .models import SearchResult, VerifyResult
from .search import semantic
from .storage import open_store

log = logging.getLogger(__name__)

# Questions sent to one worker and not yet answered, at most: past this a caller waits
# for a free place, so a flood never fills a pipe (a full pipe would block the event loop).
MAX_IN_FLIGHT = 32


# -- in each worker process --------------------------------------------------------------
def _serve(conn: Connection, path: str) -> None:
    """A worker's life: open the archive, answer (call id, method, args, kwargs)
    requests in order until None arrives or the bot goes away."""
    # Ctrl-C in a terminal reaches the whole process group: the bot stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A bot killed outright (SIGKILL, a crash) cannot stop its workers: each watches it.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    loop = asyncio.new_event_loop()
    archive = Archive(loop.run_until_complete(open_store(path)))
    semantic.vectors()  # before the first question, which would otherwise wait for it
    # What is alive now lives as long as the worker: keep full collections from walking it.
    # And make them ten times rarer: the caches (parsed sentences, stems) are what survives
    # young collections, so every full one paused a worker 15-40 ms to find them all alive.
    gc.collect()
    gc.freeze()
    gc.set_threshold(700, 10, 100)
    try:
        conn.send(("ready", os.getpid()))
        while (request := conn.recv()) is not None:
            call_id, method, args, kwargs = request
            try:
                reply = (call_id, True, loop.run_until_complete(getattr(archive, method)(*args, **kwargs)))
            except Exception as error:  # noqa: BLE001 - the caller raises it as its own
                if not isinstance(error, ArchiveError):  # a bug: its traceback stays here, so log it here
                    log.exception("%s failed in worker process %s", method, os.getpid())
                reply = (call_id, False, error)
            try:
                conn.send(reply)
            except (pickle.PicklingError, TypeError, AttributeError):
                conn.send((call_id, False, RuntimeError(f"{method} failed: {reply[2]!r}")))
    except (EOFError, OSError):
        pass  # the bot closed the pipe or is stopping: so do we
    finally:
        # Close before the process waits for its threads at exit: aiosqlite's are among them.
        loop.run_until_complete(archive.close())
        loop.close()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


# -- in the bot's process ----------------------------------------------------------------
def default_processes() -> int:
    """Worker processes worth starting here: one per core, none on a single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores if cores > 1 else 0


class WorkerDied(Exception):
    """A worker process ended with questions unanswered."""


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    waiting: dict[int, asyncio.Future[Any]] = field(default_factory=dict)
    ready: asyncio.Future[int] | None = None


class Readers:
    """An Archive whose ask, who, said and verify run in worker processes; every other attribute is
    the Archive's own. Use `await Readers.start(archive, path, processes)`, then `close()`."""

    def __init__(self, archive: Archive, path: str | Path, processes: int) -> None:
        self._archive = archive
        self._path = str(path)
        self._workers: list[_Worker] = []
        self._ids = itertools.count()
        self._places = asyncio.Semaphore(MAX_IN_FLIGHT * processes)
        self._processes = processes
        self._closed = False

    @classmethod
    async def start(cls, archive: Archive, path: str | Path, processes: int) -> Readers:
        """Start `processes` workers on the archive file at `path` (already created and
        migrated by `archive`), and wait until each has opened it."""
        readers = cls(archive, path, processes)
        try:
            for _ in range(processes):
                readers._workers.append(readers._spawn())
            await asyncio.gather(*(w.ready for w in readers._workers if w.ready is not None))
        except BaseException:
            await readers._stop_workers()
            raise
        return readers

    def _spawn(self) -> _Worker:
        # spawn, not fork: the bot's process has threads (aiosqlite's), which fork would copy mid-step.
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve, args=(theirs, self._path), daemon=True, name="archivist-worker"
        )
        process.start()
        theirs.close()
        loop = asyncio.get_running_loop()
        worker = _Worker(process, ours, ready=loop.create_future())
        loop.add_reader(ours.fileno(), self._on_reply, worker)
        return worker

    def _on_reply(self, worker: _Worker) -> None:
        """The event loop's callback when a worker's pipe has something to read."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if message[0] == "ready":
                    if worker.ready is not None and not worker.ready.done():
                        worker.ready.set_result(message[1])
                    continue
                call_id, ok, value = message
                future = worker.waiting.pop(call_id, None)
                if future is None or future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        except (EOFError, OSError):
            self._lost(worker)

    def _lost(self, worker: _Worker) -> None:
        """A worker's pipe closed: fail what it held and, unless closing, start another."""
        if not worker.conn.closed:
            asyncio.get_running_loop().remove_reader(worker.conn.fileno())
            worker.conn.close()
        if worker.ready is not None and not worker.ready.done():
            worker.ready.cancel()
        for future in worker.waiting.values():
            if not future.done():
                future.set_exception(WorkerDied(f"worker process {worker.process.pid} ended"))
        worker.waiting.clear()
        if worker in self._workers:
            self._workers.remove(worker)
            if not self._closed:
                log.error("worker process %s ended; starting another", worker.process.pid)
                self._workers.append(self._spawn())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._archive, name)

    async def _run(self, method: str, *args: Any, **kwargs: Any) -> SearchResult:
        async with self._places:
            # The worker with the fewest questions waiting (ties: the first).
            live = [w for w in self._workers if w.ready is not None and w.ready.done()]
            if not live or self._closed:
                return await getattr(self._archive, method)(*args, **kwargs)  # type: ignore[no-any-return]
            worker = min(live, key=lambda w: len(w.waiting))
            call_id = next(self._ids)
            future: asyncio.Future[SearchResult] = asyncio.get_running_loop().create_future()
            worker.waiting[call_id] = future
            try:
                worker.conn.send((call_id, method, args, kwargs))
                return await future
            except (WorkerDied, OSError):
                # Died before answering: answer here, in the bot's process, rather than not at all.
                worker.waiting.pop(call_id, None)
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

    async def verify(self, quote: str, *, by: str | None = None, guild_id: int | None = None) -> VerifyResult:
        """Archive.verify, in a worker."""
        return await self._run("verify", quote, by=by, guild_id=guild_id)  # type: ignore[return-value]

    async def _stop_workers(self) -> None:
        self._closed = True
        loop = asyncio.get_running_loop()
        for worker in list(self._workers):
            with contextlib.suppress(OSError):  # already gone
                worker.conn.send(None)
        for worker in list(self._workers):
            await loop.run_in_executor(None, worker.process.join, 5)
            if worker.process.is_alive():
                worker.process.kill()
            self._lost(worker)

    async def close(self) -> None:
        """Stop the workers (after the questions they hold), then close the Archive."""
        await self._stop_workers()
        await self._archive.close()

    async def __aenter__(self) -> Readers:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
