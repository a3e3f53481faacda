"""A quotation inside a clause that no cue attributes: "Okafor put the loss down to "a short
campaign and a long winter at the docks"", "She ordered the board to "stop stalling and
vote"". A reader takes the quoted words as the clause's subject's, whatever the verb, so the
subject speaks them (a mixed quotation). Only a quotation of a few words counts: one or two
("the group "Tidewatch"", "his "harbour flag"") name a term, not a statement."""

from __future__ import annotations

import re

from .entities import Frame, Sent
from .quotes import INSIDE
from .signatures import ASCII_LETTER_RE
from .subjects import main_subject, subject_span_before

MIN_WORDS = 3
_QUOTE_OPEN_RE = re.compile(f'"{INSIDE}')
_PASSIVE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:[a-z]+ly\s+)?(?!quoted\b)[a-z]+(?:ed|en|wn)\b"
    r"(?!\s+(?:as\s+)?saying\b)"
)
_RELATIVE_RE = re.compile(r",\s+(?:which|who|whose|where)\b")
_NEW_CLAUSE_RE = re.compile(
    r"(?:,\s*(?:and|but|yet|while|whereas|so)|;)\s+"
    r"(?:the|a|an|his|her|their|its|this|that|these|those|he|she|they|it|we|[A-Z])"
)


def quoted_clause_frame(sent: Sent) -> Frame | None:
    """The frame that gives a mid-sentence quotation to its clause's subject, or None."""
    out = sent.out
    m = _QUOTE_OPEN_RE.search(out)
    if m is None or not ASCII_LETTER_RE.search(out, 0, m.start()):
        return None  # none, or the sentence opens with it: the quotation layouts' business
    close = out.find('"', m.end())
    quoted = sent.text[m.start() + 1 : close if close > 0 else len(out)]
    words = quoted.split()
    if len(words) < MIN_WORDS or all(w[:1].isupper() or len(w) <= 3 for w in words):
        return None  # a title or a name in title case ("the "Friends of the Harbour"")
    found = subject_span_before(sent, m.start())
    main = main_subject(sent, m.start())
    if found is None or main is None or main[0] != found[0]:
        # only the sentence's own subject: not one inside a reported or subordinate clause
        # ("... but now says Hale has "a duty to ..."", "urging the graduates to "...")
        return None
    start, end, ref = found
    if _PASSIVE_RE.search(out, end, m.start()):
        # "Voss has been described as "...", "was accused of "...": others' words about the
        # subject (but "was quoted as saying "..."" is the subject's own)
        return None
    if _NEW_CLAUSE_RE.search(out, end, m.start()):
        return None  # "Okafor drew it up, and the council gave it "...": another subject's clause
    if _RELATIVE_RE.search(out, end + 1, m.start()):
        # a relative clause between them has its own antecedent ("a draft, which calls for "...");
        # not the subject's own ("Okafor, who casts himself as "the friend of every fisherman"")
        return None
    return Frame(3, end, ref, None, start, end, False, "after", mixed=True)
