# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Name mentions in a masked sentence: runs of capitalised words told apart as
people, organisations, places and titles; roles read from appositions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..lexicon import verb_forms
from .bodies import firm_names, join_org_and, owned_body, relatives_named
from .first_names import gender_of_first
from .lexicon import (
    CUE_BASES,
    CUE_WORDS,
    DEMONYMS,
    FIRST_NAMES_F,
    FIRST_NAMES_M,
    HONORIFICS,
    ORG_SINGLE,
    ORG_WORDS,
    PARTY_NOUNS,
    PLACES,
    QUOTE_FRAME_CUES,
    ROLE_HEADS,
    STOP_CAPS,
    TITLE_ADJECTIVES,
)
from .role_nouns import OCCUPATION_HEADS
from .roles import (
    UPPER,
    attach_roles,
    is_title_word,
)

# --- names -------------------------------------------------------------------------

_UPPER = UPPER
_NAME_WORD = (
    rf"(?:[{_UPPER}](?:[\w’'\-]*\w)?\.?(?:[{_UPPER}]\.)*"
    r"|(?:al|el|bin|ibn|de|van|von|da|di|du|le|la|d)[-’'][A-Z]\w+)"
)
_CONNECTOR = r"(?:of|for|on|de|da|di|du|van|von|der|den|del|della|bin|ibn|la|le|&|y)"
# "the Department of the Interior", "the Office of the Premier": "of the" inside a body's name
_OF_THE = "|".join(
    f"(?<={w} )" for w in "Department Ministry Office Bank Museum Church Institute University Court".split()
)
_CONNECTOR_IN_NAME = rf"(?:(?:{_OF_THE})of\s+the|{_CONNECTOR[3:-1]})"
# The first character is matched before the look-behind so that the engine can skip
# quickly to capital letters (this regex runs over every sentence).
NAME_SEQ_RE = re.compile(
    rf"[{_UPPER}](?<![\w’'\-].)(?:[\w’'\-]*\w)?\.?(?:[{_UPPER}]\.)*"
    rf"(?:\s+(?:{_CONNECTOR_IN_NAME}\s+)*{_NAME_WORD})*"
    r"(?:,?\s+(?:Jr\.|Sr\.|II|III|IV)(?!\w))?"
)
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_SUFFIXES = {"jr.", "sr.", "ii", "iii", "iv"}
_CONNECTORS = set(_CONNECTOR.strip("(?:)").split("|"))
# Particles inside a surname ("bin Salman", "von der Leyen").
_PARTICLES = frozenset("de da di du van von der den del della bin ibn la le y al".split())
# Abbreviations whose full stop is part of the word.
_ABBREV_KEEP_DOT = frozenset(
    """jr. sr. st. mr. mrs. ms. dr. sen. pres. sens. reps. rep. gov. gen. lt. col. capt. sgt. rev. prof.
    adm. u.s. u.k. u.n. inc. corp.""".split()
)


@lru_cache(maxsize=4096)
def _clean_word(word: str) -> str:
    """A token without a sentence-final period (initials and abbreviations keep theirs)."""
    if word.endswith(".") and word.lower() not in _ABBREV_KEEP_DOT and not _INITIALS_RE.fullmatch(word):
        return word[:-1]
    return word


@dataclass(slots=True)
class Mention:
    """A capitalised name in one sentence, outside quotations."""

    start: int  # of the whole mention, title included
    end: int
    name_start: int  # where the name proper begins (after any title)
    name: str  # the name without title ("Jens Stoltenberg")
    title: str  # title words inside the capitalised run ("US Secretary of State")
    kind: str  # "person", "org", "place" or "unknown"
    possessive: bool = False
    gender: str | None = None
    premod: str = ""  # role words written before the capitalised run ("NATO secretary-general")
    appos: str = ""  # apposition after the name (", a professor at ...")
    party: str = ""  # "D-Mass."
    age: int = 0  # "Tom Hale, 61," (0: not given)
    family: str = ""  # a relative's first name: the surname of whose relative ("his wife, Mia")
    entity: Any = None  # an entities.Entity, set by the registry (which imports this module)
    roles: list[str] = field(default_factory=list)


