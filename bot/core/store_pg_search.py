"""Search's reads on PostgreSQL: candidate sentences, paragraphs and attributions from the
GIN-indexed tsvectors, ranked in SQL by BM25 as FTS5 computes it (a phrase one term; idf from
the lexeme counts, only the query's lexemes of each row read), the scope applied in the same
statement; and the passages an answer shows. A store module: it speaks SQL; PgStore inherits
these queries."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
    st AS (SELECT max(value) FILTER (WHERE name = '{rows}')::float8 AS n,
                  max(value) FILTER (WHERE name = '{words}')::float8 AS w FROM counters),
    idf AS MATERIALIZED (
        SELECT l.term, greatest(ln((st.n - l.{column} + 0.5) / (l.{column} + 0.5)), 1e-6) AS idf
        FROM lexemes l, st WHERE l.term = ANY($2::text[])),
    q AS MATERIALIZED (
        SELECT array_agg(term) AS terms, (SELECT greatest(st.w / greatest(st.n, 1.0), 1.0) FROM st) AS avgdl
        FROM idf)"""
# Each row found, each phrase of the query in it (a phrase is one BM25 term, as FTS5 counts
# it; a word is a phrase of one lexeme) and the phrase's frequency there: a word's, its
# positions; a longer phrase's, the places where each of its lexemes stands at its offset
# (FTS5's phrase hits; read only in the rows holding the phrase). Only the query's lexemes
# of a row are read (setweight marks them, ts_filter keeps them, unnest gives their
# positions), once a row: OFFSET 0 keeps the planner from reading them again for each of
# the query's lexemes, and each lexeme meets its phrases in a nested loop, not a hash built
# for every row. A phrase inside an AND counts only where that AND matches (FTS5 counts no
# phrase of an AND that does not match). One difference stays: an attribution's row is one
# tsvector, what was said then its sentence, so a phrase may run from the one into the
# other, where FTS5's two columns keep them apart.
_LEXEMES_OF_ROW = """
    unnest(ts_filter(setweight(f.tsv, 'A', q.terms), '{a}')) AS u
    CROSS JOIN LATERAL (SELECT * FROM el WHERE el.term = u.lexeme OFFSET 0) e"""
_FREQUENCIES = {
    False: f"""
        SELECT f.id, f.article_id, f.ntok, m.ph, m.tf FROM found f CROSS JOIN q,
        LATERAL (SELECT e.ph, cardinality(u.positions) AS tf FROM {_LEXEMES_OF_ROW}
                 WHERE e.cond IS NULL OR f.tsv @@ e.cond OFFSET 0) m""",
    True: f"""
        SELECT h.id, h.article_id, h.ntok, h.ph, CASE WHEN h.len = 1 THEN max(h.tf) ELSE count(*) END AS tf
        FROM (SELECT f.id, f.article_id, f.ntok, m.ph, m.len, max(m.tf) AS tf FROM found f CROSS JOIN q,
              LATERAL (SELECT e.ph, e.len, cardinality(u.positions) AS tf, p - e.k AS start
                       FROM {_LEXEMES_OF_ROW}
                       CROSS JOIN LATERAL unnest(CASE WHEN e.len = 1 THEN '{{0}}'::smallint[]
                                                 ELSE u.positions END) AS p
                       WHERE (e.cond IS NULL OR f.tsv @@ e.cond) AND (e.len = 1 OR f.tsv @@ e.tq)
                       OFFSET 0) m
              GROUP BY f.id, f.article_id, f.ntok, m.ph, m.len, m.start HAVING count(*) = m.len) h
        GROUP BY h.id, h.article_id, h.ntok, h.ph, h.len""",
}
# Each phrase's idf: a word's from the lexeme counts; a longer phrase's from the rows holding
# it in the whole index, as FTS5 counts them: among the rows found when the phrase is not
# inside an AND (every row holding it was found), else by a search of its own.
_PHRASE_IDF = """
    pidf AS MATERIALIZED (
        SELECT x.ph, CASE WHEN x.len = 1 THEN (SELECT idf.idf FROM idf WHERE idf.term = x.t1)
               ELSE greatest(ln((st.n - hold.n + 0.5) / (hold.n + 0.5)), 1e-6) END AS idf
        FROM unnest($10::int[], $11::int[], $12::text[], $13::text[], $14::text[]) AS x (ph, len, c, tq, t1)
        CROSS JOIN st
        CROSS JOIN LATERAL (SELECT (CASE WHEN x.len = 1 THEN NULL WHEN x.c = ''
            THEN (SELECT count(*) FROM freq fr WHERE fr.ph = x.ph)
            ELSE (SELECT count(*) FROM {table} t WHERE t.tsv @@ x.tq::tsquery) END)::float8 AS n) hold)"""
