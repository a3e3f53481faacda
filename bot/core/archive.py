"""The facade the CLI and the bot both call. Every method is async and scoped.

Scope: `guild_id=None` is the global scope (seeds, the command line, direct messages);
a server id sees the global articles plus its own. Articles added with a guild_id are
visible only there and can be removed only from there.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from .models import ArticleRef, ArticleSummary, Document, SearchResult, Stats


class Archive:
    """An open archive: one SQLite file."""

    @classmethod
    async def open(cls, path: str | Path, seeds: str | Path | None = None) -> Archive:
        """Open (creating and migrating) the archive; import `seeds` when it is empty."""
        raise NotImplementedError

    async def close(self) -> None:
        """Close the database."""
        raise NotImplementedError

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
        title: str | None = None,
        date: str | None = None,
        guild_id: int | None = None,
    ) -> ArticleSummary:
        """Parse (plain text, Markdown or HTML, by `content_type` or `name`'s suffix or
        sniffing), attribute and store one article atomically. `title`/`date` override
        what parsing finds (the bot's form). Raises BadArticle, TooLarge, Duplicate."""
        raise NotImplementedError

    async def add_document(self, doc: Document, *, guild_id: int | None = None) -> ArticleSummary:
        """Store an already parsed and attributed Document (benchmarks, bulk import)."""
        raise NotImplementedError

    async def remove(self, article_id: int, *, guild_id: int | None = None) -> ArticleRef:
        """Remove an article added in this scope. Raises NotFound or Forbidden."""
        raise NotImplementedError

    # -- answering ---------------------------------------------------------------------
    async def ask(self, question: str, *, guild_id: int | None = None, limit: int = 5) -> SearchResult:
        """Best-matching passages for a question. Raises BadQuery for an empty one."""
        raise NotImplementedError

    async def who(self, fragment: str, *, guild_id: int | None = None, limit: int = 5) -> SearchResult:
        """Who said (something like) this: attributed sentences only, best first."""
        raise NotImplementedError

    async def said(self, person: str, *, guild_id: int | None = None, limit: int = 25) -> SearchResult:
        """What a person said (name, surname, role or misspelling), newest article first.
        `SearchResult.speaker` is the resolved name; empty answers when nobody fits."""
        raise NotImplementedError

    # -- browsing ----------------------------------------------------------------------
    async def articles(
        self, *, guild_id: int | None = None, offset: int = 0, limit: int = 20
    ) -> tuple[list[ArticleSummary], int]:
        """A page of articles, newest first, and the total count."""
        raise NotImplementedError

    async def article(self, article_id: int, *, guild_id: int | None = None) -> ArticleSummary:
        """One article's summary. Raises NotFound (also for another server's article)."""
        raise NotImplementedError

    async def article_text(self, article_id: int, *, guild_id: int | None = None) -> str:
        """One article's body text. Raises NotFound."""
        raise NotImplementedError

    async def speaker_names(self, query: str = "", *, guild_id: int | None = None, limit: int = 25) -> list[str]:
        """Speaker names for autocomplete: fuzzy-ranked by `query`, most quoted first when empty."""
        raise NotImplementedError

    async def find_articles(self, query: str = "", *, guild_id: int | None = None, limit: int = 25) -> list[ArticleRef]:
        """Articles for autocomplete: fuzzy-ranked by title, newest first when empty."""
        raise NotImplementedError

    async def stats(self, *, guild_id: int | None = None) -> Stats:
        """Counts of articles, sentences, speakers and the most-quoted people."""
        raise NotImplementedError

    def export(self, *, guild_id: int | None = None) -> AsyncIterator[dict[str, object]]:
        """One JSON-ready dict per article, with per-sentence attribution."""
        raise NotImplementedError
