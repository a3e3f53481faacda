"""A throwaway PostgreSQL server for the benchmarks: the tests' (tests/pg_server.py: initdb and
pg_ctl on a temporary folder and a free port, as the `postgres` user when run as root), but
durable (fsync and full-page writes on; commits do not wait for the disk, as SQLite's WAL with
synchronous=NORMAL). Everything goes when it stops.

    python bench/pg.py -- python bench/scale.py PATH/squad-dev-v1.1-public.json --db {url}

runs the command with {url} replaced by a fresh, migrated database's URL, then stops the server.
The server keeps PostgreSQL's default settings (128 MB of shared buffers) unless told otherwise
before the `--`, as a tuned server would be:

    python bench/pg.py --set shared_buffers=1GB -- python bench/scale.py ...

bench/bot.py --postgres starts one the same way (`throwaway()`).
"""

from __future__ import annotations

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
def throwaway(settings: dict[str, str] | None = None) -> Iterator[Callable[[], str]]:
    """A running durable server (with `settings`, name -> value, beside the defaults); the
    function it gives makes a fresh archive database (its URL). Raises SystemExit with the
    reason when no server can be started here."""
    try:
        with pg_server.running(durable=True, settings=settings) as server:
            yield lambda: server.url(server.database())
    except pg_server.Unavailable as why:
        raise SystemExit(f"No PostgreSQL server could be started: {why}.") from None


def main(argv: list[str]) -> int:
    settings: dict[str, str] = {}
    while argv[:1] == ["--set"] and len(argv) > 1:
        name, _, value = argv[1].partition("=")
        if not name or not value or not name.replace("_", "").replace(".", "").isalnum():
            sys.exit(f"--set takes NAME=VALUE (a server setting), not {argv[1]!r}.")
        settings[name] = value
        argv = argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv or not any("{url}" in a for a in argv):
        sys.exit(
            "Give a command holding {url}, e.g. python bench/pg.py -- python bench/scale.py F --db {url}"
        )
    with throwaway(settings) as database:
        url = database()
        shown = "".join(f", {k}={v}" for k, v in settings.items())
        print(f"PostgreSQL: throwaway server{shown}, database {url}", flush=True)
        return subprocess.run([a.replace("{url}", url) for a in argv], cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
