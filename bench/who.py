"""`who` on misremembered fragments: does the top answer name the right speaker?

Loads an annotated corpus (default: tests/corpus, the attribution test articles:
NAME.txt with NAME.json listing {"begins", "speaker", ...} per attributed sentence)
into a fresh archive, then for every attributed sentence asks `who` with fragments a
person might remember: a verbatim stretch of the quote, and the same stretch with a
word dropped, two words swapped, a typo, a function word changed, and several of those
together. Counts top-1 and top-3 speaker hits, per perturbation, and latency.

With --verify it measures `verify` instead: for every attributed sentence, quotes of
8-14 words (from its quotation, or from what follows its verb of saying: what was said, not
the narration that tells who said it) with the verdict they should get -- the words as written and the right speaker
(verbatim), one word changed (paraphrase), the content words kept in another order with
filler (reworded: a synthetic stand-in for a real paraphrase), the words as written and
another speaker of the corpus (misattributed), and words of other articles strung
together (not_found) -- and reports verdict accuracy per kind and a confusion table.

    python bench/who.py [CORPUS_DIR] [--seed N] [--errors] [--verify]
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


# What an unquoted sentence reports: the words after its first verb of saying (a stand-in,
# independent of the engine, for the clause a person would quote back).
REPORTED_RE = re.compile(
    r"\b(?:said|says|told\s+\w+|argued|argues|added|wrote|warned|noted|announced|claimed|insisted|"
    r"contended|acknowledged|predicted)\b(?:\s+that\b)?\s*"
)


def reported(text: str) -> str:
    """The reported clause of an unquoted sentence (after its verb of saying); "" when it has
    none (a stated position, "the union praised the decision": no words of anyone's to quote)."""
    found = REPORTED_RE.search(text)
    return text[found.end() :] if found else ""


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


FILLER = ("really", "basically", "honestly", "frankly", "clearly")
SMALL = frozenset("a an the of to in on and or but is are was were be that this it for with as by at".split())  # noqa: SIM905


NEGATION_RE = re.compile(r"(?i)^(?:never|cannot|nothing|nobody|neither|without|none)$|n[’']t$")


def changed_word(words: list[str], rng: random.Random, vocabulary: list[str]) -> list[str]:
    """One word of five letters or more replaced by a word from elsewhere in the corpus (not a
    negation: "never" or "wouldn't" replaced says the opposite, which is no paraphrase)."""
    spots = [i for i, w in enumerate(words) if len(w) >= 5 and not NEGATION_RE.search(w)] or list(
        range(len(words))
    )
    i = rng.choice(spots)
    new = rng.choice([v for v in vocabulary if v.lower() != words[i].lower()])
    return words[:i] + [new] + words[i + 1 :]


def reworded(words: list[str], rng: random.Random) -> list[str]:
    """The content words, halves swapped, with filler between: the same point, other wording."""
    content = [w for w in words if w.lower() not in SMALL]
    half = len(content) // 2
    return content[half:] + [rng.choice(FILLER)] + content[:half]


VERDICTS = ("verbatim", "paraphrase", "reworded", "misattributed", "not_found")


async def run_verify(corpus: Path, seed: int, show_errors: bool) -> None:
    rng = random.Random(seed)
    articles = load(corpus)
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        async with await Archive.open(Path(tmp) / "verify.db", seeds=None) as archive:
            cases: list[tuple[str, str, str]] = []  # (sentence, gold speaker, article name)
            for path, gold in articles:
                summary = await archive.add_text(path.read_bytes(), name=path.name)
                body = await archive.article_text(summary.ref.id)
                for begins, speaker in gold.items():
                    start = body.find(begins)
                    if start >= 0:  # the annotated sentence alone: up to its first full stop
                        ends = [body.find(x, start) for x in (". ", ".\u201d ", '." ', ".\n", "? ", "! ")]
                        end = min((e for e in ends if e >= 0), default=len(body))
                        cases.append((body[start : end + 1], speaker, path.name))
            vocabulary = sorted(
                {w.strip(',.;:!?"“”') for text, _s, _a in cases for w in text.split() if len(w) >= 5}
            )
            speakers = sorted({fold(s): s for _t, s, _a in cases}.values())
            for text, speaker, name in cases:
                quoted = QUOTE_RE.findall(text)
                said = max(quoted, key=len) if quoted else reported(text)
                words = [w.strip(',.;:!?"“”') for w in said.split()]
                if len(words) < 8:
                    continue
                size = rng.randint(8, min(14, len(words)))
                start = rng.randint(0, len(words) - size)
                base = [w for w in words[start : start + size] if w]
                other = rng.choice([s for s in speakers if fold(s) != fold(speaker)])
                strangers = [t for t, _s, a in cases if a != name]
                invented = " ".join(rng.choice(rng.choice(strangers).split()) for _ in range(size))
                for want, quote, by in (
                    ("verbatim", " ".join(base), speaker),
                    ("paraphrase", " ".join(changed_word(base, rng, vocabulary)), speaker),
                    ("reworded", " ".join(reworded(base, rng)), speaker),
                    ("misattributed", " ".join(base), other),
                    ("not_found", invented, speaker),
                ):
                    t0 = time.perf_counter()
                    result = await archive.verify(quote, by=by)
                    latencies.append((time.perf_counter() - t0) * 1000)
                    confusion[(want, result.verdict)] += 1
                    if show_errors and result.verdict != want:
                        errors.append(f"[{want} -> {result.verdict} {result.match:.0f}] by {by}: {quote!r}")
    total = sum(confusion.values())
    right = sum(n for (want, got), n in confusion.items() if want == got)
    print(f"verify on perturbed quotes: {len(articles)} articles, {total} quotes")
    print(f"{'want / got':<14}" + "".join(f"{v[:9]:>10}" for v in VERDICTS) + f"{'accuracy':>10}")
    for want in VERDICTS:
        row = [confusion[(want, got)] for got in VERDICTS]
        n = sum(row) or 1
        print(f"{want:<14}" + "".join(f"{x:>10}" for x in row) + f"{confusion[(want, want)] / n:>10.3f}")
    print(f"{'all':<14}{'':>50}{right / total:>10.3f}")
    q = statistics.quantiles(latencies, n=100)
    print(f"latency: p50 {q[49]:.2f} ms, p95 {q[94]:.2f} ms")
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, {platform.platform()}"
    )
    for line in errors:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "tests" / "corpus"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    parser.add_argument("--verify", action="store_true", help="measure verify's verdicts instead of who")
    args = parser.parse_args()
    if args.verify:
        asyncio.run(run_verify(Path(args.corpus), args.seed, args.errors))
    else:
        asyncio.run(run(Path(args.corpus), args.seed, args.errors))


if __name__ == "__main__":
    main()
