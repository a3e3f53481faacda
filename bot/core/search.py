"""ask / who / said: FTS5 BM25 for candidates, lexical evidence in Python to rerank.

`ask` treats a question as being about a passage. Candidates are the best-matching
paragraphs (an FTS5 index over paragraphs, BM25), and every sentence of them is scored
on evidence BM25 does not see: how much of the question's weight (idf) the sentence, its
neighbours and its paragraph hold, also with each word weighed by how rare it is among the
candidates (a word they all hold names the topic, not the answer); a BM25 of the sentence
alone; words that share their first letters with a question word ("Europe", "European");
the question's words in the question's order (longest common subsequence, adjacent pairs)
and fuzzy similarity (rapidfuzz); and whether the sentence holds the kind of thing asked
for (a date for "when", a number for "how many", a name for "who"). The weights were
fitted on a public question-answering set (SQuAD) and rounded; nothing in the code knows
about that set.

Cost: FTS5 computes BM25 for every row that matches, and an OR of a question's words
matches a large share of a big archive. So each query is planned from the index's own
document frequencies: when the words together match few rows they are ORed; otherwise
the rare ones are ORed and the rest are only searched in pairs (both words in one row),
which the index answers by intersecting lists without scoring the rows it skips.
`who` searches an index of what was said (each attribution's content), so a sentence with
two speakers answers with the one whose words match; `said` reads a speaker's rows.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from cachetools import LRUCache
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import LCSseq

from .errors import BadQuery
from .lexicon import verb_forms
from .models import Answer, ArticleRef, SearchResult
from .store import ArticleRow, Candidate, Store

MAX_QUERY_CHARS = 1000
MAX_TERMS = 12
WHO_CANDIDATES = 40  # attributed sentences reranked for `who`
PARAGRAPHS = 10  # candidate paragraphs for `ask`; all their sentences are scored
ASK_POSTINGS = 1000  # index rows an `ask` query may score (sentence document frequencies)
# The same for `who`, also in sentence frequencies: its index holds only attributed sentences.
WHO_POSTINGS = 10000
PAIR_TERMS = 4  # of the words too common to search alone, the rarest this many are searched in pairs

# Function words and question words: they carry no topic, and at scale each one
# matches a large share of the archive.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t d ll m re ve say said says tell told""".split()  # noqa: SIM905
)

# Words that frame a question rather than name its topic ("how many", "what kind of",
# "known as"): they still count as evidence in a sentence, but are not searched for.
FRAMING = frozenset(
    """many much kind kinds type types sort name named call called know known mean meant""".split()  # noqa: SIM905
)

_WORD_RE = re.compile(r"[^\W_]+")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Term:
    """A searchable question word: as typed, as indexed, how many sentences hold it, its idf."""

    word: str
    stem: str
    df: int
    weight: float


@dataclass(frozen=True, slots=True)
class Query:
    """A question reduced to what search needs."""

    text: str
    words: tuple[str, ...]  # the content words, as typed (FTS stems them itself)
    stems: tuple[str, ...]  # the same words as the index stores them
    weights: dict[str, float]  # stem -> idf
    match: str  # the FTS5 expression for `ask` (see plan())
    terms: tuple[Term, ...] = ()  # the words the index holds, rarest first
    tokens: tuple[str, ...] = ()  # every word of the question, folded, in order
    folded: dict[str, float] | None = None  # folded content word -> idf
    kind: str | None = None  # the kind of answer asked for: "time", "number", "name" or None

    def plan(self, budget: int) -> str:
        """An FTS5 expression for these terms that scores about `budget` rows at most."""
        return _plan(self.terms, budget)


def clean(text: str) -> str:
    """Control characters out, whitespace folded, length capped."""
    return " ".join(_CONTROL_RE.sub(" ", text).split())[:MAX_QUERY_CHARS]


@functools.lru_cache(maxsize=65536)
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


def _as_token(word: str, stem: str) -> str:
    """A word as search compares it: the index's porter stem, or for an irregular verb form
    its base ("spoke" -> "speak"), which porter does not find."""
    return _fold(word) if verb_forms(word.lower()) else stem


# word (lower case) -> its tokens as search compares them (see _as_token); the index's
# tokenizer is the same for every archive, so one table serves all stores.
_TOKENS: LRUCache[str, tuple[str, ...]] = LRUCache(300_000)


