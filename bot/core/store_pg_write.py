"""Writing the PostgreSQL archive: articles in (a batch in one transaction, a fixed dozen
statements whatever its size: every table gets one INSERT over arrays) and out, with their
tsvectors, lexeme counts and counters. A store module: it speaks SQL; PgStore calls it.

Writers take one advisory lock per transaction, so processes sharing the archive write one
at a time, as SQLite's BEGIN IMMEDIATE makes them: the duplicate check then sees every
article committed before it, and each batch's ids are one block of its sequences.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from .errors import Duplicate
from .models import Document, Sentence
from .store_pg_schema import WRITE_LOCK
from .store_write import paragraph_texts

# Words as SQLite's unicode61 tokenizer splits them: runs of letters and digits. The text
# reaches to_tsvector as these words joined by spaces, so PostgreSQL's parser (whose idea of
# a letter depends on the server's locale) sees nothing but words and spaces.
_WORD_RE = re.compile(r"[^\W_]+")


def words(text: str) -> tuple[str, int]:
    """(the words of `text` joined by spaces, how many there are)."""
    found = _WORD_RE.findall(text)
    return " ".join(found), len(found)


# A connection, whether taken from a pool or not.
Conn = asyncpg.Connection | PoolConnectionProxy

_NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

# Per lexeme, how many rows of each index the given rows add (or, negated, remove).
# (tsvector_to_array gives the lexemes alone: unnest(tsv) would build their positions too.)
_LEXEME_ROWS = """
    SELECT u AS term, 1 AS s, 0 AS p, 0 AS q FROM sentences t, unnest(tsvector_to_array(t.tsv)) u
    WHERE {sentences}
    UNION ALL SELECT u, 0, 1, 0 FROM paragraphs t, unnest(tsvector_to_array(t.tsv)) u WHERE {paragraphs}
    UNION ALL SELECT u, 0, 0, 1 FROM attributions t, unnest(tsvector_to_array(t.tsv)) u WHERE {quotes}
"""
# The same for a batch just inserted (rows by id; integers formatted in), counted by ts_stat,
# which walks each tsvector's lexemes in C: at 1M sentences, for a batch of 256 articles,
# 63 ms against 117 ms for the unnest and GROUP BY above (which rebuild keeps, a reference).
_BATCH_LEXEME_ROWS = """
    SELECT word AS term, ndoc AS s, 0 AS p, 0 AS q
    FROM ts_stat('SELECT tsv FROM sentences WHERE id BETWEEN {0:d} AND {1:d}')
    UNION ALL SELECT word, 0, ndoc, 0
    FROM ts_stat('SELECT tsv FROM paragraphs WHERE id BETWEEN {0:d} AND {1:d}')
    UNION ALL SELECT word, 0, 0, ndoc
    FROM ts_stat('SELECT tsv FROM attributions WHERE id BETWEEN {2:d} AND {3:d}')
