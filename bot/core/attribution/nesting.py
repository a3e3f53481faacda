"""Which frames of a sentence stand on their own: the order frames are tried in, the clauses
kept beside the main one, and cues inside a noun phrase of another clause (restrictive relatives)."""

from __future__ import annotations

import re

from .cue_sets import OBJECT_CUES
from .entities import Frame, Sent
from .lexicon import STANCE_CUES

# A cue in a restrictive relative clause: its subject ("young women who support ...") or its
# object ("records that Linick questioned") is a noun phrase of another clause.
_RESTRICTIVE_RE = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*\s+(?:(?:that|which)\s+\S|who\s+)(?=[^,;\"_]{0,40}$)")


def _relative_word_before(out: str, end: int) -> bool:
    """_RESTRICTIVE_RE's search in out[:end]; every match holds "that", "which" or "who", so
    three substring tests first spare most sentences the pattern, which tries every word."""
    if out.find("that", 0, end) < 0 and out.find("which", 0, end) < 0 and out.find("who", 0, end) < 0:
        return False
    return _RESTRICTIVE_RE.search(out, 0, end) is not None


# (not "Rubio, a politician who is ..., hopes": a relative inside an apposition)
_WHO_INSIDE_RE = re.compile(r"^[^,;\"_]*?(?<![\w’'-])[a-z][\w’'-]*\s+who\s")
_FINITE_NEXT_RE = re.compile(
    r"\s+(?:had|has|have|was|were|is|are|would|will|could|might|should|must|did|does)\b"
)


def restrictive(sent: Sent, frame: Frame, low: str, cue_end: int) -> bool:
    """Whether a cue stands in a restrictive relative clause, inside a noun phrase of another
    clause: its subject ("young women who support Sanders") or its object ("records that Linick
    questioned") is that noun. Not a quoted naming (`a clip that the judge called "distasteful"`),
    nor a verb of saying whose clause has the noun as its subject ("a night that many
    Republicans conceded had gone poorly")."""
    out = sent.out
    if frame.content_side != "after" or frame.mixed:
        return False
    if _WHO_INSIDE_RE.match(out[frame.start : frame.position]):
        return True
    return _relative_word_before(out, frame.start + 1) and (
        low in OBJECT_CUES or low in STANCE_CUES or not _FINITE_NEXT_RE.match(out, cue_end)
    )


def other_frames(frames: list[Frame], main: Frame) -> list[Frame]:
    """The frames besides `main` that report a clause of their own: none overlaps another.

    "Keller said the plan was sound, though her deputy noted that ...": two cues, two speakers.
    Candidates for the same words (a cue read two ways) lose to the better-ranked one.
    """
    kept = [main]
    for frame in sorted(frames, key=frame_order):
        if frame is main or frame.rank >= 4 or frame.content_side not in ("before", "after", "both"):
            continue
        if any(
            frame.start < k.end and k.start < frame.end and not _relative_after(frame, k, main) for k in kept
        ):
            continue
        kept.append(frame)
    return [f for f in kept if f is not main]


def _relative_after(frame: Frame, k: Frame, main: Frame) -> bool:
    """`"...," said Lena Hirsch, a nurse, who said she ...`: a relative clause's cue after the
    speaker of an inverted main frame shares only that speaker with it."""
    return k is main and k.content_side == "before" and frame.position >= k.end and frame.ref == k.ref


def frame_order(frame: Frame) -> tuple[int, int]:
    """Better frames first: by rank, then the earlier cue."""
    return frame.rank, frame.position
