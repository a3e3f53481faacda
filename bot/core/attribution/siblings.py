"""How one sentence's clauses share it: which neighbouring clauses of one speaker are one
report, which cue sits inside another's reported clause, where a closing cue's content
begins, and who else shares a cue ("Ruiz and Hale said")."""

from __future__ import annotations

import re

from .entities import Entity, Frame, Sent
from .lexicon import ALL_CUE_WORDS, SPEECH_NOUNS, STANCE_CUES

_LOWER_WORD_RE = re.compile(r"[a-z]+")


# Between two cues: the first one's complement ("told reporters that ...", "said:"), with no
# conjunction or semicolon that would start a clause of its own after it.
_NESTED_GAP_RE = re.compile(r"^[^;]{0,60}?(?:\bthat\b|\bwhether\b|:)")
_SIBLING_GAP_RE = re.compile(
    r";|,\s*(?:though|although|but|while|whereas|and|yet|even as)\b|\s(?:though|although|whereas|while)\s"
)


SUBORDINATE_OPEN_RE = re.compile(
    r"\W*(?:(?:But|And|Yet)\s+)?(?:While|Although|Though|Whereas|Because|If|When|As|Since|After|Before|Once|Until|Unless)\s"
)
_AND_SUBJECT_RE = re.compile(r"\s(?:and|but)\s+$")


def merge_same_speaker(
    sent: Sent, clauses: list[tuple[Frame, Entity]], main: Frame
) -> list[tuple[Frame, Entity]]:
    """The clauses that stand side by side: one speaker's neighbouring clauses are one
    attribution ("X blamed Y, saying Z"), and a cue inside another's reported clause
    ("Peskov told reporters that Moscow would respond") stays part of that clause."""
    merged: list[tuple[Frame, Entity]] = []
    last: Frame | None = None  # the last frame kept, even when merged into another
    for f, who in clauses:
        if last is not None and f is not main:
            gap = sent.out[last.end : f.start]
            if (
                last.content_side in ("after", "both")
                and _NESTED_GAP_RE.match(gap)
                # (not past where the last clause ends: "Ruiz, who stated that A, was answered
                # by Hale, who said B")
                and clause_end(sent, last, f.start) >= f.start
                and not _SIBLING_GAP_RE.search(gap)
                # "While Keller has said that A, Reyes said B": the opening clause ends at the comma.
                and not (
                    SUBORDINATE_OPEN_RE.match(sent.out, 0, last.start)
                    and _ends_clause(sent.text[last.end : f.start])
                )
            ):
                continue
        if (
            f is not main
            and last is not None
            and last.content_side == "after"
            and f.cue in SPEECH_NOUNS
            and not sent.out[last.end : f.start].strip()
        ):
            continue  # "called Acme's plans to ... "a disgrace"": the noun is the cue's object
        if f is not main and merged and _inside_that_clause(sent.out, f.start):
            continue  # "..., who notes that Acme Shipping has vowed ...": the noter's report
        if f is not main and f.restrictive:
            continue  # "faulted his aides for scolding voters who back X": one report
        last = f
        # `"...," said Skelly, explaining he ...`: the quotation before and the participle's
        # clause after are two reports, even by one speaker.
        if (
            merged
            and merged[-1][1] is who
            and not _separate(sent.out, merged[-1][0], f)
            and clause_end(sent, merged[-1][0], f.start) >= f.start
        ):
            if f is main:
                merged[-1] = (f, who)  # the main frame leads; it reads the whole span below
            continue
        merged.append((f, who))
    return merged


# Between the first of two subjects and the second: a place ("of Georgia"), a party tag or an
# apposition, "and", and the second's lower-case role words ("state House Speaker").
_AND_SECOND_RE = re.compile(
    r"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s*\([^()]{1,30}\))?(?:,[^,;\"_]{1,60},)?"
    r"\s+and\s+(?:[a-z]+\s+){0,2}"
)
# What may open a clause before its first subject: nothing, or a break and a few words of title.
_CLAUSE_START_RE = re.compile(r"(?:^|[,;:—–]\s*|\b(?:[Bb]ut|[Aa]nd)\s+)(?:[A-Z][\w.]*\s+){0,3}$")


def first_of_two(sent: Sent, f: Frame, who: Entity) -> Entity | None:
    """The first subject when two named ones share the cue ("Ruiz and Hale said"), else None."""
    if f.content_side != "after" or f.ref.kind != "entity" or " and " not in sent.out[: f.start + 1]:
        return None
    for m in reversed(sent.mentions):
        if m.end > f.start:
            continue
        x = m.entity
        if isinstance(x, Entity) and x.kind == "place":
            continue  # "Quint of Ohio and Voss": the first subject's home
        if (
            isinstance(x, Entity)
            and x is not who
            # ("Khizr and Ghazala Khan": a first name sharing the second's surname)
            and (" " in x.name or " " not in who.name)
            and not m.possessive
            and x.kind in ("person", "org", "unknown")
            and _AND_SECOND_RE.fullmatch(sent.out, m.end, f.start)
            and _CLAUSE_START_RE.search(sent.out[: m.start])
        ):
            return x
        return None
    return None


def nested_before(out: str, last: Frame, f: Frame) -> bool:
    """Whether a closing cue's content holds the clause before it: in "Keller has support
    from unions, said Whitcomb" Whitcomb reports all of it, Keller's cue included; in
    `"...," Voss said, according to the Ledger` the Ledger reports Voss's words and her saying them."""
    return (
        f.content_side == "before"
        and (last.content_side == "after" or (f.according and last.content_side == "before"))
        and not _SIBLING_GAP_RE.search(out, last.end, f.start)
        and out[: f.start].rstrip().endswith(",")
    )


