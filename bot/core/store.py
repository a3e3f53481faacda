"""The only module that speaks SQL: an aiosqlite archive in one file.

Schema in schema.sql, versioned by PRAGMA user_version; WAL so readers never wait for
a writer; foreign keys on; FTS5 (external content) over sentence text.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import aiosqlite

from .errors import BadArchive, Duplicate
from .models import Document, Sentence

# Version -> script. Version 1 is the whole schema; later versions add to it.
MIGRATIONS: dict[int, str] = {
    1: resources.files(__package__).joinpath("schema.sql").read_text("utf-8"),
    2: resources.files(__package__).joinpath("schema_2.sql").read_text("utf-8"),  # search indexes
}
SCHEMA_VERSION = max(MIGRATIONS)

# Words as the unicode61 tokenizer sees them: runs of letters and digits.
_WORD_RE = re.compile(r"[^\W_]+")
_STEM_CACHE_MAX = 200_000

_SCOPE = "(a.guild_id IS NULL OR a.guild_id = :guild)"
_STEM_SQL = "SELECT doc, term FROM temp.qtok_terms ORDER BY doc, offset"


def _stem_on_thread(conn: sqlite3.Connection, words: Sequence[str]) -> list[tuple[int, str]]:
    """Store.word_stems' database work, run on the connection's own thread in one go."""
    conn.executemany("INSERT INTO temp.qtok (rowid, t) VALUES (?, ?)", list(enumerate(words, 1)))
    try:
        return conn.execute(_STEM_SQL).fetchall()
    finally:
        conn.execute("DELETE FROM temp.qtok")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence row as search sees it, with its attribution (if any) and BM25 score."""

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


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    guild_id: int | None
    title: str
    date: str | None
    author: str | None
    source: str | None
    sentences: int


_CANDIDATE_COLUMNS = """
    s.id, s.article_id, s.idx, s.paragraph, s.text, {score},
    sp.name, at.role, at.kind, at.cue, at.content, at.quote
"""
_ATTR_JOIN = (
    "LEFT JOIN attributions at ON at.sentence_id = s.id LEFT JOIN speakers sp ON sp.id = at.speaker_id"
)


def _paragraph_texts(sentences: Sequence[Sentence]) -> list[tuple[int, str]]:
    """(index of its first sentence, text) of each paragraph: its sentences joined by spaces,
    the same at insert and delete (a contentless index is told what to forget)."""
    out: list[tuple[int, str]] = []
    current = -1
    for s in sentences:
        if s.paragraph != current:
            out.append((s.index, s.text))
            current = s.paragraph
        else:
            out[-1] = (out[-1][0], out[-1][1] + " " + s.text)
    return out