async def _word_tokens(store: Store, words: set[str]) -> dict[str, tuple[str, ...]]:
    """_TOKENS, filled for `words` (lower case) from Store.word_stems when missing."""
    missing = [w for w in words if w not in _TOKENS]
    if missing:
        stems = await store.word_stems(missing)
        for w in missing:
            s = stems[w]
            _TOKENS[w] = (_as_token(w, s[0]),) if len(s) == 1 else s
    return _TOKENS


async def _token_lists(store: Store, texts: Sequence[str]) -> list[list[str]]:
    """Each text's words as the index stems them (cached by word: most texts cost no database call)."""
    words = [_WORD_RE.findall(text.lower()) for text in texts]
    tokens = _TOKENS
    if any(w not in tokens for ws in words for w in ws):
        tokens = await _word_tokens(store, {w for ws in words for w in ws})
    return [[t for w in ws for t in tokens.get(w, ())] for ws in words]


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


async def _parsed(store: Store, sentences: Sequence[Candidate]) -> list[_Parsed]:
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


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _group(word: str) -> str:
    """One word for FTS5, with its irregular forms: porter does not join "speak" and "spoke"."""
    forms = list(dict.fromkeys((word, *verb_forms(word))))
    return _quote(forms[0]) if len(forms) == 1 else "(" + " OR ".join(_quote(f) for f in forms) + ")"


def _plan(terms: Sequence[Term], budget: int) -> str:
    """An FTS5 expression that finds rows holding the rarest words, or pairs of the others,
    and scores about `budget` rows at most (FTS5 computes BM25 for every row that matches).

    `terms` come rarest first. Rare words are ORed while their rows fit the budget. A pair
    (a AND b) of commoner words matches far fewer rows than either word (FTS5 intersects
    the lists and scores only rows holding both); a pair is guessed to match half the rows
    of its rarer word, and pairs are added, cheapest first, while the guess fits."""
    if not terms:
        return ""
    parts: list[str] = []
    spent = 0
    rest: list[Term] = []
    for term in terms:
        if not rest and spent + term.df <= budget:
            parts.append(_group(term.word))
            spent += term.df
        else:
            rest.append(term)
    pairs = sorted(combinations(rest[:PAIR_TERMS], 2), key=lambda p: min(p[0].df, p[1].df))
    for a, b in pairs:
        cost = min(a.df, b.df) // 2
        if spent + cost > budget:
            break
        parts.append(f"({_group(a.word)} AND {_group(b.word)})")
        spent += cost
    if not parts:  # every word and pair is common: ask for the three rarest together
        parts = [" AND ".join(_group(t.word) for t in rest[:3])]
    return " OR ".join(parts)


_TIME_Q = re.compile(
    r"\b(when|what (year|date|day|month|century|decade|time|age|period|era)|"
    r"which (year|century|decade|month|day))\b"
)
_NUMBER_Q = re.compile(
    r"\b(how (many|much|long|old|far|large|big|high|tall|often|fast|deep|wide|heavy)|"
    r"what (percentage|percent|proportion|number|amount|size|population))\b"
)
_NAME_Q = re.compile(
    r"\b(who|whom|whose|where|(what|which) (city|town|country|nation|state|province|region|team|club|company|"
    r"firm|organi[sz]ation|group|party|university|school|river|mountain|island|church|person|man|woman|"
    r"king|queen|president|leader|player|artist|author|writer|scientist|general|network|newspaper|"
    r"language|empire|dynasty|family|tribe|city's|country's))\b"
)
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


def answer_kind(question: str) -> str | None:
    """What kind of answer a question asks for, from its wording: "time", "number", "name"."""
    lower = question.lower()
    if _TIME_Q.search(lower):
        return "time"
    if _NUMBER_Q.search(lower):
        return "number"
    if _NAME_Q.search(lower):
        return "name"
    return None


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


