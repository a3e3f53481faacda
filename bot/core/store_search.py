"""Search's reads: candidate sentences, paragraphs and attributions from the FTS5 indexes
(BM25 ranked inside the index, scope applied to the best rows only), and the passages an
answer shows. A store module: it speaks SQL; Store inherits these queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import aiosqlite

_SCOPE = "(a.guild_id IS NULL OR a.guild_id = :guild)"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence row as search sees it, with an attribution (if any) and BM25 score: the
    sentence's main attribution, or for `who` and `said` the attribution found."""

    sentence_id: int
    article_id: int
    idx: int
    paragraph: int
    text: str
    bm25: float
    speaker: str | None
    role: str | None
    kind: str | None
    cue: str | None
    content: str | None
    quote: int | None
    ordinal: int = 0  # which of its sentence's attributions (0: the main one); `who` reads it


_CANDIDATE_COLUMNS = """
    s.id, s.article_id, s.idx, s.paragraph, s.text, {score},
    sp.name, at.role, at.kind, at.cue, at.content, at.quote
"""
# A sentence's main attribution (ordinal 0) only: one row per sentence.
_ATTR_JOIN = (
    "LEFT JOIN attributions at ON at.sentence_id = s.id AND at.ordinal = 0"
    " LEFT JOIN speakers sp ON sp.id = at.speaker_id"
)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    guild_id: int | None
    title: str
    date: str | None
    author: str | None
    source: str | None
    sentences: int


