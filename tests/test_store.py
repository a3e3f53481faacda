"""The archive file: atomic writes, scopes, duplicates, removal, migrations."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core import ingest
from bot.core.archive import Archive
from bot.core.errors import BadArchive, BadArticle, Duplicate, Forbidden, NotFound
from bot.core.models import Attribution
from bot.core.store import SCHEMA_VERSION

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STORY = (
    "Tuesday, May 7, 2024\n\nPort strike ends after talks\n\n"
    'Union leader Maria Costa said the strike at the harbour had ended. "We won a fair deal," Costa said.\n'
)


@pytest.fixture()
async def archive(new_archive):
    async with await Archive.open(new_archive(), seeds=SEEDS) as opened:
        yield opened


async def test_seeds_are_imported_once(new_archive):
    target = new_archive()
    async with await Archive.open(target, seeds=SEEDS) as first:
        assert (await first.stats()).articles == 1
    async with await Archive.open(target, seeds=SEEDS) as again:
        assert (await again.stats()).articles == 1


async def test_a_failed_insert_leaves_nothing_behind(archive):
    verdict, before = await archive.integrity()
    doc = ingest.parse(STORY.encode())
    broken = replace(
        doc,
        clauses=((Attribution("Maria Costa", None, "said", "shouted", None),),) + doc.clauses[1:],  # type: ignore[arg-type]
    )
    # The database's refusal is one sentence (an ArchiveError), not a raw sqlite3 error.
    with pytest.raises(BadArticle, match="could not be stored") as info:
        await archive.add_document(broken)
    assert not isinstance(info.value, sqlite3.Error)
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
    seen_elsewhere = [s.ref.id for s in (await archive.articles(guild_id=222))[0]]
    assert seen_elsewhere and added.ref.id not in seen_elsewhere
    assert (await archive.who("We won a fair deal", guild_id=222)).answers == ()
    assert (await archive.said("Maria Costa", guild_id=222)).answers == ()
    assert (await archive.said("Maria Costa", guild_id=111)).answers
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
    fragments = [f"the age of spheres of influence is over {i}" for i in range(50)]
    alone = [await archive.ask(q) for q in questions] + [await archive.who(f) for f in fragments]
    results = await asyncio.gather(*(archive.ask(q) for q in questions), *(archive.who(f) for f in fragments))
    assert results == alone  # each one answered as when asked alone
    assert all(r.answers and "Graziani" in r.answers[0].text for r in results[:40])
    assert all(r.answers for r in results[40:50])
    assert all(r.answers and r.answers[0].speaker == "Jens Stoltenberg" for r in results[50:])


# -- the bulk path: Archive.add_documents / import_folder (batched transactions, process pool) --


def _story(i: int) -> str:
    return (
        f"Monday, June {i % 28 + 1}, 2024\n\nHarbour report number {i}\n\n"
        f"Dock worker Anna Berg{i} said shift {i} at the quay had ended early. "
        f'"We finished crane {i} before noon," Berg{i} said.\n\nThe port authority logged ship {i} leaving.\n'
    )


async def test_a_bad_article_in_a_batch_costs_the_others_nothing(archive):
    _, before = await archive.integrity()
    good = ingest.parse(STORY.encode())
    other = ingest.parse(_story(1).encode())
    broken = ingest.parse(_story(2).encode())
    broken = replace(
        broken,
        clauses=((Attribution("Anna Berg2", None, "said", "shouted", None),),) + broken.clauses[1:],
    )  # type: ignore[arg-type]
    results = await archive.add_documents([good, broken, other, good])
    assert [type(r).__name__ for r in results] == [
        "ArticleSummary",
        "BadArticle",
        "ArticleSummary",
        "Duplicate",
    ]
    assert results[3].existing_id == results[0].ref.id  # type: ignore[union-attr]
    verdict, after = await archive.integrity()
    assert verdict == "ok"
    assert after["articles"] == before["articles"] + 2
    assert after["sentences"] == before["sentences"] + len(good.sentences) + len(other.sentences)
    assert (await archive.ask("When did the harbour strike end?")).answers
    assert all(
        a.speaker != "Anna Berg2" for a in (await archive.who("We finished crane 2 before noon")).answers
    )
    assert "Berg1" in (await archive.who("We finished crane 1 before noon")).answers[0].speaker  # type: ignore[operator]


async def test_batched_and_one_by_one_inserts_store_the_same(new_archive, backend):
    docs = [ingest.parse(_story(i).encode()) for i in range(6)]
    async with (
        await Archive.open(new_archive()) as one,
        await Archive.open(new_archive()) as bulk,
    ):
        for doc in docs:
            await one.add_document(doc)
        await bulk.add_documents(docs)
        assert [a async for a in one.export()] == [a async for a in bulk.export()]
        assert await one.integrity() == await bulk.integrity()
        for archive in (one, bulk):
            assert await archive.check() == []
        for question in ("Who said crane 4 finished before noon?", "ship 3 leaving"):
            first, second = await one.ask(question), await bulk.ask(question)
            assert [a.text for a in first.answers] == [a.text for a in second.answers]
        assert (await one.said("Berg5")).answers == (await bulk.said("Berg5")).answers


async def test_import_folder_of_many_files_parses_in_worker_processes(tmp_path, archive):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(24):  # enough to start the process pool
        (folder / f"story{i:02}.txt").write_text(_story(i))
    (folder / "story90.txt").write_bytes(b"\x00\x01binary")
    (folder / "story91.txt").write_text("")
    (folder / "story92.txt").write_text(_story(3))  # a duplicate
    added, skipped = await archive.import_folder(folder)
    assert [s.ref.title for s in added] == [f"Harbour report number {i}" for i in range(24)]
    assert [p.name for p, _ in skipped] == ["story90.txt", "story91.txt", "story92.txt"]
    assert "binary" in skipped[0][1] and "#" in skipped[2][1]
    assert (await archive.who("We finished crane 17 before noon")).answers[0].speaker == "Anna Berg17"
    verdict, counts = await archive.integrity()
    assert verdict == "ok" and counts["articles"] == 25  # the seed too


async def test_questions_never_see_a_write_in_progress(tmp_path):
    """Reads use their own connection: an uncommitted article is invisible, then appears."""
    from bot.core.store import Store

    store = await Store.open(tmp_path / "iso.db")
    try:
        doc = ingest.parse(STORY.encode())
        writer = store._writer  # noqa: SLF001 - holding a transaction open is the point
        await writer.execute("BEGIN IMMEDIATE")
        await writer.execute(
            "INSERT INTO articles (title, body, content_hash) VALUES (?, ?, ?)", (doc.title, doc.body, "h")
        )
        assert await store.count_articles(None) == 0
        await writer.execute("ROLLBACK")
        await store.insert_article(doc, ingest.content_hash(doc.body), None)
        assert await store.count_articles(None) == 1
    finally:
        await store.close()


async def test_a_write_through_another_archive_on_the_file_is_seen(new_archive):
    """Two processes on one archive (the bot, and `archivist add` beside it): the reader's
    cached aliases and counts must not hide the other's new person."""
    path = new_archive()
    async with await Archive.open(path, seeds=SEEDS) as bot, await Archive.open(path) as cli:
        # Fill the bot's caches first: they are what would go stale.
        assert (await bot.said("Maria Costa")).answers == ()
        assert "Maria Costa" not in await bot.speaker_names("")
        before = await bot.stats()
        await cli.add_text(STORY)
        # PostgreSQL's change notice reaches the other connection a moment after the commit
        # (LISTEN/NOTIFY is asynchronous): the reader must see the write soon, not at once.
        said = await _soon(lambda: bot.said("Maria Costa"), lambda r: bool(r.answers))
        assert said.speaker == "Maria Costa" and said.answers
        assert "Maria Costa" in await bot.speaker_names("Costa")
        assert (await bot.who("We won a fair deal")).answers[0].speaker == "Maria Costa"
        assert (await bot.stats()).articles == before.articles + 1
        removed = (await bot.said("Costa")).answers[0].article.id
        await cli.remove(removed)
        assert (await _soon(lambda: bot.said("Maria Costa"), lambda r: not r.answers)).answers == ()