"""
_ADD_LEXEMES = (
    "INSERT INTO lexemes (term, sentences, paragraphs, quotes)"
    " SELECT term, sum(s), sum(p), sum(q) FROM ({rows}) x GROUP BY term ORDER BY term"
    " ON CONFLICT (term) DO UPDATE SET sentences = lexemes.sentences + excluded.sentences,"
    " paragraphs = lexemes.paragraphs + excluded.paragraphs, quotes = lexemes.quotes + excluded.quotes"
)
# Every GIN index of the archive (pg_schema.sql).
_GIN_INDEXES = ("sentences_fts", "paragraphs_fts", "attributions_fts", "articles_titles")
_COUNTERS = """
    UPDATE counters SET value = value + CASE name
        WHEN 'sentences' THEN $1 WHEN 'sentence_words' THEN $2 WHEN 'paragraphs' THEN $3
        WHEN 'paragraph_words' THEN $4 WHEN 'quotes' THEN $5 WHEN 'quote_words' THEN $6
        WHEN 'changes' THEN 1 END
    WHERE name IN ('sentences', 'sentence_words', 'paragraphs', 'paragraph_words', 'quotes',
                   'quote_words', 'changes')"""


async def _block(conn: Conn, sequence: str, n: int) -> int:
    """Reserve n consecutive ids of a sequence (under the write lock); returns the first."""
    if n <= 0:
        return 0
    last: int = await conn.fetchval(f"SELECT setval('{sequence}', nextval('{sequence}') + $1 - 1)", n)
    return last - n + 1


async def insert_batch(
    conn: Conn,
    items: Sequence[tuple[Document, str, int | None]],
    *,
    copies: Sequence[tuple[int, str]] | None = None,
) -> tuple[list[int | Duplicate], int]:
    """Store a batch in one transaction. A duplicate (in the archive or earlier in the batch,
    in the article's scope) is skipped, not an error. With `copies` ((id, added_at) per item,
    for archivist migrate) the articles keep those ids and times, and are not checked for
    duplicates. Returns (per item its id or Duplicate, sentences added)."""
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
        known: dict[str, list[tuple[int, int | None]]] = {}
        if copies is None:
            hashes = list(dict.fromkeys(h for _d, h, _g in items))
            for row in await conn.fetch(
                "SELECT content_hash, id, guild_id FROM articles WHERE content_hash = ANY($1) ORDER BY id",
                hashes,
            ):
                known.setdefault(row[0], []).append((row[1], row[2]))
        results: list[int | Duplicate] = []
        kept: list[tuple[int, Document, str, int | None, str | None]] = []
        fresh = 0
        for n, (doc, content_hash, guild_id) in enumerate(items):
            dup = next((i for i, g in known.get(content_hash, ()) if g is None or g == guild_id), None)
            if dup is not None:
                results.append(Duplicate(f"That article is already in the archive as #{dup}.", dup))
                continue
            if copies is None:
                fresh += 1
                article_id, added_at = -fresh, None  # a placeholder until the block is reserved
            else:
                article_id, added_at = copies[n]
            known.setdefault(content_hash, []).append((article_id, guild_id))
            kept.append((article_id, doc, content_hash, guild_id, added_at))
            results.append(article_id)
        if fresh:
            first = await _block(conn, "articles_id_seq", fresh)
            kept = [(first - i - 1 if i < 0 else i, d, h, g, t) for i, d, h, g, t in kept]
            results = [first - r - 1 if isinstance(r, int) and r < 0 else r for r in results]
        added = await _insert_rows(conn, kept)
        if copies is not None and kept:
            await conn.execute(
                "SELECT setval('articles_id_seq', greatest($1, (SELECT last_value FROM articles_id_seq)))",
                max(k[0] for k in kept),
            )
    if kept:
        await clean_pending_lists(conn)
    return results, added


async def clean_pending_lists(conn: Conn) -> None:
    """Move the entries a write left in the GIN indexes' pending lists into the indexes proper
    (after its commit, so others see the write without waiting for this). A search reads
    every pending entry, and
    PostgreSQL lets a list grow to 4 MB an index before an insert cleans it (or autovacuum
    does): at 1M sentences, lists of 2-3 MB each made `who` take 14.1 ms at p50 and 24.2 ms
    at p95, against 8.5 and 17.7 ms once cleaned. Only the indexes' owner may clean them: for
    another role this does nothing, and PostgreSQL cleans them as before."""
    with contextlib.suppress(asyncpg.InsufficientPrivilegeError):
        await conn.execute(
            "SELECT gin_clean_pending_list(i::regclass) FROM unnest($1::text[]) AS i", list(_GIN_INDEXES)
        )


async def _insert_rows(conn: Conn, kept: Sequence[tuple[int, Document, str, int | None, str | None]]) -> int:
    """Insert the articles (ids given) with everything hanging off them; returns sentences added."""
    if not kept:
        return 0
    n_sentences = sum(len(d.sentences) for _i, d, _h, _g, _t in kept)
    n_attributions = sum(len(c) for _i, d, _h, _g, _t in kept for c in d.clauses)
    sentence_id = await _block(conn, "sentences_id_seq", n_sentences) - 1
    attribution_id = await _block(conn, "attributions_id_seq", n_attributions) - 1
    first_sentence, first_attribution = sentence_id + 1, attribution_id + 1
    articles: list[list[object]] = [[] for _ in range(10)]
    sentences: list[list[object]] = [[] for _ in range(9)]
    paragraphs: list[list[object]] = [[] for _ in range(5)]  # the last column: its last sentence's id
    people: dict[str, bool] = {}
    aliases: list[list[object]] = [[], [], []]
    attributions: list[list[object]] = [[] for _ in range(14)]
    totals = [0] * 6
    for article_id, doc, content_hash, guild_id, added_at in kept:
        title_words, _ = words(doc.title)
        row = (article_id, guild_id, doc.title, doc.date, doc.author, doc.source, doc.body)
        _append(articles, (*row, content_hash, added_at, title_words))
        ids: dict[int, int] = {}
        texts: dict[int, tuple[str, int]] = {}
        for s in doc.sentences:
            sentence_id += 1
            ids[s.index] = sentence_id
            texts[s.index] = w, n = words(s.text)
            values = (sentence_id, article_id, s.index, s.paragraph, s.start, s.end, s.text, w, n)
            _append(sentences, values)
            totals[0] += 1
            totals[1] += n
        for first, last, n in _paragraphs(doc, texts):
            _append(paragraphs, (ids[first], article_id, _paragraph(doc, first), ids[last], n))
            totals[2] += 1
            totals[3] += n
        mine = {sp.name: sp.is_person for sp in doc.speakers}
        for clauses in doc.clauses:
            for a in clauses:
                mine.setdefault(a.speaker, True)
        for name, is_person in mine.items():
            people.setdefault(name, is_person)
        names = {(sp.name, alias) for sp in doc.speakers for alias in (sp.name, *sp.aliases) if alias}
        names |= {(name, name) for name in mine}
        for name, alias in sorted(names):
            aliases[0].append(name)
            aliases[1].append(article_id)
            aliases[2].append(alias)
        for s, clauses in zip(doc.sentences, doc.clauses, strict=False):
            sentence_n = texts[s.index][1]
            for ordinal, a in enumerate(clauses):
                attribution_id += 1
                # No content: the sentence is what was said (its tsvector is taken in SQL).
                said, said_n = words(a.content) if a.content is not None else (None, sentence_n)
                clause: tuple[object, ...] = (
                    attribution_id,
                    ids[s.index],
                    article_id,
                    ordinal,
                    a.speaker,
                    a.role,
                    a.cue,
                    a.kind,
                )
                clause += (a.content, a.start, a.end, a.quote, said, said_n + sentence_n)
                _append(attributions, clause)
                totals[4] += 1
                totals[5] += said_n + sentence_n
    await conn.execute(
        "INSERT INTO articles"
        " (id, guild_id, title, date, author, source, body, content_hash, added_at, title_tsv)"
        f" SELECT i, g, ti, d, au, so, b, h, coalesce(t, {_NOW}), to_tsvector('archivist_title', tw)"
        " FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
        " $8::text[], $9::text[], $10::text[]) AS x (i, g, ti, d, au, so, b, h, t, tw)",
        *articles,
    )
    await conn.execute(
        'INSERT INTO sentences (id, article_id, idx, paragraph, start, "end", text, tsv, ntok)'
        " SELECT i, a, x, p, s, e, t, to_tsvector('archivist', w), n"
        " FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[],"
        " $8::text[], $9::int[]) AS u (i, a, x, p, s, e, t, w, n)",
        *sentences,
    )
    # Words are stemmed once, in their sentence: a paragraph's tsvector is its sentences'
    # joined (what to_tsvector of their words would give), an attribution's holds its
    # sentence's. Stemming was most of the cost of storing an article.
    await conn.execute(
        "INSERT INTO paragraphs (id, article_id, paragraph, tsv, ntok)"
        " SELECT u.i, u.a, u.p, (SELECT archivist_tsv_cat(s.tsv ORDER BY s.id) FROM sentences s"
        " WHERE s.id BETWEEN u.i AND u.l), u.n"
        " FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::bigint[], $5::int[]) AS u (i, a, p, l, n)",
        *paragraphs,
    )
    await conn.execute(
        "INSERT INTO speakers (name, is_person) SELECT * FROM unnest($1::text[], $2::bool[])"
        " ON CONFLICT DO NOTHING",
        list(people),
        list(people.values()),
    )
    await conn.execute(
        "INSERT INTO speaker_aliases (speaker_id, article_id, alias)"
        " SELECT sp.id, u.a, u.alias FROM unnest($1::text[], $2::bigint[], $3::text[]) AS u (name, a, alias)"
        " JOIN speakers sp ON lower(sp.name) = lower(u.name) ON CONFLICT DO NOTHING",
        *aliases,
    )
    await conn.execute(
        "INSERT INTO attributions"
        " (id, sentence_id, article_id, ordinal, speaker_id, role, cue, kind, content,"
        ' start, "end", quote, tsv, ntok)'
        " SELECT u.i, u.s, u.a, u.o, sp.id, u.r, u.c, u.k, u.t, u.st, u.e, u.q,"
        " coalesce(to_tsvector('archivist', u.said), se.tsv) || se.tsv, u.n"
        " FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::int[], $5::text[], $6::text[],"
        " $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::int[], $13::text[], $14::int[])"
        " AS u (i, s, a, o, name, r, c, k, t, st, e, q, said, n)"
        " JOIN speakers sp ON lower(sp.name) = lower(u.name) JOIN sentences se ON se.id = u.s",
        *attributions,
    )
    rows = _BATCH_LEXEME_ROWS.format(first_sentence, sentence_id, first_attribution, attribution_id)
    await conn.execute(_ADD_LEXEMES.format(rows=rows))
    await conn.execute(_COUNTERS, *totals)
    return n_sentences


def _append(columns: list[list[object]], row: Sequence[object]) -> None:
    """One row onto column arrays (each table is inserted as one unnest of arrays)."""
    for column, value in zip(columns, row, strict=True):
        column.append(value)


def _paragraphs(doc: Document, texts: dict[int, tuple[str, int]]) -> list[tuple[int, int, int]]:
    """(index of its first sentence, of its last, its words) of each paragraph, as
    paragraph_texts groups them (a run of sentences of one paragraph)."""
    out: list[tuple[int, int, int]] = []
    current = -1
    for s in doc.sentences:
        if s.paragraph != current:
            out.append((s.index, s.index, texts[s.index][1]))
            current = s.paragraph
        else:
            first, _last, n = out[-1]
            out[-1] = (first, s.index, n + texts[s.index][1])
    return out


def _paragraph(doc: Document, first: int) -> int:
    return next(s.paragraph for s in doc.sentences if s.index == first)


async def delete_article(conn: Conn, article_id: int) -> int:
    """Remove an article and everything hanging off it, lexeme counts and counters included;
    returns how many sentences went."""
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
        rows = _LEXEME_ROWS.format(
            sentences="t.article_id = $1", paragraphs="t.article_id = $1", quotes="t.article_id = $1"
        )
        await conn.execute(
            "UPDATE lexemes l SET sentences = l.sentences - x.s, paragraphs = l.paragraphs - x.p,"
            f" quotes = l.quotes - x.q FROM (SELECT term, sum(s) s, sum(p) p, sum(q) q FROM ({rows}) r"
            " GROUP BY term ORDER BY term) x WHERE l.term = x.term",
            article_id,
        )
        totals = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM sentences WHERE article_id = $1),"
            " (SELECT coalesce(sum(ntok), 0) FROM sentences WHERE article_id = $1),"
            " (SELECT count(*) FROM paragraphs WHERE article_id = $1),"
            " (SELECT coalesce(sum(ntok), 0) FROM paragraphs WHERE article_id = $1),"
            " (SELECT count(*) FROM attributions WHERE article_id = $1),"
            " (SELECT coalesce(sum(ntok), 0) FROM attributions WHERE article_id = $1)",
            article_id,
        )
        assert totals is not None
        speakers = [
            r[0]
            for r in await conn.fetch(
                "SELECT speaker_id FROM speaker_aliases WHERE article_id = $1"
                " UNION SELECT speaker_id FROM attributions WHERE article_id = $1",
                article_id,
            )
        ]
        await conn.execute("DELETE FROM articles WHERE id = $1", article_id)
        await conn.execute("DELETE FROM lexemes WHERE sentences <= 0 AND paragraphs <= 0 AND quotes <= 0")
        # Speakers nobody is attributed or aliased to any more go too.
        await conn.execute(
            "DELETE FROM speakers sp WHERE sp.id = ANY($1)"
            " AND NOT EXISTS (SELECT 1 FROM attributions WHERE speaker_id = sp.id)"
            " AND NOT EXISTS (SELECT 1 FROM speaker_aliases WHERE speaker_id = sp.id)",
            speakers,
        )
        await conn.execute(_COUNTERS, *(-int(v) for v in totals))
    return int(totals[0])


async def rebuild(conn: Conn) -> None:
    """Compute every tsvector, the lexeme counts and the counters again from the rows, in one
    transaction (the words are split here, as at insert)."""
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
        rows = await conn.fetch("SELECT id, title FROM articles")
        await conn.executemany(
            "UPDATE articles SET title_tsv = to_tsvector('archivist_title', $2) WHERE id = $1",
            [(r[0], words(r[1])[0]) for r in rows],
        )
        stored = await conn.fetch(
            "SELECT id, article_id, idx, paragraph, text FROM sentences ORDER BY article_id, idx"
        )
        await conn.executemany(
            "UPDATE sentences SET tsv = to_tsvector('archivist', $2), ntok = $3 WHERE id = $1",
            [(r[0], *words(r[4])) for r in stored],
        )
        await conn.execute("DELETE FROM paragraphs")
        by_article: dict[int, list[asyncpg.Record]] = {}
        for r in stored:
            by_article.setdefault(r[1], []).append(r)
        paragraph_rows = []
        for article_id, group in by_article.items():
            ids = {r[2]: r[0] for r in group}
            sentences = [Sentence(r[2], r[3], 0, 0, r[4]) for r in group]
            for first, text in paragraph_texts(sentences):
                paragraph = next(s.paragraph for s in sentences if s.index == first)
                paragraph_rows.append((ids[first], article_id, paragraph, *words(text)))
        await conn.executemany(
            "INSERT INTO paragraphs (id, article_id, paragraph, tsv, ntok)"
            " VALUES ($1, $2, $3, to_tsvector('archivist', $4), $5)",
            paragraph_rows,
        )
        quotes = await conn.fetch(
            "SELECT at.id, coalesce(at.content, s.text), s.text FROM attributions at"
            " JOIN sentences s ON s.id = at.sentence_id"
        )
        await conn.executemany(
            "UPDATE attributions SET tsv = to_tsvector('archivist', $2) || to_tsvector('archivist', $3),"
            " ntok = $4 WHERE id = $1",
            [(r[0], words(r[1])[0], words(r[2])[0], words(r[1])[1] + words(r[2])[1]) for r in quotes],
        )
        await conn.execute("DELETE FROM lexemes")
        every = _LEXEME_ROWS.format(sentences="true", paragraphs="true", quotes="true")
        await conn.execute(_ADD_LEXEMES.format(rows=every))
        await conn.execute(
            "UPDATE counters SET value = CASE name"
            " WHEN 'sentences' THEN (SELECT count(*) FROM sentences)"
            " WHEN 'sentence_words' THEN (SELECT coalesce(sum(ntok), 0) FROM sentences)"
            " WHEN 'paragraphs' THEN (SELECT count(*) FROM paragraphs)"
            " WHEN 'paragraph_words' THEN (SELECT coalesce(sum(ntok), 0) FROM paragraphs)"
            " WHEN 'quotes' THEN (SELECT count(*) FROM attributions)"
            " WHEN 'quote_words' THEN (SELECT coalesce(sum(ntok), 0) FROM attributions)"
            " ELSE value + 1 END"
        )
