"""Frames led by a noun of saying: its owner said what follows it ("Trump's claim that ...",
"his pledge to ...", "Keller's response: \"...\"")."""

from __future__ import annotations

import re

from .entities import Frame, Ref, Sent
from .lexicon import OF_SPEECH_NOUNS, SPEECH_NOUNS, WEEKDAYS


def speech_noun_frames(sent: Sent) -> list[Frame]:
    """ "Trump's claim that ...", "his pledge to ...": the owner of a noun of saying said the rest."""
    out = sent.out
    found: list[Frame] = []
    for m in _NOUN_THEN_CLAUSE_RE.finditer(out):
        noun, prep = m.group(1).lower(), m.group(3)
        # "his call for "a total ban"", "his attacks on the banks", "her opposition to the war":
        # a stance's object (nouns that report nothing else)
        stance = noun in _PREP_NOUNS.get(prep, ())
        if not stance and (
            prep in ("for", "on")
            or noun not in SPEECH_NOUNS
            or (prep == "to" and noun not in _INFINITIVE_NOUNS)
        ):
            continue  # "his comments to reporters": a recipient, not the content
        if m.group(3) == "of" and noun not in OF_SPEECH_NOUNS:
            continue  # "his criticism of the deal", but not "the claims of voters"
        if m.group(2) and m.group(3) != "that":
            continue  # "her statement was about ...": a topic, not what was said
        owner = _OWNER_BEFORE_RE.search(out, max(0, m.start() - 60), m.start())
        ref, start = _owner_ref(sent, owner) if owner is not None else (None, 0)
        if ref is not None:
            # The frame ends before "that"/"to", so the content starts at the clause.
            topic = prep in ("about", "of") or stance
            clause = m.start(3) - 4 if out.endswith("not ", 0, m.start(3)) else m.start(3)  # keeps "not"
            end = m.end() if topic else clause
            frame = Frame(3, m.start(1), ref, noun, start, end, False, "after")
            comma = out.find(", ", m.end())
            if comma > 0 and _OPENING_PREPOSITION_RE.match(out):
                # "Despite Hale's claims that he is rich, the firms ...": the opener ends the clause.
                frame.limit = comma
            stop = _CLAUSE_STOP_RE.search(out, m.end())
            if stop and (frame.limit is None or stop.start() < frame.limit):
                frame.limit = stop.start()  # "a word for Hale's plan to cut it: No."
            topic_end = _TOPIC_END_RE.search(out, m.end()) if topic else None
            if topic_end and (frame.limit is None or topic_end.start() < frame.limit):
                # "Fiorina's statement about seeing it was not challenged": a topic ends its noun phrase.
                frame.limit = topic_end.start()
            found.append(frame)
    return found


def _owner_ref(sent: Sent, owner: re.Match[str]) -> tuple[Ref | None, int]:
    """Who the possessive before a noun of saying is ("his" or a named owner, "Keller's"),
    and where the owner's words start (at a title: "Mr. Hale's claims")."""
    word = owner.group(1).lower()
    if word in _POSSESSIVE_PRONOUNS:
        return Ref("pronoun", text=_POSSESSIVE_PRONOUNS[word], at=owner.start(1)), owner.start(1)
    found: tuple[Ref | None, int] = (None, 0)
    for mention in sent.mentions:
        overlaps = mention.start < owner.end() and mention.end > owner.start(1)
        if mention.possessive and overlaps and mention.entity is not None:
            found = Ref("entity", entity=mention.entity), min(mention.start, owner.start(1))
    return found


_TOPIC_END_RE = re.compile(
    r"[,;:]|\s(?:as|was|were|is|are|has|have|had|will|would|did|does|could|should|can|may|might|drew|"
    r"sparked|prompted|led|came|made|became)\b|\.?\s*$"
)
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
# Nouns of stance whose object follows a preposition: "his call for ...", "her attacks on ...".
_PREP_NOUNS = {
    "for": frozenset("call calls demand demands plea pleas push support opposition".split()),  # noqa: SIM905
    "on": frozenset("attacks comments remarks opposition".split()),  # noqa: SIM905
    "to": frozenset(["opposition"]),
}
# Every noun a frame here may start from (what the cue scan looks for before calling in).
NOUN_FRAME_WORDS = SPEECH_NOUNS.union(*_PREP_NOUNS.values())
_CLAUSE_STOP_RE = re.compile(r"[:;]\s|\s[—–]\s")
_OPENING_PREPOSITION_RE = re.compile(
    r"\W*(?:Despite|Amid|After|Before|Since|Given|Following|With|Without|Against|Beyond|Because\s+of)\s"
)
_INFINITIVE_NOUNS = frozenset(
    """pledge pledges promise promises vow vows threat threats call calls demand demands plea pleas plan
    plans decision decisions proposal proposals""".split()  # noqa: SIM905
)
# A lower-case noun followed by its clause; its owner is looked for just before it. (The noun
# is possessive, [a-z]++: white space must follow it, so giving letters back never helps.)
_NOUN_THEN_CLAUSE_RE = re.compile(
    rf"\b([a-z]++)(?:\s+(?:on\s+)?(?:{WEEKDAYS}|last\s+week))?"
    # "Keller's contention was that ...": a copula between the noun and its clause
    r"(\s+(?:was|is|has\s+been|had\s+been))?"
    r"\s+(?:not\s+(?=to\b))?(that|to|about|of|for|on)\b"  # ("his decision not to run")
)
_OWNER_BEFORE_RE = re.compile(
    r"(\b[Hh]is|\b[Hh]er|\b[Tt]heir|[A-Z][\w.’'-]*(?:['’]s|s['’]))\s+(?:[a-z-]+\s+){0,2}$"
)


# Nouns whose owner's words follow a colon ("Keller's response: ...", "His answer was short:
# ...", "Her reply was: ...", "Her message to voters: ..."), with what may stand between the
# noun and the colon.
_COLON_NOUNS = (
    "response|answer|reply|retort|message|advice|verdict|warning|assessment|explanation|take|pitch"
    "|plea|promise|statement|view|comment|remarks|words|argument|conclusion|prediction|diagnosis"
)
_NOUN_THEN_COLON_RE = re.compile(
    rf"\b({_COLON_NOUNS})(?:\s+(?:to|for|on|about)\s+[^:;\"_,]{{1,40}}?)?(?:\s+(?:was|is|has\s+been)(?:\s+[a-z]+)?)?:\s"
)


def colon_noun_frames(sent: Sent) -> list[Frame]:
    """ "Keller's response: \"We are ready.\"", "His answer was short: no.": the owner's words."""
    out = sent.out
    found: list[Frame] = []
    for m in _NOUN_THEN_COLON_RE.finditer(out):
        owner = _OWNER_BEFORE_RE.search(out, max(0, m.start() - 60), m.start())
        ref, start = _owner_ref(sent, owner) if owner is not None else (None, 0)
        if ref is not None:
            found.append(Frame(2, m.start(1), ref, m.group(1), start, m.end() - 1, False, "after"))
    return found
