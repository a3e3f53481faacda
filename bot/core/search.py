"""ask / who / said: FTS5 BM25 for candidates, rapidfuzz and term coverage to rerank.

Candidates come from the full-text index (SQLite FTS5, BM25). An OR query over every
question word scores every row that holds any of them, which at a million sentences
is tens of thousands of rows; so the query keeps the rarest terms and drops the
very common ones (document frequencies come from the index's own vocabulary table).
The top hundred are then reranked in Python on evidence BM25 does not see: fuzzy
similarity of the whole question (rapidfuzz), how much of the question's weight the
sentence and its paragraph cover, and whether the question names the speaker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from .errors import BadQuery
from .lexicon import verb_forms
from .models import Answer, ArticleRef, SearchResult
from .store import ArticleRow, Candidate, Store

MAX_QUERY_CHARS = 1000
MAX_TERMS = 12
CANDIDATES = 100

# Function words and question words: they carry no topic, and at scale each one
# matches a large share of the archive.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she should
    so some such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t d ll m re ve say said says tell told""".split()
)

_WORD_RE = re.compile(r"[^\W_]+")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Query:
    """A question reduced to what search needs."""

    text: str
    words: tuple[str, ...]  # the content words, as typed (FTS stems them itself)
    stems: tuple[str, ...]  # the same words as the index stores them
    weights: dict[str, float]  # stem -> idf
    match: str  # the FTS5 expression: quoted words joined with OR


def clean(text: str) -> str:
    """Control characters out, whitespace folded, length capped."""
    return " ".join(_CONTROL_RE.sub(" ", text).split())[:MAX_QUERY_CHARS]


