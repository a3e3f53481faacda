"""Whether a weak cue with no clause, colon or quotation after it still reports: an
accusation needs "of", a stated position an object by someone named, a hope or an agreement
an infinitive, a verb of blame or praise its object, a forecast someone in particular. And
the adjectives of a stated view ("Voss is convinced that ...")."""

from __future__ import annotations

import re

from .beside import speaker_before
from .cue_sets import (
    ADDRESSEE_THAT_RE,
    BARE_WEAK_CUES,
    INFINITIVE_WEAK_CUES,
    OBJECT_CUES,
    REPORTING_PARTICIPLES,
    TELLING_FORMS,
)
from .entities import Frame, Ref, Sent
from .lexicon import LEARNED_CUES, MEDIUM_NOUNS, QUOTE_FRAME_CUES, SPEECH_NOUNS, STANCE_CUES, WEEKDAYS

# An object after a verb: a word, not a preposition of place or direction ("blamed leaks").
OBJECT_RE = re.compile(r"^\s+(?!to\b|on\b|in\b|at\b(?!\s+(?:least|most)\s)|up\b|out\b|off\b|back\b)[\w’'$-]")
# "called for an inquiry", "calls again for $1 trillion in spending": a demand.
CALL_FOR_RE = re.compile(r"^\s+(?:again\s+|also\s+|repeatedly\s+)?for\s+[\w$]")
_ACCUSED_OF_RE = re.compile(r"^\s*[\w\s’'.,-]{0,80}?\bof\b")
# "recalled his pledge to cut taxes": an owned noun of saying with its own complement.
_OWNED_NOUN_RE = re.compile(
    r"^\s+(?:his|her|their|its|[A-Z][\w.’'-]*['’]s)\s+([a-z-]+)(?:\s+([a-z]+))?(?=\s+(?:that|to)\b|\s*[:\"])"
)
# What a stated position needs after its verb: an object or an infinitive, not a
# preposition of place or time ("plans in May", "supported by").
_STANCE_OBJECT_RE = re.compile(
    rf"^\s+(?:also\s+)?(?:(?:on\s+(?:{WEEKDAYS})|last\s+week"
    r"|this\s+week|on\s+the\s+trail)\s+)?(?!by\b|in\b|at\b|on\b|up\b|out\b|off\b|back\b|with\b)[\w’'$-]"
)
_OBJECT_WORDS_RE = re.compile(r"[A-Za-z][\w-]*")
_INFINITIVE_RE = re.compile(r"^\s+(?:not\s+)?to\s+[a-z]")
_AGREED_WITH_RE = re.compile(r"^\s+(?:\w+ly\s+)?with\s+(?:the|his|her|their|its|[A-Z])")


def weak_cue_reports(low: str, rest: str, ref: Ref) -> bool:
    """Whether the weak cue `low`, said by `ref` and followed by `rest` (no complement),
    reports something."""
    if low in TELLING_FORMS and ADDRESSEE_THAT_RE.match(rest):
        return True  # "assured residents their homes were safe": a clause after the one addressed
    if low.startswith("accus"):
        if not _ACCUSED_OF_RE.match(rest):
            return False
    elif low in STANCE_CUES or (low in QUOTE_FRAME_CUES and CALL_FOR_RE.match(rest)):
        # "Sanders wants to ...", "the mayor proposed a tax": a position, stated by someone named.
        if (
            not _STANCE_OBJECT_RE.match(rest)
            or (ref.kind == "np" and " " not in ref.text.strip())
            # "how many judges it plans to hire" (but a sentence's opening "It plans to ...")
            or (ref.kind == "pronoun" and ref.text == "it" and ref.at > 0)
            or (low in LEARNED_CUES and _medium_object(rest))
        ):
            return False
    elif low in INFINITIVE_WEAK_CUES and (
        _INFINITIVE_RE.match(rest) or (low.startswith("agree") and _AGREED_WITH_RE.match(rest))
    ):
        # "Cruz hopes to win Iowa", "Voss agreed to pay the fee", "agreed with the analysis":
        # a plan, a commitment or a view, by someone in particular (not "Engineers hope to ...").
        if _nobody_in_particular(ref):
            return False
    elif low in OBJECT_CUES:
        # "Republicans questioned the timing", "Trump blamed leaks", "Democrats demanded
        # an investigation": the object is what was said.
        if not OBJECT_RE.match(rest):
            return False
        owned = _OWNED_NOUN_RE.match(rest)
        if owned and not SPEECH_NOUNS.isdisjoint(owned.groups()):
            return False  # "Reporters recalled his pledge to ...": the pledge is the report
        if low.startswith("recall") and (
            rest.lstrip()[:1].isdigit() or (ref.entity is not None and ref.entity.kind == "org")
        ):
            return False  # "Toyota recalled 10,000 cars": a product recall, not a memory
    elif low not in BARE_WEAK_CUES or not re.search(r"[A-Za-z]", rest):
        return False
    elif _nobody_in_particular(ref):
        # "Engineers expect construction to take three years": a forecast by nobody in particular.
        return False
    return True