class Store:
    """Async access to one archive file."""

    def __init__(self, db: aiosqlite.Connection, writer: aiosqlite.Connection | None = None) -> None:
        # Two connections to one WAL file: questions read on `_db` and never see a write
        # in progress on `_writer` (nor wait for it), and each runs on its own thread.
        # (More read connections measured slower: their threads contend for the GIL. To use
        # more cores, workers.Readers runs questions in other processes.)
        self._db = db
        self._writer = writer or db
        self._sentence_count: int | None = None
        self._stem_cache: dict[str, tuple[str, ...]] = {}
        self._stem_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path) -> Store:
        """Open or create the archive at `path` and bring its schema up to date."""
        path = Path(path)
        in_memory = str(path) == ":memory:"
        if not in_memory:
            path.parent.mkdir(parents=True, exist_ok=True)
        writer = await cls._connect(path)
        try:
            await cls(writer)._migrate()
            # An in-memory database exists once per connection: it cannot have a reader.
            reader = writer if in_memory else await cls._connect(path)
            try:
                # A per-connection tokenizer: it stems query words exactly as the index does.
                await reader.execute(
                    "CREATE VIRTUAL TABLE temp.qtok USING fts5(t, tokenize='porter unicode61 remove_diacritics 2')"
                )
                await reader.execute(
                    "CREATE VIRTUAL TABLE temp.qtok_terms USING fts5vocab(temp, qtok, instance)"
                )
            except BaseException:
                if reader is not writer:
                    await reader.close()
                raise
        except sqlite3.DatabaseError as err:
            await writer.close()
            raise BadArchive(f"{path} cannot be used as an archive ({err}).") from err
        except BaseException:
            await writer.close()
            raise
        return cls(reader, writer)

    @staticmethod
    async def _connect(path: Path) -> aiosqlite.Connection:
        try:
            db = await aiosqlite.connect(str(path), isolation_level=None)
        except sqlite3.Error as err:
            raise BadArchive(f"{path} cannot be opened ({err}).") from err
        try:
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA foreign_keys = ON")
            await db.execute("PRAGMA synchronous = NORMAL")
            await db.execute("PRAGMA busy_timeout = 5000")
            await db.execute("PRAGMA cache_size = -65536")  # 64 MB page cache
        except sqlite3.DatabaseError as err:
            await db.close()
            raise BadArchive(f"{path} cannot be used as an archive ({err}).") from err
        return db

    def forget(self) -> None:
        """Drop the cached sentence count: another process has written to the file."""
        self._sentence_count = None

    async def close(self) -> None:
        if self._db is not self._writer:
            await self._db.close()
        await self._writer.close()

    async def _migrate(self) -> None:
        async with self._writer.execute("PRAGMA user_version") as cur:
            (version,) = await cur.fetchone()  # type: ignore[misc]
        if version > SCHEMA_VERSION:
            raise BadArchive(
                f"This archive was written by a newer Archivist (schema {version}, this one knows {SCHEMA_VERSION})."
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # executescript commits; the version bump is part of the same script.
            await self._writer.executescript(
                f"BEGIN;\n{MIGRATIONS[target]}\nPRAGMA user_version = {target};\nCOMMIT;"
            )

    # -- writing ---------------------------------------------------------------------------
    async def insert_article(self, doc: Document, content_hash: str, guild_id: int | None) -> int:
        """Store one article with its sentences, speakers and attributions: all or nothing."""
        (result,) = await self._insert_batch([(doc, content_hash, guild_id)])
        if isinstance(result, Duplicate):
            raise result
        return result

    async def insert_articles(
        self, items: Sequence[tuple[Document, str, int | None]]
    ) -> list[int | Duplicate | sqlite3.Error]:
        """Store several (doc, content_hash, guild_id) in one transaction (bulk import).

        Each article is still all or nothing, and one that fails costs the others nothing:
        per item, the new id, or the Duplicate or database error that refused it. When a
        database error stops the batch, it is rolled back whole and redone one article per
        transaction. (Not a savepoint per article: FTS5 flushes its pending index data at
        every savepoint, which made its inserts ~30% slower in a test here; failures are rare.)"""
        if not items:
            return []
        try:
            return await self._insert_batch(items)
        except sqlite3.Error:
            if len(items) == 1:
                raise
        out: list[int | Duplicate | sqlite3.Error] = []
        for item in items:
            try:
                out.append(await self.insert_article(*item))
            except (Duplicate, sqlite3.Error) as err:
                out.append(err)
        return out

    async def _insert_batch(self, items: Sequence[tuple[Document, str, int | None]]) -> list[int | Duplicate]:
        """One transaction, a fixed dozen statements whatever the batch size: rows are built
        here with their ids (a rowid table gives a new row max(id) + 1, and BEGIN IMMEDIATE
        keeps other writers out), then each table gets one executemany. A duplicate (in the
        archive or earlier in the batch, in the article's scope) is skipped, not an error."""
        db = self._writer
        await db.execute("BEGIN IMMEDIATE")
        try:
            hashes = list(dict.fromkeys(h for _d, h, _g in items))
            marks = ",".join("?" * len(hashes))
            known: dict[str, list[tuple[int, int | None]]] = {}
            async with db.execute(
                f"SELECT content_hash, id, guild_id FROM articles WHERE content_hash IN ({marks})"
                " ORDER BY id",
                hashes,
            ) as cur:
                for h, existing_id, existing_guild in await cur.fetchall():
                    known.setdefault(h, []).append((existing_id, existing_guild))
            last_ids = "SELECT (SELECT max(id) FROM articles), (SELECT max(id) FROM sentences)"
            async with db.execute(last_ids) as cur:
                last_article, last_sentence = await cur.fetchone()  # type: ignore[misc]
            article_id, sentence_id = last_article or 0, last_sentence or 0
            first_sentence = sentence_id + 1
            results: list[int | Duplicate] = []
            articles: list[tuple[object, ...]] = []
            sentences: list[tuple[object, ...]] = []
            paragraphs: list[tuple[int, str]] = []
            quotes: list[tuple[int, str]] = []
            people: dict[str, bool] = {}
            aliases: list[tuple[str, int, str]] = []
            attributions: list[tuple[object, ...]] = []
            for doc, content_hash, guild_id in items:
                dup = next(
                    (i for i, g in known.get(content_hash, ()) if g is None or g == guild_id),
                    None,
                )
                if dup is not None:
                    results.append(Duplicate(f"That article is already in the archive as #{dup}.", dup))
                    continue
                article_id += 1
                known.setdefault(content_hash, []).append((article_id, guild_id))
                results.append(article_id)
                articles.append(
                    (
                        article_id,
                        guild_id,
                        doc.title,
                        doc.date,
                        doc.author,
                        doc.source,
                        doc.body,
                        content_hash,
                    )
                )
                ids: dict[int, int] = {}
                for s in doc.sentences:
                    sentence_id += 1
                    ids[s.index] = sentence_id
                    sentences.append((sentence_id, article_id, s.index, s.paragraph, s.start, s.end, s.text))
                paragraphs += [(ids[first], text) for first, text in _paragraph_texts(doc.sentences)]
                mine = {sp.name: sp.is_person for sp in doc.speakers}
                for a in doc.attributions:
                    if a is not None:
                        mine.setdefault(a.speaker, True)
                for name, is_person in mine.items():
                    people.setdefault(name, is_person)
                names = {(sp.name, alias) for sp in doc.speakers for alias in (sp.name, *sp.aliases) if alias}
                names |= {(name, name) for name in mine}
                aliases += [(name, article_id, alias) for name, alias in names]
                for s, a in zip(doc.sentences, doc.attributions, strict=False):
                    if a is not None:
                        sid = ids[s.index]
                        attributions.append(
                            (sid, article_id, a.speaker, a.role, a.cue, a.kind, a.content, a.quote)
                        )
                        quotes.append((sid, s.text))
            if articles:
                await db.executemany(
                    "INSERT INTO articles (id, guild_id, title, date, author, source, body, content_hash)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    articles,
                )
                await db.executemany(
                    "INSERT INTO sentences (id, article_id, idx, paragraph, start, end, text)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    sentences,
                )
                await db.execute(
                    "INSERT INTO sentences_fts (rowid, text)"
                    " SELECT id, text FROM sentences WHERE id BETWEEN ? AND ?",
                    (first_sentence, sentence_id),
                )
                await db.executemany("INSERT INTO paragraphs_fts (rowid, text) VALUES (?, ?)", paragraphs)
                await db.executemany(
                    "INSERT INTO speakers (name, is_person) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    [(name, int(is_person)) for name, is_person in people.items()],
                )
                await db.executemany(
                    "INSERT OR IGNORE INTO speaker_aliases (speaker_id, article_id, alias)"
                    " VALUES ((SELECT id FROM speakers WHERE name = ?), ?, ?)",
                    aliases,
                )
                await db.executemany(
                    "INSERT INTO attributions"
                    " (sentence_id, article_id, speaker_id, role, cue, kind, content, quote)"
                    " VALUES (?, ?, (SELECT id FROM speakers WHERE name = ?), ?, ?, ?, ?, ?)",
                    attributions,
                )
                await db.executemany("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", quotes)
            await db.execute("COMMIT")
        except BaseException:
            await db.execute("ROLLBACK")
            raise
        if self._sentence_count is not None:
            self._sentence_count += len(sentences)
        return results

    async def delete_article(self, article_id: int) -> None:
        """Remove an article and everything hanging off it, index entries included."""
        db = self._writer
        await db.execute("BEGIN IMMEDIATE")
        try:
            cur = await db.execute(
                "INSERT INTO sentences_fts (sentences_fts, rowid, text)"
                " SELECT 'delete', id, text FROM sentences WHERE article_id = ?",
                (article_id,),
            )
            removed = cur.rowcount
            await db.execute(
                "INSERT INTO quotes_fts (quotes_fts, rowid, text)"
                " SELECT 'delete', s.id, s.text FROM sentences s"
                " JOIN attributions at ON at.sentence_id = s.id WHERE s.article_id = ?",
                (article_id,),
            )
            async with db.execute(
                "SELECT id, idx, paragraph, text FROM sentences WHERE article_id = ? ORDER BY idx",
                (article_id,),
            ) as rows:
                stored = await rows.fetchall()
            ids = {idx: sid for sid, idx, _p, _t in stored}
            await db.executemany(
                "INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', ?, ?)",
                [
                    (ids[first], text)
                    for first, text in _paragraph_texts([Sentence(i, p, 0, 0, t) for _s, i, p, t in stored])
                ],
            )
            await db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            # Speakers nobody is attributed or aliased to any more go too.
            await db.execute(
                "DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM attributions)"
                " AND id NOT IN (SELECT speaker_id FROM speaker_aliases)"
            )
            await db.execute("COMMIT")
        except BaseException:
            await db.execute("ROLLBACK")
            raise
        if self._sentence_count is not None and removed > 0:
            self._sentence_count -= removed

    # -- reading articles --------------------------------------------------------------------
    async def article(self, article_id: int, guild_id: int | None) -> ArticleRow | None:
        """An article visible in this scope, or None."""
        sql = (
            "SELECT a.id, a.guild_id, a.title, a.date, a.author, a.source,"
            " (SELECT count(*) FROM sentences WHERE article_id = a.id)"
            f" FROM articles a WHERE a.id = :id AND {_SCOPE}"
        )
        async with self._db.execute(sql, {"id": article_id, "guild": guild_id}) as cur:
            row = await cur.fetchone()
        return ArticleRow(*row) if row else None

    async def article_body(self, article_id: int) -> str:
        async with self._db.execute("SELECT body FROM articles WHERE id = ?", (article_id,)) as cur:
            row = await cur.fetchone()
        return row[0] if row else ""

    async def articles(self, guild_id: int | None, offset: int, limit: int) -> list[ArticleRow]:
        """A page of visible articles, newest first."""
        sql = (
            "SELECT a.id, a.guild_id, a.title, a.date, a.author, a.source,"
            " (SELECT count(*) FROM sentences WHERE article_id = a.id)"
            f" FROM articles a WHERE {_SCOPE}"
            " ORDER BY coalesce(a.date, substr(a.added_at, 1, 10)) DESC, a.id DESC LIMIT :limit OFFSET :offset"
        )
        async with self._db.execute(sql, {"guild": guild_id, "limit": limit, "offset": offset}) as cur:
            return [ArticleRow(*row) for row in await cur.fetchall()]

    async def count_articles(self, guild_id: int | None) -> int:
        async with self._db.execute(
            f"SELECT count(*) FROM articles a WHERE {_SCOPE}", {"guild": guild_id}
        ) as cur:
            (n,) = await cur.fetchone()  # type: ignore[misc]
        return n

    async def article_titles(self, guild_id: int | None, limit: int) -> list[ArticleRow]:
        """Every visible article (id, title, date...) for title autocomplete; newest first."""
        return await self.articles(guild_id, 0, limit)

    async def article_speakers(self, article_ids: Sequence[int]) -> dict[int, list[str]]:
        """Speaker names attributed in each article, most quoted first."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        sql = (
            "SELECT at.article_id, sp.name, count(*) AS n FROM attributions at"
            f" JOIN speakers sp ON sp.id = at.speaker_id WHERE at.article_id IN ({marks})"
            " GROUP BY at.article_id, sp.id ORDER BY n DESC, sp.name"
        )
        out: dict[int, list[str]] = {i: [] for i in article_ids}
        async with self._db.execute(sql, list(article_ids)) as cur:
            for article_id, name, _n in await cur.fetchall():
                out[article_id].append(name)
        return out

    async def sentence_count(self) -> int:
        """All sentences in the archive (BM25's N); cached, kept current by insert/delete."""
        if self._sentence_count is None:
            async with self._db.execute("SELECT count(*) FROM sentences") as cur:
                (self._sentence_count,) = await cur.fetchone()  # type: ignore[misc]
        return self._sentence_count

    async def counts(self, guild_id: int | None) -> tuple[int, int, int]:
        """(articles, sentences, speakers) visible in this scope."""
        sql = f"""
            SELECT count(*), coalesce(sum((SELECT count(*) FROM sentences WHERE article_id = a.id)), 0),
                   (SELECT count(DISTINCT at.speaker_id) FROM attributions at JOIN articles a ON a.id = at.article_id
                    WHERE {_SCOPE})
            FROM articles a WHERE {_SCOPE}"""
        async with self._db.execute(sql, {"guild": guild_id}) as cur:
            row = await cur.fetchone()
        return (row[0], row[1], row[2]) if row else (0, 0, 0)

    async def top_speakers(self, guild_id: int | None, limit: int) -> list[tuple[str, int]]:
        """Most-quoted speakers in scope with their attributed sentence counts."""
        sql = (
            "SELECT sp.name, count(*) AS n FROM attributions at JOIN articles a ON a.id = at.article_id"
            f" JOIN speakers sp ON sp.id = at.speaker_id WHERE {_SCOPE}"
            " GROUP BY sp.id ORDER BY n DESC, sp.name LIMIT :limit"
        )
        async with self._db.execute(sql, {"guild": guild_id, "limit": limit}) as cur:
            return [(name, n) for name, n in await cur.fetchall()]

    # -- search support ----------------------------------------------------------------------
    async def stems(self, text: str) -> list[str]:
        """The index's own tokens for `text` (porter-stemmed, folded), in reading order."""
        words = [w.lower() for w in _WORD_RE.findall(text)]
        stemmed = await self.word_stems(words)
        return [term for w in words for term in stemmed[w]]

    async def word_stems(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """word (lower case) -> the index's tokens for it (usually one porter stem).

        Words are stemmed by the index's own tokenizer (a scratch FTS5 table) and cached,
        so most calls cost no database call. The scratch table is shared: it is filled,
        read and emptied in one call on the connection's thread, which runs nothing else
        meanwhile, so overlapping questions never see each other's rows.
        """
        cache = self._stem_cache
        out: dict[str, tuple[str, ...]] = {}
        missing: list[str] = []
        for w in words:
            if w not in out:
                got = cache.get(w)
                if got is None:
                    missing.append(w)
                    out[w] = ()
                else:
                    out[w] = got
        if missing:
            run = getattr(self._db, "_execute", None)  # aiosqlite: a function on its thread
            if run is not None:
                rows = await run(_stem_on_thread, self._db._conn, missing)  # noqa: SLF001
            else:  # pragma: no cover - an aiosqlite without _execute
                async with self._stem_lock:
                    rows = await self._stem_rows(missing)
            found: dict[int, list[str]] = {}
            for doc, term in rows:
                found.setdefault(doc, []).append(term)
            if len(cache) > _STEM_CACHE_MAX:
                cache.clear()
            for i, word in enumerate(missing, 1):
                cache[word] = out[word] = tuple(found.get(i, ()))
        return out

    async def _stem_rows(self, words: Sequence[str]) -> list[tuple[int, str]]:
        await self._db.executemany(
            "INSERT INTO temp.qtok (rowid, t) VALUES (?, ?)", list(enumerate(words, 1))
        )
        try:
            return [tuple(r) for r in await self._db.execute_fetchall(_STEM_SQL)]  # type: ignore[misc]
        finally:
            await self._db.execute("DELETE FROM temp.qtok")

    async def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """How many sentences hold each (stemmed) term."""
        unique = list(dict.fromkeys(terms))
        if not unique:
            return {}
        marks = ",".join("?" * len(unique))
        sql = f"SELECT term, doc FROM sentences_vocab WHERE term IN ({marks})"
        found = dict(await self._db.execute_fetchall(sql, unique))  # type: ignore[arg-type]
        return {t: found.get(t, 0) for t in unique}

    async def candidates(
        self, match: str, guild_id: int | None, limit: int, *, attributed_only: bool = False
    ) -> list[Candidate]:
        """Sentences matching an FTS5 expression, best BM25 first (bm25 is negated: higher is better).
        `attributed_only` searches the index of attributed sentences alone."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='hits.score')}"
            " FROM hits JOIN sentences s ON s.id = hits.id"
            f" JOIN articles a ON a.id = s.article_id {_ATTR_JOIN}"
            f" WHERE {_SCOPE} ORDER BY hits.score DESC LIMIT :limit"
        )
        fts = "quotes_fts" if attributed_only else "sentences_fts"
        return [Candidate(*row) for row in await self._scoped(fts, match, sql, guild_id, limit)]

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
            " SELECT rowid, -rank FROM paragraphs_fts WHERE paragraphs_fts MATCH :match ORDER BY rank LIMIT :inner),"
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
    ) -> list[tuple[object, ...]]:
        """The index's best rows for `match`, then `sql` over them (a table `hits (id, score)`)
        to join and apply the scope. BM25 ranks inside the index, so the joins run for the top
        rows only, not for every row that matches. When other servers' articles crowd the top
        rows, look deeper."""
        db = self._db
        # First in one statement (one trip to the database thread), which also counts the
        # index rows it took; only when they were all taken and too few were in scope, or
        # none were, is it done again deeper, in steps.
        inner = max(4 * limit, 40)
        first = await db.execute_fetchall(
            f"WITH hits (id, score) AS MATERIALIZED (SELECT rowid, -rank FROM {fts} WHERE {fts} MATCH :match"
            f" ORDER BY rank LIMIT :inner) SELECT (SELECT count(*) FROM hits), * FROM ({sql})",
            {"match": match, "inner": inner, "guild": guild_id, "limit": limit},
        )
        if first and (len(first) >= limit or first[0][0] < inner):
            return [tuple(row[1:]) for row in first]
        rows: list[tuple[object, ...]] = []
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
            rows = list(
                await db.execute_fetchall(f"WITH hits (id, score) AS (VALUES {values}) {sql}", params)
            )
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

    # -- speakers ----------------------------------------------------------------------------
    async def speaker_aliases(self, guild_id: int | None) -> list[tuple[str, int, str, int]]:
        """(alias, speaker_id, canonical name, attributed sentences in scope) for every
        speaker with at least one attributed sentence visible in this scope."""
        sql = f"""
            WITH seen AS (
                SELECT at.speaker_id AS id, count(*) AS n FROM attributions at
                JOIN articles a ON a.id = at.article_id WHERE {_SCOPE} GROUP BY at.speaker_id)
            SELECT DISTINCT al.alias, sp.id, sp.name, seen.n FROM seen
            JOIN speakers sp ON sp.id = seen.id
            JOIN speaker_aliases al ON al.speaker_id = sp.id
            JOIN articles a ON a.id = al.article_id WHERE {_SCOPE}"""
        async with self._db.execute(sql, {"guild": guild_id}) as cur:
            return [tuple(row) for row in await cur.fetchall()]  # type: ignore[misc]

    async def statements(self, speaker_id: int, guild_id: int | None, limit: int) -> list[Candidate]:
        """A speaker's attributed sentences, newest article first, in article order."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='0.0')}"
            " FROM attributions at JOIN sentences s ON s.id = at.sentence_id"
            " JOIN speakers sp ON sp.id = at.speaker_id JOIN articles a ON a.id = s.article_id"
            f" WHERE at.speaker_id = :speaker AND {_SCOPE}"
            " ORDER BY coalesce(a.date, substr(a.added_at, 1, 10)) DESC, a.id DESC, s.idx LIMIT :limit"
        )
        async with self._db.execute(sql, {"speaker": speaker_id, "guild": guild_id, "limit": limit}) as cur:
            return [Candidate(*row) for row in await cur.fetchall()]

    # -- export and checks -------------------------------------------------------------------
    async def export_sentences(self, article_id: int) -> list[Candidate]:
        """Every sentence of an article with its attribution, in order."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='0.0')} FROM sentences s {_ATTR_JOIN}"
            " WHERE s.article_id = ? ORDER BY s.idx"
        )
        async with self._db.execute(sql, (article_id,)) as cur:
            return [Candidate(*row) for row in await cur.fetchall()]

    async def integrity(self) -> tuple[str, dict[str, int]]:
        """PRAGMA integrity_check's verdict and the row count of each table (for tests)."""
        async with self._db.execute("PRAGMA integrity_check") as cur:
            (verdict,) = await cur.fetchone()  # type: ignore[misc]
        counts = {}
        for table in ("articles", "sentences", "speakers", "speaker_aliases", "attributions"):
            async with self._db.execute(f"SELECT count(*) FROM {table}") as cur:
                (counts[table],) = await cur.fetchone()  # type: ignore[misc]
        return verdict, counts
