"""The only modules that speak SQL: an aiosqlite archive in one file. Store (here) is the
one entry point and reads articles, speakers and counts; store_search.py holds search's
queries, store_write.py the writes, store_schema.py opening, migrations and index checks,
store_feeds.py the followed feeds, store_state.py the cooldowns.

Schema in schema*.sql, versioned by PRAGMA user_version and marked by PRAGMA
application_id; WAL so readers never wait for a writer; foreign keys on; FTS5 over
sentence text, paragraphs, attributed content and titles. Database errors never leave
this module raw: they become ArchiveErrors (one sentence for the user).
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import aiosqlite
from cachetools import LRUCache

from . import store_schema, store_write
from .errors import ArchiveError, BadArchive, BadArticle, Duplicate
from .models import Document
from .storage import COUNTED_TABLES, ArticleCopy, AttributionRow, assemble, clash
from .store_changes import ChangeSignal, DataVersion
from .store_feeds import FeedQueries
from .store_schema import APPLICATION_ID, SCHEMA_VERSION
from .store_search import _ATTR_JOIN, _CANDIDATE_COLUMNS, _SCOPE, ArticleRow, Candidate, SearchQueries
from .store_state import StateQueries

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "ArticleRow", "AttributionRow", "Candidate", "Store"]

# Words as the unicode61 tokenizer sees them: runs of letters and digits.
_WORD_RE = re.compile(r"[^\W_]+")
_STEM_CACHE_MAX = 200_000
_DOC_FREQS_MAX = 100_000

_STEM_SQL = "SELECT doc, term FROM temp.qtok_terms ORDER BY doc, offset"


def _stem_on_thread(conn: sqlite3.Connection, words: Sequence[str]) -> list[tuple[int, str]]:
    """Store.word_stems' database work, run on the connection's own thread in one go."""
    conn.executemany("INSERT INTO temp.qtok (rowid, t) VALUES (?, ?)", list(enumerate(words, 1)))
    try:
        return conn.execute(_STEM_SQL).fetchall()
    finally:
        conn.execute("DELETE FROM temp.qtok")


def _refusal(err: sqlite3.Error) -> ArchiveError:
    """A database error as one sentence for the user."""
    text = str(err)
    if isinstance(err, sqlite3.IntegrityError):
        return BadArticle(f"That article could not be stored ({text}).")
    if "readonly" in text or "read-only" in text:
        return BadArchive("This archive is read-only: articles cannot be added or removed.")
    return BadArchive(f"The archive could not be changed ({text}).")


_NEWEST = "coalesce(a.date, substr(a.added_at, 1, 10)) DESC, a.id DESC"
# The scope with guild_id kept off its index (unary +): a page of the newest articles then
# walks the articles_newest index and stops after a page, where the guild index made SQLite
# sort every visible article (110 ms at 50,000).
_SCOPE_BY_DATE = "(+a.guild_id IS NULL OR +a.guild_id = :guild)"


class Store(SearchQueries, FeedQueries, StateQueries):
    """Async access to one archive file."""

    def __init__(
        self, db: aiosqlite.Connection, writer: aiosqlite.Connection | None = None, *, read_only: bool = False
    ) -> None:
        # Two connections to one WAL file: questions read on `_db` and never see a write
        # in progress on `_writer` (nor wait for it), and each runs on its own thread.
        # (More read connections measured slower: their threads contend for the GIL. To use
        # more cores, workers.Readers runs questions in other processes.)
        self._db = db
        self._writer = writer or db
        self.read_only = read_only
        self._sentence_count: int | None = None
        # Stems depend on the tokenizer only, never on the archive's contents.
        self._stem_cache: LRUCache[str, tuple[str, ...]] = LRUCache(_STEM_CACHE_MAX)
        self._stem_lock = asyncio.Lock()
        # How this process hears of other processes' writes (store_changes.py); a server
        # database's store hands in its LISTEN/NOTIFY signal instead.
        self.changes: ChangeSignal = DataVersion(db)
        # Every cache of what the archive holds, here or in its users (content_cache()):
        # all cleared together whenever the contents may have changed.
        self._content_caches: list[LRUCache[Any, Any]] = []
        self._doc_freqs: LRUCache[str, int] = self.content_cache(_DOC_FREQS_MAX)

    @classmethod
    async def open(cls, path: str | Path, *, read_only: bool | None = None) -> Store:
        """Open or create the archive at `path` and bring its schema up to date. Read-only
        (questions only) when asked, or when the file or its folder is not writable."""
        path = Path(path)
        in_memory = str(path) == ":memory:"
        if read_only is None:
            read_only = not in_memory and not store_schema.writable(path)
        if read_only and not path.exists():
            raise BadArchive(f"There is no archive at {path}.")
        if not in_memory and not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        writer = await store_schema.connect(path, read_only=read_only)
        try:
            await store_schema.migrate(writer, path, read_only=read_only)
            # An in-memory database exists once per connection: it cannot have a reader.
            reader = writer if in_memory or read_only else await store_schema.connect(path)
            try:
                # A per-connection tokenizer: it stems query words exactly as the index does.
                await reader.execute(
                    "CREATE VIRTUAL TABLE temp.qtok USING fts5(t,"
                    " tokenize='porter unicode61 remove_diacritics 2')"
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
        return cls(reader, writer, read_only=read_only)

    def content_cache(self, maxsize: int) -> LRUCache[Any, Any]:
        """A new LRU cache of something derived from the archive's contents: emptied with
        every change to them, by this process (a write here) or another (see refresh)."""
        cache: LRUCache[Any, Any] = LRUCache(maxsize)
        self._content_caches.append(cache)
        return cache

    def _changed(self) -> None:
        for cache in self._content_caches:
            cache.clear()

    def forget(self) -> None:
        """Drop everything cached about the archive's contents: another process has written."""
        self._sentence_count = None
        self._changed()

    async def refresh(self) -> bool:
        """forget() when any connection (this process's writer, another process) has
        committed since the last call, as `changes` tells (on SQLite PRAGMA data_version,
        which moves on the reading connection for every commit but its own, and it never
        writes). True when it forgot."""
        changed = await self.changes.changed()
        if changed:
            self.forget()
        return changed

    async def close(self) -> None:
        if self._db is not self._writer:
            await self._db.close()
        await self._writer.close()

    # -- writing ---------------------------------------------------------------------------
    def _writable(self) -> aiosqlite.Connection:
        if self.read_only:
            raise BadArchive("This archive is read-only: articles cannot be added or removed.")
        return self._writer

    async def insert_article(self, doc: Document, content_hash: str, guild_id: int | None) -> int:
        """Store one article with its sentences, speakers and attributions: all or nothing.
        Raises Duplicate, or BadArticle/BadArchive when the database refuses it."""
        (result,) = await self._insert_batch([(doc, content_hash, guild_id)])
        if isinstance(result, Duplicate):
            raise result
        return result

    async def insert_articles(
        self, items: Sequence[tuple[Document, str, int | None]]
    ) -> list[int | ArchiveError]:
        """Store several (doc, content_hash, guild_id) in one transaction (bulk import).

        Each article is still all or nothing, and one that fails costs the others nothing:
        per item, the new id, or the Duplicate or other ArchiveError that refused it. When a
        database error stops the batch, it is rolled back whole and redone one article per
        transaction. (Not a savepoint per article: FTS5 flushes its pending index data at
        every savepoint, which made its inserts ~30% slower in a test here; failures are rare.)"""
        if not items:
            return []
        try:
            return list(await self._insert_batch(items))
        except BadArticle:
            if len(items) == 1:
                raise
        out: list[int | ArchiveError] = []
        for item in items:
            try:
                out.append(await self.insert_article(*item))
            except BadArchive:
                raise  # the archive itself refuses (read-only, full): every article would fail
            except ArchiveError as err:
                out.append(err)
        return out

    async def _insert_batch(
        self,
        items: Sequence[tuple[Document, str, int | None]],
        copies: Sequence[tuple[int, str]] | None = None,
    ) -> list[int | Duplicate]:
        db = self._writable()
        try:
            results, added = await store_write.insert_batch(db, items, copies=copies)
        except sqlite3.Error as err:
            raise _refusal(err) from err
        self._changed()
        if self._sentence_count is not None:
            self._sentence_count += added
        return results

    async def delete_article(self, article_id: int) -> None:
        """Remove an article and everything hanging off it, index entries included."""
        db = self._writable()
        try:
            removed = await store_write.delete_article(db, article_id)
        except sqlite3.Error as err:
            raise _refusal(err) from err
        self._changed()
        if self._sentence_count is not None and removed > 0:
            self._sentence_count -= removed

    async def check(self) -> list[str]:
        """Problems PRAGMA integrity_check and the FTS5 indexes' own checks find ([]: none).
        A read-only archive gets PRAGMA integrity_check alone (FTS5 checks by writing)."""
        # On the writer: an FTS5 check is an INSERT, and the reader must never take a write lock.
        return await store_schema.check(self._writer, indexes=not self.read_only)

    async def rebuild(self) -> None:
        """Rebuild every full-text index from its rows."""
        try:
            await store_schema.rebuild(self._writable())
        except sqlite3.Error as err:
            raise _refusal(err) from err
        self.forget()

    # -- copying (archivist migrate) -------------------------------------------------------
    async def copy_out(self, after_id: int, limit: int) -> list[ArticleCopy]:
        """Up to `limit` whole articles with ids above `after_id`, in id order."""
        db = self._db
        arts = await db.execute_fetchall(
            "SELECT id, guild_id, title, date, author, source, body, content_hash, added_at"
            " FROM articles WHERE id > ? ORDER BY id LIMIT ?",
            (after_id, limit),
        )
        if not arts:
            return []
        span = (arts[0][0], arts[-1][0])  # type: ignore[index]
        sentences = await db.execute_fetchall(
            "SELECT article_id, id, idx, paragraph, start, end, text FROM sentences"
            " WHERE article_id BETWEEN ? AND ? ORDER BY article_id, idx",
            span,
        )
        clauses = await db.execute_fetchall(
            "SELECT at.sentence_id, sp.name, at.role, at.cue, at.kind, at.content, at.quote, at.start, at.end"
            " FROM attributions at JOIN speakers sp ON sp.id = at.speaker_id"
            " WHERE at.article_id BETWEEN ? AND ? ORDER BY at.sentence_id, at.ordinal",
            span,
        )
        aliases = await db.execute_fetchall(
            "SELECT al.article_id, sp.name, sp.is_person, al.alias FROM speaker_aliases al"
            " JOIN speakers sp ON sp.id = al.speaker_id WHERE al.article_id BETWEEN ? AND ?"
            " ORDER BY al.article_id, sp.name, al.alias",
            span,
        )
        return assemble(
            [tuple(r) for r in arts],
            [tuple(r) for r in sentences],
            [tuple(r) for r in clauses],
            [(r[0], r[1], bool(r[2]), r[3]) for r in aliases],
        )

    async def copy_in(self, copies: Sequence[ArticleCopy]) -> int:
        """Store copies with their own ids and times, skipping ids already here; returns how
        many were stored (an interrupted migrate run again copies only the rest)."""
        if not copies:
            return 0
        marks = ",".join("?" * len(copies))
        rows = await self._db.execute_fetchall(
            f"SELECT id, content_hash FROM articles WHERE id IN ({marks})", [c.id for c in copies]
        )
        present = {r[0]: r[1] for r in rows}
        clash(copies, present)
        todo = [c for c in copies if c.id not in present]
        if todo:
            await self._insert_batch(
                [(c.doc, c.content_hash, c.guild_id) for c in todo], copies=[(c.id, c.added_at) for c in todo]
            )
        return len(todo)

    async def last_article_id(self) -> int:
        """The last article id handed out (removed articles' included: ids are never reused)."""
        rows = await self._db.execute_fetchall(
            "SELECT max(coalesce((SELECT value FROM counters WHERE name = 'articles'), 0),"
            " coalesce((SELECT max(id) FROM articles), 0))"
        )
        return int(list(rows)[0][0])

    async def reserve_article_ids(self, last: int) -> None:
        """Hand out no article id up to `last` (a copied archive's removed ids stay unused)."""
        db = self._writable()
        await db.execute(
            "INSERT INTO counters (name, value) VALUES ('articles', ?)"
            " ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)",
            (last,),
        )

    async def size(self) -> int:
        """The archive's size on disk in bytes (the file and its write-ahead log)."""
        rows = list(await self._db.execute_fetchall("PRAGMA database_list"))
        path = Path(rows[0][2]) if rows and rows[0][2] else None
        if path is None:
            return 0
        wal = path.with_name(path.name + "-wal")
        return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)

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
            f" FROM articles a WHERE {_SCOPE_BY_DATE}"
            f" ORDER BY {_NEWEST} LIMIT :limit OFFSET :offset"
        )
        async with self._db.execute(sql, {"guild": guild_id, "limit": limit, "offset": offset}) as cur:
            return [ArticleRow(*row) for row in await cur.fetchall()]

    async def count_articles(self, guild_id: int | None) -> int:
        async with self._db.execute(
            f"SELECT count(*) FROM articles a WHERE {_SCOPE}", {"guild": guild_id}
        ) as cur:
            (n,) = await cur.fetchone()  # type: ignore[misc]
        return n

    async def find_titles(
        self, words: Sequence[str], guild_id: int | None, limit: int, *, any_word: bool = False
    ) -> list[ArticleRow]:
        """Visible articles whose title has a word starting with each of `words` (with
        `any_word`, with any of them), newest first: an index lookup (titles_fts keeps word
        prefixes), however many articles there are. `sentences` is not counted (0)."""
        if not words:
            return []
        match = (" OR " if any_word else " AND ").join('"' + w.replace('"', '""') + '"*' for w in words)
        sql = (
            "SELECT a.id, a.guild_id, a.title, a.date, a.author, a.source, 0"
            " FROM titles_fts JOIN articles a ON a.id = titles_fts.rowid"
            f" WHERE titles_fts MATCH :match AND {_SCOPE} ORDER BY titles_fts.rowid DESC LIMIT :limit"
        )
        rows = await self._db.execute_fetchall(sql, {"match": match, "guild": guild_id, "limit": limit})
        return [ArticleRow(*row) for row in rows]

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
                   (SELECT count(DISTINCT at.speaker_id) FROM attributions at
                    JOIN articles a ON a.id = at.article_id WHERE {_SCOPE})
            FROM articles a WHERE {_SCOPE}"""
        async with self._db.execute(sql, {"guild": guild_id}) as cur:
            row = await cur.fetchone()
        return (row[0], row[1], row[2]) if row else (0, 0, 0)

    async def top_speakers(self, guild_id: int | None, limit: int) -> list[tuple[str, int]]:
        """Most-quoted speakers in scope with their attribution counts."""
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
        """How many sentences hold each (stemmed) term. Cached (reading them costs
        milliseconds in a large archive); a term no sentence holds is always asked again."""
        unique = list(dict.fromkeys(terms))
        known = self._doc_freqs
        missing = [t for t in unique if t not in known]
        if missing:
            marks = ",".join("?" * len(missing))
            sql = f"SELECT term, doc FROM sentences_vocab WHERE term IN ({marks})"
            for term, n in await self._db.execute_fetchall(sql, missing):
                known[term] = n
        return {t: known.get(t, 0) for t in unique}

    # -- speakers ----------------------------------------------------------------------------
    async def speaker_aliases(self, guild_id: int | None) -> list[tuple[str, int, str, int]]:
        """(alias, speaker_id, canonical name, attributions in scope) for every speaker
        with at least one attribution visible in this scope."""
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
        """A speaker's attributions, each once, newest article first, in article order."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='0.0')}"
            " FROM attributions at JOIN sentences s ON s.id = at.sentence_id"
            " JOIN speakers sp ON sp.id = at.speaker_id JOIN articles a ON a.id = s.article_id"
            f" WHERE at.speaker_id = :speaker AND {_SCOPE}"
            f" ORDER BY {_NEWEST}, s.idx, at.ordinal LIMIT :limit"
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

    async def export_attributions(self, article_id: int) -> dict[int, list[AttributionRow]]:
        """Every attribution of an article's sentences, main first, by sentence id."""
        sql = (
            "SELECT at.sentence_id, at.ordinal, sp.name, at.role, at.cue, at.kind, at.content,"
            " at.start, at.end"
            " FROM attributions at JOIN speakers sp ON sp.id = at.speaker_id"
            " WHERE at.article_id = ? ORDER BY at.sentence_id, at.ordinal"
        )
        out: dict[int, list[AttributionRow]] = {}
        async with self._db.execute(sql, (article_id,)) as cur:
            for row in await cur.fetchall():
                out.setdefault(row[0], []).append(AttributionRow(*row))
        return out

    async def integrity(self) -> tuple[str, dict[str, int]]:
        """PRAGMA integrity_check's verdict and the row count of each table (for tests)."""
        async with self._db.execute("PRAGMA integrity_check") as cur:
            (verdict,) = await cur.fetchone()  # type: ignore[misc]
        return verdict, await self.table_counts()

    async def table_counts(self) -> dict[str, int]:
        """The row count of each table an archive is made of (every scope)."""
        counts = {}
        for table in COUNTED_TABLES:
            async with self._db.execute(f"SELECT count(*) FROM {table}") as cur:
                (counts[table],) = await cur.fetchone()  # type: ignore[misc]
        return counts
