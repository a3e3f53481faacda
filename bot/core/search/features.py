"""The evidence `ask` ranks on: every sentence of the candidate paragraphs, scored on what
BM25 does not see (FEATURES, in order, with their fitted WEIGHTS from weights.json)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np
from cachetools import LRUCache
from rapidfuzz import fuzz, utils
from rapidfuzz.distance import LCSseq

from ..storage import ArchiveStore, Candidate
from . import clues, semantic
from .query import _WORD_RE, Query, _token_lists

PARAGRAPHS = 10  # candidate paragraphs for `ask`; all their sentences are scored


@dataclass(frozen=True, slots=True)
class _Parsed:
    """What ranking needs from one sentence, whatever the question: kept per sentence id."""

    text: str
    tokens: tuple[str, ...]
    words: frozenset[str]
    processed: str  # rapidfuzz's default_process
    heads: frozenset[str]  # word beginnings, for _prefix_gain
    # Whether it holds a time, a number, names (capitalised words not first in the sentence,
    # lower case): worked out when a question first asks for that kind, not for every sentence.
    kinds: dict[str, object] = field(default_factory=dict)


# By sentence id, checked against the text on use: a sentence's parse depends on its text
# alone, so no change to the archive can make an entry wrong, only unused.
_PARSED: LRUCache[int, _Parsed] = LRUCache(200_000)


async def _parsed(store: ArchiveStore, sentences: Sequence[Candidate]) -> list[_Parsed]:
    """Each sentence's _Parsed, from the cache (checked against its text) or made now."""
    out: list[_Parsed | None] = [None] * len(sentences)
    todo: list[int] = []
    for i, s in enumerate(sentences):
        p = _PARSED.get(s.sentence_id)
        if p is not None and p.text == s.text:
            out[i] = p
        else:
            todo.append(i)
    if todo:
        lists = await _token_lists(store, [sentences[i].text for i in todo])
        for i, tokens in zip(todo, lists, strict=True):
            text = sentences[i].text
            p = _Parsed(
                text=text,
                tokens=tuple(tokens),
                words=frozenset(tokens),
                processed=utils.default_process(text),
                heads=_heads(tokens),
            )
            _PARSED[sentences[i].sentence_id] = out[i] = p
    return out  # type: ignore[return-value]


_MONTHS = "january february march april may june july august september october november december"
_TIME_A = re.compile(
    rf"\b(1\d{{3}}|20\d\d|\d{{1,2}}(st|nd|rd|th)|\d+s|centur(y|ies)|decades?|years?|"
    rf"{_MONTHS.replace(' ', '|')}|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|bc|ad|bce|ce)\b",
    re.IGNORECASE,
)
_NUMBER_A = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundreds?|thousands?|millions?|billions?|dozens?|half|several|many|few)\b",
    re.IGNORECASE,
)
_NAME_A = re.compile(r"(?<=[\w,;:] )[A-Z][\w'-]+")  # capitalised, not first in the sentence


def _holds(kind: str | None, parsed: _Parsed, asked: set[str]) -> float:
    """1.0 when the sentence holds something of the kind asked for (a name the question does
    not already give, for "who"/"where")."""
    if kind is None:
        return 0.0
    found = parsed.kinds.get(kind)
    if found is None:
        text = parsed.text
        if kind == "time":
            found = bool(_TIME_A.search(text))
        elif kind == "number":
            found = bool(_NUMBER_A.search(text))
        else:
            found = tuple(w.lower() for w in _NAME_A.findall(text))
        parsed.kinds[kind] = found
    if kind == "name":
        return float(any(w not in asked for w in found))  # type: ignore[attr-defined]
    return float(found)  # type: ignore[arg-type]


def _coverage(query: Query, words: set[str], power: int = 1) -> float:
    """The share of the question's idf weight (to `power`) whose words appear in `words`."""
    folded = query.folded or {}
    total = sum(w**power for w in folded.values()) or 1.0
    return sum(w**power for f, w in folded.items() if f in words) / total


def _pairs(pairs: set[tuple[str, str]], tokens: Sequence[str], gap: int = 3) -> float:
    """The share of `pairs` (a, b) found in `tokens` with b at most `gap` words after a."""
    if not pairs:
        return 0.0
    needed = {w for pair in pairs for w in pair}
    where: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        if t in needed:
            where.setdefault(t, []).append(i)
    found = sum(
        1
        for a, b in pairs
        if a in where and b in where and any(0 < j - i <= gap for i in where[a] for j in where[b])
    )
    return found / len(pairs)


