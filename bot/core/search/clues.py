"""Clues to the answer in a sentence, from the question's wording: does the sentence hold
an answer of the type asked for that the question does not already give ("When did the
stadium open?" wants a year the question lacks), a number before the unit of "how many
yards", and does it open with a pronoun (its subject then sits in the sentence before).

Cheap by design: regular expressions over the sentence text, their findings cached on the
sentence's parse (features._Parsed.kinds), so a question costs a set lookup per finding."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import MutableMapping
from dataclasses import dataclass

from .query import _WORD_RE, FRAMING, STOPWORDS

# The question's answer type, from its wording; the first that matches wins.
_CLASSES = (
    ("time", re.compile(r"\b(what|which) (years?|date|day|month|century|decade)\b|\bwhen\b|\bwhat time\b")),
    (
        "number",
        re.compile(
            r"\bhow (many|much|long|old|far|large|big|high|tall|often|fast|deep|wide|heavy)\b|"
            r"\bwhat (percentage|percent|proportion|number|amount|size|population)\b"
        ),
    ),
    ("place", re.compile(r"\bwhere\b")),
    ("person", re.compile(r"\b(who|whom|whose)\b")),
    (
        "place",
        re.compile(
            r"\b(what|which) (city|town|country|nation|state|province|region|county|continent|river|"
            r"mountain|island|place|area|location)\b"
        ),
    ),
    (
        "person",
        re.compile(
            r"\b(what|which) (team|club|company|firm|organi[sz]ation|group|party|university|school|church|"
            r"person|man|woman|king|queen|president|leader|player|artist|author|writer|scientist|general|"
            r"network|newspaper|empire|dynasty|family|tribe)\b"
        ),
    ),
)

_MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
_TIME = re.compile(
    rf"\b(?:1\d{{3}}|20\d\d)s?\b|\b(?:{_MONTH})\b|\b(?:\d{{1,2}}(?:st|nd|rd|th)|centur(?:y|ies)|decades?|BC|AD|BCE|CE)\b"
)
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|hundreds?|thousands?|millions?|billions?|dozens?|half"
)
_NUMBER = re.compile(rf"\b\d[\d,.]*\b|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE)
_PLACE = re.compile(r"\b(?:in|at|from|near|to|into|of)\s+(?:the\s+)?([A-Z][\w'-]+)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'.-]*")
_FINDERS = {
    "time": lambda text: [m.group(0).lower() for m in _TIME.finditer(text)],
    "number": lambda text: [m.group(0).lower() for m in _NUMBER.finditer(text)],
    "place": lambda text: [w.lower() for w in _PLACE.findall(text)],
    # A capitalised function word ("The", "In") opens a sentence; it names nobody.
    "person": lambda text: [w.lower() for w in _CAPITALISED.findall(text) if w.lower() not in STOPWORDS],
}
_UNIT_Q = re.compile(r"\bhow (?:many|much) ([a-z]+)")
_COUNT = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundreds?|thousands?|millions?|billions?|dozens?|several)"
)
PRONOUNS = frozenset("He She It They This These His Her Its Their".split())  # noqa: SIM905
MAX_FOUND = 3  # answer_count saturates here: more candidates say little more


@dataclass(frozen=True, slots=True)
class Asked:
    """What a question asks for: its answer type, its words (lower case) and, for "how many
    X", a pattern for a number before X."""

    kind: str | None
    words: frozenset[str]
    unit: re.Pattern[str] | None


def asked(question: str) -> Asked:
    """The answer type ("time", "number", "place", "person" or None) and unit of a question."""
    lower = question.lower()
    kind = next((k for k, pattern in _CLASSES if pattern.search(lower)), None)
    m = _UNIT_Q.search(lower)
    unit = _unit(m.group(1)) if m and len(m.group(1)) >= 3 and m.group(1) not in STOPWORDS else None
    return Asked(kind, frozenset(w.lower() for w in _WORD_RE.findall(question)), unit)


@functools.lru_cache(maxsize=1024)
def _unit(word: str) -> re.Pattern[str]:
    """A number, then at most one word, then the unit's first four letters ("3,837 yards",
    "five remaining missions" for "missions")."""
    return re.compile(rf"\b{_COUNT}[\s-]+(?:[a-z]+[\s-]+)?{re.escape(word[:4])}", re.IGNORECASE)


def clues(question: Asked, text: str, cache: MutableMapping[str, object]) -> tuple[float, float, float]:
    """(answer_type, answer_count, unit_number) of one sentence: whether it holds a candidate
    answer of the asked type that is not a word of the question, how many (to MAX_FOUND, as a
    share), and whether a number stands before the unit of "how many X". `cache` keeps the
    sentence's findings per type (they depend on its text alone)."""
    has = count = 0.0
    if question.kind is not None:
        key = "clue:" + question.kind
        found = cache.get(key)
        if not isinstance(found, tuple):
            found = cache[key] = tuple(_FINDERS[question.kind](text))
        new = sum(1 for f in found if f not in question.words)
        has, count = float(new > 0), min(new, MAX_FOUND) / MAX_FOUND
    unit = float(bool(question.unit.search(text))) if question.unit is not None else 0.0
    return has, count, unit


# The noun after "what"/"which" names the answer's type ("What network ...": "ABC"); words
# that frame rather than name it are skipped ("what kind of X", "what name").
_HEAD_SKIP = STOPWORDS | FRAMING | frozenset("of did does do has had is was".split())  # noqa: SIM905


def head_noun(question: str) -> str | None:
    """The first content word after the question's "what"/"which" (lower case), skipping
    framing words ("what kind of building" -> "building"); None without one."""
    words = [w.lower() for w in _WORD_RE.findall(question)]
    for i, w in enumerate(words):
        if w in ("what", "which"):
            for u in words[i + 1 :]:
                if u not in _HEAD_SKIP:
                    return u
            return None
    return None


def capitalised(text: str, cache: MutableMapping[str, object]) -> tuple[str, ...]:
    """The sentence's capitalised words that are not function words (cached on its parse):
    the names a "what X" question's answer is among."""
    found = cache.get("caps")
    if not isinstance(found, tuple):
        found = cache["caps"] = tuple(
            w for w in _WORD_RE.findall(text) if w[0].isupper() and w.lower() not in STOPWORDS
        )
    return found


def opens_with_pronoun(text: str) -> float:
    """1.0 when the sentence's first word is a pronoun ("He is also the oldest ...")."""
    return float(text.split(" ", 1)[0] in PRONOUNS)


def length(tokens: int) -> float:
    """log(1 + the sentence's words): a longer sentence holds more possible answers."""
    return math.log1p(tokens)