def _fold(word: str) -> str:
    """A crude stem for matching words in Python (the index has its own porter stems);
    irregular verb forms fold to their base ("spoke" -> "speak")."""
    word = word.lower()
    if forms := verb_forms(word):
        return forms[0]
    for suffix in ("'s", "ies", "es", "s", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _folded_words(text: str) -> set[str]:
    return {_fold(w) for w in _WORD_RE.findall(text)}


async def prepare(store: Store, text: str) -> Query | None:
    """Tokenise a question as the index does; None when none of its words are indexed."""
    text = clean(text)
    words = _WORD_RE.findall(text)
    if not words:
        raise BadQuery("Ask with at least one word in it.")
    stems = await store.stems(" ".join(words))
    if len(stems) != len(words):  # tokenisers disagree: fall back to stems alone
        words = stems
    pairs = [(w, s) for w, s in zip(words, stems, strict=True) if s not in STOPWORDS and w.lower() not in STOPWORDS]
    if not pairs:
        pairs = list(zip(words, stems, strict=True))
    pairs = list({s: (w, s) for w, s in reversed(pairs)}.values())[::-1]  # unique by stem, first kept
    freqs = await store.doc_freqs(s for _, s in pairs)
    total = max(await store.sentence_count(), 1)
    present = [(w, s) for w, s in pairs if freqs[s] > 0 or verb_forms(w)]
    weights = {s: math.log((total - freqs[s] + 0.5) / (freqs[s] + 0.5) + 1.0) for _, s in pairs}
    if not present:
        return None
    # Keep the rarest terms; a term in more than 2% of a large archive mostly adds cost.
    present.sort(key=lambda p: freqs[p[1]])
    cap = max(2000, total // 50)
    chosen = [p for p in present if freqs[p[1]] <= cap] or present[:2]
    chosen = chosen[:MAX_TERMS]
    # Irregular verb forms are searched together: porter does not join "speak" and "spoke".
    terms = list(dict.fromkeys(form for w, _ in chosen for form in (w, *verb_forms(w))))
    match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
    return Query(
        text=text,
        words=tuple(w for w, _ in pairs),
        stems=tuple(s for _, s in pairs),
        weights=weights,
        match=match,
    )


def _coverage(query: Query, words: set[str]) -> float:
    """The share of the question's idf weight whose words appear in `words`."""
    total = sum(query.weights.values()) or 1.0
    got = sum(query.weights[s] for w, s in zip(query.words, query.stems, strict=True) if _fold(w) in words)
    return got / total


def _ref(row: ArticleRow) -> ArticleRef:
    return ArticleRef(id=row.id, title=row.title, date=row.date, source=row.source)


async def _answers(
    store: Store, ranked: Sequence[tuple[float, Candidate]], limit: int, *, with_context: bool = True
) -> list[Answer]:
    """Turn ranked candidates into Answers: whole quotes, neighbour context, paragraph, citation."""
    ranked = list(ranked)[: limit * 3]
    paragraphs = await store.sentences_of((c.article_id, c.paragraph) for _, c in ranked)
    refs = await store.article_refs(c.article_id for _, c in ranked)
    answers: list[Answer] = []
    seen: set[tuple[int, int | str]] = set()
    for score, cand in ranked:
        key: tuple[int, int | str] = (
            (cand.article_id, f"q{cand.quote}") if cand.quote is not None else (cand.article_id, cand.idx)
        )
        if key in seen:
            continue
        seen.add(key)
        window = await store.neighbours(cand.article_id, cand.idx - 12, cand.idx + 12) if with_context else []
        quote = [c for c in window if cand.quote is not None and c.quote == cand.quote] or [cand]
        first, last = quote[0].idx, quote[-1].idx
        before = next((c.text for c in window if c.idx == first - 1), "")
        after = next((c.text for c in window if c.idx == last + 1), "")
        para = paragraphs.get((cand.article_id, cand.paragraph)) or [cand]
        answers.append(
            Answer(
                score=score,
                text=" ".join(c.text for c in quote),
                context_before=before,
                context_after=after,
                paragraph=" ".join(c.text for c in para),
                sentence_index=cand.idx,
                article=_ref(refs[cand.article_id]),
                speaker=cand.speaker,
                speaker_role=cand.role,
                kind=cand.kind,  # type: ignore[arg-type]
                cue=cand.cue,
            )
        )
        if len(answers) >= limit:
            break
    return answers


ASK_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Ranked:
    """One candidate sentence as `ask` ranks it: `score` orders, `confidence` gates."""

    score: float
    confidence: float
    candidate: Candidate


async def rank(
    store: Store,
    question: str,
    guild_id: int | None,
    speaker_aliases: dict[str, set[str]] | None = None,
) -> tuple[str, list[Ranked]]:
    """(cleaned question, every candidate sentence best first), before any threshold.

    `ask` answers from this list; benchmarks measure it directly."""
    query = await prepare(store, question)
    if query is None:
        return clean(question), []
    cands = await store.candidates(query.match, guild_id, CANDIDATES)
    if not cands:
        return query.text, []
    paragraphs = await store.sentences_of((c.article_id, c.paragraph) for c in cands)
    top_bm25 = max(c.bm25 for c in cands) or 1.0
    processed_q = utils.default_process(" ".join(query.words))
    named = _named_speakers(query, speaker_aliases or {})
    ranked: list[Ranked] = []
    for c in cands:
        sent_words = _folded_words(c.text)
        para_words = set().union(*(_folded_words(p.text) for p in paragraphs[(c.article_id, c.paragraph)]))
        cover = _coverage(query, sent_words)
        para_cover = _coverage(query, para_words | sent_words)
        fuzzy = fuzz.token_set_ratio(processed_q, utils.default_process(c.text)) / 100
        score = 0.35 * (c.bm25 / top_bm25) + 0.25 * fuzzy + 0.25 * cover + 0.15 * para_cover
        if c.speaker and c.speaker in named:
            score += 0.1
        confidence = 0.7 * cover + 0.3 * para_cover
        ranked.append(Ranked(score, confidence, c))
    ranked.sort(key=lambda r: r.score, reverse=True)
    return query.text, ranked


async def ask(
    store: Store,
    question: str,
    guild_id: int | None,
    limit: int,
    speaker_aliases: dict[str, set[str]] | None = None,
) -> SearchResult:
    """The best passages for a question; below the threshold, only suggestions."""
    text, ranked = await rank(store, question, guild_id, speaker_aliases)
    if not ranked:
        return SearchResult(query=text)
    good = [(r.score, r.candidate) for r in ranked if r.confidence >= ASK_THRESHOLD]
    if good and ranked[0].confidence >= ASK_THRESHOLD:
        return SearchResult(query=text, answers=tuple(await _answers(store, good, limit)))
    return SearchResult(
        query=text, suggestions=tuple(await _answers(store, [(r.score, r.candidate) for r in ranked], 3))
    )


def _named_speakers(query: Query, aliases: dict[str, set[str]]) -> set[str]:
    """Canonical names of speakers the question mentions by any alias."""
    words = [w.lower() for w in query.words]
    named: set[str] = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            named |= aliases.get(" ".join(words[i : i + n]), set())
    return named


WHO_THRESHOLD = 0.55
WHO_MARGIN = 0.06


async def who(store: Store, fragment: str, guild_id: int | None, limit: int) -> SearchResult:
    """Attributed sentences that best match a (possibly misremembered) fragment."""
    query = await prepare(store, fragment)
    if query is None:
        return SearchResult(query=clean(fragment))
    cands = await store.candidates(query.match, guild_id, CANDIDATES, attributed_only=True)
    if not cands:
        return SearchResult(query=query.text)
    top_bm25 = max(c.bm25 for c in cands) or 1.0
    frag = utils.default_process(query.text)
    ranked: list[tuple[float, Candidate]] = []
    for c in cands:
        sentence = utils.default_process(c.text)
        # partial_ratio aligns the fragment with its best window in the sentence: a
        # misremembered quote still lines up with the words around it.
        aligned = fuzz.partial_ratio(frag, sentence) / 100 if len(frag) <= len(sentence) else fuzz.ratio(frag, sentence) / 100
        overlap = fuzz.token_set_ratio(frag, sentence) / 100
        cover = _coverage(query, _folded_words(c.text))
        score = 0.45 * aligned + 0.2 * overlap + 0.2 * cover + 0.15 * (c.bm25 / top_bm25)
        ranked.append((score, c))
    ranked.sort(key=lambda r: r[0], reverse=True)
    best = ranked[0][0]
    if best < WHO_THRESHOLD:
        return SearchResult(query=query.text, suggestions=tuple(await _answers(store, ranked, 3)))
    # Several answers when others come close (ambiguous); one clear winner otherwise.
    close = [(s, c) for s, c in ranked if s >= best - WHO_MARGIN and s >= WHO_THRESHOLD]
    answers = await _answers(store, close if len(close) > 1 else ranked, limit)
    if len(close) <= 1:
        answers = answers[:1] + [a for a in answers[1:] if a.score >= WHO_THRESHOLD]
    return SearchResult(query=query.text, answers=tuple(answers))


SAID_CUTOFF = 78.0
SAID_MARGIN = 8.0


def _name_key(name: str) -> str:
    key = utils.default_process(name)
    return key[4:] if key.startswith("the ") else key


def resolve_speaker(
    person: str, aliases: Sequence[tuple[str, int, str, int]]
) -> tuple[tuple[int, str] | None, list[str]]:
    """((speaker_id, name) or None, other names that also fit) for a name, surname,
    role or misspelling. The top match wins outright when exact or clearly ahead."""
    key = _name_key(person)
    if not key:
        return None, []
    choices = [_name_key(a[0]) for a in aliases]
    hits = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=SAID_CUTOFF, limit=50)
    best: dict[int, tuple[float, int, str]] = {}
    for _choice, score, i in hits:
        _alias, speaker_id, name, count = aliases[i]
        if speaker_id not in best or score > best[speaker_id][0]:
            best[speaker_id] = (score, count, name)
    if not best:
        return None, []
    order = sorted(best.items(), key=lambda kv: (kv[1][0], kv[1][1]), reverse=True)
    (top_id, (top_score, _count, top_name)), rest = order[0], order[1:]
    others = [name for _sid, (score, _c, name) in rest if score >= top_score - SAID_MARGIN]
    return (top_id, top_name), others


async def said(
    store: Store, person: str, guild_id: int | None, limit: int, aliases: Sequence[tuple[str, int, str, int]]
) -> SearchResult:
    """A person's attributed statements, newest article first; whole quotes kept together."""
    text = clean(person)
    if not _WORD_RE.search(text):
        raise BadQuery("Name a person, for example: said Stoltenberg.")
    found, others = resolve_speaker(text, aliases)
    if found is None:
        return SearchResult(query=text)
    speaker_id, name = found
    rows = await store.statements(speaker_id, guild_id, limit * 4)
    answers = await _answers(store, [(1.0, c) for c in rows], limit, with_context=True)
    return SearchResult(query=text, answers=tuple(answers), speaker=name, did_you_mean=tuple(others))
