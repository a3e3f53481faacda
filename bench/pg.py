"""A throwaway PostgreSQL server for the benchmarks: the tests' (tests/pg_server.py: initdb and
pg_ctl on a temporary folder and a free port, as the `postgres` user when run as root), but
durable (fsync and full-page writes on; commits do not wait for the disk, as SQLite's WAL with
synchronous=NORMAL). Everything goes when it stops.

    python bench/pg.py -- python bench/scale.py PATH/squad-dev-v1.1-public.json --db {url}

runs the command with {url} replaced by a fresh, migrated database's URL, then stops the server.
The server keeps PostgreSQL's default settings (128 MB of shared buffers) unless told otherwise
before the `--`, as a tuned server would be:

    python bench/pg.py --set shared_buffers=1GB -- python bench/scale.py ...

To query a big archive again without building it anew, keep the server's folder (its data
and log) and name the database: the first run creates both, a later one with the same folder
starts that server again and finds the database (scale.py --reuse queries it):

    python bench/pg.py --keep /tmp/pg-1m --database scale -- \
        python bench/scale.py F --db {url} --sqlite /tmp/1m.db [--reuse]

bench/bot.py --postgres starts one the same way (`throwaway()`).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_HERE = Path(__file__).resolve().parent
ROOT = _HERE.parent
# bench/ holds a bot.py of its own: keep the script's folder off sys.path so `bot` is the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import pg_server  # noqa: E402


@contextmanager
def throwaway(
    settings: dict[str, str] | None = None, keep: Path | None = None, database: str | None = None
) -> Iterator[Callable[[], str]]:
    """A running durable server (with `settings`, name -> value, beside the defaults; in the
    folder `keep`, kept afterwards, if given); the function it gives makes a fresh archive
    database (its URL), or with `database` that one, made the first time. Raises SystemExit
    with the reason when no server can be started here."""
    try:
        with pg_server.running(durable=True, settings=settings, keep=keep) as server:
            if database is None:
                yield lambda: server.url(server.database())
                return

            def named() -> str:
                with contextlib.suppress(subprocess.CalledProcessError):  # it exists already
                    server.sql(f"CREATE DATABASE {database} TEMPLATE {pg_server.TEMPLATE}")
                return server.url(database)

            yield named
    except pg_server.Unavailable as why:
        raise SystemExit(f"No PostgreSQL server could be started: {why}.") from None


def main(argv: list[str]) -> int:
    settings: dict[str, str] = {}
    keep: Path | None = None
    database: str | None = None
    while argv[:1] in (["--set"], ["--keep"], ["--database"]) and len(argv) > 1:
        option, given = argv[0], argv[1]
        argv = argv[2:]
        if option == "--keep":
            keep = Path(given).resolve()
            continue
        if option == "--database":
            if not given.isidentifier() or given != given.lower():
                sys.exit(f"--database takes a lower-case name, not {given!r}.")
            database = given
            continue
        name, _, value = given.partition("=")
        if not name or not value or not name.replace("_", "").replace(".", "").isalnum():
            sys.exit(f"--set takes NAME=VALUE (a server setting), not {given!r}.")
        settings[name] = value
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv or not any("{url}" in a for a in argv):
        sys.exit(
            "Give a command holding {url}, e.g. python bench/pg.py -- python bench/scale.py F --db {url}"
        )
    with throwaway(settings, keep, database) as make:
        url = make()
        shown = "".join(f", {k}={v}" for k, v in settings.items())
        kind = f"server kept in {keep}" if keep else "throwaway server"
        print(f"PostgreSQL: {kind}{shown}, database {url}", flush=True)
        return subprocess.run([a.replace("{url}", url) for a in argv], cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
