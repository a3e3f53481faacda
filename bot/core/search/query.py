"""A question as search needs it: cleaned, tokenised as the index tokenises (porter stems,
cached by word), weighed by idf from the index's document frequencies, and planned into an
FTS5 expression that scores a bounded number of rows; and the kind of answer it asks for."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from cachetools import LRUCache

from ..errors import BadQuery
from ..lexicon import verb_forms
from ..storage import ArchiveStore

MAX_QUERY_CHARS = 1000
MAX_TERMS = 12
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

# Contractions typed without their apostrophe ("hes", "dont", "theyre"), as people type a
# remembered quote: the index holds "he's" as "he" and "s", so "hes" matches nothing and,
# as a word no sentence holds, weighs against every candidate. Only forms that are not
# also words are restored ("its", "were", "ill", "id", "shed", "well", "whore" stay).
_CLITICS = {
    "t": "don doesn didn isn aren wasn weren hasn haven hadn couldn wouldn shouldn can won ain mustn needn",
    "s": "he she that what who there here where how everyone everybody nobody someone",
    "re": "they you what",
    "ve": "i you we they could would should might must who",
    "ll": "you they it that there who",
    "m": "i",
    "d": "he they you who",
}
_CONTRACTIONS = {
    base + clitic: f"{base}'{clitic}" for clitic, bases in _CLITICS.items() for base in bases.split()
}
_CONTRACTION_RE = re.compile(
    r"\b(" + "|".join(sorted(_CONTRACTIONS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def restore_apostrophes(text: str) -> str:
    """`text` with contractions typed without their apostrophe written with it ("hes" -> "he's")."""
    return _CONTRACTION_RE.sub(lambda m: _CONTRACTIONS[m.group(0).lower()], text)


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


async def _word_tokens(store: ArchiveStore, words: set[str]) -> Mapping[str, tuple[str, ...]]:
    """_TOKENS, filled for `words` (lower case) from ArchiveStore.word_stems when missing."""
    missing = [w for w in words if w not in _TOKENS]
    if missing:
        stems = await store.word_stems(missing)
        for w in missing:
            s = stems[w]
            _TOKENS[w] = (_as_token(w, s[0]),) if len(s) == 1 else s
    return _TOKENS


async def _token_lists(store: ArchiveStore, texts: Sequence[str]) -> list[list[str]]:
    """Each text's words as the index stems them (cached by word: most texts cost no database call)."""
    words = [_WORD_RE.findall(text.lower()) for text in texts]
    # The shared LRU cache is read once per distinct word: each read reorders it in Python,
    # and forty candidates' words read one by one cost about 2 ms a `who`.
    distinct = set().union(*words)
    tokens: Mapping[str, tuple[str, ...]] = _TOKENS
    if any(w not in tokens for w in distinct):
        tokens = await _word_tokens(store, distinct)
    local = {w: tokens.get(w, ()) for w in distinct}
    return [[t for w in ws for t in local[w]] for ws in words]


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


async def prepare(store: ArchiveStore, text: str) -> Query | None:
    """Tokenise a question as the index does; None when none of its words are indexed."""
    text = restore_apostrophes(clean(text))
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
