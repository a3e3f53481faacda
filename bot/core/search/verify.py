"""`verify`: did this person really say this? The closest wording in the archive, how
closely it matches (0-100), the words that differ, and a verdict.

Candidates are `who`'s (attributions whose words match the quote) plus, when a person is
named, that person's own statements (their other wording of the same point may share few
words with the quote). Each candidate's sentence is aligned word by word with the quote:
of the windows of about the quote's length that are mostly what was said (a third of their
words at least in the attributed content, not the narration around it), the best is the
closest wording, and its rapidfuzz ratio (case and punctuation ignored) is the match. A
match that differs by a negation says the opposite and confirms nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, utils
from rapidfuzz.distance import Levenshtein

from ..models import Difference, Verdict, VerifyResult
from ..storage import ArchiveStore, Candidate
from .answers import _answers
from .features import _coverage
from .query import _token_lists, clean, prepare
from .said import resolve_speaker
from .who import WHO_THRESHOLD, ranked_statements

VERBATIM = 97.0  # match at or above: the same words (a stray letter or article aside)
PARAPHRASE = 80.0  # match at or above: a close paraphrase
# Share of the quote's idf weight a statement must hold to count as the same point in
# other words ("different words, same speaker").
REWORDED_COVER = 0.5
OWN_STATEMENTS = 300  # a named person's statements read besides `who`'s candidates
SLACK = 3  # windows from the quote's length minus to plus this many words are tried
NEAR = 3.0  # windows within this of the best match compete on length
_QUOTE_MARKS = "\"“”‘’'«»"
_TRAILING = _QUOTE_MARKS + ",;:"  # (a window's last word keeps its full stop, not a comma)
# Words whose difference turns a statement into its opposite: the quote is no paraphrase then.
_NEGATIONS = frozenset(
    ["not", "no", "never", "nor", "cannot", "none", "nothing", "nobody", "neither", "without"]
)


@dataclass(frozen=True, slots=True)
class _Aligned:
    """A candidate's closest wording to the quote."""

    match: float
    words: tuple[str, ...]  # the archive's words, as written
    marked: str  # the same with the differences marked
    differences: tuple[Difference, ...]
    segments: tuple[Difference, ...]  # the whole alignment, equal runs included
    candidate: Candidate


_WORD_SPAN_RE = re.compile(r"\S+")


def _words(text: str) -> tuple[list[str], list[str], list[int]]:
    """(words as written, the same processed, where each starts), without words that process
    to nothing."""
    raw, keys, starts = [], [], []
    for m in _WORD_SPAN_RE.finditer(text):
        k = utils.default_process(m.group())
        if k:
            raw.append(m.group())
            keys.append(k)
            starts.append(m.start())
    return raw, keys, starts


def _words_said(candidate: Candidate) -> tuple[list[str], list[str], list[bool]]:
    """The sentence's words (as written, processed) and, for each, whether it is inside the
    attributed content (all of them when the sentence has none, or when it cannot be found)."""
    text = candidate.text or ""
    content = candidate.content or ""
    at = text.find(content) if content else -1
    raw, keys, starts = _words(text)
    return raw, keys, [at < 0 or at <= start < at + len(content) for start in starts]


def _align(quote: Sequence[str], candidate: Candidate) -> _Aligned | None:
    """The window of the candidate's sentence, mostly what was said, closest to the quote's words."""
    q = " ".join(quote)
    raw_all, keys_all, in_said = _words_said(candidate)
    if not keys_all:
        return None
    n = len(quote)
    windows: list[tuple[float, int, int]] = []
    sizes = (
        range(max(1, n - SLACK), min(len(keys_all), n + SLACK) + 1) if len(keys_all) > n else [len(keys_all)]
    )
    for size in sizes:
        for start in range(len(keys_all) - size + 1):
            # What was said, not the narration around it: a window mostly of the tag ("the
            # mayor said") or of a relative clause about the speaker is no one's words.
            if 3 * sum(in_said[start : start + size]) >= size:
                windows.append((fuzz.ratio(q, " ".join(keys_all[start : start + size])), start, size))
    if not windows and any(in_said):
        # (what was said is shorter than the quote by more than the slack: all of it)
        first = in_said.index(True)
        size = sum(in_said)
        windows.append((fuzz.ratio(q, " ".join(keys_all[first : first + size])), first, size))
    if not windows:
        return None
    top = max(w[0] for w in windows)
    # Of the windows about as good, the one nearest the quote's length: "a power station" for
    # "a power plant" shows the word replaced, not dropped.
    score, start, size = min((w for w in windows if w[0] >= top - NEAR), key=lambda w: (abs(w[2] - n), -w[0]))
    raw, keys = raw_all[start : start + size], keys_all[start : start + size]
    raw[0], raw[-1] = raw[0].lstrip(_QUOTE_MARKS) or raw[0], raw[-1].rstrip(_TRAILING) or raw[-1]
    segments: list[Difference] = []
    marked: list[str] = []
    for op in Levenshtein.opcodes(list(quote), keys):
        said, wrote = " ".join(quote[op.src_start : op.src_end]), " ".join(raw[op.dest_start : op.dest_end])
        segments.append(Difference(op.tag, said, wrote))
        if op.tag == "equal":
            marked.append(wrote)
            continue
        marked.append((f"[-{said}-]" if said else "") + (f"{{+{wrote}+}}" if wrote else ""))
    differences = tuple(s for s in segments if s.op != "equal")
    return _Aligned(score, tuple(raw), " ".join(marked), differences, tuple(segments), candidate)


