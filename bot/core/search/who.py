"""`who`: the attributions whose words best match a (possibly misremembered) fragment."""

from __future__ import annotations

from rapidfuzz import fuzz, utils

from ..models import SearchResult
from ..storage import ArchiveStore, Candidate
from .answers import _answers
from .features import _coverage
from .query import WHO_POSTINGS, Query, _token_lists, clean, prepare

WHO_CANDIDATES = 40  # attributed sentences reranked for `who`


WHO_THRESHOLD = 0.55
WHO_MARGIN = 0.06


async def ranked_statements(
    store: ArchiveStore, query: Query, guild_id: int | None
) -> list[tuple[float, Candidate]]:
    """Attributions whose words match `query`, best first, with `who`'s score (0-1)."""
    cands = await store.quote_candidates(query.plan(WHO_POSTINGS), guild_id, WHO_CANDIDATES)
    if not cands:
        return []
    # A sentence is scored once, whichever of its attributions matched (the index holds one
    # row per attribution): its best row's BM25 stands for all of them.
    sentence_bm25: dict[int, float] = {}
    for c in cands:
        sentence_bm25[c.sentence_id] = max(c.bm25, sentence_bm25.get(c.sentence_id, c.bm25))
    top_bm25 = max(sentence_bm25.values()) or 1.0
    frag = utils.default_process(query.text)
    scored: list[tuple[float, float, int, Candidate]] = []
    token_lists = await _token_lists(store, [c.text for c in cands])
    content_lists = await _token_lists(store, [c.content or c.text for c in cands])
    for c, tokens, said in zip(cands, token_lists, content_lists, strict=True):
        sentence = utils.default_process(c.text)
        # partial_ratio aligns the fragment with its best window in the sentence: a
        # misremembered quote still lines up with the words around it.
        aligned = (
            fuzz.partial_ratio(frag, sentence) / 100
            if len(frag) <= len(sentence)
            else fuzz.ratio(frag, sentence) / 100
        )
        overlap = fuzz.token_set_ratio(frag, sentence) / 100
        cover = _coverage(query, set(tokens))
        score = (
            0.45 * aligned + 0.2 * overlap + 0.2 * cover + 0.15 * (sentence_bm25[c.sentence_id] / top_bm25)
        )
        # One sentence's attributions score alike: the one whose own content holds most of the
        # fragment's weight answers ("A said X, but B said Y": Y's words answer B), the main
        # one when they hold alike.
        scored.append((score, _coverage(query, set(said)), -c.ordinal, c))
    scored.sort(key=lambda r: r[:3], reverse=True)
    return [(score, c) for score, _clause, _main, c in scored]


async def who(store: ArchiveStore, fragment: str, guild_id: int | None, limit: int) -> SearchResult:
    """Attributed sentences that best match a (possibly misremembered) fragment."""
    query = await prepare(store, fragment)
    if query is None:
        return SearchResult(query=clean(fragment))
    ranked = await ranked_statements(store, query, guild_id)
    if not ranked:
        return SearchResult(query=query.text)
    best = ranked[0][0]
    if best < WHO_THRESHOLD:
        return SearchResult(query=query.text, suggestions=tuple(await _answers(store, ranked, 3)))
    # Several answers when others come close (ambiguous); one clear winner otherwise.
    close = [(s, c) for s, c in ranked if s >= best - WHO_MARGIN and s >= WHO_THRESHOLD]
    answers = await _answers(store, close if len(close) > 1 else ranked, limit)
    if len(close) <= 1:
        answers = answers[:1] + [a for a in answers[1:] if a.score >= WHO_THRESHOLD]
    # The top speaker wins outright only when clearly ahead: otherwise the others who said
    # about as much are named.
    top = ranked[0][1].speaker
    others = {c.speaker: None for _s, c in close[1:] if c.speaker and c.speaker != top}
    return SearchResult(query=query.text, answers=tuple(answers), did_you_mean=tuple(others))