async def prepare(store: Store, text: str) -> Query | None:
    """Tokenise a question as the index does; None when none of its words are indexed."""
    text = clean(text)
    words = _WORD_RE.findall(text)
    if not words:
        raise BadQuery("Ask with at least one word in it.")
    stems = await store.stems(" ".join(words))
    if len(stems) != len(words):  # tokenisers disagree: fall back to stems alone
        words = stems
    pairs = [
        (w, s) for w, s in zip(words, stems, strict=True) if s not in STOPWORDS and w.lower() not in STOPWORDS
    ]
    if not pairs:
        pairs = list(zip(words, stems, strict=True))
    pairs = list({s: (w, s) for w, s in reversed(pairs)}.values())[::-1]  # unique by stem, first kept
    total = max(await store.sentence_count(), 1)
    freqs = await store.doc_freqs([s for _, s in pairs])
    weights = {s: math.log((total - freqs[s] + 0.5) / (freqs[s] + 0.5) + 1.0) for _, s in pairs}
    present = [(w, s) for w, s in pairs if freqs[s] > 0 or verb_forms(w)]
    if not present:
        return None
    searched = [(w, s) for w, s in present if w.lower() not in FRAMING and _fold(w) not in FRAMING]
    present = searched or present
    present.sort(key=lambda p: freqs[p[1]])
    terms = tuple(Term(w, s, freqs[s], weights[s]) for w, s in present[:MAX_TERMS])
    folded: dict[str, float] = {}
    for w, s in pairs:
        folded[_as_token(w, s)] = max(folded.get(_as_token(w, s), 0.0), weights[s])
    return Query(
        text=text,
        words=tuple(w for w, _ in pairs),
        stems=tuple(s for _, s in pairs),
        weights=weights,
        match=_plan(terms, ASK_POSTINGS),
        terms=terms,
        tokens=tuple(_as_token(w, s) for w, s in zip(words, stems, strict=True)),
        folded=folded,
        kind=answer_kind(text),
    )


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


def _ref(row: ArticleRow) -> ArticleRef:
    return ArticleRef(id=row.id, title=row.title, date=row.date, source=row.source)


async def _answers(
    store: Store,
    ranked: Sequence[tuple[float, Candidate]],
    limit: int,
    *,
    with_context: bool = True,
    paragraphs: dict[tuple[int, int], list[Candidate]] | None = None,
) -> list[Answer]:
    """Turn ranked candidates into Answers: whole quotes, neighbour context, paragraph, citation.
    `paragraphs`: sentences of (article_id, paragraph) pairs already read (the rest are read)."""
    ranked = list(ranked)[: limit * 3]
    known = paragraphs or {}
    seen: set[tuple[int, int | str]] = set()
    picked: list[tuple[float, Candidate]] = []
    for score, cand in ranked:
        key: tuple[int, int | str] = (
            (cand.article_id, f"q{cand.quote}") if cand.quote is not None else (cand.article_id, cand.idx)
        )
        if key not in seen:
            seen.add(key)
            picked.append((score, cand))
        if len(picked) >= limit:
            break
    # A quote may run over several sentences: look 12 either side. One query reads every
    # answer's window, paragraph and article.
    reach = {
        (c.article_id, c.idx): (12 if c.quote is not None else 1) if with_context else 0 for _, c in picked
    }
    spans = {key: (key[0], key[1] - r, key[1] + r) for key, r in reach.items()}
    found, refs = await store.passages((*spans[(c.article_id, c.idx)], c.paragraph) for _, c in picked)
    answers: list[Answer] = []
    for score, cand in picked:
        rows = found.get((*spans[(cand.article_id, cand.idx)], cand.paragraph), [])
        lo, hi = spans[(cand.article_id, cand.idx)][1:]
        window = [c for c in rows if lo <= c.idx <= hi] if with_context else []
        if cand.article_id not in refs:  # removed meanwhile: nothing to cite
            continue
        quote = [c for c in window if cand.quote is not None and c.quote == cand.quote] or [cand]
        first, last = quote[0].idx, quote[-1].idx
        before = next((c.text for c in window if c.idx == first - 1), "")
        after = next((c.text for c in window if c.idx == last + 1), "")
        para = (
            known.get((cand.article_id, cand.paragraph))
            or [c for c in rows if c.paragraph == cand.paragraph]
            or [cand]
        )
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


ASK_THRESHOLD = 0.4  # share of the question's idf weight the answer and its neighbours must hold

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
)
# local_paragraph_cover and paragraph_rarity_cover act as a pair: a paragraph gains for
# question words few other paragraphs hold, and loses for words few sentences hold
# (words that are rare everywhere, which then weigh too much in paragraph_cover).
WEIGHTS = (5.5, 5.9, 3.4, -2.3, 0.9, 1.8, 2.3, 3.4, 2.3, 4.5, 9.7, -9.8, 2.0, 4.3, -0.7)
SPEAKER_BONUS = 1.0  # the question names the sentence's speaker


@dataclass(frozen=True, slots=True)
class Ranked:
    """One candidate sentence as `ask` ranks it: `score` orders, `confidence` gates."""

    score: float
    confidence: float
    candidate: Candidate


