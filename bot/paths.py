"""Where the archive lives: one answer for the command line and the bot.

`--db`, else ARCHIVIST_DB, else `archive.db` in the user's data folder (platformdirs), so
that `archivist articles` run from any folder finds the same archive. A path someone
chose must point into a folder that exists: a typo is refused, not silently created.
A postgresql:// URL names a PostgreSQL archive instead (see core.storage).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .core.errors import BadArchivePath
from .core.storage import is_postgres
from .core.store_pg_schema import describe

DB_ENV = "ARCHIVIST_DB"
SEEDS_ENV = "ARCHIVIST_SEEDS"


def default_db() -> Path:
    """The archive used when neither --db nor ARCHIVIST_DB names one."""
    return platformdirs.user_data_path("archivist", appauthor=False) / "archive.db"


@dataclass(frozen=True, slots=True)
class ArchiveLocation:
    """The archive (a file path, or a postgresql:// URL), whether it is the default one,
    and where the choice came from."""

    path: Path | str
    is_default: bool
    origin: str  # "--db", "ARCHIVIST_DB" or "default", for messages

    @property
    def shown(self) -> str:
        """The archive as messages name it (a URL without its password)."""
        return display(self.path)


def display(target: Path | str) -> str:
    """An archive's name for messages: a path, or a URL without its password."""
    return describe(target) if isinstance(target, str) and is_postgres(target) else str(target)


def local_file(url: str, suffix: str) -> Path:
    """A file of this machine's own about a PostgreSQL archive (its state beside a SQLite
    file goes here): in the user's data folder, named after the server and database."""
    name = "".join(c if c.isalnum() else "-" for c in describe(url).removeprefix("postgresql://"))
    return platformdirs.user_data_path("archivist", appauthor=False) / f"pg-{name}{suffix}"


def _named(value: str, origin: str) -> ArchiveLocation:
    return ArchiveLocation(value if is_postgres(value) else Path(value).expanduser(), False, origin)


def locate(cli_value: str | None = None) -> ArchiveLocation:
    """`--db`, else ARCHIVIST_DB, else default_db(); not yet checked (see check)."""
    if cli_value:
        return _named(cli_value, "--db")
    if env := os.environ.get(DB_ENV, "").strip():
        return _named(env, DB_ENV)
    return ArchiveLocation(default_db(), True, "default")


def check(location: ArchiveLocation) -> Path | str:
    """The archive path if it can be opened or created (a URL as it is: the server is asked
    when it is opened); else BadArchivePath with one sentence.

    The default archive's folder is created; a chosen path's folder must already exist."""
    path = location.path
    if isinstance(path, str):
        return path
    named = f"{location.origin} names" if not location.is_default else "The default archive is"
    if path.is_dir():
        raise BadArchivePath(
            f"{named} {path}, which is a folder; name the archive file instead, e.g. {path / 'archive.db'}."
        )
    folder = path.parent
    if location.is_default:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise BadArchivePath(
                f"The archive folder {folder} cannot be created ({err.strerror or err}); "
                f"set {DB_ENV} to a file in a folder you can write."
            ) from None
    if not folder.exists():
        raise BadArchivePath(
            f"{named} {path}, but the folder {folder} does not exist; create it first or fix the path."
        )
    if not folder.is_dir():
        raise BadArchivePath(f"{named} {path}, but {folder} is a file, not a folder.")
    if not path.exists() and not _can_create_in(folder):
        raise BadArchivePath(f"{named} {path}, but the folder {folder} is not writable.")
    return path


def _can_create_in(folder: Path) -> bool:
    # Trying is the only sure test: os.access says yes to root on a read-only file system.
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False
