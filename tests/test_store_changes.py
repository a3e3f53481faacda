"""A write by one process is seen by every other on the same archive: each drops its caches
when its change signal says another connection committed (SQLite: PRAGMA data_version; a
LISTEN/NOTIFY-style signal plugs in the same way)."""

from __future__ import annotations

from pathlib import Path

from bot.core.archive import Archive
from bot.core.store_changes import DataVersion, Notified
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
