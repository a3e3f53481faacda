"""Scale: a million sentences of real text. Ingest rate, file size, ask/who/said latency, memory.

    python bench/scale.py PATH/TO/squad-dev-v1.1-public.json [--sentences 1000000] [--db FILE]
    python bench/scale.py PATH/TO/squad-dev-v1.1-public.json --db postgresql://... [--sqlite FILE]

With a postgresql:// URL (an empty database), the same articles are ingested into a SQLite
file too (--sqlite, default in a temporary folder) and into PostgreSQL, one after the other,
and the same questions asked of both: each backend's figures are printed, then how often
PostgreSQL's answers are SQLite's (the same top answer, or none on both).

The archive is built from real sentences (SQuAD's paragraphs, split by the project's own
splitter) recombined into new articles of ~800 words, so term frequencies stay those of
real English text. Some sentences are turned into attributed statements ('"...," said
Maria Keller, a historian at ...'; 'Keller said that ...'; '..., according to ...') with
made-up names, so that `who` and `said` have speakers to find; attribution runs for real.
Note: a small source corpus repeated to a million sentences makes every term's document
frequency larger than in a million distinct sentences, which makes queries slower, not faster.

Ingest hands plain-text articles (date line, title, paragraphs) to Archive.add_documents,
the bulk path `archivist import DIR` takes: parsing and attribution (on) in a process pool,
storing in batched transactions; --one-by-one uses Archive.add_text per article instead
(as `archivist add`). The rate is wall clock for all of it. Queries go through Archive.ask / who / said:
ask with SQuAD questions; who with fragments of stored attributed sentences with a word
or two changed, dropped or misspelt; said with speaker names (full names, surnames, typos).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# bench/ holds a bot.py of its own (the Discord load benchmark); the script's folder is
# first on sys.path, so take it off or `import bot` would find that file, not the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import rapidfuzz  # noqa: E402

from bot.core.archive import Archive, RawArticle  # noqa: E402
from bot.core.errors import ArchiveError  # noqa: E402
from bot.core.models import ArticleSummary, SearchResult  # noqa: E402
from bot.core.sentences import split_sentences  # noqa: E402
from bot.core.storage import is_postgres  # noqa: E402


def machine() -> str:
    """Cores, CPU model, Python, SQLite and rapidfuzz versions (as bench/squad.py prints them)."""
    cpu = platform.processor() or "?"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    return (
        f"machine: {os.cpu_count()} cores, {cpu}; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, rapidfuzz {rapidfuzz.__version__}"
    )


FIRST = """Maria Tom Anna James Olga Peter Laura David Sofia Michael Ingrid Ahmed Chen Fatima Lars Elena Jorge
    Aisha Pierre Hannah Kofi Yuki Rosa Ivan Nadia Samuel Grace Omar Lucia Henrik Amara Dmitri Clara
    Rafael Priya Jonas Leila Mateo Sara Viktor""".split()  # noqa: SIM905
LAST = """Keller Brandt Okafor Lindqvist Moreau Tanaka Novak Haddad Fischer Costa Petrov Nakamura Silva Jensen
    Rossi Kowalski Dubois Mensah Larsen Ibrahim Schmidt Varga Andersen Bianchi Horvat Nilsson Murphy
    Duarte Kim Weber Ortega Santos Volkov Eriksen Gallagher Hughes Lopez Ferrari Berg Achebe""".split()  # noqa: SIM905
ROLES = [
    "a historian at the University of {place}",
    "the foreign minister of {place}",
    "a spokesperson for the {place} city council",
    "director of the {place} Institute for Policy Studies",
    "an economist at the Bank of {place}",
    "a professor of political science in {place}",
]
PLACES = "Leeds Oslo Lisbon Ghent Kyoto Lagos Quito Turin Bergen Austin Porto Riga Delhi Lyon Cork".split()  # noqa: SIM905


def load_sentences(path: Path) -> tuple[list[str], list[str]]:
    """(every sentence of every SQuAD paragraph, every question)."""
    data = json.loads(path.read_text("utf-8"))["data"]
    sentences: list[str] = []
    questions: list[str] = []
    for art in data:
        for para in art["paragraphs"]:
            text = para["context"].strip()
            sentences += [text[a:b] for a, b in split_sentences(text)]
            questions += [qa["question"] for qa in para["qas"]]
    return [s for s in sentences if len(s.split()) >= 4], questions


def _unfinished(sentence: str) -> str:
    return sentence.rstrip().rstrip(".!?").rstrip()


def statement(rng: random.Random, sentence: str, name: str, role: str, first_mention: bool) -> str:
    """A real sentence turned into something a named person said."""
    surname = name.split()[-1]
    body = _unfinished(sentence)
    if first_mention:
        form = rng.choice(("direct", "according"))
        if form == "direct":
            return f"\u201c{body},\u201d said {name}, {role}."
        return f"{body}, according to {name}, {role}."
    form = rng.choice(("direct", "indirect"))
    if form == "direct":
        return f"\u201c{body},\u201d {surname} said."
    return f"{surname} said that {body[0].lower() + body[1:]}."


def make_article(rng: random.Random, pool: list[str], n: int) -> tuple[str, list[str]]:
    """(title, paragraphs): ~800 words of real sentences, a few of them attributed."""
    speakers = []
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        speakers.append((name, rng.choice(ROLES).format(place=rng.choice(PLACES)), [True]))
    paragraphs: list[str] = []
    words = 0
    while words < 800:
        para = []
        for _ in range(rng.randint(2, 5)):
            sentence = rng.choice(pool)
            if speakers and rng.random() < 0.15:
                name, role, first = rng.choice(speakers)
                sentence = statement(rng, sentence, name, role, first[0])
                first[0] = False
            para.append(sentence)
            words += len(sentence.split())
        paragraphs.append(" ".join(para))
    title = f"{_unfinished(rng.choice(pool))[:80]} ({n})"
    return title, paragraphs


def garble(rng: random.Random, text: str) -> str:
    """A misremembered fragment: 6-12 words of the text with a word or two changed."""
    words = text.split()
    if len(words) > 12:
        start = rng.randrange(0, len(words) - 8)
        words = words[start : start + rng.randint(6, 12)]
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(words))
        change = rng.random()
        if change < 0.33 and len(words) > 4:
            del words[i]
        elif change < 0.66 and len(words[i]) > 3:
            j = rng.randrange(len(words[i]) - 1)
            w = words[i]
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]  # swapped letters
        else:
            words.insert(i, rng.choice(("really", "very", "also", "just", "the")))
    return " ".join(words)


def misspell(rng: random.Random, name: str) -> str:
    """The name with one letter dropped (not the first)."""
    if len(name) < 4:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1 :]


def percentiles(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    if not ms:
        return "no queries"
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"p50 {statistics.median(ms):6.1f} ms  p95 {p95:6.1f} ms  max {ms[-1]:6.1f} ms  (n={len(ms)})"


async def run(
    path: Path,
    target: int,
    dbs: list[Path | str],
    queries: int,
    seed: int,
    reuse: bool,
    workers: int | None = None,
    one_by_one: bool = False,
) -> None:
    """Build (or reuse) each archive in `dbs` from the same articles, then ask each the same
    questions; with two, print how often the second answers as the first."""
    pool, questions = load_sentences(path)
    print(f"{machine()}; {_load()} at the start")
    print(
        f"source: {path.name}: {len(pool)} sentences, {len(questions)} questions; target {target:,} sentences"
    )
    t_start = time.perf_counter()
    said_names: dict[str, int] = {}
    for db in dbs:
        name = "PostgreSQL" if is_postgres(db) else "SQLite"
        print(f"-- {name}: {_shown(db)}")
        archive = await Archive.open(db, seeds=None)
        try:
            if reuse:
                stats = await archive.stats()
                print(
                    f"reusing it: {stats.articles:,} articles, {stats.sentences:,} sentences,"
                    f" {stats.speakers:,} speakers"
                )
                names = dict.fromkeys(await archive.speaker_names("", limit=1_000_000), 1)
            else:
                names = await build(archive, random.Random(seed), pool, target, workers, one_by_one)
            said_names = said_names or names
        finally:
            await archive.close()
    rng = random.Random(seed + 1)
    asked: list[list[tuple[str, list[object], list[SearchResult]]]] = []
    plan: list[tuple[str, list[str], list[object]]] | None = None
    for db in dbs:
        name = "PostgreSQL" if is_postgres(db) else "SQLite"
        print(f"-- {name} queries")
        archive = await Archive.open(db, seeds=None)
        try:
            if plan is None:
                plan = await questions_for(archive, rng, questions, said_names, queries)
            asked.append(await query(archive, plan))
        finally:
            await archive.close()
    if len(asked) == 2:
        print("-- PostgreSQL's answers beside SQLite's (the same top answer, or none on both)")
        for (label, _e, first), (_l, _e2, second) in zip(asked[0], asked[1], strict=True):
            same = sum(_top(a) == _top(b) for a, b in zip(first, second, strict=True))
            print(f"{label:<5} same {same}/{len(first)} ({same / max(len(first), 1):.1%})")
        total = sum(len(r[2]) for r in asked[0])
        same = sum(
            _top(a) == _top(b)
            for (_l, _e, first), (_l2, _e2, second) in zip(asked[0], asked[1], strict=True)
            for a, b in zip(first, second, strict=True)
        )
        print(f"all   same {same}/{total} ({same / max(total, 1):.1%})")
        # The source corpus repeats its sentences across articles: copies of one sentence score
        # exactly alike, and which copy comes first is each backend's own tie-break.
        words = sum(
            _top_words(a) == _top_words(b)
            for (_l, _e, first), (_l2, _e2, second) in zip(asked[0], asked[1], strict=True)
            for a, b in zip(first, second, strict=True)
        )
        print(
            f"the same words and speaker, whichever article's copy of a repeated sentence:"
            f" {words}/{total} ({words / max(total, 1):.1%})"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (maxrss): {peak:,.0f} MB; total run {time.perf_counter() - t_start:.0f} s; {_load()}")


def _words(text: str) -> str:
    """Text as `who`'s check compares it: lower case words. The same sentence is stored many
    times in different forms ('Keller said that the ...' holds 'The ...' lower-cased), and a
    top answer holding the same words is the quote, whoever the copy's speaker."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _top(result: SearchResult) -> tuple[object, ...]:
    """What agreement compares: the top answer's article and text, and said's resolved name."""
    first = result.answers[0] if result.answers else None
    return (result.speaker, first.article.id if first else None, first.text if first else None)


