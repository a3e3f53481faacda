"""What follows a cue word and makes it a report: "that" or a colon or a quotation, a
question word, or a bare clause with its own subject and verb ("claims he was ...")."""

from __future__ import annotations

import re

from .signatures import after_quote, ends_after

COMPLEMENT_RE = re.compile(
    # (not "cheered and waved a banner that ...": a second verb, and a relative clause)
    r"^(?!\s*(?:and|but|or)\s)\s*(?:[^,;:\"_]{0,60}?\s)?(that\b|whether\b|:(?!\d)|\")"
    r"|^[^;:\"_.]{1,60}(:)\s*\""  # "answered slowly, with a shrug: \"...\""
)

WH_COMPLEMENT_RE = re.compile(
    r"^\s*(?:[^,;:\"_]{0,40}?\s)?(?:how|why|what|when|where|who|whom|whether|if|which)\b"
    r"(?!\s+(?:any|not)\b)"
)

BARE_CLAUSE_RE = re.compile(
    r"^\s+(?:he|she|they|it|we|i|you|there|that)['’](?:s|re|ll|d|ve)\s"  # "claims he's worth"
    r"|^\s+(?:he|she|they|it|we|i|you|there"
    r"|(?:the|a|an|this|that|these|those|his|her|their|its|our|[A-Z][\w’'.-]*['’]s)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+"
    # (with a prepositional phrase: "hopes her latest endorsement before the primary will")
    r"(?:\s+(?:of|for|before|after|in|on|from|with|about|against)\s+(?:the\s+|a\s+|an\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?"
    r"|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2}(?:\s+and\s+(?:other\s+)?[A-Z]?[\w’'.-]+){0,1})"
    r"\s+(?:(?:not|never)\s+)?(?:would|will|could|might|may|should|must|can|cannot|was|were|is|are|had|has|have|did|does"
    r"|won['’]t|wouldn['’]t|didn['’]t|doesn['’]t|isn['’]t|wasn['’]t|weren['’]t|aren['’]t|hasn['’]t|hadn['’]t"
    r"|do|don['’]t)\b"
)
# "declined to say whether the board would seek ...": a question left open; no cue inside it reports.
LEFT_OPEN_RE = re.compile(
    r"(?:\b(?:not|never|declined\s+to|refused\s+to|would\s+not)|n[’']t)\s+(?:\w+ly\s+)?"
    r"(?:say|said|says|disclose|disclosed|reveal|revealed|comment|specify|specified|confirm|confirmed|explain|"
    r"explained|discuss|discussed|elaborate|indicate|indicated)\s+(?:on\s+)?"
    r"(?:whether|if|what|how|why|when|who|which|where)\b[^,.;\"_]*$"
)
ADD_FORMS = frozenset(["add", "adds", "added", "adding"])  # (reporting only before a clause)
# `"...," Voss added to People.`: an outlet addressed after the cue, then the sentence's end.
_TO_OUTLET_RE = re.compile(r"\s+to\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}")


def clause_follows(out: str, cue_start: int, cue_end: int) -> bool:
    """Whether a clause or a quotation is what the cue at [cue_start, cue_end) reports (or
    it closes the sentence, or a quotation before it), not an object: "added that ..." and
    `"...," Voss added to the Gazette`, not "added 2,000 jobs"."""
    rest = out[cue_end : cue_end + 90]
    return bool(
        COMPLEMENT_RE.match(rest)
        or BARE_CLAUSE_RE.match(rest)
        or rest[:2].strip()[:1] in (",", ":", '"')
        or ends_after(out, cue_end)
        or after_quote(out, cue_start)
        or ((to := _TO_OUTLET_RE.match(out, cue_end)) is not None and ends_after(out, to.end()))
    )