_OF_COMPOUND_RE = re.compile(r"[A-Z][a-z]+-of-[a-z]+")
_CONTRACTED = frozenset("he she it that there here what who where let".split())
_STOP_RUNS = frozenset(w.capitalize() for w in STOP_CAPS)
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")
_RUN_TOKEN_RE = re.compile(r"\S+")
_POSSESSIVE_END_RE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=4096)
def _is_org_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in ORG_WORDS or (
        len(word) >= 2 and word.isupper() and word.isalpha() and low not in {"ii", "iii"}
    )


@lru_cache(maxsize=4096)
def classify_single(word: str) -> str:
    """Person, org or place for a one-word name ("Moscow", "NATO", "Stoltenberg")."""
    low = word.lower().rstrip(".")
    if low in PLACES:
        return "place"
    if low in ORG_SINGLE or _is_org_word(word):
        return "org"
    return "unknown"


_FIRST_NAMES = FIRST_NAMES_M | FIRST_NAMES_F
# First words of multi-word place names ("New York", "Los Angeles", "Upper Arlington").
_PLACE_LEADS = frozenset(
    """new north south east west los las san santa saint st. fort port puerto el hong tel abu sri
    salt palm baton grand upper lower little costa""".split()
)
# Last words that make a place of a name, whatever its first ("Lee County", "Jersey City").
_PLACE_TAILS = frozenset("county city township borough parish province district".split())
_COMPASS = frozenset("north south east west northern southern eastern western".split())  # "West Virginia"


