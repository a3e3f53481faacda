"""The archive file itself: opening it (read-write or read-only), recognising it as
Archivist's (PRAGMA application_id), bringing its schema up to date (PRAGMA user_version),
and checking and rebuilding its full-text indexes. A store module: it speaks SQL.
"""

from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import aiosqlite

from .errors import BadArchive

# Version -> script. Version 1 is the whole schema; later versions add to it.
MIGRATIONS: dict[int, str] = {
    v: resources.files(__package__).joinpath(name).read_text("utf-8")
    for v, name in ((1, "schema.sql"), (2, "schema_2.sql"), (3, "schema_3.sql"), (4, "schema_4.sql"))
}
SCHEMA_VERSION = max(MIGRATIONS)

# "Arch" in ASCII: marks a file as an Archivist archive (PRAGMA application_id), so another
# program's SQLite file is refused instead of being given our tables.
APPLICATION_ID = 0x41726368
# Tables an unmarked archive from before version 3 must hold to be taken for ours.
_OUR_TABLES = frozenset({"articles", "sentences", "speakers", "speaker_aliases", "attributions"})

# FTS5 indexes, and whether each has content to check against and rebuild from.
# paragraphs_fts is contentless: its check is of the index alone, its rebuild done by hand.
FTS_INDEXES = {"sentences_fts": True, "paragraphs_fts": False, "quotes_fts": True, "titles_fts": True}
_PARAGRAPHS_FILL = """
    INSERT INTO paragraphs_fts (rowid, text)
    SELECT min(id), group_concat(text, ' ')
    FROM (SELECT id, article_id, paragraph, text FROM sentences ORDER BY article_id, idx)
    GROUP BY article_id, paragraph"""


def writable(path: Path) -> bool:
    """Whether this process may change the archive: the file and its folder (SQLite writes its
    journal files beside it) are writable, or it does not exist yet."""
    if not path.exists():
        return True
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


async def connect(path: Path, *, read_only: bool = False) -> aiosqlite.Connection:
    """One connection, set up as every Archivist connection is."""
    try:
        if read_only:
            # immutable when every commit is in the main file (no WAL left beside it): a
            # read-only folder cannot take the WAL's shared-memory file. A WAL left by a
            # writer that did not close holds commits, so then it is read (mode=ro alone).
            wal = path.with_name(path.name + "-wal")
            whole = not wal.exists() or wal.stat().st_size == 0
            uri = f"file:{quote(str(path.resolve()))}?mode=ro" + ("&immutable=1" if whole else "")
            db = await aiosqlite.connect(uri, uri=True, isolation_level=None)
        else:
            db = await aiosqlite.connect(str(path), isolation_level=None)
    except sqlite3.Error as err:
        raise BadArchive(f"{path} cannot be opened ({err}).") from err
    try:
        # journal_mode = WAL changes the file: migrate() sets it once the file is known to be ours.
        await db.execute("PRAGMA synchronous = NORMAL")
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute("PRAGMA busy_timeout = 5000")
        await db.execute("PRAGMA cache_size = -65536")  # 64 MB page cache
    except sqlite3.DatabaseError as err:
        await db.close()
        raise BadArchive(f"{path} cannot be used as an archive ({err}).") from err
    return db


async def _value(db: aiosqlite.Connection, sql: str) -> int:
    rows = list(await db.execute_fetchall(sql))  # every row read: no statement left running
    return int(rows[0][0]) if rows else 0


async def migrate(db: aiosqlite.Connection, path: Path, *, read_only: bool = False) -> None:
    """Refuse files that are not Archivist's, then apply the missing schema versions."""
    app_id = await _value(db, "PRAGMA application_id")
    version = await _value(db, "PRAGMA user_version")
    tables = {
        row[0] for row in await db.execute_fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    ours = app_id == APPLICATION_ID or (
        app_id == 0 and ((version == 0 and not tables) or (version > 0 and tables >= _OUR_TABLES))
    )
    if not ours:
        raise BadArchive(f"{path} is another program's database, not an Archivist archive.")
    if version > SCHEMA_VERSION:
        raise BadArchive(
            f"This archive was written by a newer Archivist (schema {version},"
            f" this one knows {SCHEMA_VERSION})."
        )
    if not read_only:
        await db.execute_fetchall("PRAGMA journal_mode = WAL")  # read its row: no statement left running
    if version == SCHEMA_VERSION and app_id == APPLICATION_ID:
        return
    if read_only:
        raise BadArchive(
            f"{path} is read-only and was written by an older Archivist: it needs upgrading first."
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        # One transaction a version, its bump (and at the end the mark) inside it.
        mark = f"PRAGMA application_id = {APPLICATION_ID};" if target == SCHEMA_VERSION else ""
        await db.executescript(
            f"BEGIN;\n{MIGRATIONS[target]}\nPRAGMA user_version = {target};\n{mark}\nCOMMIT;"
        )
    if version == SCHEMA_VERSION:  # already current, only unmarked
        await db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


async def check(db: aiosqlite.Connection, *, indexes: bool = True) -> list[str]:
    """Problems found by PRAGMA integrity_check and (with `indexes`) each FTS5 index's own
    integrity check, against its content where it has one; [] when all is well. (FTS5 runs
    its check as an INSERT, which a read-only connection refuses.)"""
    problems: list[str] = []
    async with db.execute("PRAGMA integrity_check") as cur:
        problems += [row[0] for row in await cur.fetchall() if row[0] != "ok"]
    for fts, has_content in FTS_INDEXES.items() if indexes else ():
        try:
            await db.execute(
                f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', ?)", (int(has_content),)
            )
        except sqlite3.DatabaseError as err:
            problems.append(f"{fts}: {err}")
    return problems


async def rebuild(db: aiosqlite.Connection) -> None:
    """Rebuild every full-text index from the rows it indexes, in one transaction."""
    await db.execute("BEGIN IMMEDIATE")
    try:
        for fts, has_content in FTS_INDEXES.items():
            if has_content:
                await db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
            else:
                await db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('delete-all')")
        await db.execute(_PARAGRAPHS_FILL)
        await db.execute("COMMIT")
    except BaseException:
        await db.execute("ROLLBACK")
        raise