async def _soon(ask, done, seconds: float = 2.0):
    """`ask()` until `done(result)` or `seconds` pass; the last result either way."""
    deadline = asyncio.get_running_loop().time() + seconds
    result = await ask()
    while not done(result) and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.02)
        result = await ask()
    return result


async def test_article_autocomplete_finds_titles_by_word_starts_in_scope(archive):
    titles = ["Harbour strike ends", "Harbour cranes return", "Orchard frost", "City budget passes"]
    added = {}
    for i, title in enumerate(titles):
        summary = await archive.add_text(f"{title}\n\nStory number {i} about {title.lower()}.")
        added[title] = summary.ref.id
    ours = await archive.add_text("Harbour tax for one server\n\nA local story.", guild_id=5)
    assert {r.title for r in await archive.find_articles("harb")} == {
        "Harbour strike ends",
        "Harbour cranes return",
    }
    assert [r.title for r in await archive.find_articles("harbour cra")] == ["Harbour cranes return"]
    assert [r.title for r in await archive.find_articles("harbuor strke")][
        0
    ] == "Harbour strike ends"  # typos
    assert "Harbour tax for one server" in [r.title for r in await archive.find_articles("harb", guild_id=5)]
    assert ours.ref.id not in [r.id for r in await archive.find_articles("harb", guild_id=6)]
    newest = await archive.find_articles("", limit=2)
    assert [r.id for r in newest] == [added["City budget passes"], added["Orchard frost"]]
    await archive.remove(added["Orchard frost"])
    assert await archive.find_articles("orch") == []
    assert await archive.check() == []
