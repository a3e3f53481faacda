# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Whether a cue word is a verb that reports, here: "remarks" after "her caustic" is a
noun, "support" after "voter" is a noun compound, "found" reports only a finding ("found
that ..."), "sees" a view only as "sees X as Y", "called" without a quotation only as a demand
or a name ("called on them to ...", "called him a liar")."""

from __future__ import annotations

import re

from ..lexicon import verb_forms
from .cue_sets import NOUN_LIKE_CUES
from .lexicon import SEE_AS_CUES, STANCE_BASES

# "called on supporters to attend": a demand, reported without quotation.
CALL_ON_RE = re.compile(
    r"^\s+(?:(?:on|upon)\s+[^,;:\"_]{1,60}?\s+to\s+[a-z]"
    r"|to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|order\b)[a-z]+\s+\w"  # "called to ban Muslims"
    # "called him a fine mayor", "called the levy a mistake": an object and what it was called
    r"|(?:him|her|them|himself|herself|themselves|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}"
    r"|(?:the|this|that|his|her|their|its)\s+(?:[a-z-]+\s+){0,2}[a-z-]+)(?:,[^,;\"_]{1,120},)?"
    r"\s+(?:a|an|his|her|their|our|my)\s+"  # ("calls Nevada her home state")
    # (not a time: "called the police an hour later")
    r"(?!(?:few\s+|couple\s+of\s+)?(?:second|minute|hour|day|week|month|year|night|morning|time)s?\b)[\w\"]"
    # "calls the mayor unqualified", "called the plan dangerous": an object and an adjective
    r"|(?:him|her|them|it|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}|(?:the|this|that|his|her|their|its)\s+[a-z-]+)"
    r"\s+(?:un[a-z]{4,}|in(?:competent|appropriate|sane)|[a-z]{3,}(?:ful|less|ous|able|ible|ical)"
    r"|racist|sexist|wrong|false|absurd|illegal|naive|corrupt|crazy|stupid|weak|dishonest|irrelevant"
    r"|offensive|divisive|disgusting|extreme|radical)\b(?!\s+(?:of|to|for)\b))"
)

# A cue after a possessive ("his claims") or a possessive and an adjective ("her caustic
# remarks") is a noun. ("her" alone may be an object: "let her say".)
_OWNED_CUE_RE = re.compile(
    r"(?:^|\s)(?:(?:[Hh]is|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our)\s+"
    r"|(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our)\s+"
    r"(?:own|[A-Za-z-]+(?:ic|ical|ive|ous|ful|less|able|ible|al|ian|ish|ese|ary|ed))\s+)$"
)
_A_NOUN_BEFORE_RE = re.compile(r"\b[Aa]n?\s+(?![a-z]+ly\s)[a-z-]+\s+$")
_FIND_FORMS = frozenset(["find", "finds", "found", "shows", "showed"])
_THAT_NEXT_RE = re.compile(r",?\s+that\b")
_VERB_NEXT_RE = re.compile(
    r"\s+(?:says|said|shows|showed|found|finds|notes|noted|states|stated|concluded|concludes)\b"
)
_SEE_AS_RE = re.compile(
    r"\s+(?:him|her|them|itself|himself|herself|themselves|(?:[^,;.:\"_]|\.(?=\s[A-Z])){2,60}?)"
    r"\s+as\s+(?!well\b|much\b|many\b|long\b|soon\b|if\b)"
)
# What may stand right before a verb's base form: a plural or a pronoun that governs it, an
# auxiliary, "to", a negation, an adverb, or a relative pronoun.
_BEFORE_BASE_FORM = frozenset(
    """i we you they will would can could should may might must shall do does did to not never also
    still now often even just all both who that which only already always and or but then""".split()
)


def _noun_compound(out: str, cue_start: int) -> bool:
    """Whether the base-form cue at `cue_start` follows a singular word that cannot govern it
    ("voter support", "Keller support", "the state plan"): a noun compound."""
    words = out[max(0, cue_start - 40) : cue_start].split()
    if not words:
        return False
    prev = words[-1].strip(",").lower()
    if not prev.isalpha() or prev in _BEFORE_BASE_FORM or prev.endswith(("s", "ly", "n't")):
        return False
    # "Keller and Reyes support ...": a subject of two names is plural
    return not any(w.lower() in ("and", "&") for w in words[-4:-1])


_ANONYMITY_RE = re.compile(
    r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|on\s+(?:the\s+)?condition\s+of\s+anonymity)\b"
)


def reporting_verb(out: str, cue_start: int, word_end: int, low: str) -> bool:
    """Whether the cue word `low` at [cue_start, word_end) of the masked sentence can be a verb
    that reports; False when its neighbours make it a noun or a verb of another sense."""
    if _OWNED_CUE_RE.search(out, max(0, cue_start - 32), cue_start):
        return False  # "her caustic remarks", "their repeated claims": a noun, no verb
    if low in SEE_AS_CUES and not _SEE_AS_RE.match(out, word_end):
        return False  # "saw a rise in the polls": no view stated without "as"
    if low in _FIND_FORMS and not _THAT_NEXT_RE.match(out, word_end):
        return False  # "found the documents": only "found that ..." reports a finding
    if _ANONYMITY_RE.match(out, word_end):
        return False  # "who asked not to be named", "on condition of anonymity": no report
    if low in NOUN_LIKE_CUES and _VERB_NEXT_RE.match(out, word_end):
        return False  # "the Policymakers report says ...": the subject of the verb after it
    # (an irregular past is no base form: "A spokesman said" is a verb after "a" and a noun)
    forms = verb_forms(low)
    base = not low.endswith(("s", "ed", "ing")) and (not forms or forms[0] == low)
    if base and _A_NOUN_BEFORE_RE.search(out, max(0, cue_start - 30), cue_start):
        return False  # "an email blast encouraging ...": after "a"/"an" and a noun, no verb
    # "voter support for the party", "the state plan": a noun
    return not (low in STANCE_BASES and _noun_compound(out, cue_start))
