"""The facade the CLI and the bot both call. Every method is async and scoped.

Scope: `guild_id=None` is the global scope (seeds, the command line, direct messages);
a server id sees the global articles plus its own. Articles added with a guild_id are
visible only there and can be removed only from there.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import os
import re
import signal
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from cachetools import LRUCache
from rapidfuzz import fuzz, process, utils

from . import ingest, search
from .errors import ArchiveError, BadArticle, BadQuery, Forbidden, NotFound
from .feeds import Feeds
from .models import ArticleRef, ArticleSummary, Document, SearchResult, Stats, VerifyResult, clause_json
from .state import Cooldowns, OpenForms
from .storage import ArchiveStore, ArticleRow, open_store

log = logging.getLogger(__name__)

# "Who said X?" asked as a question is a `who` lookup of X.
_WHO_SAID_RE = re.compile(
    r"^\s*who\s+(?:said|says|claimed|claims|stated|states|warned|warns|argued|argues|wrote|tweeted|told\s+\w+)"
    r"(?:\s+that)?\s+(?P<fragment>.+?)[\s?.!]*$",
    re.IGNORECASE | re.DOTALL,
)

SEED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}

# Autocomplete: words as the title index splits them, and titles fuzzy-ranked per keystroke.
_TITLE_WORD_RE = re.compile(r"[^\W_]+")
TITLE_CANDIDATES = 200


@dataclass(frozen=True, slots=True)
class _Aliases:
    """A scope's speaker aliases (Store.speaker_aliases rows) and their index by alias."""

    rows: list[tuple[str, int, str, int]]
    index: dict[str, set[str]]


def _ref(row: ArticleRow) -> ArticleRef:
    return ArticleRef(id=row.id, title=row.title, date=row.date, source=row.source)


# Bulk path (add_documents): articles per write transaction, parsing jobs queued ahead per
# worker process, and how many articles there must be to start a process pool at all.
# A commit costs the most (FTS5 writes its pending index data as a new segment, and merges):
# at a million sentences storing took 5.0 ms an article in batches of 64 and 3.5 ms in
# batches of 256 (960 articles, twice each). The queue ahead keeps the parsers busy while a
# batch is stored (about 0.9 s there): they parse about 200 articles a second meanwhile.
BATCH_ARTICLES = 256
AHEAD_PER_WORKER = 128
POOL_MIN = 16


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article still to parse: `raw` text or bytes, or a file `path` to read; the rest as add_text takes
    (add_documents parses it in a worker process)."""

    raw: str | bytes | None = None
    path: Path | None = None
    name: str | None = None
    source: str | None = None
    content_type: str | None = None
    charset: str | None = None
    title: str | None = None
    date: str | None = None


def _parse(job: RawArticle) -> Document | ArchiveError:
    """Parse and attribute one article (in a worker process for bulk imports); a refusal is returned."""
    try:
        raw = job.raw
        if raw is None:
            if job.path is None:
                raise BadArticle("That article has no text in it.")
            try:
                raw = job.path.read_bytes()
            except OSError as err:
                raise BadArticle(f"{job.path.name} cannot be read ({err.strerror or err}).") from None
        return ingest.parse(
            raw,
            name=job.name,
            source=job.source,
            content_type=job.content_type,
            charset=job.charset,
            title=job.title,
            date=job.date,
        )
    except ArchiveError as err:
        return err


def _parser_init() -> None:
    """In each parsing process: ignore Ctrl-C (the importing process stops the pool itself,
    and a KeyboardInterrupt traceback per process helps nobody) and exit with the parent:
    a parent killed outright (SIGKILL) cannot stop its pool, so each process watches it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()


