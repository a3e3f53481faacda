"""The archive file as a file: several attributions a sentence, migrations from version 2,
FTS5 checks and rebuilds, ids never reused, other programs' files and read-only archives."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from bot.core import ingest, store_schema
from bot.core.archive import Archive
from bot.core.errors import BadArchive
from bot.core.models import Attribution, Speaker
from bot.core.store import APPLICATION_ID, SCHEMA_VERSION

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TWO = "Mayor Ann Lee said the bridge would open in May, but engineer Tom Park said the cables were not ready."
LEE, PARK = "the bridge would open in May", "the cables were not ready"


def _two_speakers() -> ingest.Document:
    """One sentence, two clauses, two speakers: built by hand, whatever the attribution engine does."""
    doc = ingest.build_document("Bridge delayed", [TWO, "The river was high that week."])
    lee = Attribution(
        "Ann Lee", "mayor", "said", "indirect", LEE, start=TWO.index(LEE), end=TWO.index(LEE) + len(LEE)
    )
    park = Attribution(
        "Tom Park",
        "engineer",
        "said",
        "indirect",
        PARK,
        start=TWO.index(PARK),
        end=TWO.index(PARK) + len(PARK),
    )
    return replace(
        doc,
        clauses=((lee, park), ()),
        speakers=(Speaker("Ann Lee", "mayor", ("Lee",)), Speaker("Tom Park", "engineer", ("Park",))),
    )


@pytest.fixture()
async def archive(tmp_path):
    async with await Archive.open(tmp_path / "a.db", seeds=SEEDS) as opened:
        yield opened


async def test_a_sentence_with_two_speakers_keeps_both(archive):
    added = await archive.add_document(_two_speakers())
    assert set(added.speakers) == {"Ann Lee", "Tom Park"}
    exported = [a async for a in archive.export() if a["id"] == added.ref.id][0]
    first, second = exported["sentences"]  # type: ignore[misc]
    assert first["speaker"] == "Ann Lee" and first["content"] == LEE  # the main one
    assert [(a["speaker"], a["speaker_role"], a["content"]) for a in first["attributions"]] == [
        ("Ann Lee", "mayor", LEE),
        ("Tom Park", "engineer", PARK),
    ]
    for a in first["attributions"]:
        assert first["text"][a["start"] : a["end"]] == a["content"]
    assert second["speaker"] is None and second["attributions"] == []
    assert await archive.check() == []


async def test_who_answers_with_the_speaker_of_the_clause(archive):
    await archive.add_document(_two_speakers())
    assert (await archive.who("the cables were not ready")).answers[0].speaker == "Tom Park"
    assert (await archive.who("bridge would open in May")).answers[0].speaker == "Ann Lee"


async def test_said_lists_each_attribution_once(archive):
    await archive.add_document(_two_speakers())
    for name in ("Ann Lee", "Tom Park"):
        result = await archive.said(name)
        assert result.speaker == name
        assert [(a.text, a.speaker) for a in result.answers] == [(TWO, name)]
    assert "Tom Park" in await archive.speaker_names("Park")


def _version_2_archive(path: Path) -> None:
    """An archive as version 2 wrote it: one attribution a sentence, keyed by sentence, unmarked."""
    db = sqlite3.connect(path)
    db.executescript(resources.files("bot.core").joinpath("schema.sql").read_text("utf-8"))
    db.executescript(
        """
        INSERT INTO articles (id, title, date, body, content_hash)
            VALUES (4, 'Old port', '2020-01-02', 'x', 'h');
        INSERT INTO sentences (id, article_id, idx, paragraph, start, end, text) VALUES
            (7, 4, 0, 0, 0, 1, 'Harbour master Ida Holm said the new crane would double the cargo.'),
            (8, 4, 1, 0, 0, 1, 'The crane arrived by ship.');
        INSERT INTO speakers (id, name) VALUES (3, 'Ida Holm');
        INSERT INTO speaker_aliases (speaker_id, article_id, alias) VALUES (3, 4, 'Ida Holm'), (3, 4, 'Holm');
        INSERT INTO attributions (sentence_id, article_id, speaker_id, role, cue, kind, content) VALUES
            (7, 4, 3, 'harbour master', 'said', 'indirect', 'the new crane would double the cargo');
        INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences;
        """
    )
    db.executescript(resources.files("bot.core").joinpath("schema_2.sql").read_text("utf-8"))
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()


async def test_a_version_2_archive_is_migrated_and_still_answers(tmp_path):
    path = tmp_path / "old.db"
    _version_2_archive(path)
    async with await Archive.open(path) as archive:
        assert (await archive.who("the new crane would double the cargo")).answers[0].speaker == "Ida Holm"
        said = await archive.said("Holm")
        assert said.speaker == "Ida Holm" and [a.sentence_index for a in said.answers] == [0]
        assert (await archive.ask("What did the crane arrive by?")).answers[
            0
        ].text == "The crane arrived by ship."
        (exported,) = [a async for a in archive.export()]
        first = exported["sentences"][0]  # type: ignore[index]
        assert first["speaker"] == "Ida Holm"
        assert [(a["speaker"], a["start"]) for a in first["attributions"]] == [("Ida Holm", None)]
        assert await archive.check() == []
        added = await archive.add_document(_two_speakers())  # and it takes new rows
        assert added.ref.id == 5
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("SELECT ordinal FROM attributions WHERE sentence_id = 7").fetchall() == [(0,)]
    db.close()


async def test_a_version_3_archive_gains_feeds_and_keeps_its_articles(tmp_path):
    path = tmp_path / "v3.db"
    db = sqlite3.connect(path, isolation_level=None)
    for version in (1, 2, 3):
        db.executescript(store_schema.MIGRATIONS[version])
    db.executescript(
        f"""PRAGMA user_version = 3; PRAGMA application_id = {APPLICATION_ID};
        INSERT INTO articles (id, title, body, content_hash) VALUES (1, 'Old quay', 'x', 'h');
        INSERT INTO counters (name, value) VALUES ('articles', 1)
            ON CONFLICT (name) DO UPDATE SET value = 1;
        INSERT INTO sentences (id, article_id, idx, paragraph, start, end, text)
            VALUES (1, 1, 0, 0, 0, 1, 'The old quay was closed for repairs.');
        INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences;
        INSERT INTO paragraphs_fts (rowid, text) SELECT id, text FROM sentences;"""
    )
    db.close()
    async with await Archive.open(path) as archive:
        assert (await archive.ask("What was closed for repairs?")).answers[0].article.title == "Old quay"
        assert await archive.feeds.followed() == []
        assert await archive.check() == []
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 4
    assert db.execute("SELECT count(*) FROM feeds").fetchone() == (0,)
    db.close()


async def test_check_and_rebuild_after_bulk_imports_and_removals(archive, tmp_path):
    assert await archive.check() == []  # the seeded archive: every index passes its own check
    docs = [
        ingest.build_document(f"Quay {i}", [f'"Crane {i} is back," dock chief Eva Lind{i} said.'])
        for i in range(30)
    ]
    results = await archive.add_documents([*docs, _two_speakers()])
    for summary in results[::3]:
        await archive.remove(summary.ref.id)  # type: ignore[union-attr]
    assert await archive.check() == []
    await archive.rebuild()
    assert await archive.check() == []
    assert (await archive.who("Crane 4 is back")).answers[0].speaker == "Eva Lind4"
    found = await archive.who("Crane 3 is back")  # removed, and the rebuild left it out
    assert all(a.speaker != "Eva Lind3" for a in found.answers + found.suggestions)


async def test_check_finds_an_index_out_of_step_and_rebuild_mends_it(tmp_path):
    path = tmp_path / "a.db"
    async with await Archive.open(path, seeds=SEEDS) as archive:
        await archive.add_document(_two_speakers())
    db = sqlite3.connect(path)  # change rows behind the indexes' back
    db.execute("UPDATE sentences SET text = 'Something else entirely.' WHERE text = ?", (TWO,))
    db.execute("UPDATE attributions SET content = 'nothing like it' WHERE content = ?", (PARK,))
    db.commit()
    db.close()
    async with await Archive.open(path) as archive:
        problems = await archive.check()
        assert any("sentences_fts" in p for p in problems) and any("quotes_fts" in p for p in problems)
        await archive.rebuild()
        assert await archive.check() == []


async def test_article_ids_are_never_reused(archive, tmp_path):
    first = await archive.add_text("Day one\n\nThe ferry left at dawn.")
    newest = await archive.add_text("Day two\n\nThe ferry came back at dusk.")
    await archive.remove(newest.ref.id)
    again = await archive.add_text("Day three\n\nThe ferry stayed in port.")
    assert again.ref.id not in (first.ref.id, newest.ref.id)
    await archive.remove(again.ref.id)
    (bulk,) = await archive.add_documents([ingest.build_document("Day four", ["The ferry sank."])])
    assert bulk.ref.id > again.ref.id  # type: ignore[union-attr]


async def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    db.execute("INSERT INTO notes (text) VALUES ('milk')")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(BadArchive, match="another program"):
        await Archive.open(path, seeds=SEEDS)
    assert path.read_bytes() == before
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")  # marked by someone else, even if empty
    db.execute("DROP TABLE notes")
    db.commit()
    db.close()
    with pytest.raises(BadArchive, match="another program"):
        await Archive.open(path)


async def test_new_archives_are_marked(tmp_path):
    async with await Archive.open(tmp_path / "new.db"):
        pass
    db = sqlite3.connect(tmp_path / "new.db")
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


async def test_a_read_only_archive_answers_and_refuses_changes_in_a_sentence(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    async with await Archive.open(path, seeds=SEEDS) as archive:
        seed_id = (await archive.articles())[0][0].ref.id
    # Not writable (as when the file or its folder is read-only; root could write anyway).
    monkeypatch.setattr(store_schema.os, "access", lambda p, mode: False)
    async with await Archive.open(path, seeds=SEEDS) as archive:
        assert (await archive.ask("Who dictates NATO's agenda?")).answers
        assert (await archive.who("the age of spheres of influence is over")).answers
        with pytest.raises(BadArchive, match="read-only"):
            await archive.add_text("Day one\n\nThe ferry left at dawn.")
        with pytest.raises(BadArchive, match="read-only"):
            await archive.remove(seed_id)
        with pytest.raises(BadArchive, match="read-only"):
            await archive.add_documents([ingest.build_document("Day four", ["The ferry sank."])])
        assert archive.read_only and await archive.check() == []  # integrity_check alone
    monkeypatch.undo()
    async with await Archive.open(path) as archive:
        assert (await archive.stats()).articles == 1
        assert await archive.check() == []


def test_check_and_rebuild_commands(tmp_path, monkeypatch, capsys):
    from bot.__main__ import main

    monkeypatch.setenv("ARCHIVIST_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("ARCHIVIST_SEEDS", str(SEEDS))
    assert main(["--json", "check"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "problems": []}
    db = sqlite3.connect(tmp_path / "cli.db")
    db.execute("UPDATE sentences SET text = 'Nothing of the kind.' WHERE idx = 0")
    db.commit()
    db.close()
    assert main(["check"]) == 1
    assert "sentences_fts" in capsys.readouterr().out
    assert main(["rebuild"]) == 0
    assert main(["check"]) == 0


async def test_a_read_only_archive_reads_commits_still_in_the_wal(tmp_path):
    path = tmp_path / "a.db"
    async with await Archive.open(path, seeds=SEEDS):
        pass
    writer = sqlite3.connect(path)  # another process, still running: its commit stays in the WAL
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE articles SET title = 'Renamed'")
    writer.commit()
    try:
        assert (tmp_path / "a.db-wal").stat().st_size > 0
        async with await Archive.open(path, read_only=True) as archive:
            assert (await archive.articles())[0][0].ref.title == "Renamed"
    finally:
        writer.close()


async def test_database_refusals_reach_callers_as_archive_errors(tmp_path):
    from bot.core.errors import ArchiveError, BadArticle
    from bot.core.store import Store

    store = await Store.open(tmp_path / "s.db")
    try:
        good = ingest.build_document("Fine", ["The ferry left at dawn."])
        broken = replace(
            _two_speakers(), clauses=((Attribution("Ann Lee", None, "said", "yelled", None),), ())
        )  # type: ignore[arg-type]
        results = await store.insert_articles([(good, "h1", None), (broken, "h2", None)])
        assert isinstance(results[0], int)
        assert isinstance(results[1], BadArticle) and not isinstance(results[1], sqlite3.Error)
        with pytest.raises(ArchiveError, match="could not be stored"):
            await store.insert_article(broken, "h3", None)
        assert await store.check() == []
    finally:
        await store.close()