class SearchQueries:
    """The search queries of Store (a mixin: Store provides the reading connection)."""

    _db: aiosqlite.Connection

    async def candidates(self, match: str, guild_id: int | None, limit: int) -> list[Candidate]:
        """Sentences matching an FTS5 expression, best BM25 first (bm25 is negated: higher is better)."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='hits.score')}"
            " FROM hits JOIN sentences s ON s.id = hits.id"
            f" JOIN articles a ON a.id = s.article_id {_ATTR_JOIN}"
            f" WHERE {_SCOPE} ORDER BY hits.score DESC LIMIT :limit"
        )
        return [Candidate(*row) for row in await self._scoped("sentences_fts", match, sql, guild_id, limit)]

    async def quote_candidates(self, match: str, guild_id: int | None, limit: int) -> list[Candidate]:
        """Attributions whose content matches an FTS5 expression, best BM25 first: each with
        its own speaker (one sentence may give several), `text` its sentence."""
        # The scope needs only each row's article: the best `limit` rows in scope are chosen
        # first, and only they are joined to their sentences and speakers (the index's rows
        # are read four times deeper than the limit, for the scope; joining them all cost
        # about 0.7 ms a search at a million sentences).
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='top.score')}, at.ordinal"
            " FROM (SELECT hits.id, hits.score FROM hits JOIN attributions at ON at.id = hits.id"
            f" JOIN articles a ON a.id = at.article_id WHERE {_SCOPE}"
            " ORDER BY hits.score DESC LIMIT :limit) top"
            " JOIN attributions at ON at.id = top.id JOIN sentences s ON s.id = at.sentence_id"
            " JOIN speakers sp ON sp.id = at.speaker_id ORDER BY top.score DESC"
        )
        return [Candidate(*row) for row in await self._scoped("quotes_fts", match, sql, guild_id, limit)]

    async def paragraph_hits(
        self, match: str, guild_id: int | None, limit: int
    ) -> list[tuple[int, int, float]]:
        """(article_id, paragraph, bm25) of the paragraphs best matching an FTS5 expression, best first."""
        sql = (
            "SELECT s.article_id, s.paragraph, hits.score FROM hits JOIN sentences s ON s.id = hits.id"
            f" JOIN articles a ON a.id = s.article_id WHERE {_SCOPE} ORDER BY hits.score DESC LIMIT :limit"
        )
        rows = await self._scoped("paragraphs_fts", match, sql, guild_id, limit)
        return [(row[0], row[1], row[2]) for row in rows]  # type: ignore[misc]

    async def best_paragraphs(
        self, match: str, guild_id: int | None, limit: int
    ) -> list[tuple[int, int, float, list[Candidate]]]:
        """paragraph_hits() with each paragraph's sentences (in order): (article_id, paragraph,
        bm25, sentences), best first. One statement, so a question costs one trip to the
        database thread rather than three; when other servers' articles crowd the index's
        best rows, paragraph_hits() looks deeper."""
        sql = (
            "WITH hits (id, score) AS MATERIALIZED ("
            " SELECT rowid, -rank FROM paragraphs_fts WHERE paragraphs_fts MATCH :match"
            " ORDER BY rank LIMIT :inner),"
            " top (a, p, score) AS MATERIALIZED ("
            "  SELECT s.article_id, s.paragraph, hits.score FROM hits JOIN sentences s ON s.id = hits.id"
            f"  JOIN articles a ON a.id = s.article_id WHERE {_SCOPE} ORDER BY hits.score DESC LIMIT :limit)"
            f" SELECT top.score, {_CANDIDATE_COLUMNS.format(score='0.0')}"
            f" FROM top JOIN sentences s ON s.article_id = top.a AND s.paragraph = top.p {_ATTR_JOIN}"
            " ORDER BY top.score DESC, s.article_id, s.paragraph, s.idx"
        )
        params = {"match": match, "guild": guild_id, "limit": limit, "inner": max(4 * limit, 40)}
        out: dict[tuple[int, int], tuple[int, int, float, list[Candidate]]] = {}
        for row in await self._db.execute_fetchall(sql, params):
            c = Candidate(*row[1:])
            key = (c.article_id, c.paragraph)
            if key not in out:
                out[key] = (c.article_id, c.paragraph, row[0], [])
            out[key][3].append(c)
        if len(out) < limit:  # few matches, or crowded by other servers' rows: the long way
            hits = await self.paragraph_hits(match, guild_id, limit)
            if len(hits) > len(out):
                groups = await self.sentences_of((a, p) for a, p, _ in hits)
                return [(a, p, score, groups[(a, p)]) for a, p, score in hits]
        return list(out.values())

    async def _scoped(
        self, fts: str, match: str, sql: str, guild_id: int | None, limit: int
    ) -> list[tuple[Any, ...]]:
        """The index's best rows for `match`, then `sql` over them (a table `hits (id, score)`)
        to join and apply the scope. BM25 ranks inside the index, so the joins run for the top
        rows only, not for every row that matches. When other servers' articles crowd the top
        rows, look deeper."""
        db = self._db
        # First in one statement (one trip to the database thread), which also counts the
        # index rows it took; only when they were all taken and too few were in scope, or
        # none were, is it done again deeper, in steps.
        inner = max(4 * limit, 40)
        first = list(
            await db.execute_fetchall(
                f"WITH hits (id, score) AS MATERIALIZED (SELECT rowid, -rank FROM {fts}"
                f" WHERE {fts} MATCH :match ORDER BY rank LIMIT :inner)"
                f" SELECT (SELECT count(*) FROM hits), * FROM ({sql})",
                {"match": match, "inner": inner, "guild": guild_id, "limit": limit},
            )
        )
        if first and (len(first) >= limit or first[0][0] < inner):
            return [tuple(row[1:]) for row in first]
        rows: list[tuple[Any, ...]] = []
        # rank is bm25() (no rank option is set): selecting it reuses the score the sort
        # computed, where bm25() would be computed again for each row returned.
        for inner in (max(4 * limit, 40), 64 * limit, 16384):
            hits = list(
                await db.execute_fetchall(
                    f"SELECT rowid, -rank FROM {fts} WHERE {fts} MATCH ? ORDER BY rank LIMIT ?",
                    (match, inner),
                )
            )
            if not hits:
                return []
            values = ",".join(f"(:i{n}, :s{n})" for n in range(len(hits)))
            params: dict[str, object] = {"guild": guild_id, "limit": limit}
            for n, (rowid, score) in enumerate(hits):
                params[f"i{n}"], params[f"s{n}"] = rowid, score
            rows = [
                tuple(row)
                for row in await db.execute_fetchall(
                    f"WITH hits (id, score) AS (VALUES {values}) {sql}", params
                )
            ]
            if len(rows) >= limit or len(hits) < inner:
                break
        return rows

    async def sentences_of(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], list[Candidate]]:
        """Every sentence of the given (article_id, paragraph) pairs, in order, keyed by the pair."""
        pairs = list(dict.fromkeys(keys))
        out: dict[tuple[int, int], list[Candidate]] = {p: [] for p in pairs}
        if not pairs:
            return out
        values = ",".join("(?, ?)" for _ in pairs)
        sql = (
            f"WITH k(a, p) AS (VALUES {values})"
            f" SELECT {_CANDIDATE_COLUMNS.format(score='0.0')}"
            f" FROM k JOIN sentences s ON s.article_id = k.a AND s.paragraph = k.p {_ATTR_JOIN}"
            " ORDER BY s.article_id, s.idx"
        )
        for row in await self._db.execute_fetchall(sql, [v for pair in pairs for v in pair]):
            c = Candidate(*row)
            out[(c.article_id, c.paragraph)].append(c)
        return out

    async def passages(
        self, keys: Iterable[tuple[int, int, int, int]]
    ) -> tuple[dict[tuple[int, int, int, int], list[Candidate]], dict[int, ArticleRow]]:
        """For each (article_id, first, last, paragraph): sentences idx first..last and every
        sentence of that paragraph, in order; and each article's row. One statement for
        all that an answer shows (its quote, context, paragraph and citation)."""
        keys = list(dict.fromkeys(keys))
        out: dict[tuple[int, int, int, int], list[Candidate]] = {k: [] for k in keys}
        refs: dict[int, ArticleRow] = {}
        if not keys:
            return out, refs
        values = ",".join("(?, ?, ?, ?)" for _ in keys)
        sql = (
            f"WITH k(a, lo, hi, p) AS (VALUES {values})"
            " SELECT k.a, k.lo, k.hi, k.p, a.id, a.guild_id, a.title, a.date, a.author, a.source, 0,"
            f" {_CANDIDATE_COLUMNS.format(score='0.0')}"
            " FROM k JOIN articles a ON a.id = k.a"
            " JOIN sentences s ON s.article_id = k.a AND (s.idx BETWEEN k.lo AND k.hi OR s.paragraph = k.p)"
            f" {_ATTR_JOIN} ORDER BY k.a, k.lo, k.hi, k.p, s.idx"
        )
        for row in await self._db.execute_fetchall(sql, [v for key in keys for v in key]):
            out[(row[0], row[1], row[2], row[3])].append(Candidate(*row[11:]))
            if row[4] not in refs:
                refs[row[4]] = ArticleRow(*row[4:11])
        return out, refs
