"""Sentence retrieval on SQuAD v1.1: does `ask` find the sentence that holds the answer?

    python bench/squad.py PATH/TO/squad-dev-v1.1-public.json [--misses N]

Each SQuAD article's paragraphs become ONE archive article (ingest.build_document, so
sentence splitting and attribution are the real ones) in a throw-away archive with no
seeds. Every question then goes through the code `archivist ask` runs:

- acc@1, acc@5 and MRR@10 come from `search.rank`, the ranking `ask` answers from,
  before `ask`'s confidence threshold (which would otherwise hide misses and hits alike);
  the weights were fitted on this public half, so that "rank" line is in-sample; the line
  after it prints the fit's cross-validated figures as weights.json records them
  (bench/fit_weights.py refits and measures them, by article, on a dump of the candidates);
- latency is measured on `Archive.ask` itself (ranking, threshold and answer assembly);
- "threshold" counts how often `ask` returned no answer although the top-ranked
  sentence was right (and how often it answered with a wrong one).

A hit is a sentence in the question's own paragraph that contains one of the gold
answer texts. "strict" also reports the stricter reading: the sentence holds the first
answer's `answer_start` offset. The baseline is plain FTS5 BM25 (porter tokenizer, OR of
every question word) over the same index, measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# bench/ holds a bot.py of its own (the Discord load benchmark); the script's folder is
# first on sys.path, so take it off or `import bot` would find that file, not the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import rapidfuzz  # noqa: E402

from bot.core import ingest, search  # noqa: E402
from bot.core.archive import Archive  # noqa: E402
from bot.core.models import Document  # noqa: E402
from bot.core.store import Store  # noqa: E402

_WORD_RE = re.compile(r"[^\W_]+")


def machine() -> str:
    """Cores, CPU model, Python, SQLite and rapidfuzz versions."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"machine: {os.cpu_count()} cores, {cpu}; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, rapidfuzz {rapidfuzz.__version__}"
    )


def baseline_match(question: str) -> str | None:
    """The plain baseline's FTS5 query: every question word, quoted, joined with OR."""
    words = list(dict.fromkeys(w.lower() for w in _WORD_RE.findall(question)))
    return " OR ".join(f'"{w}"' for w in words) if words else None


@dataclass
class Tally:
    """Ranks of the first hit (None: not in the top 10) and latencies of one method."""

    ranks: list[int | None] = field(default_factory=list)
    strict: list[int | None] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def line(self, name: str) -> str:
        n = len(self.ranks) or 1

        def at(ranks: list[int | None], k: int) -> float:
            return sum(1 for r in ranks if r is not None and r <= k) / n

        mrr = sum(1 / r for r in self.ranks if r is not None and r <= 10) / n
        ms = sorted(s * 1000 for s in self.seconds) or [0.0]
        p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
        return (
            f"{name:<10} acc@1 {at(self.ranks, 1):.3f}  acc@5 {at(self.ranks, 5):.3f}  MRR@10 {mrr:.3f}"
            f"  (strict acc@1 {at(self.strict, 1):.3f} acc@5 {at(self.strict, 5):.3f})"
            f"  p50 {statistics.median(ms):.2f} ms  p95 {p95:.2f} ms"
        )


def first_hit(keys: list[tuple[int, int]], is_hit) -> int | None:  # type: ignore[no-untyped-def]
    for i, key in enumerate(keys[:10], start=1):
        if is_hit(*key):
            return i
    return None


