"""`archivist migrate FROM TO`: copy a whole archive between backends (a SQLite file and a
PostgreSQL database, either way, or file to file), in batches with a progress bar, then
compare the two archives' row counts.

Every article keeps its id and the time it was added. Each batch is one transaction in TO
and articles already in TO (by id, same text) are skipped, so an interrupted copy run again
copies the rest and duplicates nothing. TO must be empty, or what such a copy left.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import paths
from .core.errors import BadArchive, BadOption
from .core.storage import ArchiveStore, is_postgres, open_store

BATCH = 200  # articles a transaction


@dataclass(slots=True)
class Progress:
    """How far a copy got (for the message when it is interrupted)."""

    total: int = 0
    seen: int = 0
    copied: int = 0
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (FROM, TO)


def _target(value: str, role: str, *, must_exist: bool) -> Path | str:
    """FROM or TO as open_store takes it, checked as `--db` is (a URL is checked on opening)."""
    if is_postgres(value):
        return value
    path = Path(value).expanduser()
    if must_exist and not path.is_file():
        raise BadOption(f"There is no archive file {str(path)!r} to copy from.")
    return paths.check(paths.ArchiveLocation(path, False, role))


async def copy(source: str, target: str, *, batch: int = BATCH, progress: Progress | None = None) -> Progress:
    """Copy every article of `source` into `target`; raise BadArchive when the row counts
    differ afterwards. Returns what was done (`progress`, filled in as it goes)."""
    state = progress if progress is not None else Progress()
    src_name = _target(source, "FROM", must_exist=True)
    dst_name = _target(target, "TO", must_exist=False)
    if paths.display(src_name) == paths.display(dst_name):
        raise BadOption("FROM and TO name the same archive: there is nothing to copy.")
    src = await open_store(src_name)
    try:
        dst = await open_store(dst_name)
        try:
            await _copy(src, dst, batch, state)
        finally:
            await dst.close()
    finally:
        await src.close()
    differ = {t: n for t, n in state.counts.items() if n[0] != n[1]}
    if differ:
        shown = ", ".join(f"{t} {a} in FROM but {b} in TO" for t, (a, b) in differ.items())
        raise BadArchive(f"The copy does not match its source: {shown}.")
    return state


async def _copy(src: ArchiveStore, dst: ArchiveStore, batch: int, state: Progress) -> None:
    if dst.read_only:
        raise BadArchive("The archive to copy into is read-only.")
    state.total = (await src.table_counts())["articles"]
    after = 0
    # tqdm draws on a terminal only (disable=None): a log or a pipe gets the summary alone.
    with tqdm(total=state.total, unit="article", desc="Copying", disable=None, file=sys.stderr) as bar:
        while copies := await src.copy_out(after, batch):
            state.copied += await dst.copy_in(copies)
            state.seen += len(copies)
            after = copies[-1].id
            bar.update(len(copies))
    if state.seen == state.total:
        await dst.reserve_article_ids(await src.last_article_id())
    dst.forget()
    theirs, ours = await src.table_counts(), await dst.table_counts()
    state.counts = {t: (theirs[t], ours.get(t, 0)) for t in theirs}


def _count(n: int, plural: str) -> str:
    singular = plural.removesuffix("es" if plural.endswith("ses") else "s")
    return f"{n} {singular if n == 1 else plural}"


def run(args: argparse.Namespace) -> int:
    """The command: copy, then one line per table (or JSON with --json)."""
    import json

    state = Progress()
    try:
        asyncio.run(copy(args.source, args.target, batch=args.batch, progress=state))
    except KeyboardInterrupt:
        print(
            f"archivist: interrupted; {state.seen} of {state.total} articles were copied or already there"
            " and are kept; run the same migrate again to copy the rest (nothing is copied twice).",
            file=sys.stderr,
        )
        return 130
    counts = {t: a for t, (a, _b) in state.counts.items()}
    skipped = state.seen - state.copied
    if args.json:
        print(json.dumps({"copied": state.copied, "already_there": skipped, "counts": counts}))
    else:
        agree = ", ".join(_count(n, t.replace("_", " ")) for t, n in counts.items())
        print(
            f"Copied {_count(state.copied, 'articles')} ({skipped} already there) into"
            f" {paths.display(args.target)}; the counts agree: {agree}."
        )
    return 0
