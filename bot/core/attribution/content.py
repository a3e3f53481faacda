"""What a frame reports: the content on its side of the sentence, past a lead-in ("that", a
colon, the one addressed), up to where a dash renames it or the next speaker's clause begins."""

from __future__ import annotations

import re

from .cue_sets import ADDRESSEE_THAT_RE, DAY, TELLING_FORMS
from .entities import Frame, Sent
from .lexicon import ROLE_HEADS
from .siblings import described_head
from .signatures import RELATIVE_NOT_NEXT, SUBJECT_OPENER

# "said that was a lie": a pronoun, part of the content, when a finite verb follows it.
_DEMONSTRATIVE_NOT_NEXT = (
    r"(?!\s+(?:was|is|were|are|has|had|will|would|could|can|may|might|should|must|seems|seemed|sounds"
    r"|sounded|means|meant|remains)\b|\s+\w+n[’']t\b|[’']s\b)"
)
# What stands between a cue and its content: "that", a colon, or a short adverbial and a
# colon ("replied on X: \"...\"", "said in a statement: \"...\"").
_LEAD_IN_RE = re.compile(
    r"\s*(?:,\s*)?(?:[^\"_:;.]{0,40}:(?!\d)"  # (not the colon of a time: "at 7:45")
    # "said in a podcast that aired Friday that he ...": the "that" no verb follows
    r"|(?:in|on|at|during|with|to(?=\s+(?:the|a|an|his|her|their|reporters|[A-Z]))"
    rf"|after|before|over|last|this|outside|inside|from|via)\s[^\"_:;.,]{{0,60}}?\sthat\b{RELATIVE_NOT_NEXT}"
    rf"|(?:(?:{DAY}|earlier|later|again|also|repeatedly|privately|publicly"
    r"|for\s+(?:years|months|decades|weeks|days|some\s+time|a\s+long\s+time|a\s+while))\s+)?"
    rf"that\b(?![\s.!?\"”’]*$)"
    rf"{_DEMONSTRATIVE_NOT_NEXT}"
    rf"|:|(?:on\s+)?{DAY}\s+(?={SUBJECT_OPENER}\s)"
    # "said at a rally the plan was dead": where, then a bare clause
    rf"|(?:at|in|during)\s+(?:a|an|the|his|her|their)\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?={SUBJECT_OPENER}\s+[a-z]+\s+(?:was|is|were|are|would|will|had|has)\b))?"
    # (not "want to do that.": a pronoun; "warned Tuesday that ...": a day before the clause)
)


DATELINE_RE = re.compile(
    # "Washington (AFP) –": a place in title case, then an agency in parentheses
    r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\s*\((?:AFP|AP|Reuters|UPI|CNN|dpa|Xinhua)\)\s*[—–-]+\s*|"
    r"^[A-Z][A-Z .,'’/-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"  # "WASHINGTON, Dec. 8 (UPI) —"
    r"\s*(?:\([\w .]+\)\s*[—–-]*|[—–-]+)\s*"  # (or no dash after the agency: "(PTI) The plan")
)
# "MUMBAI: ...", a dateline with a colon (only where no label of a speaker was read there)
# "In Ohio, Ruiz, the front-runner, insisted on lower taxes.": all that stands before the
# subject is a short opening phrase of place or time, which is nothing anyone said.
OPENER_ONLY_RE = re.compile(
    r"\W*(?:(?:In|On|At|During|After|Before|From|Inside|Outside|Across|Since|Amid|Over|Earlier|Later|"
    r"Last|This|Next)\s+[^,;:\"_]{1,40}?|Yesterday|Today|Meanwhile|Separately|Later|Earlier)\s*,\s*"
)
COLON_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'’-]{2,30}:\s+"
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]m|[ap]\.m\.)?\s*[-–—:]\s+"  # a live blog's "11:42pm - "
)


