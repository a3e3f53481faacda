"""Sentence splitting with character offsets.

sentencex (Wikimedia's rule-based segmenter, compiled) does the splitting: it is ~60x
faster than syntok here, which the ingest rate needs. It deliberately never splits
inside quotation marks, but a multi-sentence quote must still become several
sentences (each is retrievable, and attribution links them back together), so the
splitter runs on a copy whose quote marks are blanked out: same length, so every
offset still points into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import sentencex

from .attribution.lexicon import CUE_WORDS

_QUOTES = '"“”„‟«»'
_QUOTE_RE = re.compile(f"[{_QUOTES}]")
_SPACE = " \t\r\n\u00a0"
# Cuts sentencex makes that a news reader would not: after a title before a name
# ("Ms. | Rosner"), after an initial or a dotted state in a party tag ("R-S. | C."),
# and before a lower-case word ('"...?" | he tweeted').
_TITLE_END_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Reps|Gov|Lt|Gen|Col|Capt|Cmdr|Adm|Maj|Sgt|Rev|Hon|Pres|Supt|Insp|Det|Gov|Atty|Amb|St|Mt|Ft)"
    r"|\bPh\.D|(?:^|[\s(-])[A-Z])\.$"
)
_ME_I_RE = re.compile(r"(?<=\sme\.)\s+(?=I\s)")
_STARTS_LOWER_RE = re.compile(r"^[\"“”'‘’(\[]*[a-z]")
# '"...?" Justice Elena Kagan asked.': a quote ending in ? or ! followed by a short
# clause with a speech verb is one sentence, as it is when the clause starts in lower case.
_QUESTION_QUOTE_END_RE = re.compile(r"[?!][\"”’']$")
_SHORT_CLAUSE_WORDS = 10


def split_sentences(text: str, base: int = 0) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences of one paragraph, whitespace trimmed.

    `base` is added to every offset, so callers can split a paragraph in place.
    """
    # (ASCII text has one of the marks, and str.replace finds it at C speed.)
    masked = text.replace('"', " ") if text.isascii() else _QUOTE_RE.sub(" ", text)
    spans: list[list[int]] = []
    for seg in sentencex.get_sentence_boundaries("en", masked):
        start, end = seg["start_index"], seg["end_index"]
        while start < end and text[start] in _SPACE:
            start += 1
        while end > start and text[end - 1] in _SPACE:
            end -= 1
        if start < end:
            # "she told me. "I still ...": sentencex reads "me." before "I" as an abbreviation
            for cut in _ME_I_RE.finditer(masked, start, end):
                spans.append([start, cut.start()])
                start = cut.start()
                while text[start] in _SPACE:  # (the opening mark, blank in `masked`, is kept)
                    start += 1
            spans.append([start, end])
    # A quote mark that landed on the wrong side of a cut: an opening mark at the end
    # of a sentence belongs to the next one, a closing mark at the start to the last.
    for prev, cur in zip(spans, spans[1:]):
        while prev[1] - prev[0] > 1 and text[prev[1] - 1] in _QUOTES and text[prev[1] - 2] in _SPACE:
            prev[1] -= 1
            cur[0] = prev[1]
            while prev[1] > prev[0] and text[prev[1] - 1] in _SPACE:
                prev[1] -= 1
        while (
            cur[1] - cur[0] > 1
            and text[cur[0]] in _QUOTES
            and (cur[0] + 1 >= len(text) or text[cur[0] + 1] in _SPACE)
        ):
            prev[1] = cur[0] + 1
            cur[0] += 1
            while cur[0] < cur[1] and text[cur[0]] in _SPACE:
                cur[0] += 1
    merged: list[list[int]] = []
    for span in spans:
        if span[0] >= span[1]:
            continue
        if merged and (
            _title_end(text[merged[-1][0] : merged[-1][1]])
            or _STARTS_LOWER_RE.match(text[span[0] : span[1]])
            or _attribution_tail(text[merged[-1][0] : merged[-1][1]], text[span[0] : span[1]])
        ):
            merged[-1][1] = span[1]
        else:
            merged.append(span)
    for start, end in merged:
        yield base + start, base + end


def _title_end(sentence: str) -> bool:
    """Whether a (trimmed) sentence ends in a title's or an initial's period ("Ms.", "R-S.").

    Every match ends at the sentence's end and spans at most six characters, so the search
    starts ten from the end: from the start, the engine would try every position."""
    return _TITLE_END_RE.search(sentence, max(0, len(sentence) - 10)) is not None


def _attribution_tail(previous: str, current: str) -> bool:
    """Whether `current` is the speech tag of the quoted question or exclamation before it."""
    if not _QUESTION_QUOTE_END_RE.search(previous, max(0, len(previous) - 2)):  # (a match is its last two)
        return False
    words = current.rstrip(".").split()
    return len(words) <= _SHORT_CLAUSE_WORDS and any(w.strip(",").lower() in CUE_WORDS for w in words)