def opening_particle(word: str) -> bool:
    """A capitalised surname particle that opens a name ("Le Pen", "De Blasio", "Van Hollen")."""
    return len(word) > 1 and word[:1].isupper() and word.lower() in _PARTICLES


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title tokens, name tokens) at the last title word."""
    name: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i]
        low = tok.lower()
        if low in _SUFFIXES and name == []:
            name.insert(0, tok)
            i -= 1
            continue
        if (
            low in _PARTICLES
            and name
            and (opening_particle(tok) or (i > 0 and not is_title_word(tokens[i - 1])))
        ):
            # "Mohammed bin Salman", "Ursula von der Leyen"; opening the name, "Le Pen", "De Blasio"
            name.insert(0, tok)
            i -= 1
            continue
        real = [w for w in name if w.lower() not in _PARTICLES]
        if (
            not name
            and i > 0
            and (is_title_word(tok) or _is_org_word(tok))
            and tokens[i - 1].lower() in _FIRST_NAMES
            and not tok.isupper()
        ):
            name.insert(0, tok)  # "Jim Justice", "Angus King": a surname that is also a title
            i -= 1
            continue
        if low in _CONNECTORS or is_title_word(tok) or _is_org_word(tok) or len(real) >= 4:
            break
        name.insert(0, tok)
        i -= 1
    if i >= 0 and tokens[i].lower() in _CONNECTORS and len(name) >= 2:
        # "Chief of Staff Mara Quint", "Minister of Finance Ana Lopez": up to the first name.
        k = next((k for k, w in enumerate(name) if k and w.lower() in _FIRST_NAMES), 0)
        i += k
        name = name[k:]
    return tokens[: i + 1], name


_ADJECTIVE_COMPOUND_RE = re.compile(  # (a name and an adjective's second half: "Keller-era")
    r"(?:^|(?<=\s))[A-Z][\w.’']*-(?:style|era|backed|led|based|owned|funded|like|esque|controlled|aligned"
    r"|allied|friendly|leaning|linked|sponsored|related|inspired|affiliated|run|type|appointed|centric)\b"
)


def find_mentions(out: str) -> list[Mention]:
    """Capitalised names in a masked sentence, split into title and name, classified."""
    mentions: list[Mention] = []
    for m in NAME_SEQ_RE.finditer(out):
        # Split the run into pieces at possessives ("Russia's Foreign Ministry").
        run, at = m.group(), m.start()
        if "-" in run:
            compound = _ADJECTIVE_COMPOUND_RE.search(run)
            if compound is not None:  # "a Keller-style retort": no name; "Dover-based Matt Ames": after it
                if compound.start() == 0:
                    rest = run[compound.end() :]
                    at += len(run) - len(rest.lstrip())
                    run = rest.strip()
                else:
                    run = run[: compound.start()].rstrip()
                if not run:
                    continue
        if run in _STOP_RUNS and not _lone_surname(out, at, run):
            continue  # "The", "In", "But": sentence openers, the most common capitalised words
        if sum(1 for w in run.split() if len(w) > 4 and w.isupper()) >= 3:
            continue  # "HARBOUR TEAM REFUSES TO SAIL ...": a shouted headline, no name
        if " " not in run:
            if run.endswith(("n't", "n’t", "’re", "'re", "’m", "'m", "’ve", "'ve", "’ll", "'ll")):
                continue  # "Don't ask that.", "They’re running": a verb, no name
            if run[:-2].lower() in _CONTRACTED:
                continue  # "He's said ...", "It's": a pronoun and "is" or "has"
            # One word: the common case ("The", "Moscow", "Stoltenberg's").
            mention = _make_mention(out, [(run, at)])
            if mention is not None:
                mentions.append(mention)
            continue
        pieces: list[list[tuple[str, int]]] = [[]]
        for tm in _RUN_TOKEN_RE.finditer(run):
            word = tm.group()
            low = word.lower()
            # "Lankford of Oklahoma": of/for after a name (not a title or body) ends the name.
            if low in ("of", "for", "on") and pieces[-1]:
                prev = pieces[-1][-1][0]
                if (
                    not (is_title_word(prev) or _is_org_word(prev))
                    or (low == "on" and not _is_org_word(prev))
                    or (low == "on" and _DATE_AFTER_ON_RE.match(run, tm.end()))  # "Northwind Bank on Monday"
                ):
                    pieces.append([])
                    continue
            if word == "To" and any(pieces):
                break  # "Keller Administration To Expand Ferries ...": a headline's infinitive, no name
            if pieces[-1] and (low in _RUN_CUES or low in _RUN_POSSESSIVES):
                # "Zoe Saldana Asked Men Everywhere To ...", "Trump Jacked Up His Campaign": a
                # headline's verb, or a possessive (no name holds "His"), ends the name.
                pieces.append([])
                continue
            pieces[-1].append((word, at + tm.start()))
            if word.endswith(_POSSESSIVE):
                pieces.append([])
        owner: Mention | None = None
        for piece in pieces:
            if piece:
                mention = _make_mention(out, piece)
                if mention is not None:
                    if owner is not None and mention.kind == "org" and owned_body(owner, mention):
                        # "Russia's Foreign Ministry" is one body, named with its owner; so are
                        # "King's College London" and "the Alzheimer's Society".
                        mention.name = f"{out[owner.start : mention.start].strip()} {mention.name}"
                        mention.start = owner.start
                        if owner.kind not in ("place", "org"):
                            mentions.remove(owner)  # ("King's" names no one of its own)
                    mentions.append(mention)
                    owner = mention if mention.possessive else None
    firm_names(out, mentions)
    relatives_named(out, mentions)
    return join_org_and(out, mentions)


# Capitalised verbs of saying inside a run of capitals, as in title-case headlines.
_RUN_CUES = frozenset(
    """said says asked asks announced announces described describes vows vowed slams slammed blasts
    blasted urges urged warns warned tells told claims claimed responded responds rips ripped""".split()
)
_RUN_POSSESSIVES = frozenset("his her their its".split())
_PARTY_TAG_RE = re.compile(r"[DRI]-[A-Z][\w.]*")
_NEXT_WORD_RE = re.compile(r" ([a-z]+)\b")


def _verb_like(word: str) -> bool:
    """What follows a surname ("Boreing said", "Bowling argues") rather than a participle's object."""
    forms = verb_forms(word)
    return (
        word in CUE_WORDS
        or word in QUOTE_FRAME_CUES  # "Kipling describes herself as ..."
        or word.endswith("ed")
        or word.endswith("s")
        and word[:-1] in CUE_BASES
        or word in _FINITE  # "Benning was angry", "Benning shook her head": a subject's verb
        or bool(forms and forms[0] != word)
    )


_FINITE = frozenset("is was has had would will could can did does may might must".split())


def _lone_surname(out: str, start: int, word: str) -> bool:
    """ "West said", '"...," Read said': a surname that is also a common capitalised word
    (a compass point, a sentence opener) when a cue follows, and a quotation or the word's
    being a compass point says it is not the sentence's first word."""
    cue = _NEXT_WORD_RE.match(out, start + len(word))
    if cue is None or cue.group(1) not in CUE_WORDS or word.lower() in _PERSONAL_PRONOUNS:
        return False
    if word == "Will" and (cue.group(1).endswith(("s", "ed")) or cue.group(1) in _PAST_IRREGULAR):
        return True  # "While Will concedes ...", "Will wrote": no modal takes a tensed verb
    return word.lower() in _COMPASS or bool(_QUOTE_BEFORE_RE.search(out, 0, start))