def _top_words(result: SearchResult) -> tuple[object, ...]:
    """The top answer's words and speakers, not which article holds them."""
    first = result.answers[0] if result.answers else None
    return (result.speaker, first.text if first else None, first.speaker if first else None)


def _load() -> str:
    """The 1-minute load average: latency on shared cores moves with it, so every timing
    line carries it."""
    with contextlib.suppress(OSError, AttributeError):
        return f"load {os.getloadavg()[0]:.2f}"
    return "load ?"


def _shown(db: Path | str) -> str:
    from bot.paths import display

    return display(db)


def _plain_text(rng: random.Random, pool: list[str], n: int) -> tuple[str, int]:
    """(a plain-text article as `archivist import` reads it: date line, title, paragraphs; its words)."""
    title, paragraphs = make_article(rng, pool, n)
    date = f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    return f"{date}\n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n", sum(len(p.split()) for p in paragraphs)


async def build(
    archive: Archive,
    rng: random.Random,
    pool: list[str],
    target: int,
    workers: int | None,
    one_by_one: bool,
) -> dict[str, int]:
    """Fill the archive to `target` sentences of plain-text articles; print the ingest figures;
    speakers -> sentences. Parsing, attribution and storing are all timed (wall clock).

    Default: the bulk path `archivist import DIR` takes, Archive.add_documents (parse and
    attribute in a process pool, store in batched transactions). --one-by-one: Archive.add_text
    per article, parse then store, as `archivist add` does."""
    sentences = articles = words = refused = 0
    said_names: dict[str, int] = {}
    generated = 0
    per_article = 32.0  # sentences in an ~800-word article, refined as we go
    last_report = time.perf_counter()
    # The store's share of the wall clock: its batch inserts timed where the facade calls them
    # (parsing runs in other processes meanwhile, so the two overlap).
    store = archive._store
    insert = store.insert_articles
    storing = [0.0]

    async def timed_insert(items):  # noqa: ANN001, ANN202
        started = time.perf_counter()
        try:
            return await insert(items)
        finally:
            storing[0] += time.perf_counter() - started

    store.insert_articles = timed_insert  # type: ignore[method-assign]
    t0 = time.perf_counter()

    def texts(n: int):  # noqa: ANN202
        nonlocal generated, words, last_report
        for _ in range(n):
            text, w = _plain_text(rng, pool, generated)
            generated += 1
            words += w
            if time.perf_counter() - last_report > 30:
                last_report = time.perf_counter()
                print(
                    f"  ... {generated:,} articles handed over,"
                    f" {generated / (last_report - t0):.0f} articles/s",
                    flush=True,
                )
            yield text

    while sentences < target:
        n = max(1, int((target - sentences) / per_article))
        if one_by_one:
            results: list[object] = []
            for text in texts(n):
                try:
                    results.append(await archive.add_text(text))
                except ArchiveError as err:
                    results.append(err)
        else:
            results = list(
                await archive.add_documents((RawArticle(raw=t) for t in texts(n)), workers=workers)
            )
        for r in results:
            if isinstance(r, ArticleSummary):
                articles += 1
                sentences += r.sentences
                for name in r.speakers:
                    said_names[name] = said_names.get(name, 0) + 1
            else:
                refused += 1
        per_article = sentences / max(articles, 1)
    ingest_s = time.perf_counter() - t0
    store.insert_articles = insert  # type: ignore[method-assign]
    if one_by_one:
        print("ingest path: Archive.add_text, one article at a time (as `archivist add`)")
    else:
        print(
            "ingest path: Archive.add_documents (as `archivist import`): parse + attribute in"
            f" {workers or os.cpu_count()} process(es), batched transactions"
        )
    size = await archive.size()
    print(
        f"ingest: {articles:,} articles ({words / generated:.0f} words each), {sentences:,} sentences,"
        f" {len(said_names):,} speakers, {refused} refused, in {ingest_s:.0f} s:"
        f" {articles / ingest_s:.0f} articles/s ({sentences / ingest_s:,.0f} sentences/s); {_load()}"
    )
    if storing[0]:
        print(
            f"  of which storing (the store's batch inserts alone): {storing[0]:.0f} s,"
            f" {articles / storing[0]:.0f} articles/s"
        )
    print(f"size on disk: {size / 1e6:,.0f} MB ({size / sentences:.0f} bytes a sentence)")
    return said_names


