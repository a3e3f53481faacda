"""The PostgreSQL archive itself: connecting (a pool of asyncpg connections), recognising
the database as Archivist's, bringing its schema up to date (versions kept in
archivist_meta, applied under an advisory lock so processes starting together migrate
once), and checking and rebuilding its full-text columns. A store module: it speaks SQL.
"""

from __future__ import annotations

from importlib import resources
from urllib.parse import urlsplit

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from .errors import BadArchive

Conn = asyncpg.Connection | PoolConnectionProxy

# Version -> script, as for SQLite (store_schema.MIGRATIONS): version 1 is the whole schema.
MIGRATIONS: dict[int, str] = {
    v: resources.files(__package__).joinpath(name).read_text("utf-8")
    for v, name in (
        (1, "pg_schema.sql"),
        (2, "pg_schema_2.sql"),
        (3, "pg_schema_3.sql"),
        (4, "pg_schema_4.sql"),
    )
}
SCHEMA_VERSION = max(MIGRATIONS)
APPLICATION = "archivist"
# Any fixed number: the advisory lock every migration and every write takes.
MIGRATE_LOCK = 0x41726368
WRITE_LOCK = 0x41726369

_TABLES = ("articles", "sentences", "paragraphs", "speakers", "speaker_aliases", "attributions", "lexemes")


def describe(url: str) -> str:
    """host:port/database of a URL, without its password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"postgresql://{host}{port}{parts.path or '/'}"


def _settings(read_only: bool) -> dict[str, str]:
    """The sessions' settings, sent when each connection starts: the pool's RESET ALL, run
    whenever a connection goes back to it, returns to these (a SET would be undone)."""
    settings = {
        # Short statements: JIT compiling one costs more than running it.
        "jit": "off",
        # A search holds the tsvector of every row it finds (at a million sentences a common
        # word finds ~20,000 rows, ~8 MB), which past the default 4 MB goes to a temporary file.
        "work_mem": "64MB",
    }
    if read_only:
        settings["default_transaction_read_only"] = "on"
    return settings


async def connect(url: str, *, read_only: bool, size: int = 4) -> asyncpg.Pool:
    """A pool of connections to the database at `url`; BadArchive when it cannot be reached."""
    try:
        pool = await asyncpg.create_pool(
            url,
            min_size=1,
            max_size=size,
            server_settings=_settings(read_only),
            command_timeout=60,
        )
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as err:
        raise BadArchive(f"The PostgreSQL archive at {describe(url)} cannot be opened ({err}).") from None
    assert pool is not None
    return pool


async def migrate(pool: asyncpg.Pool, url: str, *, read_only: bool) -> None:
    """Refuse databases that are another program's, then apply the missing versions."""
    async with pool.acquire() as conn:
        version = await _version(conn, url)
        if version > SCHEMA_VERSION:
            raise BadArchive(
                f"This archive was written by a newer Archivist (schema {version},"
                f" this one knows {SCHEMA_VERSION})."
            )
        if version == SCHEMA_VERSION:
            return
        if read_only:
            raise BadArchive(f"{describe(url)} is read-only and needs upgrading (or creating) first.")
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATE_LOCK)
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS archivist_meta (key text PRIMARY KEY, value text NOT NULL)"
            )
            version = await _version(conn, url)  # another process may have migrated meanwhile
            for target in range(version + 1, SCHEMA_VERSION + 1):
                await conn.execute(MIGRATIONS[target])
            await conn.execute(
                "INSERT INTO archivist_meta (key, value) VALUES ('application', $1), ('schema_version', $2)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                APPLICATION,
                str(SCHEMA_VERSION),
            )


async def _version(conn: Conn, url: str) -> int:
    """The schema version recorded (0: an empty database); BadArchive for another program's."""
    tables = {
        r[0] for r in await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    }
    if "archivist_meta" not in tables:
        if tables:
            raise BadArchive(f"{describe(url)} is another program's database, not an Archivist archive.")
        return 0
    rows = {r[0]: r[1] for r in await conn.fetch("SELECT key, value FROM archivist_meta")}
    if rows.get("application") != APPLICATION:
        if not rows and tables == {"archivist_meta"}:
            return 0  # a migration that never committed its tables
        raise BadArchive(f"{describe(url)} is another program's database, not an Archivist archive.")
    return int(rows.get("schema_version", "0"))


async def check(pool: asyncpg.Pool) -> list[str]:
    """What is inconsistent between the rows and what indexes them ([]: nothing): each
    index's row and word counts, and the lexeme counts of a sample of terms."""
    problems: list[str] = []
    async with pool.acquire() as conn:
        counters = {r[0]: r[1] for r in await conn.fetch("SELECT name, value FROM counters")}
        actual = {
            "sentences": await conn.fetchval("SELECT count(*) FROM sentences"),
            "sentence_words": await conn.fetchval("SELECT coalesce(sum(ntok), 0) FROM sentences"),
            "paragraphs": await conn.fetchval("SELECT count(*) FROM paragraphs"),
            "paragraph_words": await conn.fetchval("SELECT coalesce(sum(ntok), 0) FROM paragraphs"),
            "quotes": await conn.fetchval("SELECT count(*) FROM attributions"),
            "quote_words": await conn.fetchval("SELECT coalesce(sum(ntok), 0) FROM attributions"),
        }
        for name, value in actual.items():
            if counters.get(name) != value:
                problems.append(f"counters: {name} is {counters.get(name)}, the rows hold {value}")
        expected = ("SELECT count(*) FROM (SELECT DISTINCT article_id, paragraph FROM sentences) p",)
        paragraphs = await conn.fetchval(expected[0])
        if paragraphs != actual["paragraphs"]:
            problems.append(f"paragraphs: {actual['paragraphs']} indexed, the sentences make {paragraphs}")
        wrong = await conn.fetch(
            "WITH sample AS (SELECT term, sentences FROM lexemes ORDER BY sentences DESC, term LIMIT 20)"
            " SELECT term, sentences, (SELECT count(*) FROM sentences s"
            "   WHERE s.tsv @@ to_tsquery('simple', quote_literal(term))) AS n"
            " FROM sample"
        )
        problems += [
            f"lexemes: {r['term']!r} counted in {r['sentences']}, held by {r['n']}"
            for r in wrong
            if r[1] != r[2]
        ]
    return problems


def table_names() -> tuple[str, ...]:
    """The archive's tables (for counts and for copying)."""
    return _TABLES
