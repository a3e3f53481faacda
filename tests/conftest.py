"""Shared fixtures. Bot fixtures: a running Archivist bot against the fake Discord.
Archive fixtures: `backend` runs a test once on SQLite and once on PostgreSQL (a throwaway
server started once per session, tests/pg_server.py), `new_archive` names fresh archives."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from tests import pg_server
from tests.fake_discord.harness import BotHarness, start_bot


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[BotHarness]:
    """The bot, logged in and ready, with two servers (no cooldown, 30 s button timeout)."""
    async with start_bot(tmp_path) as running:
        yield running


_pg_skipped: list[str] = []


@pytest.fixture(scope="session")
def pg() -> Iterator[pg_server.Server]:
    """The session's PostgreSQL server; skipped (failed under ARCHIVIST_REQUIRE_POSTGRES) without one."""
    try:
        with pg_server.running() as server:
            yield server
    except pg_server.Unavailable as why:
        if os.environ.get(pg_server.REQUIRE_ENV, "").strip() not in ("", "0"):
            pytest.fail(f"PostgreSQL is required ({pg_server.REQUIRE_ENV}) but {why}.")
        _pg_skipped.append(f"PostgreSQL tests skipped: {why}.")
        pytest.skip(f"no PostgreSQL: {why}")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line saying why the PostgreSQL tests were skipped, when they were."""
    for line in _pg_skipped[:1]:
        terminalreporter.write_line(line, yellow=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """The storage backend a test runs on, once each."""
    return str(request.param)


@pytest.fixture
def new_archive(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A function naming a fresh, empty archive on this test's backend at each call: a file
    in tmp_path, or a new database on the session's PostgreSQL server (dropped afterwards)."""
    yield from _archives(request, backend, tmp_path)


@pytest.fixture
def new_pg_archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """new_archive for tests of the PostgreSQL archive alone."""
    yield from _archives(request, "postgresql", tmp_path)


def _archives(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Callable[[], str]]:
    made: list[str] = []
    server = request.getfixturevalue("pg") if backend == "postgresql" else None

    def make() -> str:
        if server is None:
            return str(tmp_path / f"archive{len(made)}.db")
        name = server.database()
        made.append(name)
        return server.url(name)

    yield make
    for name in made if server is not None else ():
        server.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
