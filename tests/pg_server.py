"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl on a temporary folder and a
free port on 127.0.0.1, started once per test session; each test gets a fresh database
copied from a template that is already migrated (CREATE DATABASE ... TEMPLATE is fast).

PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user (runuser).
Without PostgreSQL the tests that need it are skipped with one line saying why, unless
ARCHIVIST_REQUIRE_POSTGRES is set (CI sets it), when that is a failure.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import pwd
import queue
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REQUIRE_ENV = "ARCHIVIST_REQUIRE_POSTGRES"
BINDIR_ENV = "ARCHIVIST_PG_BINDIR"
AHEAD = 3  # databases kept ready
TEMPLATE = "archivist_template"
_counter = itertools.count(1)


class Unavailable(Exception):
    """Why no PostgreSQL server can be started here (one sentence)."""


def _bindir() -> Path:
    """The folder of initdb and pg_ctl: ARCHIVIST_PG_BINDIR's, else pg_config's, PATH's or
    Debian's (one per version)."""
    if chosen := os.environ.get(BINDIR_ENV, "").strip():
        if (Path(chosen) / "initdb").exists() and (Path(chosen) / "pg_ctl").exists():
            return Path(chosen)
        raise Unavailable(f"{BINDIR_ENV} names {chosen}, which holds no initdb and pg_ctl")
    candidates: list[Path] = []
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout
        candidates.append(Path(out.strip()))
    except (OSError, subprocess.CalledProcessError):
        pass
    if found := shutil.which("initdb"):
        candidates.append(Path(found).parent)
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    raise Unavailable("PostgreSQL is not installed here (no initdb and pg_ctl found)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """One running server; `database()` makes a fresh archive database and gives its URL."""

    def __init__(self, bindir: Path, folder: Path, port: int, as_user: list[str]) -> None:
        self.bindir, self.folder, self.port, self._as = bindir, folder, port, as_user
        # Databases made ahead on a thread while tests run: each CREATE DATABASE takes a
        # few hundred milliseconds, most of it waiting on the disk.
        self._ready: queue.Queue[str | BaseException] = queue.Queue(maxsize=AHEAD)
        self._stop = threading.Event()
        self._maker: threading.Thread | None = None

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, text=True, cwd=self.folder)

    def url(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        self._run(
            str(self.bindir / "psql"),
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            self.url(database),
            "-c",
            statement,
        )

    def database(self) -> str:
        """A fresh database, already migrated (a copy of the template)."""
        if self._maker is None:
            self._maker = threading.Thread(target=self._make_ahead, daemon=True)
            self._maker.start()
        got = self._ready.get(timeout=60)
        if isinstance(got, BaseException):
            raise got
        return got

    def _make_ahead(self) -> None:
        while not self._stop.is_set():
            name = f"test_{os.getpid()}_{next(_counter)}"
            try:
                self.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
                item: str | BaseException = name
            except BaseException as err:  # noqa: BLE001 - handed to the test that waits
                item = err
            while not self._stop.is_set():
                try:
                    self._ready.put(item, timeout=0.2)
                    break
                except queue.Full:
                    continue

    def stop_making(self) -> None:
        self._stop.set()
        if self._maker is not None:
            self._maker.join(timeout=10)


@contextmanager
def running(
    *, durable: bool = False, settings: dict[str, str] | None = None, keep: Path | None = None
) -> Iterator[Server]:
    """Start a server (raising Unavailable when none can run here), stop it afterwards.
    `durable` (benchmarks): fsync and full-page writes on, as a real server runs; commits
    still do not wait for the disk (synchronous_commit off), like SQLite's WAL with
    synchronous=NORMAL, which the SQLite store uses, so the two are timed alike. `settings`:
    more server settings (name -> value, e.g. shared_buffers), for benchmarks. `keep`
    (benchmarks): the server's folder, kept when it stops and started again if it holds one,
    so a big archive can be queried again without building it anew."""
    bindir = _bindir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no postgres user to run the server as") from None
        runuser = shutil.which("runuser")
        if not runuser:
            raise Unavailable("running as root and runuser is missing (the server refuses to run as root)")
        as_user = [runuser, "-u", "postgres", "--"]
    folder = keep or Path(tempfile.mkdtemp(prefix="archivist-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o777)
    existing = keep is not None and (folder / "data" / "PG_VERSION").exists()
    port = _free_port()
    server = Server(bindir, folder, port, as_user)
    data = folder / "data"
    try:
        try:
            if not existing:
                server._run(
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync",
                )
            # Durability is not what these tests are about: without it the server is faster.
            options = f"-p {port} -h 127.0.0.1 -k {folder} -c synchronous_commit=off"
            if not durable:
                options += " -c fsync=off -c full_page_writes=off"
            for name, value in (settings or {}).items():
                options += f" -c {name}={value}"
            server._run(
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-o",
                options,
                "start",
            )
        except subprocess.CalledProcessError as err:
            raise Unavailable(
                f"PostgreSQL did not start ({(err.stderr or err.stdout or '').strip()[:200]})"
            ) from None
        try:
            if not existing:
                server.sql(f"CREATE DATABASE {TEMPLATE}")
            asyncio.run(_migrate(server.url(TEMPLATE)))
            yield server
        finally:
            server.stop_making()
            # A kept server shuts down cleanly, so its next start needs no recovery.
            mode = "fast" if keep else "immediate"
            subprocess.run(
                [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", mode, "stop"],
                capture_output=True,
                cwd=folder,
            )
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


async def _migrate(url: str) -> None:
    from bot.core.store_pg import PgStore

    store = await PgStore.open(url)
    await store.close()