async def run(path: Path, misses: int) -> None:
    data = json.loads(path.read_text("utf-8"))["data"]
    with tempfile.TemporaryDirectory(prefix="archivist-squad-") as tmp:
        db = Path(tmp) / "squad.db"
        archive = await Archive.open(db, seeds=None)
        docs: dict[int, tuple[Document, list[int]]] = {}
        questions: list[tuple[str, int, int, list[str], int]] = []  # q, article, paragraph, answers, start
        t0 = time.perf_counter()
        for art in data:
            paragraphs = [p["context"] for p in art["paragraphs"]]
            doc = ingest.build_document(art["title"].replace("_", " "), paragraphs)
            summary = await archive.add_document(doc)
            # Paragraph start offsets in the body, corrected for any stripped leading space.
            starts = [
                start + (len(p) - len(p.lstrip()))
                for (start, _end), p in zip(doc.paragraphs, paragraphs, strict=True)
            ]
            docs[summary.ref.id] = (doc, starts)
            for p_index, para in enumerate(art["paragraphs"]):
                for qa in para["qas"]:
                    answers = [a["text"] for a in qa["answers"]]
                    questions.append(
                        (qa["question"], summary.ref.id, p_index, answers, qa["answers"][0]["answer_start"])
                    )
        ingest_s = time.perf_counter() - t0
        sentences = sum(len(d.sentences) for d, _ in docs.values())
        print(machine())
        print(
            f"data: {path.name}: {len(docs)} articles, {sentences} sentences, {len(questions)} questions;"
            f" ingested in {ingest_s:.1f} s"
        )

        store = await Store.open(db)  # a second connection for the ranking and the baseline
        aliases: dict[str, set[str]] = {}
        for alias, _sid, name, _n in await store.speaker_aliases(None):
            aliases.setdefault(alias.lower().removeprefix("the "), set()).add(name)

        ours, ask_tally, base = Tally(), Tally(), Tally()
        rejected_right = rejected = answered_wrong = 0
        missed: list[str] = []
        for question, article_id, p_index, answers, answer_start in questions:
            doc, starts = docs[article_id]

            def hit(
                a_id: int, idx: int, doc=doc, article_id=article_id, p_index=p_index, answers=answers
            ) -> bool:
                if a_id != article_id:
                    return False
                s = doc.sentences[idx]
                return s.paragraph == p_index and any(a in s.text for a in answers)

            def strict(
                a_id: int,
                idx: int,
                doc=doc,
                starts=starts,
                article_id=article_id,
                p_index=p_index,
                answer_start=answer_start,
            ) -> bool:
                if a_id != article_id:
                    return False
                s = doc.sentences[idx]
                at = starts[p_index] + answer_start
                return s.paragraph == p_index and s.start <= at < s.end

            t = time.perf_counter()
            _text, ranked = await search.rank(store, question, None, aliases)
            ours.seconds.append(time.perf_counter() - t)
            keys = [(r.candidate.article_id, r.candidate.idx) for r in ranked[:10]]
            ours.ranks.append(first_hit(keys, hit))
            ours.strict.append(first_hit(keys, strict))

            t = time.perf_counter()
            result = await archive.ask(question, limit=5)
            ask_tally.seconds.append(time.perf_counter() - t)
            ask_keys = [(a.article.id, a.sentence_index) for a in result.answers]
            ask_tally.ranks.append(first_hit(ask_keys, hit))
            ask_tally.strict.append(first_hit(ask_keys, strict))
            if not result.answers:
                rejected += 1
                rejected_right += ours.ranks[-1] == 1
            elif not hit(*ask_keys[0]):
                answered_wrong += 1

            match = baseline_match(question)
            t = time.perf_counter()
            cands = await store.candidates(match, None, 10) if match else []
            base.seconds.append(time.perf_counter() - t)
            base_keys = [(c.article_id, c.idx) for c in cands]
            base.ranks.append(first_hit(base_keys, hit))
            base.strict.append(first_hit(base_keys, strict))

            if ours.ranks[-1] != 1 and len(missed) < misses:
                top = (
                    doc.sentences[ranked[0].candidate.idx].text
                    if ranked and ranked[0].candidate.article_id == article_id
                    else (ranked[0].candidate.text if ranked else "-")
                )
                missed.append(
                    f"Q: {question}\n   gold: {answers[0]!r}  rank {ours.ranks[-1]}\n   top: {top[:200]}"
                )

        n = len(questions)
        print(ours.line("rank"))
        # The weights were fitted on this public half: "rank" above is in-sample. The held-out
        # figure to report is the fit's own, cross-validated by article (bench/fit_weights.py).
        fit = search.features.FIT
        cv = fit["cross_validated"]
        print(
            f"rank, cross-validated by article (as weights.json records it: {fit['fitter']},"
            f" {fit['folds']} folds, seed {fit['seed']}, fitted {fit['fitted']}):"
            f" acc@1 {cv['acc@1']:.3f}  acc@5 {cv['acc@5']:.3f}  MRR@10 {cv['mrr@10']:.3f}"
        )
        print(ask_tally.line("ask"))
        print(base.line("bm25"))
        print(
            f"ask threshold: no answer for {rejected} of {n} questions ({rejected / n:.1%}),"
            f" {rejected_right} of them ({rejected_right / n:.1%} of all) with a right top-1;"
            f" answered with a wrong top-1: {answered_wrong} ({answered_wrong / n:.1%})"
        )
        for m in missed:
            print(m)
        await store.close()
        await archive.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", type=Path, help="SQuAD v1.1 JSON (e.g. squad-dev-v1.1-public.json)")
    parser.add_argument("--misses", type=int, default=0, help="print this many questions missed at rank 1")
    args = parser.parse_args()
    if not args.path.is_file():
        sys.exit(f"There is no file {str(args.path)!r}.")
    asyncio.run(run(args.path, args.misses))


if __name__ == "__main__":
    main()
