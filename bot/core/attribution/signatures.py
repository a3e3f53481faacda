"""What stands after a cue: nothing but adverbials ("said on Monday."), or a whole sentence
that is only an attribution signing the quotation before it ("Blanche asked.")."""

from __future__ import annotations

import re
from itertools import islice

from .cue_sets import INFINITIVE_WEAK_CUES
from .entities import Sent
from .lexicon import STANCE_CUES
from .quotes import INSIDE

ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
_LETTER_RE = re.compile(r"[^\W\d_]")

# A day as a report names it ("said Monday", "warned yesterday").
# Words that open a clause's subject ("said Monday she would run", "... the fares would rise").
SUBJECT_OPENER = r"(?:he|she|they|it|we|I|the|a|an|his|her|their|its|this|there)"
# After "that", what a relative clause's verb is ("a statement that was brief", "an interview
# that aired Friday"); anything else opens a that-clause ("that the plan ...", "that many voters").
# ("that night", "that day": a demonstrative, no clause at all)
RELATIVE_NOT_NEXT = (
    r"(?!\s*(?:was|is|were|are|has|had|have|will|would|could|can|may|might|should|did|does|\w+ed"
    r"|night|day|week|month|year|morning|afternoon|evening|time|moment)\b)"
)
# (no adverbial holds a finite verb: "said on Thursday the plan was dead" reports a clause)
_FINITE = r"(?:was|is|were|are|would|will|has|had|have|could|can|should|must|might|may)"
# Adverbials that may close a report: "ten days ago", "on Monday at the rally", "later".
_TRAILING_REST_RE = re.compile(
    r"[\s,]*(?:(?:a\s+few|a|an|two|three|several|\d+|ten|\w+)\s+(?:days?|weeks?|months?|years?|hours?)\s+"
    r"(?:ago|later|earlier|before)\b[^\"_;]{0,30}?"
    r"|(?!at\s+(?:least|most)\b)"  # ("reported at least six planes filled ...": a quantity, not a place)
    r"(?:on|in|at|during|with|after|before|late|earlier|this|last|from|via|told|by|over|"
    r"(?:shortly|soon|just|right|moments|minutes|hours)\s+(?:after|before)|"
    r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|later|again)"
    # ("said Monday she would run": a clause after the day, not the day closing the report)
    r"(?!\s+" + SUBJECT_OPENER + r"\b))\b"
    # not "said Monday's decision ...", nor "called again for a recount" or "said in a statement
    # that the plan ..." (a complement; but "in a statement that was brief" is a relative clause)
    r"(?![’']s)(?!\s+(?:for|that)\b)(?:(?!\bthat\s"
    + RELATIVE_NOT_NEXT
    + r")(?:(?<=\bthat\s)|(?<=\bwhich\s)|(?<=\bwho\s)|(?!\b"
    + _FINITE
    + r"\b))[^\"_;]){0,50}?)?"
    r"[\s.!?;:\"”’)]*$"
)


# "Adding, "...": a participle that only carries the quotation on from its speaker.
_CARRYING_LEAD_RE = re.compile(r'\W*(?:Adding|Continuing|Concluding)\s*[,:]\s*(?=")')


def carrying_lead(out: str) -> int:
    """Where a quotation carried on by "Adding," starts (0 without such a lead)."""
    lead = _CARRYING_LEAD_RE.match(out) if out[:1] in "AC" or not out[:1].isalpha() else None
    return lead.end() if lead else 0


def quote_only(out: str) -> bool:
    """Whether a masked sentence is a quotation and nothing else (or after "Adding,")."""
    return INSIDE in out and few_letters(out[carrying_lead(out) :])  # INSIDE is no letter


def few_letters(text: str, most: int = 2) -> bool:
    """Whether `text` holds at most `most` letters (of any alphabet).

    Stops at the first letter past `most`: callers ask of whole sentences, which mostly
    have many, so counting them all would be wasted."""
    if text.isascii():
        # ASCII letters are A-Z and a-z: deleting every other byte counts them at C speed.
        return len(text.encode("ascii").translate(None, _NOT_ASCII_LETTERS)) <= most
    return next(islice(_LETTER_RE.finditer(text), most, None), None) is None