def content_of(sent: Sent, frame: Frame, low: int = 0, high: int | None = None) -> tuple[str, str, int]:
    """(content text, masked content, its start) on the frame's content side, within [low, high)."""
    text, out = sent.text, sent.out
    high = len(text) if high is None else high
    pieces: list[tuple[int, int]] = []
    if low == 0 and frame.cue != ":":
        # (a dateline opening the sentence is none of what was said: "WASHINGTON (AP) — ...")
        dateline = DATELINE_RE.match(out) or COLON_DATELINE_RE.match(out)
        low = dateline.end() if dateline and dateline.end() <= frame.start else low
    if frame.content_side in ("before", "both"):
        # (`"...," the couple's daughter, Aisha Khan, wrote`: the description before the name
        # belongs to the speaker, not to what was said)
        described = _DESCRIBED_NAME_RE.search(out, low, frame.start)
        if described and described_head(described.group(1)) not in ROLE_HEADS:
            described = None  # (`"...," the start of a long fight, Hale says`: still the content)
        if not OPENER_ONLY_RE.fullmatch(out, low, frame.start):
            end = described.start() if described else frame.start
            # (`"...," CNN's Ivo Petrov said`: the outlet owning the name is the speaker's too)
            owner = (
                _POSSESSOR_TAIL_RE.search(out, max(low, end - 40), end)
                if "s " in out[end - 3 : end]
                else None
            )
            pieces.append((low, owner.start() if owner else end))
    if frame.content_side in ("after", "both"):
        after = frame.end
        addressee = ADDRESSEE_THAT_RE.match(out, after) if frame.cue in TELLING_FORMS else None
        m = addressee or _LEAD_IN_RE.match(out, after)
        # (a lead-in runs no further than the content: "Dunn's plan to sell it: No." ends at the colon)
        if m and m.end() > high:
            m = _LEAD_IN_RE.match(out, after, high)  # (the lead-in ends with the content)
        if m and m.end() == high and len(out[after : m.end()].split()) > 3:
            m = None  # ("called for new money to mend the old pier:": its own words, not a lead-in)
        start = m.end() if m else after
        # (a dash that renames what came before closes it: "would back a rival to the mayor —
        # a remark Dunn now quotes"; not a pair of dashes around an aside)
        renamed = _DASH_RENAMES_RE.search(out, start, high) or _COMMA_RENAMES_RE.search(out, start, high)
        if renamed is None and _FENCED_PARTICIPLE_RE.search(out, max(0, frame.start - 30), frame.start):
            # "Ruiz, after saying she would run, dropped out.": the aside's comma ends it
            renamed = _MAIN_VERB_AFTER_RE.search(out, start, high)
        pieces.append((start, renamed.start() if renamed else high))
    resumed = _QUOTE_NEXT_RE.match(out, frame.end) if frame.content_side == "before" else None
    if resumed:
        pieces.append((resumed.end() - 2, high))  # `"A," X said, "B."` (from B's opening mark)
    if high < len(text) and pieces:
        # The clause ends where the next speaker's begins: drop the conjunction that joins them.
        a, b = pieces[-1]
        tail = _JOINER_TAIL_RE.search(out, a, b)
        pieces[-1] = (a, tail.start() if tail else b)
    pieces = [(a, b) for a, b in pieces if a < b]
    if not pieces:
        return "", "", 0
    masked = " ".join(out[a:b] for a, b in pieces)
    if len(pieces) == 1:
        a, b = pieces[0]
        raw = text[a:b]
        content = raw.strip(_EDGE).strip()
        if content.endswith(('".', "”.")) and not any(q in content[:-2] for q in '"“”'):
            content = content[:-2] + "."  # `told MPs that "the market is correcting itself".`
        if content.endswith(")") and "(" not in content:
            content = content[:-1].rstrip()  # "(She claimed she would retire.)": the aside's close
        lead = raw.find(content) if content else 0
        return content, masked, a + lead
    content = " ".join(piece for a, b in pieces if (piece := text[a:b].strip(_EDGE).strip()))
    return content, masked, -1  # two pieces: not one span of the sentence


# (", a charge the ministry denied", ", a view shared by ...": a comma and a noun of saying
# that sums up the clause; ", dealing a blow to ...": the narrator's participle on its effect)
_COMMA_RENAMES_RE = re.compile(
    r",\s+(?:(?:a|an)\s+(?:charge|claim|allegation|accusation|assertion|contention|suggestion|argument|view"
    r"|sentiment|position|stance|complaint|criticism|refrain)"
    r"\s+(?:(?:that\s+)?(?:the|his|her|their|its|[A-Z])|(?:shared|echoed|held|disputed|rejected|denied)\b)"
    r"|(?:dealing|escalating|marking|signaling|signalling|underscoring|deepening|intensifying|sparking"
    r"|fueling|fuelling|prompting|paving|capping|reversing)\s)"
)
_FENCED_PARTICIPLE_RE = re.compile(r",\s+(?:after|before|while|despite|since)\s+(?:[a-z]+ly\s+)?$")
_MAIN_VERB_AFTER_RE = re.compile(
    r",\s+(?:(?:has|have|had|then|later|quickly|abruptly|eventually)\s+)?[a-z]+ed\b"
)
_DASH_RENAMES_RE = re.compile(r"\s+[—–]\s+(?:a|an|the|this|that|which|what)\s(?![^—–]*[—–])")


_POSSESSOR_TAIL_RE = re.compile(r"(?<=[\"_,])\s*(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*['’]s\s+$")
_DESCRIBED_NAME_RE = re.compile(r"(?<=\")\s+(?:the|a|an|his|her|their|one)\s([^\"_,;]{1,60}),\s*$")
# (past where or how it was said: `"A," Dunn wrote in an email, "B."`)
_QUOTE_NEXT_RE = re.compile(
    r"(?:\s+(?:reporters|him|her|them|us|me|(?:the\s+)?[a-z]+s))?"  # ("told reporters outside his office,")
    r'(?:\s+(?:in|on|at|to|via|during|outside|after|before)\s+[^,;:"_]{1,40}?)?\s*[,:]?\s*"_'
)
_JOINER_TAIL_RE = re.compile(
    r"[\s,;]*\b(?:though|although|but|while|whereas|and|yet|even as|as|so|because|after|before)?\s*$",
    re.IGNORECASE,
)
# What is trimmed from a content's ends: punctuation and quotation marks around it.
_EDGE = " ,;:-–—\"“”'‘’"
