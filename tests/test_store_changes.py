"""A write by one process is seen by every other on the same archive: each drops its caches
when its change signal says another connection committed (SQLite: PRAGMA data_version;
PostgreSQL: LISTEN/NOTIFY, on a throwaway server)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bot.core.archive import Archive
from bot.core.store_changes import DataVersion, Notified
from bot.core.store_pg_changes import Listener
from tests.fake_discord.harness import quotes_document


async def test_a_write_by_one_process_is_answered_by_another(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    async with await Archive.open(path) as writer, await Archive.open(path) as reader:
        assert not (await reader.said("Ada Lovelace")).answers  # its speaker cache is filled, empty
        assert (await reader.stats()).sentences == 0
        await writer.add_document(quotes_document())
        said = await reader.said("Lovelace")
        assert said.speaker == "Ada Lovelace" and said.answers
        assert (await reader.stats()).sentences == len(quotes_document().sentences)
        assert (await reader.speaker_names("Grace"))[0] == "Grace Hopper"


async def test_data_version_moves_for_other_connections_only(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    async with await Archive.open(path) as one, await Archive.open(path) as two:
        signal = DataVersion(two._store._db)
        assert await signal.changed() is False  # the first call only takes the version
        assert await signal.changed() is False
        await one.add_document(quotes_document())
        assert await signal.changed() is True
        assert await signal.changed() is False


async def test_a_notified_signal_takes_the_place_of_data_version(tmp_path: Path) -> None:
    """The hook a server database's LISTEN/NOTIFY uses: the store forgets when told, and only then."""
    path = tmp_path / "a.db"
    async with await Archive.open(path) as writer, await Archive.open(path) as reader:
        signal = Notified()
        reader._store.changes = signal
        assert not (await reader.said("Lovelace")).answers
        await writer.add_document(quotes_document())
        assert not (await reader.said("Lovelace")).answers  # not told yet: its cache stands
        signal.notified()
        assert (await reader.said("Lovelace")).speaker == "Ada Lovelace"


async def _until(predicate, seconds: float = 1.0) -> float:  # type: ignore[no-untyped-def]
    """Wait until the async `predicate` holds; returns how long it took (fails after `seconds`)."""
    start = time.monotonic()
    while not await predicate():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not within {seconds} s")
        await asyncio.sleep(0.005)
    return time.monotonic() - start


async def test_postgresql_a_write_by_one_process_is_heard_by_another(new_pg_archive) -> None:  # type: ignore[no-untyped-def]
    """Two Archives on one database (each its own pool, as two processes): the reader's
    caches stand until the writer's commit is NOTIFYed, then it answers what was written,
    within a second and without reopening; with nothing written it forgets nothing."""
    url = new_pg_archive()
    async with await Archive.open(url) as writer, await Archive.open(url) as reader:
        signal = reader._store.changes
        assert isinstance(signal, Listener) and signal.listening
        assert not (await reader.said("Ada Lovelace")).answers  # its speaker cache is filled, empty
        assert await reader._store.refresh() is False  # nothing written: nothing forgotten
        await writer.add_document(quotes_document())

        async def heard() -> bool:
            return bool((await reader.said("Lovelace")).answers)

        await _until(heard)
        assert (await reader.stats()).sentences == len(quotes_document().sentences)
        assert await reader._store.refresh() is False
        # A removal is heard the same way.
        await writer.remove(1)

        async def gone() -> bool:
            return not (await reader.said("Lovelace")).answers

        await _until(gone)


async def test_postgresql_a_lost_listener_forgets_every_time_until_it_is_back(pg, new_pg_archive) -> None:  # type: ignore[no-untyped-def]
    """The listening connection killed by the server: nothing heard can be trusted, so the
    reader reads afresh before every answer until it has reconnected, then listens again."""
    url = new_pg_archive()
    async with await Archive.open(url) as writer, await Archive.open(url) as reader:
        signal = reader._store.changes
        assert isinstance(signal, Listener)
        assert signal._conn is not None
        assert not (await reader.said("Ada Lovelace")).answers  # its speaker cache is filled, empty
        pid = signal._conn.get_server_pid()
        # No new connection is let in (the open ones stay) while the listener is killed.
        name = url.rsplit("/", 1)[1]
        await asyncio.to_thread(pg.sql, f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")
        await writer._store._pool.execute("SELECT pg_terminate_backend($1)", pid)

        async def lost() -> bool:
            return not signal.listening

        await _until(lost, 5.0)
        await writer.add_document(quotes_document())  # committed while nobody listens
        assert (await reader.said("Lovelace")).answers  # read afresh all the same
        assert not signal.listening and await reader._store.refresh() is True  # every time
        await asyncio.to_thread(pg.sql, f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")

        async def back() -> bool:
            return signal.listening

        await _until(back, 5.0)
        assert signal.reconnections == 1 and signal._conn.get_server_pid() != pid
        await reader._store.refresh()  # the gap's catch-up
        assert await reader._store.refresh() is False
        await writer.remove(1)

        async def gone() -> bool:
            return not (await reader.said("Lovelace")).answers

        await _until(gone)