def _bm25(
    query: Query,
    tokens: Sequence[str],
    k1: float = 1.2,
    b: float = 0.75,
    average: float = 25.0,
    weights: dict[str, float] | None = None,
) -> float:
    """BM25 of one sentence's folded tokens against the question (sentence-level idf, or
    `weights` per folded word)."""
    folded = weights if weights is not None else (query.folded or {})
    norm = k1 * (1 - b + b * len(tokens) / average)
    score = 0.0
    for f, w in folded.items():
        if tf := tokens.count(f):
            score += w * tf * (k1 + 1) / (tf + norm)
    return score


# Evidence for `ask`, in the order _evidence() returns it, and its weight in the score.
# "Local" weights are the question word's idf times its rarity among the candidate
# sentences (or paragraphs): a word every candidate holds names the topic, not the answer.
FEATURES = (
    "paragraph_bm25",  # the paragraph's BM25 (FTS5), relative to the best paragraph's
    "paragraph_cover",  # share of the question's idf weight in the paragraph
    "rare_cover",  # ... in the sentence and its neighbours, with idf squared: the rarest words count most
    "sentence_bm25",  # BM25 of the sentence alone, relative to the best candidate's
    "best_bm25_in_paragraph",  # the best sentence_bm25 in the paragraph
    "paragraph_pairs",  # share of the question's adjacent content-word pairs found close together
    "in_order",  # question words in the sentence in the question's order (LCS share)
    "token_set",  # rapidfuzz token_set_ratio of the question's content words and the sentence
    "kind",  # the sentence holds the kind of answer asked for
    "local_bm25",  # sentence_bm25 with local weights (rarity among the candidate sentences)
    "prefix_cover",  # share of the question's weight found only as a word with the same first letters
    "local_paragraph_cover",  # paragraph_cover with local weights (sentence rarity): negative, see below
    "bigrams",  # share of the question's adjacent word pairs (any words) adjacent in the sentence
    "paragraph_rarity_cover",  # paragraph_cover with weights by rarity among the candidate paragraphs
    "paragraph_rank",  # 1 / the paragraph's place in the BM25 order
    # Meaning (semantic.py: static word vectors).
    "soft_cover",  # each question word's best cosine with a sentence word, idf-weighted
    "soft_gain",  # ... for the words missing as such from the sentence and its neighbours
    "sentence_cos",  # cosine of the question's and the sentence's vectors
    "paragraph_cos",  # ... and the paragraph's
    "local_soft",  # soft_cover with local weights (rarity among the candidate sentences)
    # Clues to the answer (clues.py), from the question's wording.
    "answer_type",  # holds a candidate answer of the asked type ("when": a year) the question lacks
    "answer_count",  # ... how many such candidates (a share of clues.MAX_FOUND)
    "unit_number",  # a number before the unit of "how many X"
    "length",  # log(1 + the sentence's words)
    "pronoun",  # opens with a pronoun
    "pronoun_after_match",  # ... after a sentence with the question's words (its local_bm25)
    "rarest_word",  # holds the question word rarest among the candidate sentences (local weights)
    "rare_pair",  # share of the two rarest it holds
    "density",  # distinct question words it holds / the fewest words spanning them all (2 or more)
    # Places among the candidates: 1 / the sentence's rank by each of three signals.
    "rank_local_bm25",
    "rank_local_soft",
    "rank_sentence_cos",
    "type_match",  # best cosine of the question's "what X" noun with a name the question lacks
)
RANKED_FULLY = 20  # candidates from which a sentence's place among them counts in full
# The weights, by feature name, with the fit that made them (date, data, seed, its
# cross-validated figures) beside them: bench/fit_weights.py writes weights.json from a
# dump of `ask`'s candidates (bench/squad_dump.py). local_paragraph_cover comes out
# negative: with paragraph_rarity_cover it acts as a pair, a paragraph gaining for question
# words few other paragraphs hold and losing for words few sentences hold (words rare
# everywhere, which then weigh too much in paragraph_cover).
FIT: dict[str, Any] = json.loads(resources.files(__package__).joinpath("weights.json").read_text("utf-8"))
WEIGHT_BY_NAME: dict[str, float] = FIT["weights"]
if set(WEIGHT_BY_NAME) != set(FEATURES):
    raise RuntimeError("weights.json does not name exactly the features FEATURES lists; refit it")
WEIGHTS = tuple(float(WEIGHT_BY_NAME[name]) for name in FEATURES)


def _local_weights(qitems: Sequence[tuple[str, float]], sets: Sequence[frozenset[str]]) -> dict[str, float]:
    """Each question word's idf times its rarity among `sets` (log (n + 1) / (df + 0.5))."""
    n = len(sets)
    return {f: w * math.log((n + 1) / (sum(1 for s in sets if f in s) + 0.5)) for f, w in qitems}


