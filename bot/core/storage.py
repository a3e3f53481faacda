"""The storage interface the Archive facade and search call, and the choice of backend.

Two implementations, each the only place its SQL lives: store.Store (SQLite, one file,
aiosqlite) and store_pg.PgStore (PostgreSQL, asyncpg). `open_store` picks one from the
archive's name: a postgresql:// URL, or else a file path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cachetools import LRUCache

from .errors import ArchiveError, BadArchive, Duplicate
from .models import Attribution, Document, Sentence, Speaker
from .store_feeds import FeedStore
from .store_search import ArticleRow, Candidate
from .store_state import StateStore

__all__ = [
    "ArchiveStore",
    "ArticleCopy",
    "ArticleRow",
    "AttributionRow",
    "COUNTED_TABLES",
    "Candidate",
    "assemble",
    "clash",
    "first_result",
    "insert_each",
    "is_postgres",
    "open_store",
]

URL_SCHEMES = ("postgresql://", "postgres://")
# The tables every archive is made of, as table_counts() and integrity() count them.
COUNTED_TABLES = ("articles", "sentences", "speakers", "speaker_aliases", "attributions")


def is_postgres(target: str | Path) -> bool:
    """Whether an archive name is a PostgreSQL URL (anything else is a SQLite file)."""
    return isinstance(target, str) and target.strip().lower().startswith(URL_SCHEMES)


@dataclass(frozen=True, slots=True)
class AttributionRow:
    """One stored attribution of a sentence, as `export` gives it."""

    sentence_id: int
    ordinal: int
    speaker: str
    role: str | None
    cue: str | None
    kind: str
    content: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class ArticleCopy:
    """A whole stored article as `archivist migrate` moves it: its id and when it was added
    are kept, the document holds its sentences, speakers (with this article's aliases) and
    attributions, so inserting it elsewhere stores the same rows."""

    id: int
    guild_id: int | None
    added_at: str
    content_hash: str
    doc: Document


class ArchiveStore(FeedStore, StateStore, Protocol):
    """What an archive's storage does: scoped reads, atomic writes, full-text candidates
    (BM25 ranked by the database), and the caches kept current across processes."""

    read_only: bool

    def content_cache(self, maxsize: int) -> LRUCache[Any, Any]: ...
    def forget(self) -> None: ...
    async def refresh(self) -> bool: ...
    async def close(self) -> None: ...

    # writing
    async def insert_article(self, doc: Document, content_hash: str, guild_id: int | None) -> int: ...
    async def insert_articles(
        self, items: Sequence[tuple[Document, str, int | None]]
    ) -> list[int | ArchiveError]: ...
    async def delete_article(self, article_id: int) -> None: ...
    async def check(self) -> list[str]: ...
    async def rebuild(self) -> None: ...

    # copying a whole archive (archivist migrate)
    async def copy_out(self, after_id: int, limit: int) -> list[ArticleCopy]: ...
    async def copy_in(self, copies: Sequence[ArticleCopy]) -> int: ...
    async def last_article_id(self) -> int: ...
    async def reserve_article_ids(self, last: int) -> None: ...
    async def size(self) -> int: ...
    async def table_counts(self) -> dict[str, int]: ...

    # reading articles
    async def article(self, article_id: int, guild_id: int | None) -> ArticleRow | None: ...
    async def article_body(self, article_id: int) -> str: ...
    async def articles(self, guild_id: int | None, offset: int, limit: int) -> list[ArticleRow]: ...
    async def count_articles(self, guild_id: int | None) -> int: ...
    async def find_titles(
        self, words: Sequence[str], guild_id: int | None, limit: int, *, any_word: bool = False
    ) -> list[ArticleRow]: ...
    async def article_speakers(self, article_ids: Sequence[int]) -> dict[int, list[str]]: ...
    async def sentence_count(self) -> int: ...
    async def counts(self, guild_id: int | None) -> tuple[int, int, int]: ...
    async def top_speakers(self, guild_id: int | None, limit: int) -> list[tuple[str, int]]: ...

    # search support: `match` is the small query language search.query plans (quoted
    # words, AND, OR, parentheses: FTS5's syntax), which each store runs its own way.
    async def stems(self, text: str) -> list[str]: ...
    async def word_stems(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]: ...
    async def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]: ...
    async def candidates(self, match: str, guild_id: int | None, limit: int) -> list[Candidate]: ...
    async def quote_candidates(self, match: str, guild_id: int | None, limit: int) -> list[Candidate]: ...
    async def best_paragraphs(
        self, match: str, guild_id: int | None, limit: int
    ) -> list[tuple[int, int, float, list[Candidate]]]: ...
    async def sentences_of(
        self, keys: Iterable[tuple[int, int]]
    ) -> dict[tuple[int, int], list[Candidate]]: ...
    async def passages(
        self, keys: Iterable[tuple[int, int, int, int]]
    ) -> tuple[dict[tuple[int, int, int, int], list[Candidate]], dict[int, ArticleRow]]: ...

    # speakers
    async def speaker_aliases(self, guild_id: int | None) -> list[tuple[str, int, str, int]]: ...
    async def statements(self, speaker_id: int, guild_id: int | None, limit: int) -> list[Candidate]: ...

    # export and checks
    async def export_sentences(self, article_id: int) -> list[Candidate]: ...
    async def export_attributions(self, article_id: int) -> dict[int, list[AttributionRow]]: ...
    async def integrity(self) -> tuple[str, dict[str, int]]: ...


async def open_store(target: str | Path, *, read_only: bool | None = None) -> ArchiveStore:
    """The archive named by `target`: PostgreSQL for a postgresql:// URL, else a SQLite file."""
    if is_postgres(target):
        from .store_pg import PgStore

        return await PgStore.open(str(target), read_only=read_only)
    from .store import Store

    return await Store.open(target, read_only=read_only)


async def insert_each(
    store: Any, items: Sequence[tuple[Document, str, int | None]]
) -> list[int | ArchiveError]:
    """Store.insert_articles' fallback, shared by both stores: when the batch as a whole was
    refused for one article, store each article in its own transaction, so one that fails
    costs the others nothing."""
    out: list[int | ArchiveError] = []
    for item in items:
        try:
            out.append(await store.insert_article(*item))
        except BadArchive:
            raise  # the archive itself refuses (read-only, full): every article would fail
        except ArchiveError as err:
            out.append(err)
    return out


def clash(copies: Sequence[ArticleCopy], present: dict[int, str]) -> None:
    """copy_in's refusal when an id to copy is already another article's (by content hash):
    a copy goes into an empty archive, or one an interrupted copy of the same archive left."""
    for c in copies:
        if c.id in present and present[c.id] != c.content_hash:
            raise BadArchive(
                f"The archive copied into already holds a different article #{c.id}:"
                " copy into an empty archive (or the one an interrupted copy of this archive left)."
            )


def first_result(results: Sequence[int | Duplicate]) -> int:
    """insert_article's answer from a one-article batch: its id, or the Duplicate raised."""
    (result,) = results
    if isinstance(result, Duplicate):
        raise result
    return result


def assemble(
    arts: Sequence[tuple[Any, ...]],
    sentences: Sequence[tuple[Any, ...]],
    clauses: Sequence[tuple[Any, ...]],
    aliases: Sequence[tuple[int, str, bool, str]],
) -> list[ArticleCopy]:
    """ArticleCopies from rows read by either store's copy_out: articles (id, guild_id, title,
    date, author, source, body, content_hash, added_at); sentences (article_id, id, idx,
    paragraph, start, end, text); attributions (sentence_id, speaker, role, cue, kind, content,
    quote, start, end) in ordinal order; aliases (article_id, speaker, is_person, alias)."""
    by_article: dict[int, list[tuple[Any, ...]]] = {}
    for row in sentences:
        by_article.setdefault(row[0], []).append(row)
    by_sentence: dict[int, list[Attribution]] = {}
    for sid, name, role, cue, kind, content, quote, start, end in clauses:
        by_sentence.setdefault(sid, []).append(Attribution(name, role, cue, kind, content, quote, start, end))
    people: dict[int, dict[str, tuple[bool, list[str]]]] = {}
    for article_id, name, is_person, alias in aliases:
        entry = people.setdefault(article_id, {}).setdefault(name, (is_person, []))
        if alias != name:
            entry[1].append(alias)
    out = []
    for aid, guild_id, title, date, author, source, body, content_hash, added_at in arts:
        rows = by_article.get(aid, [])
        doc = Document(
            title=title,
            body=body,
            paragraphs=(),
            sentences=tuple(Sentence(r[2], r[3], r[4], r[5], r[6]) for r in rows),
            date=date,
            author=author,
            source=source,
            clauses=tuple(tuple(by_sentence.get(r[1], ())) for r in rows),
            speakers=tuple(
                Speaker(name, aliases=tuple(names), is_person=person)
                for name, (person, names) in people.get(aid, {}).items()
            ),
        )
        out.append(ArticleCopy(aid, guild_id, added_at, content_hash, doc))
    return out
