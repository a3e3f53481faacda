"""`who` on misremembered fragments: does the top answer name the right speaker?

Loads an annotated corpus (default: tests/corpus, the attribution test articles:
NAME.txt with NAME.json listing {"begins", "speaker", ...} per attributed sentence)
into a fresh archive, then for every attributed sentence asks `who` with fragments a
person might remember: a verbatim stretch of the quote, and the same stretch with a
word dropped, two words swapped, a typo, a function word changed, and several of those
together. Counts top-1 and top-3 speaker hits, per perturbation, and latency.

    python bench/who.py [CORPUS_DIR] [--seed N] [--errors]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.archive import Archive  # noqa: E402

QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{12,})[\"“”]")
SWAPS = {
    "is": "was",
    "was": "is",
    "are": "were",
    "were": "are",
    "the": "a",
    "a": "the",
    "will": "would",
    "would": "will",
    "has": "had",
    "have": "had",
    "not": "never",
    "we": "they",
    "this": "that",
    "that": "this",
}


def fold(name: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (name or "").casefold()).strip()


def stretch(text: str, rng: random.Random) -> list[str]:
    """A run of 5-12 words from the quoted part if there is one, else from the sentence."""
    quoted = QUOTE_RE.findall(text)
    source = max(quoted, key=len) if quoted else text
    words = source.split()
    size = min(len(words), rng.randint(5, 12))
    start = rng.randint(0, len(words) - size)
    return [w.strip(',.;:!?"“”') for w in words[start : start + size]]


def drop(words: list[str], rng: random.Random) -> list[str]:
    if len(words) < 4:
        return words
    i = rng.randrange(len(words))
    return words[:i] + words[i + 1 :]


def swap(words: list[str], rng: random.Random) -> list[str]:
    if len(words) < 3:
        return words
    i = rng.randrange(len(words) - 1)
    return words[:i] + [words[i + 1], words[i]] + words[i + 2 :]


def typo(words: list[str], rng: random.Random) -> list[str]:
    long = [i for i, w in enumerate(words) if len(w) > 4]
    if not long:
        return words
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    return words[:i] + [w[:j] + w[j + 1] + w[j] + w[j + 2 :]] + words[i + 1 :]


def function_word(words: list[str], rng: random.Random) -> list[str]:
    spots = [i for i, w in enumerate(words) if w.lower() in SWAPS]
    if not spots:
        return words
    i = rng.choice(spots)
    return words[:i] + [SWAPS[words[i].lower()]] + words[i + 1 :]


def combined(words: list[str], rng: random.Random) -> list[str]:
    return typo(function_word(drop(words, rng), rng), rng)


PERTURBATIONS = {
    "verbatim": lambda w, r: w,
    "dropped word": drop,
    "swapped words": swap,
    "typo": typo,
    "function word": function_word,
    "all together": combined,
}


def load(corpus: Path) -> list[tuple[Path, dict[str, str]]]:
    """(article file, {sentence beginning: speaker}) for every annotated article."""
    out = []
    for text_file in sorted(corpus.glob("*.txt")):
        notes = text_file.with_suffix(".json")
        if notes.exists():
            gold = {a["begins"]: a["speaker"] for a in json.loads(notes.read_text())["attributions"]}
            out.append((text_file, gold))
    return out


async def run(corpus: Path, seed: int, show_errors: bool) -> None:
    rng = random.Random(seed)
    articles = load(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        async with await Archive.open(Path(tmp) / "who.db") as archive:
            sentences: list[tuple[str, str]] = []  # (sentence text, gold speaker)
            for path, gold in articles:
                summary = await archive.add_text(path.read_bytes(), name=path.name)
                body = await archive.article_text(summary.ref.id)
                for begins, speaker in gold.items():
                    start = body.find(begins)
                    if start < 0:
                        continue
                    end = min(
                        (body.find(x, start + len(begins)) for x in (". ", '." ', ".\n", '."\n')),
                        key=lambda i: i if i >= 0 else 10**9,
                    )
                    sentences.append((body[start : end + 2 if end >= 0 else len(body)], speaker))
            top1: Counter[str] = Counter()
            top3: Counter[str] = Counter()
            asked: Counter[str] = Counter()
            latencies: list[float] = []
            errors: list[str] = []
            for text, speaker in sentences:
                base = stretch(text, rng)
                for label, perturb in PERTURBATIONS.items():
                    fragment = " ".join(perturb(list(base), rng))
                    t0 = time.perf_counter()
                    result = await archive.who(fragment, limit=3)
                    latencies.append((time.perf_counter() - t0) * 1000)
                    names = [fold(a.speaker) for a in result.answers]
                    asked[label] += 1
                    if names[:1] == [fold(speaker)]:
                        top1[label] += 1
                    elif show_errors:
                        errors.append(
                            f"[{label}] {fragment!r}: want {speaker},"
                            f" got {[a.speaker for a in result.answers]}"
                        )
                    if fold(speaker) in names[:3]:
                        top3[label] += 1
    total_asked = sum(asked.values())
    print(
        f"who on misremembered fragments: {len(articles)} articles, {len(sentences)} attributed sentences, "
        f"{total_asked} questions"
    )
    print(f"{'fragment':<16} {'n':>5} {'top-1':>7} {'top-3':>7}")
    for label in PERTURBATIONS:
        n = asked[label]
        print(f"{label:<16} {n:>5} {top1[label] / n:>7.3f} {top3[label] / n:>7.3f}")
    print(
        f"{'all':<16} {total_asked:>5} {sum(top1.values()) / total_asked:>7.3f}"
        f" {sum(top3.values()) / total_asked:>7.3f}"
    )
    q = statistics.quantiles(latencies, n=100)
    print(f"latency: p50 {q[49]:.2f} ms, p95 {q[94]:.2f} ms")
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, "
        f"{platform.platform()}"
    )
    for line in errors:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "tests" / "corpus"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    asyncio.run(run(Path(args.corpus), args.seed, args.errors))


if __name__ == "__main__":
    main()
