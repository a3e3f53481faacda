"""Fit `ask`'s ranking weights on a dump of its candidates, cross-validated by article.

    python bench/squad_dump.py SQUAD.json DUMP.pickle
    python bench/fit_weights.py SQUAD.json DUMP.pickle [--folds 5] [--seed 7] [--l2 0.0001] [--write]

Every question's candidate sentences (the first search.features.PARAGRAPHS paragraphs of
the dump, as `ask` reads them) get their evidence from search.features.evidence_rows, the
function `ask` itself runs. The weights maximise, over the questions, the log of the
softmax probability the score gives to the question's hit sentences (a listwise loss: what
matters is the order within a question), with an L2 penalty, by L-BFGS from all-zero
weights (deterministic). Questions whose candidates hold no hit teach nothing but count
as misses in every figure.

Figures are held out: the SQuAD articles are split into `--folds` groups (shuffled with
`--seed`), weights are fitted on the other groups' questions and measured on the group's
own, so no article's questions are ranked by weights fitted on it. The weights in the
repository, the all-ones weights and paragraph BM25 alone are measured on the same
questions for comparison (the repository's weights were fitted on this same data, so
their figure is in-sample). `--write` fits once on every question and writes
bot/core/search/weights.json with the fit's date, data, seed and held-out figures.

Needs scipy (pip install scipy), which Archivist itself does not.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import pickle
import platform
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from bot.core.search import features  # noqa: E402
from bot.core.search.ask import SPEAKER_BONUS  # noqa: E402

WEIGHTS_FILE = ROOT / "bot" / "core" / "search" / "weights.json"


@dataclass
class Question:
    """One question's candidates: evidence rows, the speaker bonus, hit labels, its article."""

    x: np.ndarray  # (candidates, features)
    bonus: np.ndarray  # (candidates,)
    hit: np.ndarray  # (candidates,) bool
    article: int


def load(squad: Path, dump: Path) -> list[Question]:
    """The dump's questions, in the SQuAD file's order (which gives each one's article)."""
    articles = [
        i for i, art in enumerate(json.loads(squad.read_text("utf-8"))["data"])
        for para in art["paragraphs"] for _qa in para["qas"]
    ]  # fmt: skip
    rows = pickle.loads(dump.read_bytes())
    if len(rows) != len(articles):
        raise SystemExit(f"{dump} holds {len(rows)} questions; {squad} has {len(articles)}")
    out = []
    n = len(features.FEATURES)
    for (_question, query, paras, _answers), article in zip(rows, articles, strict=True):
        paras = paras[: features.PARAGRAPHS]
        if query is None or not paras:
            out.append(Question(np.zeros((0, n)), np.zeros(0), np.zeros(0, bool), article))
            continue
        scores = [score for _a, _p, score, _s in paras]
        parsed = [[pr for _idx, _text, _named, pr, _hit in sents] for _a, _p, _score, sents in paras]
        evidence, _confidence = features.evidence_rows(query, scores, parsed)
        flat = [s for _a, _p, _score, sents in paras for s in sents]
        out.append(
            Question(
                np.array(evidence, dtype=float).reshape(-1, n),
                np.array([SPEAKER_BONUS if named else 0.0 for _i, _t, named, _p, _h in flat]),
                np.array([hit for _i, _t, _n, _p, hit in flat], dtype=bool),
                article,
            )
        )
    return out


def fit(questions: list[Question], l2: float) -> np.ndarray:
    """Weights maximising the mean log softmax probability of each question's hits."""
    usable = [q for q in questions if q.hit.any()]
    x = np.concatenate([q.x for q in usable])
    bonus = np.concatenate([q.bonus for q in usable])
    hit = np.concatenate([q.hit for q in usable])
    starts = np.cumsum([0] + [len(q.hit) for q in usable[:-1]])
    segment = np.repeat(np.arange(len(usable)), [len(q.hit) for q in usable])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w + bonus
        peak = np.maximum.reduceat(s, starts)[segment]
        e = np.exp(s - peak)
        all_sum = np.add.reduceat(e, starts)
        hit_sum = np.add.reduceat(e * hit, starts)
        value = -np.mean(np.log(hit_sum) - np.log(all_sum)) + l2 * w @ w
        # d/ds: softmax over all candidates minus softmax over the hits.
        g = e / all_sum[segment] - e * hit / hit_sum[segment]
        return float(value), x.T @ g / len(usable) + 2 * l2 * w

    found = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return np.asarray(found.x)