_PAST_IRREGULAR = frozenset("said told wrote thought felt knew".split())


_PERSONAL_PRONOUNS = frozenset("i you he she it we they one this that who".split())
_QUOTE_BEFORE_RE = re.compile(r"[\"”’'],?\s+$")


# "a rally in Beaumont, Tex., ...", "Concord, N.H.,": an abbreviated state after a town.
REGION_ABBR_RE = re.compile(r"(?:[A-Z][a-z]{1,4}|(?:[A-Z]\.){1,2}[A-Z])\.")
_TOWN_COMMA_RE = re.compile(r"[A-Z][a-z]+, $")


def _make_mention(out: str, piece: list[tuple[str, int]]) -> Mention | None:
    first, first_at = piece[0]
    if (
        len(piece) == 1
        and first.endswith(".")  # (every match does: a cheap test before the pattern)
        and REGION_ABBR_RE.fullmatch(first)
        and first not in ("Jr.", "Sr.")
        and _TOWN_COMMA_RE.search(out, max(0, first_at - 30), first_at)
        and out[first_at + len(first) : first_at + len(first) + 1] in (",", "")
    ):
        return None
    # A lone capitalised -ly word opening a sentence before a comma is an adverb ("Separately,
    # Fry said"); otherwise it is a surname ("said Skelly, adding", "Skelly said").
    at = first_at
    while at > 0 and out[at - 1] == " ":
        at -= 1
    opening = at == 0 or out[at - 1] in '.:;!?"“‘(—–-'
    adverb = False
    described = ""  # a description the sentence opens with before the name ("Actor")
    if (
        len(piece) == 1
        and (first in _STOP_RUNS or first.lower() in _COMPASS)
        and _lone_surname(out, first_at, first)
    ):
        mention = Mention(first_at, first_at + len(first), first_at, first, "", "unknown")
        attach_roles(out, mention)
        return mention
    if opening:
        after = _NEXT_WORD_RE.match(out, first_at + len(first))
        # ... and so is one before a participle ("Hastily politicizing the tragedy, Trump ...");
        # "Having announced ...": a participle opening the sentence.
        verbal = after is not None and (
            after.group(1).endswith("ing")
            or after.group(1).endswith("ed")
            and after.group(1) not in CUE_WORDS
        )
        # "Shortly after the vote, ...", "Clearly the plan ...": an -ly word before a word that is
        # no verb opens the sentence as an adverb ("Skelly said" keeps its surname).
        adverb = (
            out.startswith(",", first_at + len(first))
            or verbal
            or (after is not None and after.group(1) in _ADVERB_OBJECTS and _sentence_adverb(first))
        )
        if (
            len(piece) > 1
            and len(first) > 5
            and first.endswith("ed")
            and first.lower() not in _FIRST_NAMES
            and gender_of_first(first.lower()) is None
        ):
            piece = piece[1:]  # "Continued Stone: ...", "Asked Smith whether ...": a verb opens the sentence
            first, first_at = piece[0]
        if (
            len(piece) >= 3
            and (first.isalpha() or _OF_COMPOUND_RE.fullmatch(first))  # ("Mother-of-three Jess Ward")
            and (
                gender_of_first(piece[1][0]) is not None or first.lower() in OCCUPATION_HEADS or "-" in first
            )
            and gender_of_first(first) is None
            and not is_title_word(first)
            and not _is_org_word(first)
            and not (first.lower() in _PLACE_LEADS and piece[1][0].lower() in PLACES)  # "New Jersey Gov."
        ):
            # "Billionaire Donald Trump praised ...", "Actor Clint Howard admits ...": the sentence's
            # capital falls on a description before a full name, not on the name.
            described = first
            piece = piece[1:]
            first, first_at = piece[0]
        if (
            len(piece) == 1
            and after is not None
            and _participle(first)
            and (first.lower() in ("having", "being") or not _verb_like(after.group(1)))
        ):
            return None
    # "said Will Doyle": inside a sentence the capitalised modal is a first name.
    will = not opening and len(piece) > 1 and first == "Will"
    last_word, last_at = piece[-1]
    if last_word == "Will" and len(piece) > 1 and _lone_surname(out, last_at, last_word):
        will = True  # "While Will concedes ...": the columnist, not the modal
    shape = _run_shape((first,) if len(piece) == 1 else tuple([w for w, _ in piece]), adverb, will)
    if shape is None:
        return None
    lead, tail, name, title, kind, gender, possessive, cut = shape
    words = name.split()
    if kind == "person" and not title and gender is None and len(words) == 2 and opening_particle(words[0]):
        kind = "unknown"  # "Le Garrec" or "La Gazzetta": a surname, or a newspaper
    piece = piece[lead : len(piece) - tail]
    start = piece[0][1]
    last_word, last_at = piece[-1]
    end = last_at + len(last_word) - cut
    name_start = start
    if title and kind == "person" and len(piece) >= len(name.split()):
        name_start = piece[len(piece) - len(name.split())][1]  # the first name word, after the title
    the = _THE_BEFORE_RE.search(out, max(0, start - 5), start)
    if kind == "person" and not title and gender is None and the:
        kind = "unknown"  # "the Common Core", "a Great Wall": no person takes an article before a name
    mention = Mention(start, end, name_start, name, title, kind, possessive, gender)
    if not possessive:
        attach_roles(out, mention)
        if described and not mention.premod:
            mention.premod = described
    elif title and kind == "person":
        mention.premod = title  # "President Biden's plan": still a title

    return mention


