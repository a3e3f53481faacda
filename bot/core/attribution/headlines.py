"""Headlines that report speech: a title-case line whose subject, a person the article names,
is followed by a verb of saying ("Keller Vows To Rebuild Docks", "Keller Steps In: Urges ...")."""

from __future__ import annotations

import re

from .entities import Entity, Frame, Ref, Registry, Sent
from .lexicon import ALL_CUE_WORDS

# Verbs a headline reports speech with ("Keller Vows To Rebuild Docks", "Reyes Says ...").
_HEADLINE_CUES = frozenset(
    """says vows warns tells urges slams blasts claims calls insists denies admits rips touts pledges
    promises defends accuses praises criticizes demands wants plans rejects backs endorses asks
    threatens predicts suggests argues announces confirms said vowed warned told urged slammed blasted
    claimed called insisted denied admitted ripped touted pledged promised defended accused praised
    criticized demanded rejected endorsed asked threatened predicted suggested argued announced
    confirmed described responded revealed explained""".split()  # noqa: SIM905
)


_HEADLINE_WORD_RE = re.compile(r"[\w’'.-]+")
_ADVERB_RE = re.compile(r"[A-Z][a-z]{2,}ly$")


def _title_case(text: str) -> bool:
    """Whether at least 80% of the words longer than three letters are capitalised; stops
    early, at the first few lower-case ones, since ordinary sentences have them at once."""
    upper = lower = 0
    for word in text.split():
        if len(word) > 3 and word[0].isalpha():
            if word[0].isupper():
                upper += 1
            else:
                lower += 1
                if lower * 4 > upper + 1:
                    return False
    return upper >= 2 and upper >= 4 * lower


_HEADLINE_ADVERBS = frozenset("just finally also now quietly reportedly officially publicly".split())  # noqa: SIM905


def headlines(sents: list[Sent], registry: Registry) -> None:
    """A title-case line that reports speech: its subject (a name the article gives) said the rest."""
    for sent in sents:
        if sent.frame is not None:
            continue
        if not _title_case(sent.out):
            continue  # most sentences: a cheap test before the word offsets below
        words = list(_HEADLINE_WORD_RE.finditer(sent.out))
        if _closing_cue(sent, words, registry):
            continue
        for i, w in enumerate(words[1:10], 1):
            low = w.group().lower()
            # Any cue word the lexicon knows reports too, capitalised as a headline's verbs are
            # ("Ruiz Responds To ...", "Ana Ruiz Questioned What ..."), but only finite or as
            # the noun after a possessive ("Ruiz's Claim That ..."; not "Let Ruiz Tell You").
            loose = w.group()[:1].isupper() and low in ALL_CUE_WORDS
            if low not in _HEADLINE_CUES and not loose:
                continue
            before = i - 1
            if before > 0 and (
                words[before].group().lower() in _HEADLINE_ADVERBS or _ADVERB_RE.match(words[before].group())
            ):
                before -= 1  # "Nora Keller Just Announced ...", "Ruiz Fully Embraced ..."
            if sent.out[: w.start()].rstrip().endswith(":") and before > 0:
                before = _headline_name_end(words, before, registry)  # "Keller Steps In: Urges ..."
            subject = words[before].group().lower()
            possessive = subject.endswith(("'s", "’s"))
            subject = subject[:-2] if possessive else subject
            people = registry.by_last(subject) or (
                _org_before(words, before, registry) if not possessive else []
            )
            finite = low.endswith(("s", "ed")) or possessive
            if low not in _HEADLINE_CUES and not (finite and len(people) == 1 and people[0].gender):
                # (only after the name of someone the article calls he or she: not "St. Paul
                # Votes", "Trump Tower Opened", "... Makes Latinos Feel ...")
                continue
            if len(people) == 1 and w.end() < len(sent.out):
                ref = Ref("entity", entity=people[0])
                sent.frame = Frame(1, w.start(), ref, w.group().lower(), words[0].start(), w.end())
                sent.speaker = people[0]
            break


def _org_before(words: list[re.Match[str]], end: int, registry: Registry) -> list[Entity]:
    """The organisation the article names whose name's words end the headline at `end`
    ("Harbor Board Says Repairs Will Cost Millions")."""
    for ent in registry.entities:
        name = ent.name.split()
        if (
            ent.kind == "org"
            and len(name) <= end + 1
            and [w.group() for w in words[end + 1 - len(name) : end + 1]] == name
        ):
            return [ent]
    return []


def _headline_name_end(words: list[re.Match[str]], before: int, registry: Registry) -> int:
    """Where the subject of a headline cue after a colon ends: the last word before the colon
    that is the surname of someone the article names ("Keller Steps In: Urges ...")."""
    for k in range(before, -1, -1):
        if len(registry.by_last(words[k].group().lower())) == 1:
            return k
    return before


def _closing_cue(sent: Sent, words: list[re.Match[str]], registry: Registry) -> bool:
    """ "The Harbour Plan Is The Worst Deal Ever Signed, Lena Voss Says.": a headline that ends
    with a name and its cue after a comma reports what comes before; frames it and says so."""
    if len(words) < 4 or words[-1].group().lower().rstrip(".") not in _HEADLINE_CUES:
        return False
    last = words[-1]
    people = registry.by_last(words[-2].group().lower())
    comma = sent.out.rfind(",", 0, words[-2].start())
    name = sent.out[comma + 1 : words[-2].start()].split()
    if len(people) != 1 or comma < 0 or len(name) > 2 or not all(w[:1].isupper() for w in name):
        return False
    first = next(w for w in words if w.start() > comma)  # the name's first word, after the comma
    ref = Ref("entity", entity=people[0])
    cue = last.group().lower().rstrip(".")
    sent.frame = Frame(1, last.start(), ref, cue, first.start(), last.start() + len(cue), False, "before")
    sent.speaker = people[0]
    return True