_TOKEN_RE = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\()|(\))|\b(AND|OR|NOT)\b')


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def match_words(match: str) -> list[str]:
    """The quoted words of a search expression (search.query's FTS5 syntax), lower case."""
    return [
        m.group(1).replace('""', '"').lower() for m in _TOKEN_RE.finditer(match) if m.group(1) is not None
    ]


@dataclass(frozen=True, slots=True)
class Translated:
    """A search expression for PostgreSQL: the tsquery, its distinct lexemes, and each
    phrase (a word's lexemes: one BM25 term) with the condition under which FTS5's bm25
    counts it (the tsquery of the AND groups around it: a phrase in an AND that does not
    match is not counted)."""

    tsquery: str
    terms: list[str]
    phrases: list[tuple[tuple[str, ...], str]]  # (lexemes, condition tsquery or "")


Node = tuple[Any, ...]  # ("word", lexemes) | ("and" | "or", [nodes]) | ("not", node) | ("none",)
_NOTHING = "'\x01'"  # a lexeme no text has: what matches nothing, as an empty FTS5 phrase


def _parse(tokens: list[tuple[str | None, ...]], stems: dict[str, tuple[str, ...]]) -> Node:
    """FTS5's grammar as search.query writes it: OR of ANDs (AND binds tighter; words side by
    side are ANDed), NOT, parentheses, quoted words (any trailing * is ignored)."""
    at = 0

    def peek() -> tuple[str | None, ...] | None:
        return tokens[at] if at < len(tokens) else None

    def primary() -> Node:
        nonlocal at
        token = peek()
        if token is None:
            return ("none",)
        at += 1
        word, _prefix, opening, _closing, _op = token
        if opening:
            inner = either()
            if (close := peek()) is not None and close[3]:
                at += 1
            return inner
        if word is None:
            return ("none",)  # a stray operator
        return ("word", stems.get(word.replace('""', '"').lower(), ()))

    def both() -> Node:
        nonlocal at
        parts = [primary()]
        while (token := peek()) is not None and (
            token[4] in ("AND", "NOT") or token[0] is not None or token[2]
        ):
            if token[4]:
                at += 1
            parts.append(("not", primary()) if token[4] == "NOT" else primary())
        return ("and", parts) if len(parts) > 1 else parts[0]

    def either() -> Node:
        nonlocal at
        parts = [both()]
        while (token := peek()) is not None and token[4] == "OR":
            at += 1
            parts.append(both())
        return ("or", parts) if len(parts) > 1 else parts[0]

    return either()


def _render(node: Node) -> str:
    kind = node[0]
    if kind == "word":
        return " <-> ".join(_lexeme(t) for t in node[1]) if node[1] else _NOTHING
    if kind == "not":
        return "!(" + _render(node[1]) + ")"
    if kind in ("and", "or"):
        return (" & " if kind == "and" else " | ").join("(" + _render(n) + ")" for n in node[1])
    return _NOTHING


def _instances(node: Node, conds: tuple[str, ...], out: list[tuple[tuple[str, ...], str]]) -> None:
    """Each phrase with the AND groups around it, which must match for FTS5's bm25 to count
    it (it counts no phrase of an AND that does not match, nor of a NOT)."""
    kind = node[0]
    if kind == "word":
        if node[1]:
            out.append((node[1], " & ".join(f"({c})" for c in conds)))
    elif kind == "and":
        for child in node[1]:
            _instances(child, (*conds, _render(node)), out)
    elif kind == "or":
        for child in node[1]:
            _instances(child, conds, out)


