"""Frames whose source stands after what it signs: a dash before a name after a quotation
(`"..." — Ana Ruiz`), an embedded post's signature, and ", citing X" (read by frames.py)."""

from __future__ import annotations

import re

from .beside import speaker_after
from .entities import Frame, Sent
from .phrases import role_np_after
from .signatures import ends_after

_DASH_FRAME_RE = re.compile(r"[\"”]\s*[-–—―]+\s*(?=\S)")
# An embedded post's signature: "... pic.twitter.com/x — Ana Ruiz (@aruiz) May 5, 2016"
_POST_SIGNATURE_RE = re.compile(
    r"\s[-–—―]+\s*(?=[^()\"_—–―]{2,60}\(@\w{1,30}\)\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*\.?\s*$)"
)
# "..., citing the port authority.": the source of what the sentence says.
_CITING_RE = re.compile(r",\s+citing\s+")


def citing_frames(sent: Sent) -> list[Frame]:
    """ "..., citing the port authority.": a last resort (rank 4), the one who cites is the source
    when the sentence names one ("the Post reported, citing a source"); the cited one only when
    it names no other."""
    out = sent.out
    frames = []
    for m in _CITING_RE.finditer(out):
        found = speaker_after(sent, m.end())
        if found is None:
            np = role_np_after(out, m.end())
            found = (np[0], np[1], "") if np else None
        if found and ends_after(out, found[0]):
            frames.append(Frame(4, m.start(), found[1], "citing", m.start(), found[0], False, "before"))
    return frames


def dash_frame(sent: Sent) -> Frame | None:
    """A dash after a quotation and before its speaker, or an embedded post's signature."""
    out = sent.out
    post = _POST_SIGNATURE_RE.search(out) if "(@" in out else None
    dash = _DASH_FRAME_RE.search(out) or post
    if dash is None:
        return None
    found = speaker_after(sent, dash.end())
    if found and (dash is post or ends_after(out, found[0])):
        return Frame(0, dash.start(), found[1], None, dash.start() + 1, found[0], False, "before", found[2])
    return None
