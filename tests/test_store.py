"""The archive file: atomic writes, scopes, duplicates, removal, migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core import ingest
from bot.core.archive import Archive
from bot.core.errors import BadArchive, Duplicate, Forbidden, NotFound
from bot.core.models import Attribution
from bot.core.store import SCHEMA_VERSION

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STORY = (
    "Tuesday, May 7, 2024\n\nPort strike ends after talks\n\n"
    'Union leader Maria Costa said the strike at the harbour had ended. "We won a fair deal," Costa said.\n'
)


@pytest.fixture()
async def archive(tmp_path):
    async with await Archive.open(tmp_path / "a.db", seeds=SEEDS) as opened:
        yield opened


async def test_seeds_are_imported_once(tmp_path):
    async with await Archive.open(tmp_path / "a.db", seeds=SEEDS) as first:
        assert (await first.stats()).articles == 1
    async with await Archive.open(tmp_path / "a.db", seeds=SEEDS) as again:
        assert (await again.stats()).articles == 1


async def test_a_failed_insert_leaves_nothing_behind(archive):
    verdict, before = await archive.integrity()
    doc = ingest.parse(STORY.encode())
    broken = replace(
        doc,
        attributions=(Attribution("Maria Costa", None, "said", "shouted", None),) + doc.attributions[1:],  # type: ignore[arg-type]
    )
    with pytest.raises(sqlite3.IntegrityError):
        await archive.add_document(broken)
    assert await archive.integrity() == (verdict, before)
    assert (await archive.ask("When did the harbour strike end?")).answers == ()
    await archive.add_document(doc)  # the archive still takes writes afterwards
    assert (await archive.ask("When did the harbour strike end?")).answers


async def test_duplicates_are_refused_naming_the_existing_article(archive):
    first = await archive.add_text(STORY)
    with pytest.raises(Duplicate) as info:
        await archive.add_text(STORY.replace("  ", " ").upper().lower())
    assert info.value.existing_id == first.ref.id
    assert f"#{first.ref.id}" in str(info.value)


async def test_servers_do_not_see_each_others_articles(archive):
    added = await archive.add_text(STORY, guild_id=111)
    assert (await archive.ask("When did the harbour strike end?", guild_id=111)).answers
    assert (await archive.ask("When did the harbour strike end?", guild_id=222)).answers == ()
    assert (await archive.ask("When did the harbour strike end?")).answers == ()
    assert (await archive.ask("Who dictates NATO's agenda?", guild_id=222)).answers  # seeds: everywhere
    with pytest.raises(NotFound):
        await archive.article(added.ref.id, guild_id=222)
    with pytest.raises(NotFound):
        await archive.remove(added.ref.id, guild_id=222)
    assert [s.ref.id for s in (await archive.articles(guild_id=222))[0]] != [added.ref.id]
    # the same text may be added by another server: their archives are separate
    other = await archive.add_text(STORY, guild_id=222)
    assert other.ref.id != added.ref.id


async def test_seeds_cannot_be_removed_from_a_server(archive):
    rows, _ = await archive.articles()
    with pytest.raises(Forbidden):
        await archive.remove(rows[0].ref.id, guild_id=111)


async def test_remove_clears_the_index_too(archive):
    _, before = await archive.integrity()
    added = await archive.add_text(STORY)
    assert (await archive.ask("When did the harbour strike end?")).answers
    await archive.remove(added.ref.id)
    assert (await archive.ask("When did the harbour strike end?")).answers == ()
    verdict, after = await archive.integrity()
    assert verdict == "ok" and after == before


async def test_schema_version_is_recorded_and_newer_files_refused(tmp_path):
    path = tmp_path / "a.db"
    async with await Archive.open(path):
        pass
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(BadArchive, match="newer Archivist"):
        await Archive.open(path)


async def test_a_file_that_is_not_an_archive_is_one_sentence(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the bytes of a database" * 100)
    with pytest.raises(BadArchive, match="cannot be used as an archive"):
        await Archive.open(path)


async def test_export_matches_stored_sentences(archive):
    exported = [a async for a in archive.export()]
    assert len(exported) == 1
    assert exported[0]["date"] == "2021-12-24"
    assert len(exported[0]["sentences"]) == (await archive.stats()).sentences


async def test_overlapping_questions_do_not_collide(archive):
    """Many questions at once on one connection (the bot's situation): all answered."""
    import asyncio

    questions = [f"Who dictates NATO's agenda {i}?" for i in range(40)] + ["spheres of influence"] * 10
    results = await asyncio.gather(*(archive.ask(q) for q in questions), *(archive.who(q) for q in questions))
    assert all(r.answers for r in results[:40])
    assert all("Graziani" in r.answers[0].text for r in results[:40])
