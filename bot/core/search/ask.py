"""`ask`: the best passages for a question (candidate paragraphs, evidence, weights, threshold)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import SearchResult
from ..storage import ArchiveStore, Candidate
from .answers import _answers
from .features import WEIGHTS, _evidence
from .query import Query, clean, prepare

ASK_THRESHOLD = 0.4  # share of the question's idf weight the answer and its neighbours must hold
SPEAKER_BONUS = 1.0  # the question names the sentence's speaker


@dataclass(frozen=True, slots=True)
class Ranked:
    """One candidate sentence as `ask` ranks it: `score` orders, `confidence` gates."""

    score: float
    confidence: float
    candidate: Candidate


async def _rank(
    store: ArchiveStore,
    question: str,
    guild_id: int | None,
    speaker_aliases: dict[str, set[str]] | None = None,
) -> tuple[str, list[Ranked], dict[tuple[int, int], list[Candidate]]]:
    """rank(), with the candidate paragraphs' sentences (for _answers)."""
    query = await prepare(store, question)
    if query is None:
        return clean(question), [], {}
    cands, evidence, confidence, groups = await _evidence(store, query, guild_id)
    named = _named_speakers(query, speaker_aliases or {})
    ranked = []
    weights = WEIGHTS
    for c, ev, conf in zip(cands, evidence, confidence, strict=True):
        score = sum(w * x for w, x in zip(weights, ev, strict=True))
        if c.speaker and c.speaker in named:
            score += SPEAKER_BONUS
        ranked.append(Ranked(score, conf, c))
    ranked.sort(key=lambda r: r.score, reverse=True)
    return query.text, ranked, groups


async def rank(
    store: ArchiveStore,
    question: str,
    guild_id: int | None,
    speaker_aliases: dict[str, set[str]] | None = None,
) -> tuple[str, list[Ranked]]:
    """(cleaned question, candidate sentences best first), before any threshold.

    `ask` answers from this list; benchmarks measure it directly."""
    text, ranked, _groups = await _rank(store, question, guild_id, speaker_aliases)
    return text, ranked


async def ask(
    store: ArchiveStore,
    question: str,
    guild_id: int | None,
    limit: int,
    speaker_aliases: dict[str, set[str]] | None = None,
) -> SearchResult:
    """The best passages for a question; below the threshold, only suggestions."""
    text, ranked, groups = await _rank(store, question, guild_id, speaker_aliases)
    if not ranked:
        return SearchResult(query=text)
    good = [(r.score, r.candidate) for r in ranked if r.confidence >= ASK_THRESHOLD]
    if good and ranked[0].confidence >= ASK_THRESHOLD:
        return SearchResult(query=text, answers=tuple(await _answers(store, good, limit, paragraphs=groups)))
    return SearchResult(
        query=text,
        suggestions=tuple(
            await _answers(store, [(r.score, r.candidate) for r in ranked], 3, paragraphs=groups)
        ),
    )


def alias_index(aliases: Sequence[tuple[str, int, str, int]]) -> dict[str, set[str]]:
    """alias (lower case, no leading "the ") -> canonical names, from ArchiveStore.speaker_aliases rows."""
    index: dict[str, set[str]] = {}
    for alias, _sid, name, _n in aliases:
        index.setdefault(alias.lower().removeprefix("the "), set()).add(name)
    return index


def _named_speakers(query: Query, aliases: dict[str, set[str]]) -> set[str]:
    """Canonical names of speakers the question mentions by any alias."""
    words = [w.lower() for w in query.words]
    named: set[str] = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            named |= aliases.get(" ".join(words[i : i + n]), set())
    return named