# A lower-case article right before a name ("the Common Core", "a Great Wall").
_THE_BEFORE_RE = re.compile(r"(?:^|\s)(?:the|an?)\s$")
_DATE_AFTER_ON_RE = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b"
)
# -ly words that do name things ("Daily Caller", "Holy See") rather than open a sentence.
_LY_NAMES = frozenset("daily weekly monthly quarterly holy".split())


# What an opening -ly adverb is followed by ("Shortly after", "Clearly the"), unlike a surname
# ending in -ly ("Schlafly then discussed").
_ADVERB_OBJECTS = frozenset("after before the a an he she they we it i this there".split())


_POSTNOMINALS = frozenset("KC QC MP MSP MEP OBE MBE CBE KBE DBE PhD MD Esq".split())
_ROLE_ACRONYMS = frozenset("ceo cfo coo cto mp mep msp mla td mpp".split())
_PLACE_NAME_TAILS = frozenset(
    "street road avenue square lane park place hall bridge station center centre college university "
    "school hospital football city county town borough".split()
)


def _participle(word: str) -> bool:
    """ "Asserting Clinton had lied", "Bashing Trump is easy": a participle before a name, unless
    a first name (Irving, Sterling)."""
    low = word.lower()
    return len(low) > 5 and low.endswith("ing") and low not in _FIRST_NAMES and gender_of_first(low) is None


def _sentence_adverb(word: str) -> bool:
    """ "Interestingly", "Likewise": an adverb glued to the name after it, unless a first name (Kelly)."""
    low = word.lower().rstrip(".,")
    return (
        len(low) > 4
        and low.endswith(("ly", "wise"))
        and low not in _LY_NAMES
        and low not in _FIRST_NAMES
        and gender_of_first(low) is None
    )


