# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""What a cue of speaking is about: "spoke about the economy", "commented on the vote",
"joked about her age". The topic after the cue is the report, and the cue takes its
preposition ("spoke about"); "spoke at a rally" reports nothing."""

from __future__ import annotations

import re
from typing import Literal

from .lexicon import TOPIC_CUES

# What "watching Ruiz talk about ..." and "a talk radio host" are: no report of the base form.
_TOPIC_BASE_NOT_AFTER_RE = re.compile(
    r"\b(?:(?i:watch(?:es|ed|ing)?|see(?:s|ing)?|saw|seen|hear(?:s|d|ing)?|let(?:s|ting)?|ma(?:ke|kes|de|king))"
    r"\s+(?:[\w.’'-]+\s+){0,3}|(?:a|the|his|her|their|its)\s+)$"
)
_ABOUT_RE = re.compile(
    r"\s+out\s+(for)\b|(?:\s+(?:briefly|only|publicly|openly|often|again|out))?(?:\s+[^,;:\"_]{1,60}?)??"
    # ("of" right after the verb only: not "speaking on Ruiz's behalf at sessions of the board")
    r"(?<!\bfor)(?<!\bcondition)\s+(about)\b|(?:\s+(?!behalf\b)[a-z]+){0,3}?(?<!\bcondition)(?<!\bbehalf)\s+(of)\b"
    # not "talked for about ten minutes"
    r"(?!\s+(?:\d|an?\s+(?:hour|minute|dozen|half|third|quarter)|half|twenty|thirty|forty|fifty))"
)
# "commented on the vote", "insisted on lower taxes": what follows "on" is the report (not
# "commented on Twitter", "insisted on Monday", "remarked on the record").
_ON_TOPIC_CUES = frozenset(
    "comment comments commented commenting insist insists insisted insisting remark remarks remarked "
    "remarking elaborate elaborates elaborated elaborating opine opines opined opining".split()
)
_ON_TOPIC_RE = re.compile(
    r"\s+(?:(?:publicly|further|again|only|briefly)\s+)?(?:up)?on\s+(?![A-Z\d])"
    r"(?!(?:the\s+|a\s+)?(?:record|air|camera|television|radio|phone|telephone|condition|stage|floor|show|"
    r"program|sidelines|way|day|night|morning|evening|afternoon|weekend|anonymity)\b)(?=[a-z$\"])"
)
_NAME_TAIL_RE = re.compile(r"[A-Z][\w.’'-]*\s+$")  # ("Dunn of the Courier": an affiliation)
_ABOUT_TOPIC_STEMS = (
    "brag",
    "boast",
    "joke",
    "joki",
    "gush",
    "complain",
    "muse",
    "mus",
    "rave",
    "rant",
    "quip",
    "fret",
    "grumbl",
    "lament",
    "reminisc",
    "wax",
    "testif",
    "tweet",
    "wrote",
    "writ",
)
_ABOUT_TOPIC_RE = re.compile(r"\s+(?:(?:[a-z]+ly|again|often)\s+)?about\s+(?=[\w$\"])")


def topic_of(out: str, low: str, cue_start: int, word_end: int) -> tuple[int, str] | Literal[False] | None:
    """(where the cue ends, the cue with its preposition) when a topic follows the cue word
    `low`; False when a verb of speaking has none (it reports nothing); None when the cue is
    not one of these."""
    if low in TOPIC_CUES:
        if low in ("talk", "speak") and _TOPIC_BASE_NOT_AFTER_RE.search(
            out, max(0, cue_start - 40), cue_start
        ):
            return False
        topic = _ABOUT_RE.match(out, word_end)
        if topic is None:
            return False
        at = topic.lastindex or 1
        if topic.group(at) == "of" and _NAME_TAIL_RE.search(
            out, max(0, topic.start(at) - 40), topic.start(at)
        ):
            return False  # "spoke with Ray Dunn of the Courier": an affiliation
        return topic.end(), f"{low} {topic.group(at)}"  # "spoke about", whatever stands between them
    if low in _ON_TOPIC_CUES and (topic := _ON_TOPIC_RE.match(out, word_end)):
        return topic.end(), f"{low} on"
    if low.startswith(_ABOUT_TOPIC_STEMS) and (topic := _ABOUT_TOPIC_RE.match(out, word_end)):
        # "joked about her age", "bragged about the pier": what it was about is the report
        return topic.end(), f"{low} about"
    return None
