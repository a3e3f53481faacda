"""The PostgreSQL archive, through asyncpg: the same interface as the SQLite store
(storage.ArchiveStore), for an archive several bot processes on several machines share.
PgStore (here) is the entry point and reads articles, speakers and counts;
store_pg_search.py holds search's queries, store_pg_write.py the writes, store_pg_schema.py
connecting, migrations and checks; the schema is pg_schema.sql.

Database errors never leave these modules raw: they become ArchiveErrors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import asyncpg
from cachetools import LRUCache

from . import store_pg_changes, store_pg_schema, store_pg_write
from .errors import ArchiveError, BadArchive, BadArticle, Duplicate
from .models import Document
from .storage import COUNTED_TABLES, ArticleCopy, AttributionRow, assemble, clash, first_result, insert_each
from .store_pg_feeds import PgFeedQueries
from .store_pg_search import _ATTR_JOIN, _CANDIDATE_COLUMNS, _SCOPE, PgSearchQueries
from .store_pg_state import PgStateQueries
from .store_search import ArticleRow, Candidate

_STEM_CACHE_MAX = 200_000
_DOC_FREQS_MAX = 100_000
_NEWEST = "coalesce(a.date, substr(a.added_at, 1, 10)) DESC, a.id DESC"
_ROW = "a.id, a.guild_id, a.title, a.date, a.author, a.source"
_COUNTED = "(SELECT count(*) FROM sentences WHERE article_id = a.id)"


def _refusal(err: asyncpg.PostgresError) -> ArchiveError:
    """A database error as one sentence for the user."""
    text = str(err).strip()
    if isinstance(err, asyncpg.IntegrityConstraintViolationError | asyncpg.DataError):
        return BadArticle(f"That article could not be stored ({text}).")
    if isinstance(err, asyncpg.ReadOnlySQLTransactionError):
        return BadArchive("This archive is read-only: articles cannot be added or removed.")
    return BadArchive(f"The archive could not be changed ({text}).")


class PgStore(PgSearchQueries, PgFeedQueries, PgStateQueries):
    """Async access to one PostgreSQL archive (a database of its own)."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        url: str,
        *,
        read_only: bool = False,
        changes: store_pg_changes.PgSignal | None = None,
    ) -> None:
        # A pool: questions asked at once each get a connection (asyncpg runs one statement
        # at a time per connection), and every statement sees only committed writes.
        self._pool = pool
        self.url = url
        self.read_only = read_only
        self._sentence_count: int | None = None
        self._stem_cache: LRUCache[str, tuple[str, ...]] = LRUCache(_STEM_CACHE_MAX)
        # How this process hears of other processes' writes: LISTEN/NOTIFY (store_pg_changes).
        self.changes: store_pg_changes.PgSignal = changes or store_pg_changes.Counter(pool)
        self._content_caches: list[LRUCache[Any, Any]] = []
        self._doc_freqs: LRUCache[str, int] = self.content_cache(_DOC_FREQS_MAX)

    @classmethod
    async def open(cls, url: str, *, read_only: bool | None = None, size: int = 4) -> PgStore:
        """Connect to the archive at `url` and bring its schema up to date. Read-only when
        asked, or when the server takes no writes (a standby)."""
        pool = await store_pg_schema.connect(url, read_only=bool(read_only), size=size)
        try:
            if read_only is None:
                read_only = await pool.fetchval("SHOW transaction_read_only") == "on"
            await store_pg_schema.migrate(pool, url, read_only=read_only)
            changes = await store_pg_changes.open_signal(url, pool)
        except asyncpg.PostgresError as err:
            await pool.close()
            raise BadArchive(
                f"{store_pg_schema.describe(url)} cannot be used as an archive ({err})."
            ) from err
        except BaseException:
            await pool.close()
            raise
        return cls(pool, url, read_only=read_only, changes=changes)

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
        """forget() when any process has written since the last call, as `changes` tells
        (a NOTIFY heard: no round trip). True when it forgot."""
        changed = await self.changes.changed()
        if changed:
            self.forget()
        return changed

    async def close(self) -> None:
        try:
            await self.changes.close()
        finally:
            await self._pool.close()

    async def last_article_id(self) -> int:
        """The last article id handed out (removed articles' included: ids are never reused)."""
        row = (await self._fetch("SELECT last_value, is_called FROM articles_id_seq"))[0]
        return int(row[0]) if row[1] else 0

    async def reserve_article_ids(self, last: int) -> None:
        """Hand out no article id up to `last` (a copied archive's removed ids stay unused)."""
        self._writable()
        await self._fetch(
            "SELECT setval('articles_id_seq', $1) FROM articles_id_seq"
            " WHERE NOT is_called OR last_value < $1",
            last,
        )

    async def size(self) -> int:
        """The database's size on disk in bytes."""
        return int(await self._pool.fetchval("SELECT pg_database_size(current_database())"))

    # -- writing ---------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise BadArchive("This archive is read-only: articles cannot be added or removed.")

    async def insert_article(self, doc: Document, content_hash: str, guild_id: int | None) -> int:
        """Store one article with its sentences, speakers and attributions: all or nothing."""
        return first_result(await self._insert_batch([(doc, content_hash, guild_id)]))

    async def insert_articles(
        self, items: Sequence[tuple[Document, str, int | None]]
    ) -> list[int | ArchiveError]:
        """Store several (doc, content_hash, guild_id) in one transaction (bulk import); per
        item its id or the ArchiveError that refused it. When the database refuses the batch,
        it is rolled back whole and redone one article per transaction."""
        if not items:
            return []
        try:
            return list(await self._insert_batch(items))
        except BadArticle:
            if len(items) == 1:
                raise
        return await insert_each(self, items)

    async def _insert_batch(
        self,
        items: Sequence[tuple[Document, str, int | None]],
        copies: Sequence[tuple[int, str]] | None = None,
    ) -> list[int | Duplicate]:
        self._writable()
        try:
            async with self._pool.acquire() as conn:
                results, added = await store_pg_write.insert_batch(conn, items, copies=copies)
        except asyncpg.PostgresError as err:
            raise _refusal(err) from err
        self._changed()
        if self._sentence_count is not None:
            self._sentence_count += added
        return results

    async def delete_article(self, article_id: int) -> None:
        """Remove an article and everything hanging off it, index entries included."""
        self._writable()
        try:
            async with self._pool.acquire() as conn:
                removed = await store_pg_write.delete_article(conn, article_id)
        except asyncpg.PostgresError as err:
            raise _refusal(err) from err
        self._changed()
        if self._sentence_count is not None and removed > 0:
            self._sentence_count -= removed

    async def check(self) -> list[str]:
        """Inconsistencies between the rows and what indexes them ([]: none)."""
        return await store_pg_schema.check(self._pool)

    async def rebuild(self) -> None:
        """Compute every full-text column, lexeme count and counter again from the rows."""
        self._writable()
        try:
            async with self._pool.acquire() as conn:
                await store_pg_write.rebuild(conn)
        except asyncpg.PostgresError as err:
            raise _refusal(err) from err
        self.forget()

    # -- copying (archivist migrate) -------------------------------------------------------
    async def copy_out(self, after_id: int, limit: int) -> list[ArticleCopy]:
        """Up to `limit` whole articles with ids above `after_id`, in id order."""
        async with self._pool.acquire() as conn:
            arts = await conn.fetch(
                "SELECT id, guild_id, title, date, author, source, body, content_hash, added_at"
                " FROM articles WHERE id > $1 ORDER BY id LIMIT $2",
                after_id,
                limit,
            )
            ids = [r[0] for r in arts]
            sentences = await conn.fetch(
                'SELECT article_id, id, idx, paragraph, start, "end", text FROM sentences'
                " WHERE article_id = ANY($1) ORDER BY article_id, idx",
                ids,
            )
            clauses = await conn.fetch(
                "SELECT at.sentence_id, sp.name, at.role, at.cue, at.kind, at.content, at.quote,"
                ' at.start, at."end"'
                " FROM attributions at JOIN speakers sp ON sp.id = at.speaker_id"
                " WHERE at.article_id = ANY($1) ORDER BY at.sentence_id, at.ordinal",
                ids,
            )
            aliases = await conn.fetch(
                "SELECT al.article_id, sp.name, sp.is_person, al.alias FROM speaker_aliases al"
                " JOIN speakers sp ON sp.id = al.speaker_id WHERE al.article_id = ANY($1)"
                " ORDER BY al.article_id, sp.name, al.alias",
                ids,
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
        rows = await self._fetch(
            "SELECT id, content_hash FROM articles WHERE id = ANY($1)", [c.id for c in copies]
        )
        present = {r[0]: r[1] for r in rows}
        clash(copies, present)
        todo = [c for c in copies if c.id not in present]
        if not todo:
            return 0
        await self._insert_batch(
            [(c.doc, c.content_hash, c.guild_id) for c in todo], copies=[(c.id, c.added_at) for c in todo]
        )
        return len(todo)

    # -- reading articles --------------------------------------------------------------------
    async def article(self, article_id: int, guild_id: int | None) -> ArticleRow | None:
        """An article visible in this scope, or None."""
        sql = f"SELECT {_ROW}, {_COUNTED} FROM articles a WHERE a.id = $1 AND {_SCOPE}"
        rows = await self._fetch(sql.replace("$GUILD", "$2"), article_id, guild_id)
        return ArticleRow(*rows[0]) if rows else None

    async def article_body(self, article_id: int) -> str:
        body = await self._pool.fetchval("SELECT body FROM articles WHERE id = $1", article_id)
        return body or ""

    async def articles(self, guild_id: int | None, offset: int, limit: int) -> list[ArticleRow]:
        """A page of visible articles, newest first."""
        sql = (
            f"SELECT {_ROW}, {_COUNTED} FROM articles a WHERE {_SCOPE} ORDER BY {_NEWEST} LIMIT $2 OFFSET $3"
        )
        return [
            ArticleRow(*r) for r in await self._fetch(sql.replace("$GUILD", "$1"), guild_id, limit, offset)
        ]

    async def count_articles(self, guild_id: int | None) -> int:
        sql = f"SELECT count(*) FROM articles a WHERE {_SCOPE}".replace("$GUILD", "$1")
        return int(await self._pool.fetchval(sql, guild_id))

    async def find_titles(
        self, words: Sequence[str], guild_id: int | None, limit: int, *, any_word: bool = False
    ) -> list[ArticleRow]:
        """Visible articles whose title has a word starting with each of `words` (with
        `any_word`, with any of them), newest first: a GIN lookup of prefixes."""
        clean = [w for w in (store_pg_write.words(w)[0] for w in words) if w]
        if not clean:
            return []
        query = (" | " if any_word else " & ").join(
            "(" + " & ".join(f"'{part}':*" for part in w.split()) + ")" for w in clean
        )
        sql = (
            f"SELECT {_ROW}, 0 FROM articles a"
            f" WHERE a.title_tsv @@ to_tsquery('archivist_title', $1) AND {_SCOPE}"
            " ORDER BY a.id DESC LIMIT $3"
        )
        return [
            ArticleRow(*r) for r in await self._fetch(sql.replace("$GUILD", "$2"), query, guild_id, limit)
        ]

    async def article_speakers(self, article_ids: Sequence[int]) -> dict[int, list[str]]:
        """Speaker names attributed in each article, most quoted first."""
        out: dict[int, list[str]] = {i: [] for i in article_ids}
        if not article_ids:
            return out
        sql = (
            "SELECT at.article_id, sp.name, count(*) AS n FROM attributions at"
            " JOIN speakers sp ON sp.id = at.speaker_id WHERE at.article_id = ANY($1)"
            " GROUP BY at.article_id, sp.id ORDER BY n DESC, sp.name"
        )
        for article_id, name, _n in await self._fetch(sql, list(article_ids)):
            out[article_id].append(name)
        return out

    async def sentence_count(self) -> int:
        """All sentences in the archive (BM25's N); cached, kept current by insert/delete."""
        if self._sentence_count is None:
            self._sentence_count = int(
                await self._pool.fetchval("SELECT value FROM counters WHERE name = 'sentences'")
            )
        return self._sentence_count

    async def counts(self, guild_id: int | None) -> tuple[int, int, int]:
        """(articles, sentences, speakers) visible in this scope."""
        sql = f"""
            SELECT count(*), coalesce(sum({_COUNTED}), 0)::bigint,
                   (SELECT count(DISTINCT at.speaker_id) FROM attributions at
                    JOIN articles a ON a.id = at.article_id WHERE {_SCOPE})
            FROM articles a WHERE {_SCOPE}"""
        row = (await self._fetch(sql.replace("$GUILD", "$1"), guild_id))[0]
        return int(row[0]), int(row[1]), int(row[2])

    async def top_speakers(self, guild_id: int | None, limit: int) -> list[tuple[str, int]]:
        """Most-quoted speakers in scope with their attribution counts."""
        sql = (
            "SELECT sp.name, count(*) AS n FROM attributions at JOIN articles a ON a.id = at.article_id"
            f" JOIN speakers sp ON sp.id = at.speaker_id WHERE {_SCOPE}"
            " GROUP BY sp.id, sp.name ORDER BY n DESC, sp.name LIMIT $2"
        )
        return [(r[0], int(r[1])) for r in await self._fetch(sql.replace("$GUILD", "$1"), guild_id, limit)]

    # -- search support ----------------------------------------------------------------------
    async def stems(self, text: str) -> list[str]:
        """The index's own lexemes for `text` (porter-stemmed, folded), in reading order."""
        found = [w.lower() for w in store_pg_write.words(text)[0].split()]
        stemmed = await self.word_stems(found)
        return [term for w in found for term in stemmed[w]]

    async def word_stems(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """word (lower case) -> the index's lexemes for it (usually one porter stem), by the
        archive's own text search configuration; cached (stems never depend on the contents)."""
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
            rows = await self._fetch(
                "SELECT w.i, u.lexeme FROM unnest($1::text[]) WITH ORDINALITY AS w (word, i),"
                " unnest(to_tsvector('archivist', w.word)) AS u ORDER BY w.i, u.positions[1]",
                missing,
            )
            found: dict[int, list[str]] = {}
            for i, lexeme in rows:
                found.setdefault(i, []).append(lexeme)
            for i, word in enumerate(missing, 1):
                cache[word] = out[word] = tuple(found.get(i, ()))
        return out

    async def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """How many sentences hold each lexeme (kept in `lexemes` by every write). Cached; a
        term no sentence holds is always asked again."""
        unique = list(dict.fromkeys(terms))
        known = self._doc_freqs
        missing = [t for t in unique if t not in known]
        if missing:
            for term, n in await self._fetch(
                "SELECT term, sentences FROM lexemes WHERE term = ANY($1) AND sentences > 0", missing
            ):
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
            SELECT DISTINCT ON (lower(al.alias), sp.id) al.alias, sp.id, sp.name, seen.n FROM seen
            JOIN speakers sp ON sp.id = seen.id
            JOIN speaker_aliases al ON al.speaker_id = sp.id
            JOIN articles a ON a.id = al.article_id WHERE {_SCOPE}
            ORDER BY lower(al.alias), sp.id, al.alias"""
        return [
            (r[0], r[1], r[2], int(r[3])) for r in await self._fetch(sql.replace("$GUILD", "$1"), guild_id)
        ]

    async def statements(self, speaker_id: int, guild_id: int | None, limit: int) -> list[Candidate]:
        """A speaker's attributions, each once, newest article first, in article order."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='0.0::float8')}"
            " FROM attributions at JOIN sentences s ON s.id = at.sentence_id"
            " JOIN speakers sp ON sp.id = at.speaker_id JOIN articles a ON a.id = s.article_id"
            f" WHERE at.speaker_id = $1 AND {_SCOPE}"
            f" ORDER BY {_NEWEST}, s.idx, at.ordinal LIMIT $3"
        )
        return [
            Candidate(*r) for r in await self._fetch(sql.replace("$GUILD", "$2"), speaker_id, guild_id, limit)
        ]

    # -- export and checks -------------------------------------------------------------------
    async def export_sentences(self, article_id: int) -> list[Candidate]:
        """Every sentence of an article with its attribution, in order."""
        sql = (
            f"SELECT {_CANDIDATE_COLUMNS.format(score='0.0::float8')} FROM sentences s {_ATTR_JOIN}"
            " WHERE s.article_id = $1 ORDER BY s.idx"
        )
        return [Candidate(*r) for r in await self._fetch(sql, article_id)]

    async def export_attributions(self, article_id: int) -> dict[int, list[AttributionRow]]:
        """Every attribution of an article's sentences, main first, by sentence id."""
        sql = (
            "SELECT at.sentence_id, at.ordinal, sp.name, at.role, at.cue, at.kind, at.content,"
            ' at.start, at."end"'
            " FROM attributions at JOIN speakers sp ON sp.id = at.speaker_id"
            " WHERE at.article_id = $1 ORDER BY at.sentence_id, at.ordinal"
        )
        out: dict[int, list[AttributionRow]] = {}
        for row in await self._fetch(sql, article_id):
            out.setdefault(row[0], []).append(AttributionRow(*row))
        return out

    async def table_counts(self) -> dict[str, int]:
        """The row count of each table an archive is made of (every scope)."""
        counts = {}
        for table in COUNTED_TABLES:
            counts[table] = int(await self._pool.fetchval(f"SELECT count(*) FROM {table}"))
        return counts

    async def integrity(self) -> tuple[str, dict[str, int]]:
        """'ok' when check() finds nothing (else its first finding), and each table's row count."""
        problems = await self.check()
        return (problems[0] if problems else "ok"), await self.table_counts()
