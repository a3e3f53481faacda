"""Command line: `archivist COMMAND`; see `archivist --help` for the commands (verify among them).

Every job the bot does also works here, offline, on the same archive file. Errors are
one sentence on stderr and a non-zero exit; `--json` prints machine-readable output.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import os
import re
import sys
import textwrap
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from . import cli_feeds, config, paths
from .core.archive import SEED_SUFFIXES, Archive, article_files
from .core.errors import ArchiveError, BadArticle, BadOption
from .core.models import Answer, ArticleSummary, SearchResult, VerifyResult

log = logging.getLogger("archivist")

EXIT_ERROR = 1
EXIT_UNEXPECTED = 2
EXIT_INTERRUPTED = 130
PAGE_SIZE = 20
SUFFIXES = ", ".join(sorted(SEED_SUFFIXES))


def _parser() -> argparse.ArgumentParser:
    def options(suppress: bool) -> argparse.ArgumentParser:
        # The same options before or after the command; after it, an option left out
        # must not overwrite one given before it (hence SUPPRESS on the subcommands).
        p = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS if suppress else None)
        p.add_argument(
            "--db",
            help=f"archive file or postgresql:// URL (default: ${paths.DB_ENV}, else {paths.default_db()})",
        )
        p.add_argument("--json", action="store_true", help="print JSON")
        p.add_argument("-v", "--verbose", action="store_true", help="log details (and tracebacks) to stderr")
        return p

    common = options(suppress=True)
    here = paths.locate()
    parser = argparse.ArgumentParser(
        prog="archivist",
        description="Answer questions over an archive of articles and say who said what.",
        epilog=f"The archive: {here.shown}" + (f" (from {here.origin})." if not here.is_default else "."),
        # Raw, so that argparse does not break the archive's path at a hyphen.
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[options(suppress=False)],
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_, description=help_, parents=[common])

    p = add("ask", "the passage that best answers a question ('-': one question a line from stdin)")
    p.add_argument("question")
    p.add_argument("-n", "--limit", type=int, default=3)
    p = add("who", "who said something like this ('-': one fragment a line from stdin)")
    p.add_argument("quote")
    p.add_argument("-n", "--limit", type=int, default=3)
    p = add("said", "what a person said: name, surname, role or misspelling ('-': stdin)")
    p.add_argument("person")
    p.add_argument("-n", "--limit", type=int, default=25)
    p = add("verify", "did PERSON (or anyone) really say this? the closest wording, its match and a verdict")
    p.add_argument("quote")
    p.add_argument(
        "--by", metavar="PERSON", help="who is said to have said it: name, surname, role or misspelling"
    )
    p = add("add", "add an article from a file, a URL, or '-' for stdin")
    p.add_argument("source")
    p.add_argument("--title", help="use this title instead of the one found")
    p.add_argument("--date", help="use this date instead of the one found")
    p = add("import", "add every .txt/.md/.html file of a folder and its subfolders")
    p.add_argument("folder")
    p = add("articles", f"list the articles, {PAGE_SIZE} a page, and say where the archive is")
    p.add_argument("--page", type=int, default=1)
    p = add("article", "show one article")
    p.add_argument("id", type=int)
    p = add("remove", "remove an article (asks first; --yes to skip asking)")
    p.add_argument("id", type=int)
    p.add_argument("-y", "--yes", action="store_true", help="remove without asking")
    add("stats", "how many articles, sentences and speakers, and the most-quoted people")
    p = add("speakers", "the people quoted, most quoted first (or those whose name is like NAME)")
    p.add_argument("name", nargs="?", default="")
    p.add_argument("-n", "--limit", type=int, default=None)
    add("export", "every article with per-sentence attribution (--json: one object a line)")
    add("run", "start the Discord bot (needs DISCORD_TOKEN)")
    add("check", "check the archive file and its full-text indexes (exit 1 when something is wrong)")
    add("rebuild", "rebuild the full-text indexes from the archive's rows")
    add("sync", "register the bot's slash commands with Discord now (run does when they changed)")
    cli_feeds.add_commands(add)
    p = add("migrate", "copy a whole archive from FROM to TO (files or postgresql:// URLs), ids kept")
    p.add_argument("source", metavar="FROM")
    p.add_argument("target", metavar="TO")
    p.add_argument("--batch", type=int, default=200, help="articles a transaction (default 200)")
    return parser


def _print_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False))


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)


def _show_answer(answer: Answer, n: int) -> None:
    print(f"{n}. \u201c{answer.text}\u201d")
    if answer.speaker:
        role = f", {answer.speaker_role}" if answer.speaker_role else ""
        how = ", ".join(x for x in (answer.kind, answer.cue) if x)
        if answer.kind == "described":
            how = "not quoted: the article says this of them"
        print(f"   \u2014 {answer.speaker}{role}" + (f" ({how})" if how else ""))
    if answer.context_before or answer.context_after:
        print(_wrap("Context: " + answer.context, "   "))
    print(f"   Article #{answer.article.id}: {answer.article.citation}")


def _show_result(result: SearchResult, kind: str) -> None:
    if result.speaker:
        print(f"{result.speaker}:")
    if result.did_you_mean:
        shown = f"showing {result.speaker}" if kind == "said" else "the closest first"
        print(f"Did you mean: {', '.join(result.did_you_mean)}? (they fit too; {shown})")
    if result.answers:
        for n, answer in enumerate(result.answers, 1):
            _show_answer(answer, n)
        return
    nothing = {
        "ask": "Nothing in the archive answers that well.",
        "who": "I found no attributed statement like that.",
        "said": "I know nobody by that name in the archive.",
    }[kind]
    print(nothing)
    if result.suggestions:
        print("The closest passages:")
        for n, answer in enumerate(result.suggestions, 1):
            _show_answer(answer, n)


def verdict_line(result: VerifyResult) -> str:
    """The verdict as a sentence: what a person asking "did X really say this?" wants first."""
    found = result.answers[0].speaker if result.answers else None
    who = result.person or "anyone"
    if result.negated:
        return f"Not in the archive: {found} said the opposite (the wording differs by a negation)."
    return {
        "verbatim": f"Verbatim: {found} said these words.",
        "paraphrase": f"Close paraphrase: {found} said nearly this.",
        "reworded": f"Different words, same speaker: {found} made this point in other words.",
        "misattributed": f"Said by someone else: {found}, not {result.person or 'the person named'}.",
        "not_found": f"Not in the archive: nothing like this is attributed to {who}.",
    }[result.verdict]


def _show_verify(result: VerifyResult, by: str | None = None) -> None:
    if by and not result.person:
        print(f"I know nobody called {by!r} in the archive.")
    print(f"{verdict_line(result)} (match {round(result.match)}%)")
    if result.answers:
        print(_wrap("Closest wording: " + result.marked, ""))
        _show_answer(result.answers[0], 1)
    if result.did_you_mean:
        print(f"Did you mean: {', '.join(result.did_you_mean)}? (they fit the name too)")


def _show_summary(summary: ArticleSummary, verb: str = "") -> None:
    ref = summary.ref
    print(f"{verb}#{ref.id}: {ref.citation}")
    speakers = ", ".join(summary.speakers) or "none found"
    print(f"   {_count(summary.sentences, 'sentence')}; speakers: {speakers}")


def _summary_json(summary: ArticleSummary) -> dict[str, object]:
    ref = summary.ref
    return {
        "id": ref.id,
        "title": ref.title,
        "date": ref.date,
        "source": ref.source,
        "author": summary.author,
        "sentences": summary.sentences,
        "speakers": list(summary.speakers),
    }


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        raise BadOption(f"-n/--limit must be a whole number of at least 1; {limit} is not.")


async def _query(args: argparse.Namespace, archive: Archive, kind: str, value: str) -> int:
    method: Callable[..., Awaitable[SearchResult]] = getattr(archive, kind)
    if value != "-":
        result = await method(value, limit=args.limit)
        _print_json(result.to_json()) if args.json else _show_result(result, kind)
        return 0
    # Batch: one query a line in, one JSON object a line out, so outputs line up with
    # inputs; a bad (or blank) line is reported in its own object and the batch goes on.
    for line in sys.stdin:
        line = line.rstrip("\r\n")
        try:
            _print_json((await method(line, limit=args.limit)).to_json())
        except ArchiveError as err:
            _print_json({"query": line, "answers": [], "error": str(err)})
    return 0


# "www.example.com/story", "example.org/news/1": a web address without its scheme.
_HOST_RE = re.compile(r"^(?:www\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?/)", re.I)
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.I)


async def _read_source(source: str) -> tuple[bytes, dict[str, Any]]:
    """Bytes and parse hints from a file path, a URL or stdin."""
    if source == "-":
        return sys.stdin.buffer.read(), {"name": None, "source": None}
    scheme = _SCHEME_RE.match(source)
    if scheme and scheme[1].lower() in ("http", "https"):
        from .core.fetch import fetch_url

        allow_private = os.environ.get("ARCHIVIST_ALLOW_PRIVATE_URLS", "") == "1"
        page = await fetch_url(source, allow_private=allow_private)
        return page.body, {"source": page.url, "content_type": page.content_type, "charset": page.charset}
    if scheme:
        raise BadArticle(f"Only http:// and https:// links can be added; {scheme[1]}:// links cannot.")
    path = Path(source)
    if path.is_dir():
        raise BadArticle(f"{source} is a folder; to add every article in it, use: archivist import {source}")
    if not path.is_file():
        if _HOST_RE.match(source) and PurePath(source.split("/")[0]).suffix.lower() not in SEED_SUFFIXES:
            raise BadArticle(f"{source} looks like a web address; write it with its scheme: https://{source}")
        raise BadArticle(f"There is no file {source!r}.")
    from .core.errors import TooLarge
    from .core.ingest import MAX_BYTES

    size = path.stat().st_size
    if size > MAX_BYTES:
        raise TooLarge(
            f"{source} is {size / 1e6:.1f} MB; articles are limited to {MAX_BYTES // 1_000_000} MB."
        )
    try:
        return path.read_bytes(), {"name": path.name}
    except OSError as err:
        raise BadArticle(f"{source} cannot be read ({err.strerror or err}).") from None


@dataclass
class _ImportState:
    """How far an import got, for the message when it is interrupted."""

    total: int = 0
    done: int = 0
    stored: int = 0
    bar: Any = None

    def progress(self, done: int, stored: int) -> None:
        if self.bar is not None:
            self.bar.update(done - self.done)
        self.done, self.stored = done, stored


@dataclass
class _Session:
    """What main() needs to know about a run after it ends or is interrupted."""

    importing: _ImportState | None = None
    notes: list[str] = field(default_factory=list)


def _import_files(folder: str) -> tuple[list[Path], list[Path]]:
    """(article files, other files) under a folder given to `import`; refuses a file or nothing."""
    path = Path(folder)
    if path.is_file():
        raise BadArticle(f"{folder} is a file; to add one article, use: archivist add {folder}")
    if not path.is_dir():
        raise BadArticle(f"There is no folder {folder!r}.")
    files = article_files(path)
    wanted = set(files)
    others = sorted(
        p
        for p in path.rglob("*")
        if p.is_file() and p not in wanted and not any(x.startswith(".") for x in p.relative_to(path).parts)
    )
    if not files:
        raise BadArticle(f"There are no {SUFFIXES} files in {folder}, nor in its subfolders.")
    return files, others


def _seeds_for(location: paths.ArchiveLocation) -> Path | None:
    """Seed only a new default archive, or a new one when ARCHIVIST_SEEDS asks for it:
    an archive someone named should not fill up with articles they did not add."""
    if location.is_default or os.environ.get(paths.SEEDS_ENV, "").strip():
        return config.seeds_dir()
    return None


async def _open(args: argparse.Namespace, session: _Session) -> Archive:
    location = paths.locate(args.db)
    db = paths.check(location)
    # A PostgreSQL archive is seeded (when ARCHIVIST_SEEDS asks) only while it is empty.
    new = isinstance(db, Path) and not db.exists()
    seeds = _seeds_for(location) if new or isinstance(db, str) else None
    if seeds is not None and not seeds.is_dir():
        # Checked before the file exists: a half-made archive would never be seeded later.
        raise BadOption(f"{paths.SEEDS_ENV} names {seeds}, which is not a folder; nothing was created.")
    archive = await Archive.open(db, seeds=seeds)
    if new:
        count = (await archive.stats()).articles
        if count:
            noun = "article" if count == 1 else "articles"
            session.notes.append(f"created a new archive at {db} with {count} starter {noun} from {seeds}.")
        else:
            session.notes.append(f"created a new, empty archive at {db}.")
    return archive


def _confirm_remove(summary: ArticleSummary) -> bool:
    print(f"Remove #{summary.ref.id}: {summary.ref.citation}? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


async def _run(args: argparse.Namespace, session: _Session) -> int:
    cmd = args.command
    # Bad input is refused before the archive is opened (or created): nothing to undo.
    _check_limit(getattr(args, "limit", None))
    raw: bytes = b""
    hints: dict[str, Any] = {}
    files: list[Path] = []
    if cmd == "add":
        raw, hints = await _read_source(args.source)
    elif cmd == "import":
        files, others = _import_files(args.folder)
        if others:
            shown = ", ".join(str(p.relative_to(args.folder)) for p in others[:5])
            more = f" and {len(others) - 5} more" if len(others) > 5 else ""
            verb = "is" if len(others) == 1 else "are"
            session.notes.append(
                f"left out {_count(len(others), 'file')} that {verb} not {SUFFIXES}: {shown}{more}."
            )
    elif cmd == "articles" and args.page < 1:
        raise BadOption(f"--page must be 1 or more; {args.page} is not a page.")
    elif cmd in cli_feeds.COMMANDS:
        cli_feeds.check(args)
    elif cmd == "remove" and not args.yes and not sys.stdin.isatty():
        raise BadOption(
            f"remove asks before it deletes, and there is no terminal to ask in; "
            f"to remove article #{args.id} anyway, add --yes."
        )
    async with await _open(args, session) as archive:
        if cmd in ("ask", "who", "said"):
            value = getattr(args, {"ask": "question", "who": "quote", "said": "person"}[cmd])
            return await _query(args, archive, cmd, value)
        if cmd == "verify":
            checked = await archive.verify(args.quote, by=args.by)
            _print_json(checked.to_json()) if args.json else _show_verify(checked, args.by)
            return 0
        if cmd == "add":
            summary = await archive.add_text(raw, title=args.title, date=args.date, **hints)
            _print_json(_summary_json(summary)) if args.json else _show_summary(summary, "Added ")
            return 0
        if cmd == "import":
            return await _import(args, archive, files, session)
        if cmd in cli_feeds.COMMANDS:
            return await cli_feeds.run(args, archive)
        if cmd == "articles":
            rows, total = await archive.articles(offset=(args.page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
            pages = max(1, math.ceil(total / PAGE_SIZE))
            if args.page > pages:
                raise BadOption(f"There is no page {args.page}: the archive has {_count(pages, 'page')}.")
            db = paths.display(paths.check(paths.locate(args.db)))
            if args.json:
                _print_json(
                    {
                        "archive": db,
                        "total": total,
                        "page": args.page,
                        "pages": pages,
                        "articles": [_summary_json(s) for s in rows],
                    }
                )
            else:
                print(f"Archive: {db}")
                for summary in rows:
                    _show_summary(summary)
                where = f", page {args.page} of {pages}" if pages > 1 else ""
                print(f"{_count(total, 'article')}{where}.")
            return 0
        if cmd == "article":
            summary = await archive.article(args.id)
            body = await archive.article_text(args.id)
            if args.json:
                _print_json({**_summary_json(summary), "text": body})
            else:
                _show_summary(summary)
                print()
                print(body)
            return 0
        if cmd == "remove":
            summary = await archive.article(args.id)
            if not args.yes and not _confirm_remove(summary):
                print(f"Kept #{args.id}.", file=sys.stderr)
                return EXIT_ERROR
            ref = await archive.remove(args.id)
            _print_json({"removed": ref.id, "title": ref.title}) if args.json else print(
                f"Removed #{ref.id}: {ref.citation}"
            )
            return 0
        if cmd == "stats":
            stats = await archive.stats()
            if args.json:
                top = [{"name": name, "statements": n} for name, n in stats.top_speakers]
                _print_json(
                    {
                        "archive": paths.display(paths.check(paths.locate(args.db))),
                        "articles": stats.articles,
                        "sentences": stats.sentences,
                        "speakers": stats.speakers,
                        "top_speakers": top,
                    }
                )
            else:
                print(
                    f"{_count(stats.articles, 'article')}, {_count(stats.sentences, 'sentence')}, "
                    f"{_count(stats.speakers, 'speaker')}."
                )
                if stats.top_speakers:
                    print("Most quoted: " + ", ".join(f"{name} ({n})" for name, n in stats.top_speakers))
            return 0
        if cmd == "speakers":
            people = await archive.speakers(args.name, limit=args.limit)
            if args.json:
                _print_json({"speakers": [{"name": name, "statements": n} for name, n in people]})
            elif not people:
                print("Nobody by that name is quoted." if args.name.strip() else "Nobody is quoted yet.")
            else:
                for name, n in people:
                    print(f"{name} ({_count(n, 'statement')})")
            return 0
        if cmd == "export":
            async for article in archive.export():
                if args.json:
                    _print_json(article)
                else:
                    date = f" ({article['date']})" if article["date"] else ""
                    print(f"#{article['id']}: {article['title']}{date}")
                    sentences: list[dict[str, Any]] = article["sentences"]  # type: ignore[assignment]
                    for s in sentences:
                        how = " / ".join(x for x in (s["speaker"], s["kind"], s["cue"]) if x)
                        who = f"  [{how}]" if s["speaker"] else ""
                        print(f"  {s['index']:>3} {s['text']}{who}")
            return 0
        if cmd == "check":
            problems = await archive.check()
            sound = "The archive is sound" + (
                " (read-only: its full-text indexes cannot be checked)."
                if archive.read_only
                else ", indexes too."
            )
            _print_json({"ok": not problems, "problems": problems}) if args.json else print(
                "\n".join(problems) or sound
            )
            return EXIT_ERROR if problems else 0
        if cmd == "rebuild":
            await archive.rebuild()
            _print_json({"rebuilt": True}) if args.json else print("The full-text indexes were rebuilt.")
            return 0
    raise AssertionError(f"unhandled command {args.command}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


async def _import(args: argparse.Namespace, archive: Archive, files: list[Path], session: _Session) -> int:
    state = session.importing = _ImportState(total=len(files))
    # A bar for a person at a terminal; nothing on a pipe or in a log file.
    if sys.stderr.isatty():
        from tqdm import tqdm

        state.bar = tqdm(total=len(files), unit="file", file=sys.stderr, leave=False)
    try:
        added, skipped = await archive.import_folder(args.folder, progress=state.progress)
    finally:
        if state.bar is not None:
            state.bar.close()
    if args.json:
        _print_json(
            {
                "added": [_summary_json(s) for s in added],
                "skipped": [{"file": str(p), "reason": r} for p, r in skipped],
            }
        )
    else:
        for summary in added:
            _show_summary(summary, "Added ")
        for path, reason in skipped:
            print(f"Skipped {path.relative_to(args.folder)}: {reason}", file=sys.stderr)
        print(f"{len(added)} added, {len(skipped)} skipped.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `archivist` console script."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    session = _Session()
    try:
        if args.command == "run":
            from .chat.runner import run

            location = paths.locate(args.db)
            db = paths.check(location)
            return run(db, _seeds_for(location))
        if args.command == "migrate":
            from . import migrate

            return migrate.run(args)
        if args.command == "sync":
            from .chat.runner import sync

            return sync(paths.check(paths.locate(args.db)))
        return asyncio.run(_run(args, session))
    except ArchiveError as err:
        print(f"archivist: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        state = session.importing
        if state is not None:
            print(
                f"archivist: interrupted; {_count(state.stored, 'article')} of the {state.total} files "
                f"{'was' if state.stored == 1 else 'were'} added and kept; run the same import again "
                "to add the rest (those already added are skipped).",
                file=sys.stderr,
            )
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as err:  # noqa: BLE001 - the one place that turns surprises into a sentence
        log.debug("unexpected error", exc_info=True)
        if args.verbose:
            log.exception("unexpected error")
        print(
            f"archivist: something went wrong ({type(err).__name__}: {err}); run with -v for details.",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
    finally:
        for note in session.notes:
            print(f"archivist: {note}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