async def questions_for(
    archive: Archive, rng: random.Random, questions: list[str], said_names: dict[str, int], queries: int
) -> list[tuple[str, list[str], list[object]]]:
    """(kind, questions, what a right top answer holds) for ask, who and said: SQuAD questions;
    fragments of stored attributed sentences with a word or two changed; names (full, surname, typo)."""
    asks = rng.sample(questions, min(queries, len(questions)))
    stored = await _attributed_texts(archive, queries * 3)
    sources = rng.sample(stored, min(queries, len(stored))) if stored else []
    whos = [garble(rng, text) for text in sources]
    names = sorted(said_names)
    saids: list[str] = []
    people = rng.sample(names, min(queries, len(names))) if names else []
    for name in people:
        form = rng.random()
        saids.append(name if form < 0.4 else name.split()[-1] if form < 0.7 else misspell(rng, name))
    return [("ask", asks, [None] * len(asks)), ("who", whos, list(sources)), ("said", saids, list(people))]


async def query(
    archive: Archive, plan: list[tuple[str, list[str], list[object]]]
) -> list[tuple[str, list[object], list[SearchResult]]]:
    """Time ask, who and said through the facade; print p50/p95 (and, for who, how often the
    top answer is a sentence holding the fragment's source, or said the resolved speaker).
    Returns every result, for comparing backends."""
    out: list[tuple[str, list[object], list[SearchResult]]] = []
    methods = {"ask": archive.ask, "who": archive.who, "said": archive.said}
    for label, items, expected in plan:
        method = methods[label]
        for item in items[:5]:  # warm the page cache the way a running bot's would be
            await method(item)
        seconds: list[float] = []
        results: list[SearchResult] = []
        answered = right = strict = 0
        for item, want in zip(items, expected, strict=True):
            t = time.perf_counter()
            result = await method(item)
            seconds.append(time.perf_counter() - t)
            results.append(result)
            answered += bool(result.answers)
            if label == "who" and result.answers:
                strict += str(want) in result.answers[0].text
                right += _words(str(want)) in _words(result.answers[0].text)
            elif label == "said":
                right += result.speaker == want
        check = f"; top answer right {right}/{len(items)}" if label != "ask" else ""
        if label == "who":
            check += f" (as typed, case and punctuation too: {strict}/{len(items)})"
        print(f"{label:<5} {percentiles(seconds)}  answered {answered}/{len(items)}{check}; {_load()}")
        out.append((label, expected, results))
    return out


