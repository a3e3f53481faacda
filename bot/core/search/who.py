"""`who`: the attributions whose words best match a (possibly misremembered) fragment."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from rapidfuzz import fuzz, utils

from ..attribution.described import described_subject
from ..ingest import stored_document
from ..models import SearchResult
from ..storage import ArchiveStore, Candidate
from .answers import _answers
from .features import _coverage
from .query import _WORD_RE, STOPWORDS, WHO_POSTINGS, Query, _group, _quote, _token_lists, clean, prepare

WHO_CANDIDATES = 40  # attributed sentences reranked for `who`
NEARLY_ALL = 4  # the fragment's rarest words, of which a first candidate holds all but one
# A candidate holding nearly all the rarest words that lines up this well answers: no wider search.
WHO_CLOSE = 0.7
PHRASES = 3  # adjacent word pairs of the fragment searched as phrases
WHO_PHRASE_CANDIDATES = 12  # of them, the best by BM25
# A rare-word candidate scoring this lines the fragment up well enough: no phrase search.
WHO_SURE = 0.85


WHO_THRESHOLD = 0.60
WHO_MARGIN = 0.06
# A sentence no cue attributes answers (naming whom it describes) only when it lines the
# fragment up this much better than every attributed one, from among this many candidates.
DESCRIBED_MARGIN = 0.05
DESCRIBED_CANDIDATES = 10
_NON_WORD_RE = re.compile(r"[^\w]|_")


async def ranked_statements(
    store: ArchiveStore, query: Query, guild_id: int | None
) -> list[tuple[float, Candidate]]:
    """Attributions whose words match `query`, best first, with `who`'s score (0-1).

    First the attributions holding all but one of the fragment's NEARLY_ALL rarest words
    (both of two): few rows at any size, and one wrong or inserted word does not lose the
    quote. FTS5 computes BM25 for every row an expression matches, and an OR of a fragment's
    rare words matches thousands at a million sentences, so that wider search (query.plan)
    is spent only when none of the first lines up (below WHO_CLOSE). When none of those
    lines up well either (below WHO_SURE), the fragment's adjacent word pairs are searched
    as phrases: two words side by side are rare however common each is, and one changed
    word leaves the other pairs intact. A fragment whose one searchable word is common is
    searched by its phrases alone."""
    scored: list[tuple[float, float, int, Candidate]] = []
    seen: set[tuple[int, int]] = set()

    async def search(match: str, limit: int) -> None:
        # Each search is scored apart: its BM25 counts relative to its own best (searches
        # are not on one scale).
        found = await store.quote_candidates(match, guild_id, limit)
        rows = [c for c in found if (c.sentence_id, c.ordinal) not in seen]
        seen.update((c.sentence_id, c.ordinal) for c in rows)
        scored.extend(await _scored(store, query, rows))

    def best() -> float:
        return max((r[0] for r in scored), default=0.0)

    if nearly := _nearly_all(query):
        await search(nearly, WHO_CANDIDATES)
    if best() < WHO_CLOSE:
        phrases = _phrase_match(query)
        # One searchable word, and a common one ("the series would return"): BM25 over all
        # its rows costs the most of any search and finds nothing in particular; the words
        # beside it, as phrases, are the fragment's evidence.
        if not (phrases and len(query.terms) == 1 and query.terms[0].df > WHO_POSTINGS):
            await search(query.plan(WHO_POSTINGS), WHO_CANDIDATES)
        if best() < WHO_SURE and phrases:
            await search(phrases, WHO_PHRASE_CANDIDATES)
    scored.sort(key=lambda r: r[:3], reverse=True)
    return [(score, c) for score, _clause, _main, c in scored]


def _nearly_all(query: Query) -> str:
    """An FTS5 expression for the rows holding all but one of the fragment's NEARLY_ALL
    rarest words (both of two); "" for a fragment of one searchable word. A word the
    archive lacks (a misspelling) is not among them; one it holds but the quote does not
    ("really") is the one left out."""
    groups = [_group(t.word) for t in query.terms[:NEARLY_ALL]]
    if len(groups) < 3:
        return " AND ".join(groups) if len(groups) == 2 else ""
    return _all_but_one(groups)


def _all_but_one(groups: list[str]) -> str:
    """Rows holding all but one of `groups` (two or more): all of one half and all but one
    of the other, or the other way round. FTS5's BM25 reads every row of every word the
    expression names to count it, each time it is named: (a AND b AND (c OR d)) OR
    ((a OR b) AND c AND d) names each word twice, the four groups of three it equals
    three times."""
    if len(groups) == 2:
        return f"{groups[0]} OR {groups[1]}"
    half = len(groups) // 2
    first, second = groups[:half], groups[half:]
    either = f"({' AND '.join(first)} AND ({_all_but_one(second)}))"
    if len(first) == 1:  # all but one of one: nothing asked of it
        return f"{either} OR ({' AND '.join(second)})"
    return f"{either} OR (({_all_but_one(first)}) AND {' AND '.join(second)})"


def _phrase_match(query: Query) -> str:
    """An OR of the fragment's adjacent word pairs as phrases ("harbour cranes" OR ...): the
    PHRASES with the rarest words, none of two function words, none with a word the archive
    lacks (a misspelling), none overlapping another.
    "" when there are none. Document frequencies are the query's own (no database call)."""
    words = _WORD_RE.findall(query.text)
    dfs = {t.word.lower(): t.df for t in query.terms}
    common = max((t.df for t in query.terms), default=0) * 4 + 1  # a function word's df, unknown
    pairs: list[tuple[int, int, str]] = []
    for i, (a, b) in enumerate(itertools.pairwise(words)):
        fa, fb = (common if w.lower() in STOPWORDS else dfs.get(w.lower(), 0) for w in (a, b))
        # Two function words ("of the") match most of the archive: FTS5 reads both
        # position lists whole (300 ms at a million sentences), for no rare evidence.
        if fa and fb and not fa == fb == common:
            pairs.append((min(fa, fb) + max(fa, fb) // 4, i, f"{a} {b}"))
    # The rarest first (two content words before a content and a function word); no two
    # sharing a word, so that one wrong word (rare, so in the first pairs) spoils one
    # phrase, not all of them.
    chosen: list[str] = []
    used: set[int] = set()
    for _cost, i, pair in sorted(pairs):
        if len(chosen) < PHRASES and not used & {i, i + 1}:
            chosen.append(pair)
            used |= {i, i + 1}
    return " OR ".join(dict.fromkeys(_quote(p) for p in chosen))


async def _scored(
    store: ArchiveStore, query: Query, cands: list[Candidate]
) -> list[tuple[float, float, int, Candidate]]:
    """The candidates scored (alignment, overlap, weighted cover, BM25 share), with the keys
    that order one sentence's attributions (see below)."""
    if not cands:
        return []
    # A sentence is scored once, whichever of its attributions matched (the index holds one
    # row per attribution): its best row's BM25 stands for all of them.
    sentence_bm25: dict[int, float] = {}
    for c in cands:
        sentence_bm25[c.sentence_id] = max(c.bm25, sentence_bm25.get(c.sentence_id, c.bm25))
    top_bm25 = max(sentence_bm25.values()) or 1.0
    frag = utils.default_process(query.text)
    # One sentence is often stored many times (a syndicated story, a quote repeated in a
    # follow-up): each distinct text is tokenised and aligned once.
    texts = list(dict.fromkeys([c.text for c in cands] + [c.content or c.text for c in cands]))
    tokens = dict(zip(texts, await _token_lists(store, texts), strict=True))
    evidence: dict[str, float] = {}
    said_cover: dict[str, float] = {}
    scored: list[tuple[float, float, int, Candidate]] = []
    for c in cands:
        if c.text not in evidence:
            sentence = utils.default_process(c.text)
            # partial_ratio aligns the fragment with its best window in the sentence: a
            # misremembered quote still lines up with the words around it.
            aligned = (
                fuzz.partial_ratio(frag, sentence) / 100
                if len(frag) <= len(sentence)
                else fuzz.ratio(frag, sentence) / 100
            )
            overlap = fuzz.token_set_ratio(frag, sentence) / 100
            evidence[c.text] = 0.45 * aligned + 0.2 * overlap + 0.2 * _coverage(query, set(tokens[c.text]))
        said = c.content or c.text
        if said not in said_cover:
            said_cover[said] = _coverage(query, set(tokens[said]))
        score = evidence[c.text] + 0.15 * (sentence_bm25[c.sentence_id] / top_bm25)
        # One sentence's attributions score alike: the one whose own content holds most of the
        # fragment's weight answers ("A said X, but B said Y": Y's words answer B), the main
        # one when they hold alike.
        scored.append((score, said_cover[said], -c.ordinal, c))
    return scored


async def who(store: ArchiveStore, fragment: str, guild_id: int | None, limit: int) -> SearchResult:
    """Attributed sentences that best match a (possibly misremembered) fragment."""
    query = await prepare(store, fragment)
    if query is None:
        return SearchResult(query=clean(fragment))
    ranked = await ranked_statements(store, query, guild_id)
    if not ranked or ranked[0][0] < WHO_SURE:
        described = await _described(store, query, guild_id, ranked[0][0] if ranked else 0.0)
        if described is not None:
            return SearchResult(query=query.text, answers=tuple(await _answers(store, [described], 1)))
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
    # (not a source of the top answer's own sentence: in `"...," Keller said, according to the
    # Ledger` the Ledger reports Keller's words, it does not compete with her for them)
    lead = ranked[0][1].sentence_id
    others = {
        c.speaker: None
        for _s, c in close[1:]
        if c.speaker and c.speaker != top and not (c.sentence_id == lead and c.kind == "according")
    }
    return SearchResult(query=query.text, answers=tuple(answers), did_you_mean=tuple(others))


def _blanked(text: str) -> str:
    """`text` in lower case with every character but letters and digits a space (same length)."""
    return _NON_WORD_RE.sub(" ", text.lower())


async def _described(
    store: ArchiveStore, query: Query, guild_id: int | None, best: float
) -> tuple[float, Candidate] | None:
    """The fragment found in a sentence no cue attributes, lining it up clearly better than
    any attributed one (`best`), with whom the sentence is about as its speaker ("Rubio hoped
    to emerge as the alternative": a stated plan in words no cue lexicon holds); None when
    no such sentence fits or no person or organisation opens it."""
    match = _nearly_all(query) or query.plan(WHO_POSTINGS)
    found = [c for c in await store.candidates(match, guild_id, DESCRIBED_CANDIDATES) if c.speaker is None]
    scored = await _scored(store, query, found)
    if not scored:
        return None
    score, _cover, _ordinal, cand = max(scored, key=lambda r: r[:3])
    if score < max(WHO_THRESHOLD, best + DESCRIBED_MARGIN):
        return None
    doc = stored_document(await store.article_body(cand.article_id))
    if cand.idx >= len(doc.sentences) or doc.sentences[cand.idx].text != cand.text:
        return None  # laid out differently from when it was stored: no safe reading
    # Whom the clause holding the fragment is about: where the fragment lines up in the sentence.
    # (punctuation blanked, not dropped, so that offsets stay the sentence's)
    aligned = fuzz.partial_ratio_alignment(_blanked(query.text), _blanked(cand.text))
    at = aligned.dest_start if aligned is not None else None
    subject = described_subject(doc, cand.idx, at)
    if subject is None:
        return None
    return score, replace(cand, speaker=subject.name, role=subject.role, kind="described", cue=None)
