"""Text helpers for attribution: quotation regions and name mentions.

Everything works on a *masked* copy of each sentence ("out"): the same length as the
sentence, with every character inside a quotation replaced by "_" and every quote
mark normalised to '"'. Rules that look for speakers and cues run on the mask, so a
word inside a quotation is never mistaken for narration, while offsets still point
into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INSIDE = "_"
_OPENERS = "“„«‹"
_CLOSERS = "”»›"
_STRAIGHT = '"'


@dataclass(slots=True)
class QuoteScan:
    """Quotation state of one paragraph."""

    mask: str  # the paragraph with quoted characters replaced by INSIDE
    regions: list[tuple[int, int]]  # (open mark, close mark) offsets; close may be len(text)
    open_at_end: bool  # a quotation runs on past the paragraph's end


def _opens_here(text: str, start: int, end: int) -> bool:
    """Whether a mark stands where a quotation opens: after white space (or first) and
    before a word."""
    return (start == 0 or text[start - 1].isspace()) and end < len(text) and text[end].isalnum()


def scan_quotes(text: str) -> QuoteScan:
    """Pair the quotation marks of a paragraph and mask what lies between them.

    Curly marks pair by direction; straight marks toggle. A paragraph may end inside a
    quotation: news style leaves a multi-paragraph quote open and reopens it on the
    next paragraph. A paragraph with no double marks may quote with single ones
    ('...,' said X), told apart from apostrophes by where they stand.
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    marks = list(_QUOTE_MARK_RE.finditer(text))
    if not marks and ("'" in text or "‘" in text):
        marks = [m for m in _SINGLE_MARK_RE.finditer(text)]
        for m in marks:
            if m.group("open") is not None and open_at is None:
                open_at = m.start()
            elif m.group("close") is not None and open_at is not None:
                regions.append((open_at, m.start()))
                open_at = None
        marks = []
    for m in marks:
        # A two-character mark ('' or ``) opens at its first character and closes at
        # its last, so the mask keeps one '"' where the mark stands and hides the rest.
        ch = m.group()
        if len(ch) == 3 and open_at is None:
            open_at = m.start() + 1  # opening a quotation and a fragment in it: the first two are its mark
            continue
        if ch in _OPENERS or ch == "``":
            if open_at is None:
                open_at = m.start()
            elif ch in _OPENERS and _closes_after_all(text, m.start()):
                # `...for her here,“ said Jim Clyburn`: an opening mark misprinted for a closing one
                regions.append((open_at, m.start()))
                open_at = None
        elif ch in _CLOSERS:
            if open_at is not None:
                regions.append((open_at, m.end() - 1))
                open_at = None
            elif _opens_here(text, m.start(), m.end()):
                open_at = m.start()  # `”Sorry, Sarah ...” posted Geyer`: a closing mark misprinted to open
        elif open_at is None:
            open_at = m.start()
        else:
            regions.append((open_at, m.end() - 1))
            open_at = None
    open_at_end = open_at is not None
    if open_at is not None:
        regions.append((open_at, len(text)))
    if regions and ("'" in text or "‘" in text):
        # British style beside double marks: `'Nobody came,' she said` after `"kept in the
        # dark"` (single-quoted words outside every double-quoted span, two words at least)
        regions += _single_regions(text, regions)
    if not regions:
        return QuoteScan(text, regions, False)
    nicknames = [r for r in regions if _is_nickname(text, *r)]
    if nicknames:
        regions = [r for r in regions if r not in nicknames]
    parts: list[str] = []
    last = 0
    for start, end in sorted(regions + nicknames):
        parts.append(text[last:start])
        if (start, end) in nicknames:
            # Luis "Tito" Arvelo: a nickname inside a name is no quotation; blanked, the name reads
            # as one run of capitalised words, "Luis Arvelo".
            parts.append(" " * (end + 1 - start))
            last = end + 1
            continue
        parts.append('"')
        parts.append(_masked(text[start + 1 : end]))
        if end < len(text):
            parts.append('"')
        last = end + 1
    parts.append(text[last:])
    return QuoteScan("".join(parts), regions, open_at_end)