@lru_cache(maxsize=8192)
def _run_shape(
    raw: tuple[str, ...],
    adverb: bool = True,
    will: bool = False,
) -> tuple[int, int, str, str, str, str | None, bool, int] | None:
    """How a capitalised run reads, from its words alone (cached: runs repeat a lot).

    (words skipped at the front, words skipped at the end, name, title, kind, gender,
    possessive, characters to cut from the last word).
    """
    lead = 0
    # Leading sentence words and times are not names ("But", "On Tuesday"); "Will" may be kept.
    while (
        lead < len(raw)
        and not (will and raw[lead] == "Will")
        and (
            (
                raw[lead].lower().rstrip(".,") in STOP_CAPS
                and not _is_acronym(raw[lead])
                and not (raw[lead].lower() in _COMPASS and lead + 1 < len(raw))
            )
            or (
                raw[lead].lower() in _CONNECTORS
                and not (lead + 1 < len(raw) and opening_particle(raw[lead]))  # "Le Pen", "De Blasio"
            )
            or ((adverb or lead + 1 < len(raw)) and _sentence_adverb(raw[lead]))
            or (
                lead + 1 < len(raw)
                and _participle(raw[lead])
                # ("Downing Street", "Reading Football Club": a name's own word)
                and raw[lead + 1].lower().rstrip(".,") not in _PLACE_NAME_TAILS
            )
        )
    ):
        lead += 1
    tail = 0
    while len(raw) - tail > lead and raw[len(raw) - 1 - tail].lower() in _CONNECTORS:
        tail += 1
    words = list(raw[lead : len(raw) - tail])
    if not words or all(
        w.lower().rstrip(".,") in DEMONYMS or w.lower().rstrip(".") in TITLE_ADJECTIVES for w in words
    ):
        return None
    if len(words) == 1 and _PARTY_TAG_RE.fullmatch(words[0]):
        return None  # "(R-OH)": a party and state, not a name
    if words[-1].lower() in PARTY_NOUNS:
        return None  # "the Utah Republican", "Senate Democrats": a description, not a name
    if (
        len(words) == 1
        and words[0].lower() in ROLE_HEADS
        and (not _is_acronym(words[0]) or words[0].lower() in _ROLE_ACRONYMS)
    ):
        # "Engineers expect ...", "Officials said": a common noun opening the sentence ("the
        # CEO said": a role written in capitals)
        return None
    last_word = words[-1]
    possessive = last_word.endswith(_POSSESSIVE)
    cut = 0
    if possessive:
        words[-1] = _POSSESSIVE_END_RE.sub("", last_word)
        cut = len(last_word) - len(words[-1])
    words = [_clean_word(w) for w in words]
    if len(words) >= 3 and not possessive and words[-1].rstrip(".") in _POSTNOMINALS:
        # "Carla Brandt KC", "Ivo Petrov MP": letters after the name are no part of it (the
        # mention still spans them)
        words = words[:-1]
    if (
        len(words) >= 2
        and words[0].lower() in _FIRST_NAMES
        and all(w.isupper() and w.isalpha() for w in words)
    ):
        # "JOEL BENENSON" in a transcript is a person
        words = [w.capitalize() for w in words]
    if not possessive and last_word.endswith(".") and not words[-1].endswith("."):
        cut = 1
    title, name = _split_title(words)
    kind = "unknown"
    gender = None
    if not name or (title and not is_title_word(title[-1]) and not _title_chain(title)):
        # No name after the title, or "Vision & Global Trends": not a person.
        kind = "org" if any(_is_org_word(w) for w in words) else "unknown"
        name, title = words, []
    else:
        if len(name) == 1 and not title:
            kind = classify_single(name[0])
        first = name[0].lower()
        if first in _FIRST_NAMES and kind != "place":
            kind = "person"  # (but "Virginia" alone, a first name too, is the state)
        if not title and len(name) >= 2 and name[-1].lower() in _PLACE_TAILS:
            kind = "place"  # "Lee County", "Carson City": a first name that names a place
        if len(name) > 1 or kind == "person":
            gender = gender_of_first(first)
        for t in title:
            if t.lower() in HONORIFICS:
                gender = HONORIFICS[t.lower()] or gender
        if (
            not title
            and gender is None
            and len(name) >= 2
            and (name[-1].lower() in PLACES or name[0].lower() in _PLACE_LEADS or name[0].lower() in _COMPASS)
        ):
            kind = "place"  # "New York", "Los Angeles", "West Virginia"
        elif (
            title
            or kind == "unknown"
            and len(name) >= 2
            and not any(w.lower() in STOP_CAPS for w in name[1 if will else 0 :])
        ):
            kind = "person"
    return lead, tail, " ".join(name), " ".join(title), kind, gender, possessive, cut


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.replace(".", "").isupper()


def _title_chain(title: list[str]) -> bool:
    """True for "Secretary of State", "Minister for Foreign Affairs": a title word then of/for + words."""
    for i, word in enumerate(title):
        if is_title_word(word) and i + 2 < len(title) and title[i + 1].lower() in ("of", "for"):
            return all(_is_org_word(w) or w.lower() in _CONNECTORS or w[0].isupper() for w in title[i + 2 :])
    return False
