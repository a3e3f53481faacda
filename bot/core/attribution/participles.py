"""Frames of a cue with no speaker right before it: a participle that goes on with the main
clause's subject ("Voss rejected the plan, saying ..."), or with the speaker of a cue just
before it (`"...," Hale said, noting that ...`), and an inverted cue (`"...," said Voss`),
whose speaker comes after it."""

from __future__ import annotations

import re

from .beside import speaker_after, speaker_before
from .complements import COMPLEMENT_RE
from .cue_sets import REPORTING_PARTICIPLES
from .entities import Frame, Ref, Sent
from .lexicon import PARTICIPLE_CUES, QUOTE_FRAME_CUES, STANCE_CUES, WEAK_CUES
from .phrases import AND_OTHERS_RE
from .signatures import ends_after
from .subjects import main_subject

_CUE_BEFORE_COMMA_RE = re.compile(
    r"\b(?:said|says|reported|reports|wrote|writes|told|added|noted|argued|announced|explained),$"
)
_INVERTED_BEFORE_RE = re.compile(
    r"[\"”,]\s*(said|says|added|adds|noted|notes|wrote|writes)\s+[^,;\"_]{2,60},$"
)
# ", while also suggesting that", "by declaring": a participle of the clause's subject.
_PARTICIPLE_LINK_RE = re.compile(
    r"(?:(?:,|\s[—–-])\s*(?:while|and|before|after|even\s+as|all\s+while|thereby|at\s+one\s+point|at\s+times)?"
    r"|\s(?:by|while|before|after))(?:\s+(?:also|even|then|again|first|once|[a-z]+ly))?$"
)
_RELATIVE_BEFORE_RE = re.compile(r",\s+(who)\s+[^,;\"_]{1,100}(?:,\s*[a-z]+)?$")
OBJECT_RELATIVE_AT_RE = re.compile(r",\s+(?:which|whom)\s+(?=(?:the\s+)?[A-Z])(?!.*,\s+(?:which|whom)\s)")


def relative_subject(sent: Sent, pos: int) -> tuple[int, Ref] | None:
    """(where the relative opens, its subject) of the object relative clause just before `pos`
    (", which Mayor Dunn called ..."), or None."""
    relative = OBJECT_RELATIVE_AT_RE.search(sent.out, max(0, pos - 120), pos)
    named = speaker_after(sent, relative.end()) if relative else None
    return (relative.start(), named[1]) if relative and named else None


def after_comma(sent: Sent, pos: int) -> bool:
    """Whether a comma ends the text before `pos`, also one inside a closing quotation mark
    (`praised her "harbour-first plan," promising ...`: the masked quote hides it)."""
    before = sent.text[:pos].rstrip()
    return before.endswith(",") or (before[-1:] in "\"”'" and before[:-1].rstrip("'").endswith(","))


def participle_frame(sent: Sent, cue_start: int, cue_end: int, cue: str, low: str, rest: str) -> Frame | None:
    """The frame of a cue with no speaker before it; None when it reports nothing here."""
    out = sent.out
    prefix = out[:cue_start].rstrip()
    cue_before = _CUE_BEFORE_COMMA_RE.search(prefix) if prefix.endswith(",") else None
    if cue_before and low not in REPORTING_PARTICIPLES:
        # "..., the Post reported, citing a source": the participle goes with the cue before it.
        return None
    if cue_before:
        # `"...," Hale said, noting that ...`: the one who just spoke goes on.
        spoke = speaker_before(sent, cue_before.start())
        if spoke:
            return Frame(2, cue_start, spoke[1], cue, cue_start, cue_end, False, "after")
    inverted = _INVERTED_BEFORE_RE.search(prefix) if prefix.endswith(",") else None
    if inverted and low in REPORTING_PARTICIPLES:
        # `"...," said Voss, explaining she ...`: so too after an inverted cue.
        named = speaker_after(sent, inverted.end(1))
        if named and named[1].kind != "pronoun" and named[0] <= len(prefix):
            return Frame(2, cue_start, named[1], cue, cue_start, cue_end, False, "after")
    naming = low.endswith("ing") and (low in QUOTE_FRAME_CUES or low in STANCE_CUES)
    if low in PARTICIPLE_CUES or naming:
        # "Voss rejected the plan, saying it ...": the main clause's subject speaks; so too
        # ", calling it \"a disgrace\"" and ", praising the deal" (what it names is the content).
        linked = after_comma(sent, cue_start) or _PARTICIPLE_LINK_RE.search(prefix)
        if linked and (low in REPORTING_PARTICIPLES or naming or COMPLEMENT_RE.match(rest)):
            relative = _RELATIVE_BEFORE_RE.search(prefix)
            if relative:
                # "Dunn, who surprised Hale by declaring ...": the relative's antecedent speaks.
                named = speaker_before(sent, relative.end(1))
                if named:
                    return Frame(2, cue_start, named[1], cue, cue_start, cue_end, False, "after")
            rel = relative_subject(sent, len(prefix))
            if rel:
                # "..., which Mayor Dunn called "a waste," blaming ...": the relative's subject.
                return Frame(2, cue_start, rel[1], cue, cue_start, cue_end, False, "after")
            subj = main_subject(sent, cue_start)
            if subj:
                return Frame(2, cue_start, subj[1], cue, cue_start, cue_end, False, "after")
        return None
    if prefix.endswith((",", '"', "—", "–")) or not prefix:
        return inverted_frame(sent, cue_start, cue_end, cue, low)
    return None


