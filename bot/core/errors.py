"""Domain errors. Each carries one sentence fit to show a user; the CLI and the bot
map them to messages in one place. Ordinary misses (no match) are not errors."""

from __future__ import annotations


class ArchiveError(Exception):
    """Base: `str(error)` is one clear sentence for the user."""


class NotFound(ArchiveError):
    """An article or speaker that does not exist (or is not visible here)."""


class Duplicate(ArchiveError):
    """The same article (same normalised text) is already stored."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class BadArticle(ArchiveError):
    """Input that cannot be read as an article: empty, binary, undecodable, no text."""


class TooLarge(ArchiveError):
    """Input over the size cap."""


class BadQuery(ArchiveError):
    """A question that cannot be asked: empty, or nothing searchable in it."""


class FetchError(ArchiveError):
    """A URL that could not be fetched safely (refused address, timeout, wrong type)."""


class Forbidden(ArchiveError):
    """The caller may not change this article (another server's, or a seed)."""


class BadArchive(ArchiveError):
    """The archive file cannot be used: not SQLite, damaged, or from a newer version."""


class BadArchivePath(BadArchive):
    """The archive's path cannot be used: a folder, a folder that does not exist, not writable."""


class BadOption(ArchiveError):
    """A command-line value out of range (`-n 0`, `--page 0`) or a command that needs confirming."""


class BadFeed(ArchiveError):
    """A link that is not an RSS or Atom feed, or a feed that cannot be followed here."""
