"""Scale: a million sentences of real text. Ingest rate, file size, ask/who/said latency, memory.

    python bench/scale.py PATH/TO/squad-dev-v1.1-public.json [--sentences 1000000] [--db FILE]

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
from bot.core.models import ArticleSummary  # noqa: E402
from bot.core.sentences import split_sentences  # noqa: E402


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
    db: Path,
    queries: int,
    seed: int,
    reuse: bool,
    workers: int | None = None,
    one_by_one: bool = False,
) -> None:
    rng = random.Random(seed)
    pool, questions = load_sentences(path)
    print(machine())
    print(
        f"source: {path.name}: {len(pool)} sentences, {len(questions)} questions; target {target:,} sentences"
    )
    archive = await Archive.open(db, seeds=None)
    try:
        await _run(archive, rng, pool, questions, target, db, queries, reuse, workers, one_by_one)
    finally:
        await archive.close()


async def _run(
    archive: Archive,
    rng: random.Random,
    pool: list[str],
    questions: list[str],
    target: int,
    db: Path,
    queries: int,
    reuse: bool,
    workers: int | None,
    one_by_one: bool,
) -> None:
    t_start = time.perf_counter()
    if reuse:
        stats = await archive.stats()
        print(
            f"reusing {db}: {stats.articles:,} articles, {stats.sentences:,} sentences,"
            f" {stats.speakers:,} speakers"
        )
        said_names = dict.fromkeys(await archive.speaker_names("", limit=1_000_000), 1)
    else:
        said_names = await build(archive, rng, pool, target, db, workers, one_by_one)
    await query(archive, rng, questions, said_names, queries)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (maxrss): {peak:,.0f} MB; total run {time.perf_counter() - t_start:.0f} s")


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
    db: Path,
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
    if one_by_one:
        print("ingest path: Archive.add_text, one article at a time (as `archivist add`)")
    else:
        print(
            "ingest path: Archive.add_documents (as `archivist import`): parse + attribute in"
            f" {workers or os.cpu_count()} process(es), batched transactions"
        )
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    print(
        f"ingest: {articles:,} articles ({words / generated:.0f} words each), {sentences:,} sentences,"
        f" {len(said_names):,} speakers, {refused} refused, in {ingest_s:.0f} s:"
        f" {articles / ingest_s:.0f} articles/s ({sentences / ingest_s:,.0f} sentences/s)"
    )
    print(f"file: {size / 1e6:,.0f} MB ({size / sentences:.0f} bytes a sentence)")
    return said_names


async def query(
    archive: Archive, rng: random.Random, questions: list[str], said_names: dict[str, int], queries: int
) -> None:
    """Time ask, who and said through the facade; print p50/p95 (and, for who, how often the
    top answer is a sentence holding the fragment's source, or said the resolved speaker)."""
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

    for label, method, items, expected in (
        ("ask", archive.ask, asks, [None] * len(asks)),
        ("who", archive.who, whos, sources),
        ("said", archive.said, saids, people),
    ):
        for item in items[:5]:  # warm the page cache the way a running bot's would be
            await method(item)
        seconds: list[float] = []
        answered = right = 0
        for item, want in zip(items, expected, strict=True):
            t = time.perf_counter()
            result = await method(item)
            seconds.append(time.perf_counter() - t)
            answered += bool(result.answers)
            if label == "who" and result.answers:
                right += want in result.answers[0].text
            elif label == "said":
                right += result.speaker == want
        check = f"; top answer right {right}/{len(items)}" if label != "ask" else ""
        print(f"{label:<5} {percentiles(seconds)}  answered {answered}/{len(items)}{check}")


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
    parser.add_argument("--db", type=Path, help="archive file to create (default: in a temporary folder)")
    parser.add_argument("--queries", type=int, default=300, help="queries of each kind (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="query the existing --db archive; skip building")
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
    if args.db is not None:
        if args.db.exists() != args.reuse:
            sys.exit(
                f"{str(args.db)!r} exists; give a new file name."
                if args.db.exists()
                else f"There is no {str(args.db)!r} to reuse."
            )
        asyncio.run(
            run(
                args.path,
                args.sentences,
                args.db,
                args.queries,
                args.seed,
                args.reuse,
                args.workers,
                args.one_by_one,
            )
        )
        return
    if args.reuse:
        sys.exit("--reuse needs --db.")
    with tempfile.TemporaryDirectory(prefix="archivist-scale-") as tmp:
        asyncio.run(
            run(
                args.path,
                args.sentences,
                Path(tmp) / "scale.db",
                args.queries,
                args.seed,
                False,
                args.workers,
                args.one_by_one,
            )
        )


if __name__ == "__main__":
    main()
