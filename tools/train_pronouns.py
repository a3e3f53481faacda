"""Fit bot/core/attribution/pronoun_weights.json: which earlier person a "he"/"she" speaker is.

    python tools/train_pronouns.py ARTICLES.jsonl [--scorer PATH/score.py] [--folds 5]
        [--seed 0] [--l2 1.0] [--out PATH] [--no-write]

ARTICLES is annotated news in PolNeAR's converted format (each article's text with the
character spans of every attribution's source). Every article is parsed by the project's
own pipeline; each time it resolves a "he" or "she" that has no antecedent in its own
sentence (bot.core.attribution.antecedents), the candidates and their features are
recorded. Where an annotated attribution's source span is that very pronoun, the
candidates whose name is the annotated speaker (the data set scorer's `same_speaker`) are
the right answer. The model is a conditional logit (a softmax over each decision's
candidates) with an L2 penalty, fitted by Newton's method: no library beyond numpy.

With --folds K (default 5) the articles are split by article into K folds; each fold is
parsed with weights fitted on the other folds only and scored with the data set's scorer,
and the summed figures print beside those of the recency rule (no weights file): the
cross-validated gain, the figure to report. The weights written are fitted on every article.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_real import exported, load_scorer, report  # noqa: E402

from bot.core.attribution import antecedents  # noqa: E402
from bot.core.attribution.antecedents import FEATURES, Situation  # noqa: E402
from bot.core.attribution.entities import Entity  # noqa: E402
from bot.core.attribution.pipeline import attribute  # noqa: E402
from bot.core.ingest import parse  # noqa: E402

OUT = ROOT / "bot" / "core" / "attribution" / "pronoun_weights.json"
Decision = tuple[np.ndarray, np.ndarray]  # (candidates x features, 0/1 labels)
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# What a missing weights file leaves: the most recently named candidate wins.
RECENCY = np.array([3.0 if name == "recency_rank_0" else 0.0 for name in FEATURES])


def decisions(art: dict, scorer: Any) -> list[Decision]:
    """The labelled pronoun decisions the pipeline makes on one article."""
    doc = parse(art["text"].encode("utf-8"), name="article.txt")
    seen: list[tuple[Situation, list[Entity], list[list[float]]]] = []
    attribute(doc, observe=lambda where, people, rows: seen.append((where, people, rows)))
    text = art["text"]
    sources: dict[int, dict] = {}
    for g in art["attributions"]:
        if g.get("speaker_ambiguous") or (g.get("speaker_mention") or "").lower() not in ("he", "she"):
            continue
        for a, _b in g.get("source_spans") or []:
            sources[a] = g
    out: list[Decision] = []
    done: set[int] = set()
    cursor = 0
    for where, people, rows in seen:
        sentence = doc.sentences[where.index].text
        start = text.find(sentence, cursor if where.index else 0)
        if start < 0:
            start = text.find(sentence)
        if start < 0:
            continue  # the reader normalised this sentence's text: no span to compare
        cursor = start
        # The pronoun is the first "he"/"she" in the sentence whose position an annotated source holds.
        for at in _pronoun_positions(sentence):
            g = sources.get(start + at)
            if g is None or start + at in done:
                continue
            labels = [scorer.same_speaker(e.name, g["speaker"], g.get("speaker_aliases", [])) for e in people]
            done.add(start + at)
            if any(labels):
                out.append((np.array(rows, dtype=float), np.array(labels, dtype=float)))
            break
    return out


def _pronoun_positions(sentence: str) -> list[int]:
    return [m.start() for m in _PRONOUN_RE.finditer(sentence)]


def fit(data: list[Decision], l2: float) -> np.ndarray:
    """Conditional-logit weights: each decision's softmax puts its mass on the right candidates."""
    w = np.zeros(len(FEATURES))
    for _ in range(50):
        grad = l2 * w
        hess = l2 * np.eye(len(w))
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            target = y / y.sum()
            mean = p @ x
            grad += mean - target @ x
            centered = x - mean
            hess += centered.T @ (centered * p[:, None])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def top1(data: list[Decision], w: np.ndarray) -> float:
    """How often the best-scoring candidate is a right one (first wins a tie, as `choose` breaks it)."""
    right = sum(y[int(np.argmax(x @ w))] > 0 for x, y in data)
    return right / max(1, len(data))


def score(articles: list[dict], scorer: Any, stats: dict) -> None:
    for i, art in enumerate(articles):
        doc = parse(art["text"].encode("utf-8"), name=f"{i:03d}.txt")
        scorer.score_article(art, exported(doc), stats, None)


def use(w: np.ndarray | None) -> None:
    """Make the pipeline rank with `w` (None: the recency rule of a missing weights file)."""
    chosen = tuple(float(v) for v in (RECENCY if w is None else w))
    antecedents.weights = lambda: chosen  # type: ignore[assignment]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", action="store_true", help="report only; leave the weights file alone")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer or a.articles.parent / "score.py")
    articles = [json.loads(line) for line in a.articles.open(encoding="utf-8")]
    order = list(range(len(articles)))
    random.Random(a.seed).shuffle(order)
    fold_of = {i: k % a.folds for k, i in enumerate(order)}

    # Features as the recency rule leaves the article's state (who spoke, who was named).
    use(None)
    data = {i: decisions(art, scorer) for i, art in enumerate(articles)}
    n = sum(len(d) for d in data.values())
    print(f"{len(articles)} articles, {n} labelled pronoun decisions")

    base_stats: dict = collections.defaultdict(collections.Counter)
    cv_stats: dict = collections.defaultdict(collections.Counter)
    base_top, cv_top = [], []
    for k in range(a.folds):
        train = [d for i, ds in data.items() if fold_of[i] != k for d in ds]
        test = [d for i, ds in data.items() if fold_of[i] == k for d in ds]
        w = fit(train, a.l2)
        held = [art for i, art in enumerate(articles) if fold_of[i] == k]
        use(None)
        base_top.append(top1(test, RECENCY) * len(test))
        score(held, scorer, base_stats)
        use(w)
        cv_top.append(top1(test, w) * len(test))
        score(held, scorer, cv_stats)
        print(
            f"fold {k}: decisions {len(test)}, recency top-1 {base_top[-1] / max(1, len(test)):.3f}, "
            f"model top-1 {cv_top[-1] / max(1, len(test)):.3f}"
        )
    print(
        f"pronoun decisions top-1, cross-validated by article: recency {sum(base_top) / n:.3f}, "
        f"model {sum(cv_top) / n:.3f}"
    )
    print("\nthe recency rule (no weights file), scored by the data set's scorer:")
    report(base_stats, len(articles))
    print(f"\nthe model, {a.folds}-fold cross-validated by article:")
    report(cv_stats, len(articles))

    everything = [d for ds in data.values() for d in ds]
    w = fit(everything, a.l2)
    print(f"\nfitted on all {n} decisions (in-sample top-1 {top1(everything, w):.3f}):")
    for name, value in sorted(zip(FEATURES, w, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {name:20s} {value:+.3f}")
    if not a.no_write:
        record = {
            "about": "Conditional-logit weights for antecedents.choose, by feature name.",
            "trained_on": f"{a.articles.name} ({len(articles)} articles, {n} pronoun decisions)",
            "script": "tools/train_pronouns.py",
            "date": datetime.date.today().isoformat(),
            "seed": a.seed,
            "l2": a.l2,
            "cross_validated_top1": {
                "recency": round(sum(base_top) / n, 4),
                "model": round(sum(cv_top) / n, 4),
            },
            "weights": {name: round(float(v), 4) for name, v in zip(FEATURES, w, strict=True)},
        }
        a.out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