async def _attributed_texts(archive: Archive, n: int) -> list[str]:
    """Text of some stored attributed sentences (from the export, as a user would see them)."""
    out: list[str] = []
    async for art in archive.export():
        out += [s["content"] or s["text"] for s in art["sentences"] if s["speaker"]]  # type: ignore[index, union-attr]
        if len(out) >= n:
            break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", type=Path, help="SQuAD v1.1 JSON, the source of real sentences and questions")
    parser.add_argument("--sentences", type=int, default=1_000_000, help="archive size (default 1,000,000)")
    parser.add_argument(
        "--db",
        help="archive file to create (default: in a temporary folder), or a postgresql:// URL of an"
        " empty database: then SQLite and PostgreSQL side by side",
    )
    parser.add_argument(
        "--sqlite", type=Path, help="with a postgresql:// --db: the SQLite file to compare with"
    )
    parser.add_argument("--queries", type=int, default=300, help="queries of each kind (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="query the existing archive(s); skip building")
    parser.add_argument(
        "--workers",
        type=int,
        help="processes that parse and attribute in Archive.add_documents (default: one a core)",
    )
    parser.add_argument(
        "--one-by-one",
        action="store_true",
        help="ingest with Archive.add_text, one article at a time (as `archivist add`), not the bulk path",
    )
    args = parser.parse_args()
    if not args.path.is_file():
        sys.exit(f"There is no file {str(args.path)!r}.")
    with tempfile.TemporaryDirectory(prefix="archivist-scale-") as tmp:
        files: list[Path] = []
        if args.db is not None and is_postgres(args.db):
            files.append(args.sqlite or Path(tmp) / "scale.db")
        elif args.db is not None:
            files.append(Path(args.db))
        elif args.reuse:
            sys.exit("--reuse needs --db.")
        else:
            files.append(Path(tmp) / "scale.db")
        for file in files:
            if (args.db is not None or args.sqlite) and file.exists() != args.reuse:
                sys.exit(
                    f"{str(file)!r} exists; give a new file name."
                    if file.exists()
                    else f"There is no {str(file)!r} to reuse."
                )
        dbs: list[Path | str] = [*files, *([args.db] if args.db is not None and is_postgres(args.db) else [])]
        asyncio.run(
            run(
                args.path,
                args.sentences,
                dbs,
                args.queries,
                args.seed,
                args.reuse,
                args.workers,
                args.one_by_one,
            )
        )


if __name__ == "__main__":
    main()