def _density(folded: dict[str, float], tokens: Sequence[str]) -> float:
    """How closely the question's words sit: the distinct content words of the question a
    sentence holds over the length of its shortest stretch holding them all (0 below two).
    The answer sits among them; a sentence naming them far apart is often about something else."""
    where = [(i, t) for i, t in enumerate(tokens) if t in folded]
    need = len({t for _i, t in where})
    if need < 2:
        return 0.0
    shortest = len(tokens)
    seen: dict[str, int] = {}
    lo = 0
    for i, t in where:  # a sliding window over the matches, shrunk from the left while complete
        seen[t] = seen.get(t, 0) + 1
        while len(seen) == need:
            first, head = where[lo]
            shortest = min(shortest, i - first + 1)
            seen[head] -= 1
            if not seen[head]:
                del seen[head]
            lo += 1
    return need / shortest


def _heads(tokens: Sequence[str]) -> frozenset[str]:
    """The prefixes _prefix_gain looks for: the first 5 letters of words of 5 or more, and
    (tagged "4:") the first 4 of words of 4 to 7 letters."""
    return frozenset(t[:5] for t in tokens if len(t) >= 5) | frozenset(
        "4:" + t[:4] for t in tokens if 4 <= len(t) <= 7
    )


def _prefix_gain(qitems: Sequence[tuple[str, float]], parsed: _Parsed) -> float:
    """The question weight a sentence holds only as a word sharing the first letters (5 of
    a longer word: 0.7 of its weight; 4 of a 4-letter word, in a word at most 3 longer: 0.5)."""
    gain = 0.0
    words, heads = parsed.words, parsed.heads
    for f, w in qitems:
        if len(f) < 4 or f in words:
            continue
        if len(f) >= 5:
            if f[:5] in heads:
                gain += 0.7 * w
        elif "4:" + f in heads:
            gain += 0.5 * w
    return gain


async def _evidence(
    store: ArchiveStore, query: Query, guild_id: int | None
) -> tuple[list[Candidate], list[tuple[float, ...]], list[float], dict[tuple[int, int], list[Candidate]]]:
    """Every sentence of the best paragraphs, its evidence (FEATURES order), its confidence,
    and the paragraphs' sentences by (article_id, paragraph)."""
    found = await store.best_paragraphs(query.match, guild_id, PARAGRAPHS)
    if not found:
        return [], [], [], {}
    hits = [(a, p, score) for a, p, score, _ in found]
    groups = {(a, p): sentences for a, p, _, sentences in found}
    every = [s for a, p, _ in hits for s in groups.get((a, p), [])]
    parsed = await _parsed(store, every)
    by_paragraph: list[list[_Parsed]] = []
    at = 0
    for key in ((a, para) for a, para, _ in hits):
        k = len(groups.get(key, []))
        by_paragraph.append(parsed[at : at + k])
        at += k
    rows, confidence = evidence_rows(query, [score for _a, _p, score in hits], by_paragraph)
    cands = [s for a, p, _ in hits for s in groups.get((a, p), [])]
    return cands, rows, confidence, groups