def _exit_with_parent(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def parsing_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes for parsing articles that live no longer than this process."""
    # Not fork: this process runs threads (aiosqlite's, asyncio's), which a fork may catch mid-lock.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(method), initializer=_parser_init
    )


# Called as an import goes on with (articles parsed or refused so far, articles stored so far).
Progress = Callable[[int, int], None]


def _summary(article_id: int, doc: Document, guild_id: int | None) -> ArticleSummary:
    speakers = list(dict.fromkeys(a.speaker for clauses in doc.clauses for a in clauses))
    return ArticleSummary(
        ref=ArticleRef(id=article_id, title=doc.title, date=doc.date, source=doc.source),
        author=doc.author,
        sentences=len(doc.sentences),
        speakers=tuple(speakers),
        guild_id=guild_id,
    )


def article_files(folder: Path) -> list[Path]:
    """The article files (by suffix) in a folder and its subfolders, in path order; hidden
    files and folders (".git", ".DS_Store") are not articles."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).parts
        if (
            path.suffix.lower() in SEED_SUFFIXES
            and path.is_file()
            and not any(p.startswith(".") for p in relative)
        ):
            found.append(path)
    return sorted(found)


class Archive:
    """An open archive: a SQLite file, or a PostgreSQL database (storage.open_store)."""

    def __init__(self, store: ArchiveStore) -> None:
        self._store = store
        # Speaker aliases per scope (with their index by alias), for `said`, autocomplete and
        # naming in `ask`: reading them costs a join over attributions. A content cache: the
        # store empties it on every change, this process's or another's.
        self._aliases: LRUCache[int | None, _Aliases] = store.content_cache(256)
        self._write_lock = asyncio.Lock()
        self.feeds = Feeds(self, store, self._write_lock)  # followed feeds (bot.core.feeds)
        self.cooldowns = Cooldowns(store, self._write_lock)  # members' cooldowns, kept across restarts
        self.forms = OpenForms(store, self._write_lock)  # open /add forms, kept across restarts

    def forget(self) -> None:
        """Drop what is cached about the archive's contents: another process has written."""
        self._store.forget()

    async def _fresh(self) -> None:
        """Before answering: forget what other connections' commits made stale."""
        await self._store.refresh()

    @classmethod
    async def open(
        cls, path: str | Path, seeds: str | Path | None = None, *, read_only: bool | None = None
    ) -> Archive:
        """Open (creating and migrating) the archive, a file path or a postgresql:// URL;
        import `seeds` when it is empty. Read-only (it answers; add and remove raise
        BadArchive) when asked, or when the
        file or its folder is not writable."""
        store = await open_store(path, read_only=read_only)
        archive = cls(store)
        try:
            if seeds is not None and not store.read_only and await store.count_articles(None) == 0:
                await archive.import_folder(seeds)
        except BaseException:
            await archive.close()
            raise
        return archive

    async def close(self) -> None:
        """Close the database (writing the cooldowns first)."""
        try:
            await self.cooldowns.flush()
        finally:
            await self._store.close()

    async def __aenter__(self) -> Archive:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- adding and removing ---------------------------------------------------------
    async def add_text(
        self,
        raw: str | bytes,
        *,
        name: str | None = None,
        source: str | None = None,
        content_type: str | None = None,
        charset: str | None = None,
        title: str | None = None,
        date: str | None = None,
        guild_id: int | None = None,
    ) -> ArticleSummary:
        """Parse (plain text, Markdown or HTML, by `content_type` or `name`'s suffix or
        sniffing), attribute and store one article atomically. `title`/`date` override
        what parsing finds (the bot's form). Raises BadArticle, TooLarge, Duplicate."""
        # Parsing is CPU work: off the event loop so the bot keeps answering meanwhile.
        doc = await asyncio.to_thread(
            ingest.parse,
            raw,
            name=name,
            source=source,
            content_type=content_type,
            charset=charset,
            title=title,
            date=date,
        )
        return await self.add_document(doc, guild_id=guild_id)

    async def add_document(self, doc: Document, *, guild_id: int | None = None) -> ArticleSummary:
        """Store an already parsed and attributed Document (benchmarks, bulk import)."""
        async with self._write_lock:
            article_id = await self._store.insert_article(doc, ingest.content_hash(doc.body), guild_id)
        return _summary(article_id, doc, guild_id)

    async def import_folder(
        self, folder: str | Path, *, progress: Progress | None = None
    ) -> tuple[list[ArticleSummary], list[tuple[Path, str]]]:
        """Import every text/Markdown/HTML file of a folder and its subfolders, in path order
        (the bulk path: see add_documents). Hidden files and folders are left out.
        Returns (added, [(file, reason) for files that were skipped])."""
        folder = Path(folder)
        if not folder.is_dir():
            raise NotFound(f"There is no folder {str(folder)!r}.")
        paths = article_files(folder)
        added: list[ArticleSummary] = []
        skipped: list[tuple[Path, str]] = []
        results = await self.add_documents(
            (RawArticle(path=p, name=p.name) for p in paths), progress=progress
        )
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, ArchiveError):
                skipped.append((path, str(result)))
            else:
                added.append(result)
        return added, skipped

    async def add_documents(
        self,
        docs: Iterable[Document | RawArticle],
        *,
        guild_id: int | None = None,
        workers: int | None = None,
        progress: Progress | None = None,
    ) -> list[ArticleSummary | ArchiveError]:
        """The bulk path: parse and attribute (RawArticle) in a pool of `workers` processes
        (default: one a core) when there are enough to pay for starting it, and store in
        batched transactions, each article still all or nothing. Documents already parsed
        are stored as they are. One result per item, in order: its summary, or the
        ArchiveError (BadArticle, TooLarge, Duplicate...) that refused it. Each batch is
        committed as it fills, so an interrupted import keeps the batches already stored;
        `progress` hears how far it got."""
        items = iter(docs)
        head = list(itertools.islice(items, POOL_MIN))
        workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
        use_pool = workers > 1 and sum(isinstance(d, RawArticle) for d in head) >= POOL_MIN
        results: list[ArticleSummary | ArchiveError] = []
        batch: list[tuple[int, Document]] = []  # (position in results, parsed document)
        stored_count = 0

        async def store() -> None:
            nonlocal stored_count
            if not batch:
                return
            async with self._write_lock:
                stored = await self._store.insert_articles(
                    [(doc, ingest.content_hash(doc.body), guild_id) for _i, doc in batch]
                )
            for (i, doc), outcome in zip(batch, stored, strict=True):
                results[i] = _summary(outcome, doc, guild_id) if isinstance(outcome, int) else outcome
            stored_count += sum(isinstance(outcome, int) for outcome in stored)
            batch.clear()
            if progress is not None:
                progress(len(results), stored_count)

        async def take(parsed: Document | ArchiveError) -> None:
            results.append(parsed)  # type: ignore[arg-type]  # a placeholder until stored
            if isinstance(parsed, Document):
                batch.append((len(results) - 1, parsed))
                if len(batch) >= BATCH_ARTICLES:
                    await store()
                    return
            if progress is not None:
                progress(len(results), stored_count)

        everything = itertools.chain(head, items)
        if not use_pool:
            for item in everything:
                await take(item if isinstance(item, Document) else await asyncio.to_thread(_parse, item))
            await store()
            return results
        loop = asyncio.get_running_loop()
        ahead: collections.deque[asyncio.Future[Document | ArchiveError]] = collections.deque()
        with parsing_pool(workers) as pool:
            try:
                for item in everything:
                    if isinstance(item, Document):
                        future: asyncio.Future[Document | ArchiveError] = loop.create_future()
                        future.set_result(item)
                    else:
                        future = loop.run_in_executor(pool, _parse, item)
                    ahead.append(future)
                    while len(ahead) > AHEAD_PER_WORKER * workers:
                        await take(await ahead.popleft())
                while ahead:
                    await take(await ahead.popleft())
                await store()
            finally:
                for future in ahead:
                    future.cancel()
                # Interrupted: drop the queued parses rather than wait for them all.
                pool.shutdown(wait=False, cancel_futures=True)
        return results

    async def remove(self, article_id: int, *, guild_id: int | None = None) -> ArticleRef:
        """Remove an article added in this scope. Raises NotFound or Forbidden."""
        row = await self._store.article(article_id, guild_id)
        if row is None:
            raise NotFound(f"There is no article #{article_id} here.")
        if row.guild_id != guild_id:
            raise Forbidden(
                f"Article #{article_id} is shared by every server; it cannot be removed from here."
            )
        async with self._write_lock:
            await self._store.delete_article(article_id)
        return _ref(row)

    # -- answering ---------------------------------------------------------------------
    async def ask(self, question: str, *, guild_id: int | None = None, limit: int = 5) -> SearchResult:
        """Best-matching passages for a question. Raises BadQuery for an empty one."""
        await self._fresh()
        if not search.clean(question):
            raise BadQuery("Ask a question: it was empty.")
        if (found := _WHO_SAID_RE.match(search.clean(question))) and re.search(r"[^\W_]", found["fragment"]):
            result = await search.who(self._store, found["fragment"], guild_id, limit)
            if result.answers:
                return replace(result, query=search.clean(question))
        by_alias = (await self._speaker_aliases(guild_id)).index
        return await search.ask(self._store, question, guild_id, limit, by_alias)

    async def who(self, fragment: str, *, guild_id: int | None = None, limit: int = 5) -> SearchResult:
        """Who said (something like) this: attributed sentences only, best first."""
        await self._fresh()
        if not search.clean(fragment):
            raise BadQuery("Give me some words of the quote: it was empty.")
        return await search.who(self._store, fragment, guild_id, limit)

    async def said(self, person: str, *, guild_id: int | None = None, limit: int = 25) -> SearchResult:
        """What a person said (name, surname, role or misspelling), newest article first.
        `SearchResult.speaker` is the resolved name; empty answers when nobody fits."""
        await self._fresh()
        aliases = (await self._speaker_aliases(guild_id)).rows
        return await search.said(self._store, person, guild_id, limit, aliases)

    async def verify(self, quote: str, *, by: str | None = None, guild_id: int | None = None) -> VerifyResult:
        """Did `by` (or anyone) really say this? The closest wording, its match and a verdict."""
        await self._fresh()
        if not search.clean(quote):
            raise BadQuery("Give me the quote to check: it was empty.")
        aliases = (await self._speaker_aliases(guild_id)).rows
        return await search.verify(self._store, quote, by, guild_id, aliases)

    async def _speaker_aliases(self, guild_id: int | None) -> _Aliases:
        found = self._aliases.get(guild_id)
        if found is None:
            rows = await self._store.speaker_aliases(guild_id)
            found = self._aliases[guild_id] = _Aliases(rows, search.alias_index(rows))
        return found

    # -- browsing ----------------------------------------------------------------------
    async def articles(
        self, *, guild_id: int | None = None, offset: int = 0, limit: int = 20
    ) -> tuple[list[ArticleSummary], int]:
        """A page of articles, newest first, and the total count."""
        rows = await self._store.articles(guild_id, max(offset, 0), max(limit, 0))
        return await self._summaries(rows), await self._store.count_articles(guild_id)

    async def _summaries(self, rows: list[ArticleRow]) -> list[ArticleSummary]:
        speakers = await self._store.article_speakers([r.id for r in rows])
        return [
            ArticleSummary(
                ref=_ref(r),
                author=r.author,
                sentences=r.sentences,
                speakers=tuple(speakers[r.id]),
                guild_id=r.guild_id,
            )
            for r in rows
        ]

    async def article(self, article_id: int, *, guild_id: int | None = None) -> ArticleSummary:
        """One article's summary. Raises NotFound (also for another server's article)."""
        row = await self._store.article(article_id, guild_id)
        if row is None:
            raise NotFound(f"There is no article #{article_id} here.")
        return (await self._summaries([row]))[0]

    async def article_text(self, article_id: int, *, guild_id: int | None = None) -> str:
        """One article's body text. Raises NotFound."""
        await self.article(article_id, guild_id=guild_id)
        return await self._store.article_body(article_id)

    async def speaker_names(
        self, query: str = "", *, guild_id: int | None = None, limit: int = 25
    ) -> list[str]:
        """Speaker names for autocomplete: fuzzy-ranked by `query`, most quoted first when empty."""
        await self._fresh()
        aliases = (await self._speaker_aliases(guild_id)).rows
        counts: dict[str, int] = {}
        for _alias, _sid, name, n in aliases:
            counts[name] = n
        if not query.strip():
            return [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]
        choices = [a[0] for a in aliases]
        hits = process.extract(
            query,
            choices,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=60,
            limit=limit * 4,
        )
        names: list[str] = []
        for _choice, _score, i in hits:
            name = aliases[i][2]
            if name not in names:
                names.append(name)
        return names[:limit]

    async def speakers(
        self, name: str = "", *, guild_id: int | None = None, limit: int | None = None
    ) -> list[tuple[str, int]]:
        """(name, attributed sentences) of the people quoted here, most quoted first; with
        `name`, those whose name, surname, role or misspelling is like it, best first."""
        await self._fresh()
        aliases = (await self._speaker_aliases(guild_id)).rows
        counts = {canonical: n for _alias, _sid, canonical, n in aliases}
        if name.strip():
            found = await self.speaker_names(name, guild_id=guild_id, limit=limit or 25)
            return [(person, counts[person]) for person in found]
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ranked[:limit] if limit else ranked

    async def find_articles(
        self, query: str = "", *, guild_id: int | None = None, limit: int = 25
    ) -> list[ArticleRef]:
        """Articles for autocomplete: fuzzy-ranked by title, newest first when empty.

        Candidates come from the title index: the newest titles with a word starting with
        each word typed, else (a misspelling) with any word starting as one of them does."""
        words = [w.lower() for w in _TITLE_WORD_RE.findall(query)]
        if not words:
            return [_ref(r) for r in await self._store.articles(guild_id, 0, limit)]
        rows = await self._store.find_titles(words, guild_id, TITLE_CANDIDATES)
        if not rows:
            heads = list(dict.fromkeys(w[:3] for w in words))
            rows = await self._store.find_titles(heads, guild_id, TITLE_CANDIDATES, any_word=True)
        hits = process.extract(
            query,
            [r.title for r in rows],
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=50,
            limit=limit,
        )
        return [_ref(rows[i]) for _t, _s, i in hits]

    async def stats(self, *, guild_id: int | None = None) -> Stats:
        """Counts of articles, sentences, speakers and the most-quoted people."""
        await self._fresh()
        articles, sentences, speakers = await self._store.counts(guild_id)
        top = await self._store.top_speakers(guild_id, 5)
        return Stats(articles=articles, sentences=sentences, speakers=speakers, top_speakers=tuple(top))

    async def export(self, *, guild_id: int | None = None) -> AsyncIterator[dict[str, object]]:
        """One JSON-ready dict per article, with per-sentence attribution."""
        offset = 0
        while True:
            rows = await self._store.articles(guild_id, offset, 100)
            if not rows:
                return
            for row in rows:
                sentences = await self._store.export_sentences(row.id)
                clauses = await self._store.export_attributions(row.id)
                yield {
                    "id": row.id,
                    "title": row.title,
                    "date": row.date,
                    "source": row.source,
                    "sentences": [
                        {
                            "index": s.idx,
                            "text": s.text,
                            "speaker": s.speaker,
                            "speaker_role": s.role,
                            "cue": s.cue,
                            "kind": s.kind,
                            "content": s.content,
                            "attributions": [clause_json(a) for a in clauses.get(s.sentence_id, ())],
                        }
                        for s in sentences
                    ],
                }
            offset += len(rows)

    async def size(self) -> int:
        """The archive's size on disk in bytes (the file with its log, or the database)."""
        return await self._store.size()

    async def integrity(self) -> tuple[str, dict[str, int]]:
        """PRAGMA integrity_check and table row counts (used by tests)."""
        return await self._store.integrity()

    @property
    def read_only(self) -> bool:
        """Opened read-only: it answers, and adding, removing and rebuilding are refused."""
        return self._store.read_only

    async def check(self) -> list[str]:
        """What PRAGMA integrity_check and every full-text index's own check find; [] when
        sound. On a read-only archive only the first runs (FTS5 checks by writing)."""
        return await self._store.check()

    async def rebuild(self) -> None:
        """Rebuild every full-text index from the rows it indexes (`archivist rebuild`)."""
        async with self._write_lock:
            await self._store.rebuild()
