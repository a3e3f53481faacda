"""The PostgreSQL archive's own behaviour: its migrations and refusals, isolation of a write
in progress, its consistency check and rebuild, and BM25 equal to SQLite's FTS5 figures.
(Everything the two backends share runs on both in test_store, test_search, test_cli...)"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import asyncpg
import pytest

from bot.__main__ import main
from bot.core import ingest
from bot.core.archive import Archive
from bot.core.errors import BadArchive
from bot.core.search import query
from bot.core.store_pg import PgStore
from bot.core.store_pg_schema import SCHEMA_VERSION

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STORY = (
    "Tuesday, May 7, 2024\n\nPort strike ends after talks\n\n"
    'Union leader Maria Costa said the strike at the harbour had ended. "We won a fair deal," Costa said.\n'
)
_names = itertools.count(1)


@pytest.fixture()
def empty_db(pg):
    """A new, empty database (not from the migrated template)."""
    name = f"empty_{next(_names)}"
    pg.sql(f"CREATE DATABASE {name}")
    yield pg.url(name)
    pg.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


async def test_an_empty_database_is_migrated_and_newer_schemas_refused(empty_db):
    async with await Archive.open(empty_db, seeds=SEEDS) as archive:
        assert (await archive.stats()).articles == 1
    conn = await asyncpg.connect(empty_db)
    try:
        meta = dict(await conn.fetch("SELECT key, value FROM archivist_meta"))
        assert meta == {"application": "archivist", "schema_version": str(SCHEMA_VERSION)}
        await conn.execute(
            "UPDATE archivist_meta SET value = $1 WHERE key = 'schema_version'", str(SCHEMA_VERSION + 1)
        )
    finally:
        await conn.close()
    with pytest.raises(BadArchive, match="newer Archivist"):
        await Archive.open(empty_db)


async def test_another_programs_database_is_refused_untouched(empty_db):
    conn = await asyncpg.connect(empty_db)
    try:
        await conn.execute("CREATE TABLE invoices (id int)")
        with pytest.raises(BadArchive, match="another program's database"):
            await Archive.open(empty_db)
        tables = {
            r[0] for r in await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        }
        assert tables == {"invoices"}
    finally:
        await conn.close()


async def test_an_unreachable_server_is_one_sentence_without_the_password(pg):
    url = f"postgresql://someone:secret@127.0.0.1:{pg.port + 1 if pg.port < 65535 else 1}/nowhere"
    with pytest.raises(BadArchive) as info:
        await Archive.open(url)
    assert "cannot be opened" in str(info.value) and "secret" not in str(info.value)


async def test_questions_never_see_a_write_in_progress(new_pg_archive):
    url = new_pg_archive()
    store = await PgStore.open(url)
    other = await asyncpg.connect(url)
    try:
        tx = other.transaction()
        await tx.start()
        await other.execute(
            "INSERT INTO articles (id, title, body, content_hash, title_tsv) VALUES (99, 't', 'b', 'h', '')"
        )
        assert await store.count_articles(None) == 0
        await tx.rollback()
        doc = ingest.parse(STORY.encode())
        await store.insert_article(doc, ingest.content_hash(doc.body), None)
        assert await store.count_articles(None) == 1
    finally:
        await other.close()
        await store.close()


async def test_check_finds_stale_counts_and_rebuild_mends_them(new_pg_archive):
    url = new_pg_archive()
    async with await Archive.open(url, seeds=SEEDS) as archive:
        await archive.add_text(STORY)
        assert await archive.check() == []
        before = await archive.ask("When did the harbour strike end?")
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("UPDATE lexemes SET sentences = sentences + 5 WHERE term = 'strike'")
            await conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'sentences'")
            await conn.execute("UPDATE sentences SET tsv = ''")
        finally:
            await conn.close()
        problems = await archive.check()
        assert any("sentences" in p for p in problems) and any("'strike'" in p for p in problems)
        await archive.rebuild()
        assert await archive.check() == []
        assert await archive.ask("When did the harbour strike end?") == before


async def test_stored_tsvectors_are_to_tsvector_of_the_words(new_pg_archive):
    """A paragraph's tsvector (its sentences' joined at insert) and an attribution's (its words
    and its sentence's) are what to_tsvector of their words gives, and the lexeme counts what
    the rows hold: rebuild(), which computes every one that way, changes none of them. Words
    repeat, numbers, accents, one-letter words."""
    url = new_pg_archive()
    story = (
        "Monday, June 3, 2024\n\nCafé owners fight rent rises\n\n"
        'The café on 5th Street, open since 1987, may close. "Rents rose 40% in a year," said Zoë Brandt, '
        "its owner. Brandt said the owners' group would meet on Friday.\n\n"
        "A city spokesperson said rents rose less elsewhere. Rents, rents and rents: it is all "
        "anyone talks about, said Léa Martin, a tenant. Q: what now? A: we wait.\n"
    )
    rows = (
        "SELECT string_agg(tsv::text, '|' ORDER BY id) FROM paragraphs",
        "SELECT string_agg(tsv::text, '|' ORDER BY id) FROM attributions",
        # Counted per batch by ts_stat at insert, by unnest and GROUP BY in rebuild.
        "SELECT string_agg(concat_ws(' ', term, sentences, paragraphs, quotes), '|' ORDER BY term)"
        " FROM lexemes",
    )
    async with await Archive.open(url, seeds=None) as archive:
        await archive.add_text(story)
        await archive.add_documents(
            [ingest.build_document("Rents again", ["Rents rose. Rents fell, said Ana Lima."])]
        )
        conn = await asyncpg.connect(url)
        try:
            stored = [await conn.fetchval(q) for q in rows]
            assert all(stored) and "'rent'" in stored[0] and "rent 5 3 4" in stored[2].split("|")
            await archive.rebuild()
            assert [await conn.fetchval(q) for q in rows] == stored
        finally:
            await conn.close()
        assert await archive.check() == []


async def test_a_write_leaves_no_pending_index_entries_and_needs_no_ownership(pg, new_pg_archive):
    """After a write the GIN indexes hold everything in their trees (their pending lists,
    which every search reads through, are empty); a role that may write but does not own the
    indexes, and so may not clean them, still writes."""
    url = new_pg_archive()
    async with await Archive.open(url, seeds=None) as archive:
        await archive.add_text(STORY)
    conn = await asyncpg.connect(url)
    try:
        for index in ("sentences_fts", "paragraphs_fts", "attributions_fts", "articles_titles"):
            assert await conn.fetchval("SELECT gin_clean_pending_list($1::regclass)", index) == 0
        role = f"writer_{next(_names)}"
        await conn.execute(f"CREATE ROLE {role} LOGIN")
        await conn.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}")
        await conn.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}")
    finally:
        await conn.close()
    async with await Archive.open(url.replace("postgres@", f"{role}@"), seeds=None) as archive:
        await archive.add_text(STORY.replace("Port strike", "Dock strike").replace("fair", "good"))
        assert (await archive.stats()).articles == 2
        assert (await archive.who("We won a good deal")).answers


async def test_bm25_is_the_figure_fts5_gives(new_pg_archive, tmp_path):
    """The same candidates with the same scores as the SQLite archive, to 1e-9."""
    async with (
        await Archive.open(new_pg_archive(), seeds=SEEDS) as pg_archive,
        await Archive.open(tmp_path / "same.db", seeds=SEEDS) as lite,
    ):
        for archive in (pg_archive, lite):
            await archive.add_text(STORY)
        for question in ("spheres of influence", "NATO agenda dictated by Washington", "harbour strike deal"):
            figures = []
            for archive in (lite, pg_archive):
                store = archive._store  # noqa: SLF001 - the stores themselves are compared
                q = await query.prepare(store, question)
                assert q is not None
                quotes = await store.quote_candidates(q.plan(query.WHO_POSTINGS), None, 10)
                paragraphs = await store.best_paragraphs(q.match, None, 10)
                figures.append(
                    (
                        [(c.sentence_id, c.ordinal, c.bm25) for c in quotes],
                        [(a, p, score, [s.sentence_id for s in ss]) for a, p, score, ss in paragraphs],
                    )
                )
            (lite_quotes, lite_paras), (pg_quotes, pg_paras) = figures
            assert lite_quotes and lite_paras
            assert [r[:2] for r in pg_quotes] == [r[:2] for r in lite_quotes]
            assert [r[2] for r in pg_quotes] == pytest.approx([r[2] for r in lite_quotes], rel=1e-9)
            assert [(a, p, ss) for a, p, _s, ss in pg_paras] == [(a, p, ss) for a, p, _s, ss in lite_paras]
            assert [s for _a, _p, s, _ss in pg_paras] == pytest.approx(
                [s for _a, _p, s, _ss in lite_paras], rel=1e-9
            )


def test_the_db_flag_takes_a_url_and_messages_hide_its_password(new_pg_archive, monkeypatch, capsys):
    url = new_pg_archive().replace("postgres@", "postgres:hunter2@")  # trust: any password is taken
    monkeypatch.setenv("ARCHIVIST_DB", "/nonexistent/folder/archive.db")  # --db wins
    monkeypatch.setenv("ARCHIVIST_SEEDS", str(SEEDS))
    assert main(["--db", url, "--json", "stats"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 1  # seeded while empty, as ARCHIVIST_SEEDS asks
    assert out["archive"].startswith("postgresql://127.0.0.1:") and "hunter2" not in out["archive"]
    assert main(["--db", url, "articles"]) == 0
    printed = capsys.readouterr()
    assert "hunter2" not in printed.out + printed.err and "1 article." in printed.out


async def test_phrase_bm25_is_the_figure_fts5_gives(new_pg_archive, tmp_path):
    """A phrase ("fair deal") counts as one term of BM25, as FTS5 counts it: its idf from the
    rows holding the phrase, its frequency how often the phrase occurs (not the sum of its
    words' figures). As who's phrase search asks: an OR of word pairs; and inside an AND."""
    story = STORY + (
        "\nThe deal was fair, the union said. A fair deal, a fair deal at last, said Ana Lima, a docker."
        ' "A fair wage and a fair deal," Lima said. Costa said the deal was fair to all.\n'
    )
    expressions = ('"fair deal" OR "the strike"', '"fair deal"', '"costa said" AND "strike"', '"a fair"')
    async with (
        await Archive.open(new_pg_archive(), seeds=SEEDS) as pg_archive,
        await Archive.open(tmp_path / "same.db", seeds=SEEDS) as lite,
    ):
        for archive in (pg_archive, lite):
            await archive.add_text(story)
        for match in expressions:
            figures = []
            for archive in (lite, pg_archive):
                store = archive._store  # noqa: SLF001 - the stores themselves are compared
                quotes = await store.quote_candidates(match, None, 20)
                sentences = await store.candidates(match, None, 20)
                figures.append(
                    (
                        [(c.sentence_id, c.ordinal, c.bm25) for c in quotes],
                        [(c.sentence_id, c.bm25) for c in sentences],
                    )
                )
            (lite_quotes, lite_sentences), (pg_quotes, pg_sentences) = figures
            assert lite_quotes and lite_sentences, match
            assert [r[:2] for r in pg_quotes] == [r[:2] for r in lite_quotes], match
            assert [r[2] for r in pg_quotes] == pytest.approx([r[2] for r in lite_quotes], rel=1e-9), match
            assert [r[0] for r in pg_sentences] == [r[0] for r in lite_sentences], match
            assert [r[1] for r in pg_sentences] == pytest.approx([r[1] for r in lite_sentences], rel=1e-9), (
                match
            )


async def test_session_settings_outlive_the_pool_handing_a_connection_back(new_pg_archive):
    """The pool's RESET ALL, run as each connection goes back to it, would undo a SET: a
    read-only archive's connections still refuse writes the second time they are taken."""
    url = new_pg_archive()
    store = await PgStore.open(url, read_only=True)
    try:
        for _ in range(2):
            async with store._pool.acquire() as conn:  # noqa: SLF001 - the pool's own sessions
                assert await conn.fetchval("SHOW work_mem") == "64MB"
                with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
                    await conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'changes'")
    finally:
        await store.close()
