"""Search's reads on PostgreSQL: candidate sentences, paragraphs and attributions from the
GIN-indexed tsvectors, ranked in SQL by BM25 as FTS5 computes it (archivist_bm25, idf from
the lexeme counts), the scope applied in the same statement; and the passages an answer
shows. A store module: it speaks SQL; PgStore inherits these queries."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import asyncpg

from .store_search import ArticleRow, Candidate

_SCOPE = "(a.guild_id IS NULL OR a.guild_id = $GUILD::bigint)"
_CANDIDATE_COLUMNS = """
    s.id, s.article_id, s.idx, s.paragraph, s.text, {score},
    sp.name, at.role, at.kind, at.cue, at.content, at.quote
"""
_ATTR_JOIN = (
    "LEFT JOIN attributions at ON at.sentence_id = s.id AND at.ordinal = 0"
    " LEFT JOIN speakers sp ON sp.id = at.speaker_id"
)
# The query's lexemes with their idf in one index (FTS5's: ln((N - n + 0.5) / (n + 0.5)),
# at least 1e-6), and that index's average row length: BM25's inputs, read in the statement.
_TERMS = """
    st AS (SELECT max(value) FILTER (WHERE name = '{rows}') AS n,
                  max(value) FILTER (WHERE name = '{words}') AS w FROM counters),
    q AS (SELECT array_agg(l.term) AS terms,
                 array_agg(greatest(ln((st.n - l.{column} + 0.5) / (l.{column} + 0.5)), 1e-6)) AS idfs,
                 greatest(st.w::float8 / greatest(st.n, 1), 1.0) AS avgdl
          FROM lexemes l, st WHERE l.term = ANY($2::text[]) GROUP BY st.n, st.w)"""
_TOKEN_RE = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\()|(\))|\b(AND|OR|NOT)\b')


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def match_words(match: str) -> list[str]:
    """The quoted words of a search expression (search.query's FTS5 syntax), lower case."""
    return [
        m.group(1).replace('""', '"').lower() for m in _TOKEN_RE.finditer(match) if m.group(1) is not None
    ]


def to_tsquery(match: str, stems: dict[str, tuple[str, ...]]) -> tuple[str, list[str]]:
    """A search expression as tsquery text (each word its lexemes, AND and OR as & and |,
    several lexemes of one word as a phrase), and the distinct lexemes in it."""
    out: list[str] = []
    terms: list[str] = []
    for m in _TOKEN_RE.finditer(match):
        word, _prefix, opening, closing, op = m.groups()
        if word is not None:
            lexemes = stems.get(word.replace('""', '"').lower(), ())
            terms += lexemes
            # A word with no lexeme matches nothing (as an empty FTS5 phrase does).
            out.append(" <-> ".join(_lexeme(t) for t in lexemes) if lexemes else "'\x01'")
        elif opening:
            out.append("(")
        elif closing:
            out.append(")")
        else:
            out.append({"AND": "&", "OR": "|", "NOT": "& !"}[op])
    return " ".join(out), list(dict.fromkeys(terms))


def _sql(text: str) -> str:
    return text.replace("$GUILD", "$3")


class PgSearchQueries:
    """The search queries of PgStore (a mixin: PgStore provides the pool and the stems)."""

    _pool: asyncpg.Pool

    async def word_stems(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        raise NotImplementedError  # PgStore's

    async def _query(self, match: str) -> tuple[str, list[str]]:
        words = match_words(match)
        return to_tsquery(match, await self.word_stems(words))

    async def _fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        async with self._pool.acquire() as conn:
            return list(await conn.fetch(sql, *args))

    async def _ranked(
        self, index: str, match: str, sql: str, guild_id: int | None, limit: int
    ) -> list[asyncpg.Record]:
        """The rows of `index` ('sentences', 'paragraphs', 'quotes') matching `match` in scope,
        best BM25 first (then id), as a table `hits (id, score)` that `sql` selects from."""
        tsquery, terms = await self._query(match)
        if not terms:
            return []
        table, rows, words, column = {
            "sentences": ("sentences", "sentences", "sentence_words", "sentences"),
            "paragraphs": ("paragraphs", "paragraphs", "paragraph_words", "paragraphs"),
            "quotes": ("attributions", "quotes", "quote_words", "quotes"),
        }[index]
        statement = (
            "WITH " + _TERMS.format(rows=rows, words=words, column=column) + ","
            " hits AS MATERIALIZED ("
            f" SELECT t.id, archivist_bm25(t.tsv, t.ntok, q.avgdl, q.terms, q.idfs) AS score"
            f" FROM {table} t JOIN articles a ON a.id = t.article_id, q"
            f" WHERE t.tsv @@ $1::tsquery AND {_SCOPE} ORDER BY score DESC, t.id LIMIT $4)"
            f" {sql}"
        )
        return await self._fetch(_sql(statement), tsquery, terms, guild_id, limit)

    async def candidates(self, match: str, guild_id: int | None, limit: int) -> list[Candidate]:
        """Sentences matching a search expression, best BM25 first."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='hits.score')}"
            f" FROM hits JOIN sentences s ON s.id = hits.id {_ATTR_JOIN} ORDER BY hits.score DESC, s.id"
        )
        return [Candidate(*row) for row in await self._ranked("sentences", match, sql, guild_id, limit)]

    async def quote_candidates(self, match: str, guild_id: int | None, limit: int) -> list[Candidate]:
        """Attributions whose content (or sentence) matches, best BM25 first: each with its own
        speaker, `text` its sentence."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='hits.score')}, at.ordinal"
            " FROM hits JOIN attributions at ON at.id = hits.id JOIN sentences s ON s.id = at.sentence_id"
            " JOIN speakers sp ON sp.id = at.speaker_id ORDER BY hits.score DESC, at.id"
        )
        return [Candidate(*row) for row in await self._ranked("quotes", match, sql, guild_id, limit)]

    async def best_paragraphs(
        self, match: str, guild_id: int | None, limit: int
    ) -> list[tuple[int, int, float, list[Candidate]]]:
        """The paragraphs best matching a search expression, with their sentences in order:
        (article_id, paragraph, bm25, sentences), best first. One statement."""
        sql = (
            "SELECT hits.score, p.article_id, p.paragraph, hits.id AS pid,"
            f" {_CANDIDATE_COLUMNS.format(score='0.0::float8')}"
            " FROM hits JOIN paragraphs p ON p.id = hits.id"
            f" JOIN sentences s ON s.article_id = p.article_id AND s.paragraph = p.paragraph {_ATTR_JOIN}"
            " ORDER BY hits.score DESC, hits.id, s.idx"
        )
        out: dict[int, tuple[int, int, float, list[Candidate]]] = {}
        for row in await self._ranked("paragraphs", match, sql, guild_id, limit):
            key = row[3]
            if key not in out:
                out[key] = (row[1], row[2], row[0], [])
            out[key][3].append(Candidate(*row[4:]))
        return list(out.values())

    async def sentences_of(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], list[Candidate]]:
        """Every sentence of the given (article_id, paragraph) pairs, in order, keyed by the pair."""
        pairs = list(dict.fromkeys(keys))
        out: dict[tuple[int, int], list[Candidate]] = {p: [] for p in pairs}
        if not pairs:
            return out
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='0.0::float8')}"
            " FROM unnest($1::bigint[], $2::int[]) AS k (a, p)"
            f" JOIN sentences s ON s.article_id = k.a AND s.paragraph = k.p {_ATTR_JOIN}"
            " ORDER BY s.article_id, s.idx"
        )
        for row in await self._fetch(sql, [a for a, _ in pairs], [p for _, p in pairs]):
            c = Candidate(*row)
            out[(c.article_id, c.paragraph)].append(c)
        return out

    async def passages(
        self, keys: Iterable[tuple[int, int, int, int]]
    ) -> tuple[dict[tuple[int, int, int, int], list[Candidate]], dict[int, ArticleRow]]:
        """For each (article_id, first, last, paragraph): sentences idx first..last and every
        sentence of that paragraph, in order; and each article's row. One statement."""
        keys = list(dict.fromkeys(keys))
        out: dict[tuple[int, int, int, int], list[Candidate]] = {k: [] for k in keys}
        refs: dict[int, ArticleRow] = {}
        if not keys:
            return out, refs
        sql = (
            "SELECT k.a, k.lo, k.hi, k.p, a.id, a.guild_id, a.title, a.date, a.author, a.source, 0,"
            f" {_CANDIDATE_COLUMNS.format(score='0.0::float8')}"
            " FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[]) AS k (a, lo, hi, p)"
            " JOIN articles a ON a.id = k.a"
            " JOIN sentences s ON s.article_id = k.a AND (s.idx BETWEEN k.lo AND k.hi OR s.paragraph = k.p)"
            f" {_ATTR_JOIN} ORDER BY k.a, k.lo, k.hi, k.p, s.idx"
        )
        columns = [[key[i] for key in keys] for i in range(4)]
        for row in await self._fetch(sql, *columns):
            out[(row[0], row[1], row[2], row[3])].append(Candidate(*row[11:]))
            if row[4] not in refs:
                refs[row[4]] = ArticleRow(*row[4:11])
        return out, refs