def governs_next(out: str, f: Frame, nxt: Frame) -> bool:
    """Whether a source's clause holds the next cue: "According to the Ledger, the mayor said the
    pier would close" is the Ledger's report of all of it, the mayor's included; so is a verb's
    object that holds a noun of saying ("sought to explain Dunn's remark that ...")."""
    if _SIBLING_GAP_RE.search(out, f.end, nxt.start) or f.content_side not in ("after", "both"):
        return False
    if nxt.cue in SPEECH_NOUNS and f.content_side == "after" and f.cue not in SPEECH_NOUNS:
        return True  # "sought to explain Gov. Dunn's remark that ...": a noun phrase in the object
    return f.according and f.content_side == "after" and nxt.content_side in ("after", "both")


def _ends_clause(gap: str) -> bool:
    """Whether the words before a cue close with a comma, maybe inside a quotation's closing
    mark (`... at "smaller harbours," Brandt said`)."""
    return gap.rstrip().rstrip("\"”’'").endswith(",")


def _separate(out: str, last: Frame, f: Frame) -> bool:
    """Whether one speaker's next clause is a report of its own: the quotation before and a
    participle's clause after, or a clause with its own subject after a conjunction ("X said A,
    and she accused B of C"). A bare participle ("X blamed Y, saying Z") goes on the same report."""
    if last.content_side == "before" and f.content_side == "after":
        return True
    if last.cue in STANCE_CUES and last.content_side == "after":
        return True  # a stated position ends at its comma: "promised to ..., saying she ..."
    gap = out[last.end : f.start]
    return f.start < f.position and bool(_SIBLING_GAP_RE.search(gap) or _AND_SUBJECT_RE.search(gap))


def _inside_that_clause(out: str, start: int) -> bool:
    """Whether a clause starting at `start` is the that-clause of a cue a few words before it
    ("who notes that ...", "told reporters that ...")."""
    before = out[max(0, start - 50) : start].rstrip()
    if not before.endswith(" that"):
        return False
    words = _LOWER_WORD_RE.findall(before[:-5])[-4:]
    return any(w in ALL_CUE_WORDS for w in words)


# What stands between the names of a list in an apposition: a comma, "and", a place ("of Texas").
_LIST_GLUE_RE = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)*")


def named_in_apposition(sent: Sent, f: Frame) -> list[Entity]:
    """The people an apposition lists after a plural noun phrase ("The two candidates, Ana Ruiz
    and Senator Tom Hale, have vowed ..."): they are the speakers, not the noun phrase.
    Empty unless the apposition is nothing but their names."""
    if f.ref.kind != "np" or " and " not in f.role:
        return []
    at = sent.out.find(f.role, f.start, f.position)
    if at < 0:
        return []
    inside = [m for m in sent.mentions if at <= m.start and m.end <= at + len(f.role)]
    people = [m for m in inside if m.kind != "place"]
    if len(people) < 2 or any(m.kind != "person" or m.possessive for m in people):
        return []
    pos = at
    for m in inside:
        if not _LIST_GLUE_RE.fullmatch(sent.out, pos, m.start):
            return []
        pos = m.end
    if not _LIST_GLUE_RE.fullmatch(sent.out, pos, at + len(f.role)):
        return []
    return [m.entity for m in people if isinstance(m.entity, Entity)]


# A relative clause's report ends where the sentence's own verb resumes: "Ruiz, who stated
# that the pier was safe, was answered by Hale".
_RELATIVE_OPEN_RE = re.compile(r",\s+who\s")
_MATRIX_RESUMES_RE = re.compile(
    r",\s+(?:(?:also|then|later|now|since)\s+)?(?:was|were|is|are|has|have|had|will|would|did|does|could|can)\s"
)
_PARTICIPLE_ON_RE = re.compile(r",\s+[a-z]+ing\s")
# A clause with a named subject of its own after "and"/"but": "called the plan "a disgrace,"
# and Hale agreed, saying ...".
_AND_NAMED_RE = re.compile(r"[,\"]\s+(?:and|but)\s+$")  # (the comma may be inside a quotation)
_NEXT_WORD_RE = re.compile(r"\s+(?:also\s+)?([a-z]+)")


def clause_end(sent: Sent, f: Frame, high: int) -> int:
    """Where a clause's content must end before `high`: where the main clause resumes after a
    relative clause the cue sits in, or where a clause with a named subject of its own begins."""
    if f.content_side != "after":
        return high
    out = sent.out
    if _RELATIVE_OPEN_RE.search(out, f.start, f.position):
        resumes = _MATRIX_RESUMES_RE.search(out, f.end, high)
        # (unless a participle goes on with the same subject's report: "Ruiz, who declared
        # victory, will return the favor, saying ...": one report, read whole)
        if resumes and not _PARTICIPLE_ON_RE.search(out, resumes.end(), high):
            return resumes.start()
    for m in sent.mentions:
        if f.end < m.start < high and not m.possessive:
            joined = _AND_NAMED_RE.search(out, max(f.end, m.start - 8), m.start)
            verb = _NEXT_WORD_RE.match(out, m.end)
            if joined and verb and (verb.group(1).endswith("ed") or verb.group(1) in ALL_CUE_WORDS):
                return joined.start() + (out[joined.start()] == '"')
    return high


def described_head(phrase: str) -> str:
    """The head of a description: its last word before a preposition ("spokesman for the board")."""
    words = phrase.lower().split()
    cut = next(
        (i for i, w in enumerate(words) if i and w in ("of", "for", "at", "with", "from", "in", "on")),
        len(words),
    )
    return words[cut - 1] if cut else ""
