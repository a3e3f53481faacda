"""Command line: `archivist ask|who|said|add|import|articles|article|remove|export|run`.

Every job the bot does also works here, offline, on the same archive file. Errors are
one sentence on stderr and a non-zero exit; `--json` prints machine-readable output.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import textwrap
from collections.abc import Awaitable, Callable
from pathlib import Path

from . import config
from .core.archive import Archive
from .core.errors import ArchiveError, BadArticle
from .core.models import Answer, ArticleSummary, SearchResult

log = logging.getLogger("archivist")

EXIT_ERROR = 1
EXIT_UNEXPECTED = 2


def _parser() -> argparse.ArgumentParser:
    def options(suppress: bool) -> argparse.ArgumentParser:
        # The same options before or after the command; after it, an option left out
        # must not overwrite one given before it (hence SUPPRESS on the subcommands).
        p = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS if suppress else None)
        p.add_argument("--db", help="archive file (default: $ARCHIVIST_DB or data/archive.db)")
        p.add_argument("--json", action="store_true", help="print JSON")
        p.add_argument("-v", "--verbose", action="store_true", help="log details (and tracebacks) to stderr")
        return p

    common = options(suppress=True)
    parser = argparse.ArgumentParser(
        prog="archivist",
        description="Answer questions over an archive of articles and say who said what.",
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
    p = add("add", "add an article from a file, a URL, or '-' for stdin")
    p.add_argument("source")
    p.add_argument("--title", help="use this title instead of the one found")
    p.add_argument("--date", help="use this date instead of the one found")
    p = add("import", "add every .txt/.md/.html file of a folder")
    p.add_argument("folder")
    p = add("articles", "list the articles")
    p.add_argument("--page", type=int, default=1)
    p = add("article", "show one article")
    p.add_argument("id", type=int)
    p = add("remove", "remove an article")
    p.add_argument("id", type=int)
    add("export", "every article with per-sentence attribution (--json: one object a line)")
    add("run", "start the Discord bot (needs DISCORD_TOKEN)")
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
        print(f"   \u2014 {answer.speaker}{role}" + (f" ({how})" if how else ""))
    if answer.context_before or answer.context_after:
        print(_wrap("Context: " + answer.context, "   "))
    print(f"   Article #{answer.article.id}: {answer.article.citation}")


def _show_result(result: SearchResult, kind: str) -> None:
    if result.speaker:
        print(f"{result.speaker}:")
    if result.answers:
        for n, answer in enumerate(result.answers, 1):
            _show_answer(answer, n)
        if result.did_you_mean:
            print("Other people who fit: " + ", ".join(result.did_you_mean))
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


def _show_summary(summary: ArticleSummary, verb: str = "") -> None:
    ref = summary.ref
    print(f"{verb}#{ref.id}: {ref.citation}")
    print(f"   {summary.sentences} sentences; speakers: {', '.join(summary.speakers) or 'none found'}")


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


async def _query(args: argparse.Namespace, archive: Archive, kind: str, value: str) -> int:
    method: Callable[..., Awaitable[SearchResult]] = getattr(archive, kind)
    if value != "-":
        result = await method(value, limit=args.limit)
        _print_json(result.to_json()) if args.json else _show_result(result, kind)
        return 0
    # Batch: one query a line in, one JSON object a line out; a bad line is reported in
    # its own object and the batch goes on.
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line.strip():
            continue
        try:
            _print_json((await method(line, limit=args.limit)).to_json())
        except ArchiveError as err:
            _print_json({"query": line, "answers": [], "error": str(err)})
    return 0


async def _read_source(source: str) -> tuple[bytes, dict[str, str | None]]:
    """Bytes and parse hints from a file path, a URL or stdin."""
    if source == "-":
        return sys.stdin.buffer.read(), {"name": None, "source": None}
    if source.startswith(("http://", "https://")):
        from .core.fetch import fetch_url

        allow_private = os.environ.get("ARCHIVIST_ALLOW_PRIVATE_URLS", "") == "1"
        page = await fetch_url(source, allow_private=allow_private)
        return page.body, {"source": page.url, "content_type": page.content_type, "charset": page.charset}
    path = Path(source)
    if not path.is_file():
        raise BadArticle(f"There is no file {source!r}.")
    from .core.errors import TooLarge
    from .core.ingest import MAX_BYTES

    size = path.stat().st_size
    if size > MAX_BYTES:
        raise TooLarge(
            f"{source} is {size / 1e6:.1f} MB; articles are limited to {MAX_BYTES // 1_000_000} MB."
        )
    return path.read_bytes(), {"name": path.name}


async def _run(args: argparse.Namespace) -> int:
    db = config.db_path(args.db)
    async with await Archive.open(db, seeds=config.seeds_dir()) as archive:
        cmd = args.command
        if cmd in ("ask", "who", "said"):
            value = getattr(args, {"ask": "question", "who": "quote", "said": "person"}[cmd])
            return await _query(args, archive, cmd, value)
        if cmd == "add":
            raw, hints = await _read_source(args.source)
            summary = await archive.add_text(raw, title=args.title, date=args.date, **hints)
            _print_json(_summary_json(summary)) if args.json else _show_summary(summary, "Added ")
            return 0
        if cmd == "import":
            added, skipped = await archive.import_folder(args.folder)
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
                    print(f"Skipped {path.name}: {reason}", file=sys.stderr)
                print(f"{len(added)} added, {len(skipped)} skipped.")
            return 0
        if cmd == "articles":
            page_size = 20
            rows, total = await archive.articles(offset=(max(args.page, 1) - 1) * page_size, limit=page_size)
            if args.json:
                _print_json({"total": total, "articles": [_summary_json(s) for s in rows]})
            else:
                for summary in rows:
                    _show_summary(summary)
                print(f"{total} articles.")
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
            ref = await archive.remove(args.id)
            _print_json({"removed": ref.id, "title": ref.title}) if args.json else print(
                f"Removed #{ref.id}: {ref.citation}"
            )
            return 0
        if cmd == "export":
            async for article in archive.export():
                if args.json:
                    _print_json(article)
                else:
                    print(f"#{article['id']}: {article['title']} ({article['date']})")
                    for s in article["sentences"]:  # type: ignore[union-attr]
                        who = f"  [{s['speaker']} / {s['kind']} / {s['cue']}]" if s["speaker"] else ""
                        print(f"  {s['index']:>3} {s['text']}{who}")
            return 0
    raise AssertionError(f"unhandled command {args.command}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `archivist` console script."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if args.command == "run":
        from .chat.runner import run

        return run(config.db_path(args.db), config.seeds_dir())
    try:
        return asyncio.run(_run(args))
    except ArchiveError as err:
        print(f"archivist: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
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


if __name__ == "__main__":
    sys.exit(main())
