"""`archivist migrate FROM TO`: SQLite to PostgreSQL and back, ids and answers kept; an
interrupted copy run again duplicates nothing; a TO holding other articles is refused."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot import migrate
from bot.__main__ import main
from bot.core.archive import Archive
from bot.core.errors import BadArchive
from bot.core.store_pg import PgStore

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _story(i: int, dated: bool = True) -> str:
    date = f"Monday, June {i % 28 + 1}, 2024\n\n" if dated else ""
    return (
        f"{date}Harbour report number {i}\n\n"
        f"Dock worker Anna Berg{i} said shift {i} at the quay had ended early. "
        f'"We finished crane {i} before noon," Berg{i} said.\n\nThe port authority logged ship {i} leaving.\n'
    )


async def _fill(target: str) -> None:
    async with await Archive.open(target, seeds=SEEDS) as archive:
        for i in range(7):
            await archive.add_text(_story(i, dated=i % 3 != 0))
        await archive.add_text(_story(20), guild_id=111)  # one server's own
        await archive.add_text(_story(20), guild_id=222)  # the same text, another server's
        gone = await archive.add_text(_story(30))
        await archive.remove(gone.ref.id)  # an id the copy must not fill


async def _view(target: str) -> dict[str, object]:
    """What users see of an archive, in every scope."""
    async with await Archive.open(target) as archive:
        out: dict[str, object] = {"integrity": await archive.integrity(), "check": await archive.check()}
        for guild in (None, 111, 222):
            rows, total = await archive.articles(guild_id=guild, limit=100)
            out[f"articles {guild}"] = (total, [(r.ref, r.sentences, r.speakers, r.guild_id) for r in rows])
            out[f"ask {guild}"] = await archive.ask("When did crane 4 finish?", guild_id=guild)
            out[f"who {guild}"] = await archive.who("we finished crane 20 before noon", guild_id=guild)
            out[f"said {guild}"] = await archive.said("Berg5", guild_id=guild)
        out["export"] = [a async for a in archive.export(guild_id=111)]
        return out


def test_sqlite_to_postgresql_and_back_keeps_everything(tmp_path, new_pg_archive, capsys):
    source, there, back = str(tmp_path / "source.db"), new_pg_archive(), str(tmp_path / "back.db")
    asyncio.run(_fill(source))
    assert main(["migrate", source, there]) == 0
    assert "Copied 10 articles (0 already there)" in capsys.readouterr().out
    assert main(["--json", "migrate", there, back]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["copied"] == 10 and report["counts"]["articles"] == 10
    first, second, third = (asyncio.run(_view(t)) for t in (source, there, back))
    assert first["integrity"][0] == "ok" and first["check"] == []  # type: ignore[index]
    assert second == first
    assert third == first

    async def add_after() -> list[int]:
        ids = []
        for target in (there, back):
            async with await Archive.open(target) as archive:
                ids.append((await archive.add_text(_story(40))).ref.id)
        return ids

    # New ids follow the removed article's too (11): an id never comes to mean another article.
    assert asyncio.run(add_after()) == [12, 12]


def test_an_interrupted_copy_run_again_copies_the_rest_once(tmp_path, new_pg_archive, monkeypatch):
    source, there = str(tmp_path / "source.db"), new_pg_archive()
    asyncio.run(_fill(source))
    real = PgStore.copy_in
    calls = 0

    async def stop_after_two_batches(self, copies):
        nonlocal calls
        calls += 1
        if calls > 2:
            raise KeyboardInterrupt
        return await real(self, copies)

    monkeypatch.setattr(PgStore, "copy_in", stop_after_two_batches)
    state = migrate.Progress()
    with pytest.raises(KeyboardInterrupt):
        asyncio.run(migrate.copy(source, there, batch=3, progress=state))
    assert state.copied == 6

    async def articles() -> int:
        async with await Archive.open(there) as archive:
            return (await archive.integrity())[1]["articles"]

    assert asyncio.run(articles()) == 6  # the two batches committed, nothing of the third
    monkeypatch.setattr(PgStore, "copy_in", real)
    again = asyncio.run(migrate.copy(source, there, batch=3))
    assert (again.copied, again.seen) == (4, 10)
    assert all(a == b for a, b in again.counts.values())
    assert asyncio.run(_view(there)) == asyncio.run(_view(source))


def test_a_target_holding_other_articles_is_refused(tmp_path, new_pg_archive, capsys):
    source, there = str(tmp_path / "source.db"), new_pg_archive()
    asyncio.run(_fill(source))

    async def other() -> None:
        async with await Archive.open(there) as archive:
            await archive.add_text("Orchard frost\n\nFrost hit the orchards, the growers said.\n")

    asyncio.run(other())
    assert main(["migrate", source, there]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("archivist: The archive copied into already holds a different article #1")
    assert "\n" not in err
    with pytest.raises(BadArchive):
        asyncio.run(migrate.copy(source, there))


def test_a_missing_source_is_one_sentence_and_creates_nothing(tmp_path, capsys):
    assert main(["migrate", str(tmp_path / "none.db"), str(tmp_path / "to.db")]) == 1
    assert "There is no archive file" in capsys.readouterr().err
    assert not (tmp_path / "to.db").exists() and not (tmp_path / "none.db").exists()