_NOT_ASCII_LETTERS = bytes(i for i in range(256) if not (65 <= i <= 90 or 97 <= i <= 122))


def signature_only(sent: Sent) -> bool:
    """Whether a sentence is nothing but an attribution ("Blanche asked.", "Machado says in the video.")."""
    frame = sent.frame
    if frame is None or frame.according or frame.content_side == "quote":
        return False
    if frame.cue in STANCE_CUES or frame.cue in INFINITIVE_WEAK_CUES:
        return False  # "Ruiz agreed with the analysis.": a stance, it signs no quotation
    if ASCII_LETTER_RE.search(sent.out, 0, frame.start) or INSIDE in sent.out:
        # narration, or a quotation of its own, before the cue (`"...," said Berg.`) or after it
        # (`Berg replied: "No."`)
        return False
    return (
        ends_after(sent.out, frame.end)
        or few_letters(SIGNATURE_NOISE_RE.sub("", sent.out[frame.end :]))
        or bool(OBJECT_SIGNATURE_RE.match(sent.out, frame.end))
    )


# `Justice Elena Kagan asked Jason Murray, the lawyer for the voters.`: a signature whose
# cue has a person as object (the quotation stood in the sentence before).
OBJECT_SIGNATURE_RE = re.compile(
    r"\s+(?:him|her|them|reporters|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"(?:,\s+[^\"_;]{1,160})?\s*[.!?]?\s*$"
)


_NOISE_WORDS = (  # noqa: SIM905  (a word list reads best as one string)
    "on in at to during after before told reporters the a an interview statement news conference "
    "briefing speech monday tuesday wednesday thursday friday saturday sunday later earlier then"
).split()
SIGNATURE_NOISE_RE = re.compile(r"\b(?:" + "|".join(_NOISE_WORDS) + r")\b", re.IGNORECASE)
_NOISE_SET = frozenset(_NOISE_WORDS)
_WORD_RUN_RE = re.compile(r"\w+")


def noise_only(text: str) -> bool:
    """Whether no ASCII letter is left in `text` once SIGNATURE_NOISE_RE's words are taken out.

    The pattern's words are whole runs of \\w, so for ASCII text (where lower() folds case as
    the pattern does) each run with a letter is either one of them or leaves a letter: a set
    lookup per word instead of a case-blind search and a copy."""
    if not text.isascii():
        return not ASCII_LETTER_RE.search(SIGNATURE_NOISE_RE.sub("", text))
    return all(
        word.lower() in _NOISE_SET or not word.strip("0123456789_") for word in _WORD_RUN_RE.findall(text)
    )


def ends_after(out: str, end: int) -> bool:
    """Whether nothing but adverbials and punctuation follow `end`."""
    return bool(_TRAILING_REST_RE.match(out, end))


_TITLE_BEFORE_RE = re.compile(r"\b(?:on|in|to|at|with|from|of|during|for|by)\s+[\"“‘']$")


def quoted_after(out: str, end: int) -> bool:
    """Whether a quotation after a cue is content (`called the statement "reckless"`), not a
    title after a preposition (`he said on "Meet the Press."`)."""
    inside = out.find(INSIDE, end)
    if inside >= 0 and out[end:inside].strip(" \"“‘'") == "to":
        return True  # "claimed to "retire"": an infinitive, quoted, right after the cue
    return inside >= 0 and not _TITLE_BEFORE_RE.search(out, end, inside)


def after_quote(out: str, start: int) -> bool:
    """Whether a closing quotation mark (and maybe a comma) stands right before `start`."""
    while start > 0 and out[start - 1] == " ":
        start -= 1
    if start and out[start - 1] == ",":
        start -= 1
    return bool(start) and out[start - 1] == '"'