def inverted_frame(sent: Sent, cue_start: int, cue_end: int, cue: str, low: str) -> Frame | None:
    """An inverted cue after a comma, quotation or dash (`"...," said X`, `..., warns X, a professor`)."""
    out = sent.out
    prefix = out[:cue_start].rstrip()
    found = speaker_after(sent, cue_end)
    if found is None or found[1].kind == "pronoun":
        return None
    end, ref, role = found
    others = AND_OTHERS_RE.match(out, end)
    if others:
        end = others.end()  # ", said Reyes and others, would be costly": the one named speaks for them
    opens = _QUOTE_AFTER_NAME_RE.match(out, end) if not prefix else None
    if opens:
        # `Said Dunn, "The pier is finished."`: the cue opens the sentence, the quote follows.
        return Frame(0, cue_start, ref, cue, cue_start, opens.end() - 1, False, "after", role)
    if prefix.endswith(",") and low not in WEAK_CUES and _PREP_RESUMES_RE.match(out, end):
        # `..., said Ms. Ruiz, with hikes, chess nights and cooking classes.`: a list
        # (not "with a smile") goes on with the report
        return Frame(0, cue_start, ref, cue, cue_start, end, False, "both", role)
    if (
        # Right after a quotation, whatever follows the name describes the speaker
        # (`"...," said Ana Ruiz, 29, of Dayton, who ...`): the quotation is the content.
        prefix.endswith(('"', '",'))
        or ends_after(out, end)
        or out[end:].lstrip().startswith((',"', ', "'))
        or _RELATIVE_TAIL_RE.match(out, end)
        or _APPOSITION_TO_END_RE.match(out, end)
        or (role and _APPOSITION_GOES_ON_RE.match(out, end) and not _RESUMES_RE.match(out, end))
    ):
        return Frame(0, cue_start, ref, cue, cue_start, end, False, "before", role)
    if (
        prefix.endswith(",")
        and low not in WEAK_CUES
        and any(r.match(out, end) for r in (_RESUMES_RE, _BUT_RESUMES_RE))
    ):
        # "The trouble with the plan, says Ivo Petrov, a historian, is that ...": the
        # report runs on both sides of the fenced cue.
        return Frame(0, cue_start, ref, cue, cue_start, end, False, "both", role)
    return None


_QUOTE_AFTER_NAME_RE = re.compile(r'(?:,[^"]{0,120})?,?\s*:?\s*"')
_RELATIVE_TAIL_RE = re.compile(r",?\s+(?:who|whose|which)\s[^\"_]{0,120}[.!?]?\s*$")
# `..., said Mark Kantor, a loan expert who has published books, papers and essays.`: an
# apposition, inner commas and all, runs to the end of the sentence.
_APPOSITION_TO_END_RE = re.compile(r",\s+(?:a|an|the|who|whose|one|its|his|her|their)\s[^\"_;:]*[.!?]?\s*$")
# (or the apposition read so far goes on: "who has published books, papers and essays.")
_APPOSITION_GOES_ON_RE = re.compile(r",\s+(?!but\b|yet\b)[a-z][^\"_;:]*[.!?]?\s*$")
# `..., said Brandt, but her record ...`: the report goes on after the fenced cue.
_BUT_RESUMES_RE = re.compile(r",\s+(?:but|and|yet)\s+(?:he|she|it|they|his|her|its|their|the)\b")
# `..., said Ms. Ruiz, with hikes, chess nights and classes.`: the report's list resumes.
_PREP_RESUMES_RE = re.compile(
    r",\s+(?:with|including|from|among|especially|particularly)\b[^\"_;:,]*,[^\"_;:]*[.!?]?\s*$"
)
# After a fenced inverted cue, the sentence goes on with its verb: ", is that ...", ", would be ...".
_RESUMES_RE = re.compile(
    r",\s+(?:[a-z]+ly\s+)?(?:is|are|was|were|will|would|could|can|may|might|should|must|has|have|had)\b"
)