def to_tsquery(match: str, stems: dict[str, tuple[str, ...]]) -> Translated:
    """A search expression (search.query's FTS5 syntax) as a tsquery, each word its lexemes."""
    tokens = [m.groups() for m in _TOKEN_RE.finditer(match)]
    if not tokens:
        return Translated("", [], [])
    tree = _parse(tokens, stems)
    phrases: list[tuple[tuple[str, ...], str]] = []
    _instances(tree, (), phrases)
    return Translated(_render(tree), list(dict.fromkeys(t for p, _c in phrases for t in p)), phrases)


def _sql(text: str) -> str:
    return text.replace("$GUILD", "$3")


class PgSearchQueries:
    """The search queries of PgStore (a mixin: PgStore provides the pool and the stems)."""

    _pool: asyncpg.Pool

    async def word_stems(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        raise NotImplementedError  # PgStore's

    async def _query(self, match: str) -> Translated:
        return to_tsquery(match, await self.word_stems(match_words(match)))

    async def _fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        async with self._pool.acquire() as conn:
            return list(await conn.fetch(sql, *args))

    async def _ranked(
        self, index: str, match: str, sql: str, guild_id: int | None, limit: int
    ) -> list[asyncpg.Record]:
        """The rows of `index` ('sentences', 'paragraphs', 'quotes') matching `match` in scope,
        best BM25 first (then id), as a table `hits (id, score)` that `sql` selects from."""
        query = await self._query(match)
        if not query.terms:
            return []
        table, rows, words, column = {
            "sentences": ("sentences", "sentences", "sentence_words", "sentences"),
            "paragraphs": ("paragraphs", "paragraphs", "paragraph_words", "paragraphs"),
            "quotes": ("attributions", "quotes", "quote_words", "quotes"),
        }[index]
        # The GIN index finds the rows first (a materialized CTE, whatever the statistics say);
        # each one's phrase frequencies are read, then BM25 summed and the scope applied.
        longer = any(len(p) > 1 for p, _c in query.phrases)
        statement = (
            "WITH " + _TERMS.format(rows=rows, words=words, column=column) + ","
            f" found AS MATERIALIZED (SELECT t.id, t.article_id, t.ntok, t.tsv FROM {table} t"
            "  WHERE t.tsv @@ $1::tsquery),"
            " el AS MATERIALIZED (SELECT * FROM unnest($5::int[], $6::text[], $7::int[], $8::int[])"
            "  AS y (ph, term, k, len), LATERAL (SELECT nullif(($9::text[])[y.ph + 1], '')::tsquery AS cond,"
            "  ($13::text[])[y.ph + 1]::tsquery AS tq) c),"
            f" freq AS MATERIALIZED ({_FREQUENCIES[longer]}),"
            + _PHRASE_IDF.format(table=table)
            + ", scored AS (SELECT fr.id, fr.article_id, sum(p.idf * fr.tf * 2.2::float8"
            "   / (fr.tf + 1.2 * (0.25 + 0.75 * fr.ntok / q.avgdl))) AS score"
            "  FROM freq fr JOIN pidf p ON p.ph = fr.ph CROSS JOIN q WHERE p.idf IS NOT NULL"
            "  GROUP BY fr.id, fr.article_id),"
            # Best first, the scope checked only until `limit` rows pass (not for every row):
            # the sorted subquery lets the planner stop early; the outer ORDER BY keeps the
            # order whichever join it picks (without it a hash join gave any `limit` rows).
            " hits AS MATERIALIZED (SELECT sc.id, sc.score"
            "  FROM (SELECT * FROM scored ORDER BY score DESC, id) sc"
            f"  WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = sc.article_id AND {_SCOPE})"
            "  ORDER BY sc.score DESC, sc.id LIMIT $4)"
            f" {sql}"
        )
        phrases = query.phrases
        return await self._fetch(
            _sql(statement),
            query.tsquery,
            query.terms,
            guild_id,
            limit,
            [n for n, (p, _c) in enumerate(phrases) for _t in p],
            [t for p, _c in phrases for t in p],
            [k for p, _c in phrases for k in range(len(p))],
            [len(p) for p, _c in phrases for _t in p],
            [c for _p, c in phrases],
            list(range(len(phrases))),
            [len(p) for p, _c in phrases],
            [c for _p, c in phrases],
            [" <-> ".join(_lexeme(t) for t in p) for p, _c in phrases],
            [p[0] for p, _c in phrases],
        )

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