def evidence_rows(
    query: Query, scores: Sequence[float], by_paragraph: Sequence[Sequence[_Parsed]]
) -> tuple[list[tuple[float, ...]], list[float]]:
    """The evidence (FEATURES order) and confidence of every sentence of the candidate
    paragraphs (their BM25 `scores`, best first, and parsed sentences), in that order.
    Pure: bench/fit_weights.py computes it again from a dump of `ask`'s candidates."""
    if not scores:
        return [], []
    top = scores[0] or 1.0
    asked = {w.lower() for w in _WORD_RE.findall(query.text)}
    processed_q = utils.default_process(" ".join(query.words))
    folded = query.folded or {}
    total1 = sum(folded.values()) or 1.0
    total2 = sum(w * w for w in folded.values()) or 1.0
    qitems = list(folded.items())
    content = [t for t in query.tokens if t in folded]
    qpairs = set(zip(content, content[1:], strict=False))
    qtokens = query.tokens
    all_pairs = set(zip(qtokens, qtokens[1:], strict=False))
    n_pairs = max(len(all_pairs), 1)
    qlen = max(len(qtokens), 1)
    kind = query.kind
    wanted = clues.asked(query.text)
    parsed = [x for ps in by_paragraph for x in ps]
    rows: list[list[float]] = []
    confidence: list[float] = []
    opens: list[bool] = []  # the row is its paragraph's first sentence
    para_sets = [frozenset().union(*(x.words for x in ps)) for ps in by_paragraph]
    local = _local_weights(qitems, [x.words for x in parsed])
    local_items = list(local.items())
    # The question's two rarest words among the candidates. Their fitted weights come out
    # negative: rare_cover (idf squared) and local_bm25 reward these words so much that a
    # sentence holding them alone outranks one holding more of the question; this tempers it
    # (SQuAD, cross-validated: +0.003 acc@1, +0.002 acc@5).
    rarest = sorted(local, key=local.__getitem__, reverse=True)[:2]
    local_total = sum(local.values()) or 1.0
    rarity = _local_weights(qitems, para_sets)
    rarity_total = sum(rarity.values()) or 1.0
    token_set_ratio = fuzz.token_set_ratio
    lcs = LCSseq.similarity

    def cover(words: frozenset[str] | set[str]) -> float:
        return sum(w for f, w in qitems if f in words) / total1

    def cover2(words: frozenset[str] | set[str]) -> float:
        return sum(w * w for f, w in qitems if f in words) / total2

    for rank, (score, ps, para_words) in enumerate(zip(scores, by_paragraph, para_sets, strict=True)):
        if not ps:
            continue
        tokens = [p.tokens for p in ps]
        para_cover = cover(para_words)
        local_para = sum(w for f, w in local_items if f in para_words) / local_total
        rarity_para = sum(w for f, w in rarity.items() if f in para_words) / rarity_total
        para_pairs = _pairs(qpairs, [t for ts in tokens for t in ts])
        n = len(ps)
        windows = [ps[i].words.union(*(p.words for p in ps[max(i - 1, 0) : i + 2])) for i in range(n)]
        sentence_bm25 = [_bm25(query, t) for t in tokens]
        best_sentence = max(sentence_bm25, default=0.0)
        # SQLite's and PostgreSQL's BM25 of one paragraph can differ in the last bit; rounded,
        # the same archive in either gives the same scores (and order of ties) to the last bit.
        relative = round(score / top, 12)
        for i, p in enumerate(ps):
            opens.append(i == 0)
            rows.append(
                [
                    relative,
                    para_cover,
                    cover2(windows[i]),
                    sentence_bm25[i],
                    best_sentence,
                    para_pairs,
                    lcs(qtokens, p.tokens) / qlen,
                    token_set_ratio(processed_q, p.processed) / 100,
                    _holds(kind, p, asked),
                    _bm25(query, p.tokens, weights=local),
                    _prefix_gain(qitems, p) / total1,
                    local_para,
                    len(set(zip(p.tokens, p.tokens[1:], strict=False)) & all_pairs) / n_pairs,
                    rarity_para,
                    1 / (rank + 1),
                ]
            )
            confidence.append(cover(windows[i]))
    if not rows:
        return [], []
    words = [
        (word, query.weights.get(stem, 0.0), stem)
        for word, stem in zip(query.words, query.stems, strict=True)
    ]
    present = np.array([[stem in p.words for p in parsed] for _w, _x, stem in words], dtype=bool)
    paragraph_of = [k for k, ps in enumerate(by_paragraph) for _ in ps]
    meaning = semantic.evidence(
        [w for w, _x, _s in words],
        [x for _w, x, _s in words],
        present.reshape(len(words), len(parsed)),
        [p.text for p in parsed],
        paragraph_of,
    )
    for r, m in zip(rows, meaning.tolist(), strict=True):
        r.extend(m)
    best_bm25 = max(r[3] for r in rows) or 1.0
    best_local = max(r[9] for r in rows) or 1.0
    for r in rows:
        r[3] /= best_bm25
        r[4] /= best_bm25
        r[9] /= best_local
    previous = 0.0
    for r, p, first in zip(rows, parsed, opens, strict=True):
        pronoun = clues.opens_with_pronoun(p.text)
        r.extend(clues.clues(wanted, p.text, p.kinds))
        r.extend((clues.length(len(p.tokens)), pronoun, pronoun * (0.0 if first else previous)))
        previous = r[9]
        held = [w in p.words for w in rarest]
        r.extend((float(bool(held) and held[0]), sum(held) / (len(held) or 1), _density(folded, p.tokens)))
    # The linear score sees each signal's size; a sentence's place among the candidates
    # says more than the size alone (the best of weak matches, a close second).
    # (A place among a handful of candidates says little: scaled down below RANKED_FULLY.)
    scale = min(1.0, len(rows) / RANKED_FULLY)
    for at in (9, 19, 17):  # local_bm25, local_soft, sentence_cos
        column = np.array([r[at] for r in rows])
        place = np.empty(len(rows))
        place[np.argsort(-column, kind="stable")] = np.arange(1, len(rows) + 1)
        for r, x in zip(rows, (scale / place).tolist(), strict=True):
            r.append(x)
    names = [tuple(w for w in clues.capitalised(p.text, p.kinds) if w.lower() not in asked) for p in parsed]
    for r, x in zip(rows, semantic.type_match(clues.head_noun(query.text), names).tolist(), strict=True):
        r.append(x)
    return [tuple(r) for r in rows], confidence