def _negates(aligned: _Aligned) -> bool:
    """Whether the quote and the archive differ by a negation ("we agree" / "we do not agree"):
    the quote then says the opposite of what was said."""

    def negations(text: str) -> int:
        words = utils.default_process(text).split()
        return sum(w in _NEGATIONS or (w == "t" and i > 0) for i, w in enumerate(words))

    return any(negations(d.quote) != negations(d.archive) for d in aligned.differences)


def _best(aligned: Sequence[_Aligned]) -> _Aligned | None:
    return max(aligned, key=lambda a: a.match, default=None)


async def verify(
    store: ArchiveStore,
    quote: str,
    person: str | None,
    guild_id: int | None,
    aliases: Sequence[tuple[str, int, str, int]],
) -> VerifyResult:
    """The verdict on a quote (and on who said it, when `person` is given)."""
    text = clean(quote)
    named: set[str] = set()
    resolved: str | None = None
    others: list[str] = []
    if person is not None and clean(person):
        found, others = resolve_speaker(clean(person), aliases)
        if found is not None:
            _speaker_id, resolved = found
            named = {resolved, *others}
    query = await prepare(store, text)
    if query is None:  # none of its words is in the archive
        return VerifyResult(
            query=text, verdict="not_found", match=0.0, person=resolved, did_you_mean=tuple(others)
        )
    _raw, qwords, _starts = _words(text)
    extra: list[Candidate] = []
    for sid in sorted({sid for _a, sid, name, _n in aliases if name in named}):
        extra += await store.statements(sid, guild_id, OWN_STATEMENTS)
    ranked = await ranked_statements(store, query, guild_id)
    who_score = {(c.sentence_id, c.ordinal): s for s, c in ranked}
    cands = [c for _s, c in ranked]
    for c in extra:  # the person's statements `who` did not already find
        if (c.sentence_id, c.ordinal) not in who_score:
            who_score[(c.sentence_id, c.ordinal)] = 0.0
            cands.append(c)
    aligned = [a for c in cands if (a := _align(qwords, c)) is not None]
    best_any = _best(aligned)
    verdict: Verdict = "not_found"
    pick: _Aligned | None = None
    if person is None or not clean(person):
        if best_any is not None and best_any.match >= PARAPHRASE:
            pick = best_any
            verdict = "verbatim" if pick.match >= VERBATIM else "paraphrase"
        elif ranked and ranked[0][0] >= WHO_THRESHOLD:
            pick = next(a for a in aligned if a.candidate is ranked[0][1])
            verdict = "reworded"
    else:
        by_them = [a for a in aligned if a.candidate.speaker in named]
        best_them = _best(by_them)
        if best_them is not None and best_them.match >= PARAPHRASE:
            pick = best_them
            verdict = "verbatim" if pick.match >= VERBATIM else "paraphrase"
        elif best_any is not None and best_any.match >= PARAPHRASE:
            pick, verdict = best_any, "misattributed"
        else:
            lists = await _token_lists(store, [a.candidate.content or a.candidate.text for a in by_them])
            covered = [(_coverage(query, set(t)), a) for t, a in zip(lists, by_them, strict=True)]
            point = max(covered, key=lambda ca: (ca[0], ca[1].match), default=None)
            if point is not None and point[0] >= REWORDED_COVER:
                pick, verdict = point[1], "reworded"
    negated = pick is not None and verdict in ("verbatim", "paraphrase") and _negates(pick)
    if negated:
        verdict = "not_found"  # the archive's words say the opposite: shown, but not confirmed
    elif pick is not None and pick.candidate.speaker in named and pick.candidate.speaker != resolved:
        # `--by Dunn` with two Dunns: the one whose words these are (the other is still offered)
        others = [n for n in (resolved, *others) if n and n != pick.candidate.speaker]
        resolved = pick.candidate.speaker
    if pick is None:
        return VerifyResult(
            query=text,
            verdict="not_found",
            match=best_any.match if best_any else 0.0,
            person=resolved,
            did_you_mean=tuple(others),
        )
    answers = await _answers(store, [(pick.match / 100, pick.candidate)], 1)
    return VerifyResult(
        query=text,
        verdict=verdict,
        match=pick.match,
        answers=tuple(answers),
        wording=" ".join(pick.words),
        marked=pick.marked,
        differences=pick.differences,
        segments=pick.segments,
        person=resolved,
        did_you_mean=tuple(others),
        negated=negated,
    )