def ranks(questions: list[Question], w: np.ndarray) -> list[int | None]:
    """Each question's rank of its first hit (1 = top), None when no candidate is a hit."""
    out: list[int | None] = []
    for q in questions:
        if not q.hit.any():
            out.append(None)
            continue
        order = np.argsort(-(q.x @ w + q.bonus), kind="stable")
        out.append(int(np.flatnonzero(q.hit[order])[0]) + 1)
    return out


def figures(found: list[int | None]) -> dict[str, float]:
    """acc@1, acc@5 and MRR@10 of a list of ranks, as bench/squad.py counts them."""
    n = len(found) or 1
    return {
        "acc@1": sum(r == 1 for r in found) / n,
        "acc@5": sum(r is not None and r <= 5 for r in found) / n,
        "mrr@10": sum(1 / r for r in found if r is not None and r <= 10) / n,
    }


def line(label: str, f: dict[str, float]) -> str:
    return f"{label:<34} acc@1 {f['acc@1']:.3f}  acc@5 {f['acc@5']:.3f}  MRR@10 {f['mrr@10']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("squad", type=Path)
    parser.add_argument("dump", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--l2", type=float, default=0.0001)
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE.relative_to(ROOT)}")
    args = parser.parse_args()
    questions = load(args.squad, args.dump)
    articles = sorted({q.article for q in questions})
    random.Random(args.seed).shuffle(articles)
    fold_of = {a: i % args.folds for i, a in enumerate(articles)}
    held: list[int | None] = [None] * len(questions)
    fold_weights = []
    for k in range(args.folds):
        train = [q for q in questions if fold_of[q.article] != k]
        w = fit(train, args.l2)
        fold_weights.append(w)
        test = [i for i, q in enumerate(questions) if fold_of[q.article] == k]
        for i, r in zip(test, ranks([questions[i] for i in test], w), strict=True):
            held[i] = r
    n = len(features.FEATURES)
    repo = np.array([features.WEIGHTS[i] for i in range(n)])
    bm25 = (
        np.eye(n)[features.FEATURES.index("paragraph_bm25")]
        + 1e-6 * np.eye(n)[features.FEATURES.index("sentence_bm25")]
    )
    cv = figures(held)
    print(
        f"{len(questions)} questions over {len(articles)} articles "
        f"({sum(q.hit.any() for q in questions)} with a hit among the candidates); "
        f"{args.folds} folds by article, seed {args.seed}, l2 {args.l2}"
    )
    print(line("fitted, held out (cross-validated)", cv))
    print(line("repository weights (in-sample)", figures(ranks(questions, repo))))
    print(line("all weights 1.0", figures(ranks(questions, np.ones(n)))))
    print(line("paragraph BM25 alone", figures(ranks(questions, bm25))))
    spread = np.std(np.array(fold_weights), axis=0)
    print("weight (all questions) +- spread over folds:")
    final = fit(questions, args.l2)
    for name, w, sd in zip(features.FEATURES, final, spread, strict=True):
        print(f"  {name:<24} {w:>7.2f} +- {sd:.2f}")
    rounded = [round(float(w), 1) for w in final]
    rounded_held: list[int | None] = [None] * len(questions)
    for k, w in enumerate(fold_weights):
        test = [i for i, q in enumerate(questions) if fold_of[q.article] == k]
        for i, r in zip(test, ranks([questions[i] for i in test], np.round(w, 1)), strict=True):
            rounded_held[i] = r
    print(line("rounded to 0.1, held out", figures(rounded_held)))
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    if args.write:
        digest = hashlib.sha256(args.squad.read_bytes()).hexdigest()[:16]
        record = {
            "fitted": datetime.date.today().isoformat(),
            "data": f"{args.squad.name} (sha256 {digest}...), {len(questions)} questions, "
            f"candidates from bench/squad_dump.py",
            "fitter": "bench/fit_weights.py",
            "seed": args.seed,
            "folds": args.folds,
            "l2": args.l2,
            "cross_validated": {k: round(v, 4) for k, v in cv.items()},
            "weights": dict(zip(features.FEATURES, rounded, strict=True)),
        }
        WEIGHTS_FILE.write_text(json.dumps(record, indent=2) + "\n", "utf-8")
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