# One or two capitalised words ("Tito", "The Hammer"), in marks between a first name and a surname.
_NICKNAME_RE = re.compile(r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)?")
_NAME_BEFORE_RE = re.compile(r"(?:^|\s)[A-Z][a-z.]+ $")
_NAME_AFTER_RE = re.compile(r" (?:[A-Z]['’][A-Z]|Mc|Mac)?[A-Z][a-z]")


def _is_nickname(text: str, start: int, end: int) -> bool:
    """Whether the quotation from mark `start` to mark `end` is a nickname inside a name."""
    return (
        end - start <= 24
        and end < len(text)
        and _NICKNAME_RE.fullmatch(text, start + 1, end) is not None
        and _NAME_BEFORE_RE.search(text, max(0, start - 20), start) is not None
        and _NAME_AFTER_RE.match(text, end + 1) is not None
    )


def _single_regions(text: str, doubled: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations in single marks that lie outside every double-quoted span."""
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _SINGLE_MARK_RE.finditer(text):
        if any(a <= m.start() <= b for a, b in doubled):
            continue
        if m.group("open") is not None and open_at is None:
            open_at = m.start()
        elif m.group("close") is not None and open_at is not None:
            if " " in text[open_at : m.start()] and not any(open_at < a < m.start() for a, _b in doubled):
                found.append((open_at, m.start()))
            open_at = None
    return found


def _closes_after_all(text: str, at: int) -> bool:
    """Whether the mark at `at`, inside a quotation, ends it: it follows the quotation's last
    punctuation and precedes white space or the paragraph's end."""
    return at > 0 and text[at - 1] in ",.?!" and (at + 1 == len(text) or text[at + 1].isspace())


# Typewriter-style doubled marks (''quoted'' or ``quoted'') stand for '"' in some newswire text.
# Three marks close a single-quoted fragment and the quotation at once (... country,''' said).
# (Written mark-first, one character class then what the mark needs after it, so that the
# engine skips ahead to marks instead of trying every branch at every character.)
_QUOTE_MARK_RE = re.compile(
    f"[{_OPENERS}{_CLOSERS}{_STRAIGHT}'`](?:(?<=')''?|(?<=`)`|(?<=[{_OPENERS}{_CLOSERS}{_STRAIGHT}]))"
)
# An opening single mark starts a word after a space; a closing one ends a word before
# a space or punctuation. "Biden's" and "don't" are neither.
# (One character class comes first, for speed as above; look-behinds then tell which mark it
# was and what stands before it, and an empty named group says which kind matched.)
_SINGLE_MARK_RE = re.compile(
    r"['‘’](?:(?<=['‘])(?<![^\s(\[—–-].)(?=[A-Za-z0-9“])(?P<open>)"
    r"|(?<=['’])(?<=[\w.,!?;:—–-].)(?=[\s,.;:!?)\]—–-]|$)(?P<close>))",
    re.DOTALL,
)
_NON_SPACE_RE = re.compile(r"\S")
# Every byte but white space (as \s has it) becomes INSIDE: for ASCII text, a byte table does
# what _NON_SPACE_RE.sub does, many times faster.
_MASK_BYTES = bytes(i if chr(i).isspace() else ord(INSIDE) for i in range(256))


# White space outside ASCII ("no non-space, no ASCII"): without it, every other character beyond
# ASCII is masked too, and encoding with "replace" makes each of them one byte to mask.
_WIDE_SPACE_RE = re.compile(r"[^\S\x00-\x7f]")


def _masked(quoted: str) -> str:
    """`quoted` with every character but white space replaced by INSIDE."""
    if quoted.isascii() or _WIDE_SPACE_RE.search(quoted) is None:
        return quoted.encode("ascii", "replace").translate(_MASK_BYTES).decode("ascii")
    return _NON_SPACE_RE.sub(INSIDE, quoted)