def _local_weights(qitems: Sequence[tuple[str, float]], sets: Sequence[frozenset[str]]) -> dict[str, float]:
    """Each question word's idf times its rarity among `sets` (log (n + 1) / (df + 0.5))."""
    n = len(sets)
    return {f: w * math.log((n + 1) / (sum(1 for s in sets if f in s) + 0.5)) for f, w in qitems}


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
    store: Store, query: Query, guild_id: int | None
) -> tuple[list[Candidate], list[tuple[float, ...]], list[float], dict[tuple[int, int], list[Candidate]]]:
    """Every sentence of the best paragraphs, its evidence (FEATURES order), its confidence,
    and the paragraphs' sentences by (article_id, paragraph)."""
    found = await store.best_paragraphs(query.match, guild_id, PARAGRAPHS)
    if not found:
        return [], [], [], {}
    hits = [(a, p, score) for a, p, score, _ in found]
    groups = {(a, p): sentences for a, p, _, sentences in found}
    top = hits[0][2] or 1.0
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
    cands: list[Candidate] = []
    rows: list[list[float]] = []
    confidence: list[float] = []
    every = [s for a, p, _ in hits for s in groups.get((a, p), [])]
    parsed = await _parsed(store, every)
    by_paragraph: list[list[_Parsed]] = []
    at = 0
    for key in ((a, para) for a, para, _ in hits):
        k = len(groups.get(key, []))
        by_paragraph.append(parsed[at : at + k])
        at += k
    para_sets = [frozenset().union(*(x.words for x in ps)) for ps in by_paragraph]
    local = _local_weights(qitems, [x.words for x in parsed])
    local_items = list(local.items())
    local_total = sum(local.values()) or 1.0
    rarity = _local_weights(qitems, para_sets)
    rarity_total = sum(rarity.values()) or 1.0
    token_set_ratio = fuzz.token_set_ratio
    lcs = LCSseq.similarity

    def cover(words: frozenset[str] | set[str]) -> float:
        return sum(w for f, w in qitems if f in words) / total1

    def cover2(words: frozenset[str] | set[str]) -> float:
        return sum(w * w for f, w in qitems if f in words) / total2

    for rank, ((article_id, paragraph, score), ps, para_words) in enumerate(
        zip(hits, by_paragraph, para_sets, strict=True)
    ):
        sentences = groups.get((article_id, paragraph), [])
        if not sentences:
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
        relative = score / top
        for i, s in enumerate(sentences):
            p = ps[i]
            cands.append(s)
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
        return [], [], [], groups
    best_bm25 = max(r[3] for r in rows) or 1.0
    best_local = max(r[9] for r in rows) or 1.0
    for r in rows:
        r[3] /= best_bm25
        r[4] /= best_bm25
        r[9] /= best_local
    return cands, [tuple(r) for r in rows], confidence, groups


async def _rank(
    store: Store,
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
    store: Store,
    question: str,
    guild_id: int | None,
    speaker_aliases: dict[str, set[str]] | None = None,
) -> tuple[str, list[Ranked]]:
    """(cleaned question, candidate sentences best first), before any threshold.

    `ask` answers from this list; benchmarks measure it directly."""
    text, ranked, _groups = await _rank(store, question, guild_id, speaker_aliases)
    return text, ranked


async def ask(
    store: Store,
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
    """alias (lower case, no leading "the ") -> canonical names, from Store.speaker_aliases rows."""
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


WHO_THRESHOLD = 0.55
WHO_MARGIN = 0.06


async def who(store: Store, fragment: str, guild_id: int | None, limit: int) -> SearchResult:
    """Attributed sentences that best match a (possibly misremembered) fragment."""
    query = await prepare(store, fragment)
    if query is None:
        return SearchResult(query=clean(fragment))
    cands = await store.quote_candidates(query.plan(WHO_POSTINGS), guild_id, WHO_CANDIDATES)
    if not cands:
        return SearchResult(query=query.text)
    top_bm25 = max(c.bm25 for c in cands) or 1.0
    frag = utils.default_process(query.text)
    scored: list[tuple[float, float, Candidate]] = []
    token_lists = await _token_lists(store, [c.text for c in cands])
    for c, tokens in zip(cands, token_lists, strict=True):
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
        score = 0.45 * aligned + 0.2 * overlap + 0.2 * cover + 0.15 * (c.bm25 / top_bm25)
        # One sentence's attributions score alike on its text: the clause that holds the words wins.
        clause = fuzz.partial_ratio(frag, utils.default_process(c.content or c.text))
        scored.append((score, clause, c))
    scored.sort(key=lambda r: (r[0], r[1]), reverse=True)
    ranked = [(score, c) for score, _clause, c in scored]
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