def _nobody_in_particular(ref: Ref) -> bool:
    """A bare plural or an unknown name ("Engineers", "Economists"), whose forecast or plan is
    nobody's in particular."""
    return (ref.kind == "np" and " " not in ref.text.strip()) or (
        ref.entity is not None and ref.entity.kind == "unknown"
    )


def _medium_object(rest: str) -> bool:
    """Whether a verb's object is a statement, a video, a report that says something itself
    ("issued a brief statement saying ..."): the learned verb then only publishes, and the
    medium's own frame reports what it says."""
    for i, m in enumerate(_OBJECT_WORDS_RE.finditer(rest, 0, 60)):
        if i == 3:
            break
        if m.group().lower() in MEDIUM_NOUNS:
            after = _OBJECT_WORDS_RE.match(rest, m.end() + 1)
            return after is not None and (after.group() == "that" or after.group() in REPORTING_PARTICIPLES)
    return False


# "Voss is convinced that ...", "Holm remains confident the levy will pass", "she was adamant
# that ...": a view stated by the subject of a copula and an adjective of certainty or worry.
_CLAUSE_ADJECTIVES = """confident convinced adamant optimistic pessimistic hopeful certain sure unsure
    skeptical sceptical doubtful insistent worried afraid fearful""".split()  # noqa: SIM905
# ("Hale was critical of the plan", "remains opposed to the levy": a view of what follows)
_OBJECT_ADJECTIVES = "critical supportive dismissive skeptical sceptical wary opposed vocal outspoken".split()  # noqa: SIM905
STANCE_ADJECTIVES = frozenset(_CLAUSE_ADJECTIVES + _OBJECT_ADJECTIVES)
_STANCE_ADJECTIVE_RE = re.compile(
    r"\b(?:is|was|are|were|remains?|remained|seems?|seemed|appears?|appeared|came\s+away|grew|became)"
    r"(?:\s+(?:not|also|still|now|already|quite|very|less|more|far|fully|increasingly|[a-z]+ly))?\s+"
    rf"(?:({'|'.join(sorted(_CLAUSE_ADJECTIVES))})"
    r"(?:\s+that\b|(?=\s+(?:he|she|they|it|we|I|the|his|her|their|[A-Z][a-z]+)\s))"
    rf"|({'|'.join(sorted(_OBJECT_ADJECTIVES))})\s+(?:of|to|about|against|in)(?=\s))"
)


_DETERMINED_RE = re.compile(r"\s*(?:the|a|an|his|her|their|its|our|some|many|most|several)\s", re.IGNORECASE)


def stance_adjective_frames(sent: Sent) -> list[Frame]:
    """The frames of "X is convinced that ..." in the sentence (rank 2, as a stated position)."""
    frames = []
    for m in _STANCE_ADJECTIVE_RE.finditer(sent.out):
        found = speaker_before(sent, m.start())
        if (
            found is not None
            and m.group(2)
            and found[1].kind == "np"
            and not _DETERMINED_RE.match(found[1].text)
        ):
            continue  # ("... to persuade supporters who are skeptical of ...": no noun phrase of its own)
        if found is not None and not (found[1].kind == "np" and " " not in found[1].text.strip()):
            start, ref, role = found
            cue = " ".join(sent.out[m.start() : m.end(m.lastindex or 0)].split()).lower()
            frames.append(Frame(2, m.start(), ref, cue, start, m.end(), False, "after", role))
    return frames
