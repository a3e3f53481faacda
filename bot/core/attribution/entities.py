# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""The article's entities: people, organisations and groups, their names, aliases and roles.

Step 2 of the pipeline: every name mention is registered, and shorter forms
("Keller", "Ms. Keller") join the fullest form the article gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .lexicon import FAMILY_FIRST_SURNAMES, ORG_HEADS, PARTY_NOUNS, PLURAL_ROLE_HEADS, SOURCE_HEADS
from .mentions import Mention, gender_of_first, opening_particle
from .roles import role_words

# Lower-case plural heads for governments as a group ("The states maintained that ...").
_GROUP_HEADS = frozenset("states countries nations".split())
# A relative's name given in passing, "brother of film director Alan Marsh": a bare surname
# after it still means the person the story is about.
_KIN_OF_RE = re.compile(
    r"\b(?:brother|sister|son|daughter|wife|husband|father|mother|cousin|nephew|niece|uncle|aunt|widow)"
    r"\s+of\s+[^,;\"_]*$"
)
_LEADING_DET_RE = re.compile(r"^(?:the|a|an|one)\s+", re.IGNORECASE)


THOUSANDS_MARK = "\u066c"  # what the mask writes for a thousands separator ("4,000")
# Where a role's principal begins: "a spokesman for Gov. Tom Hale", "chief of staff to the mayor".
_PRINCIPAL_RE = re.compile(r"\s(?:for|to)\s")


@dataclass(slots=True)
class Entity:
    """A speaker candidate in one article: a person, organisation, place or group."""

    name: str
    kind: str  # person / org / place / unknown / group
    gender: str | None = None
    roles: list[tuple[int, int, str]] = field(default_factory=list)  # (priority, order, text)
    aliases: set[str] = field(default_factory=set)
    party: str = ""
    seen: tuple[int, int] = (-1, 0)  # (sentence, -rank): larger is more recent and more salient
    spoke: int = -1  # the last sentence attributed to this entity
    salience: int = 0  # sentences so far that name the entity or are attributed to it
    unnamed: bool = False  # "a senior administration official": the name is a description
    age: int = 0  # as the article gives it ("Tom Hale, 61,"): what "the 61-year-old" means
    _vocab: tuple[int, set[str]] | None = None  # role words, cached against the number of roles
    full_mentions: list[int] = field(default_factory=list)  # global positions of full-name mentions

    @property
    def is_person(self) -> bool:
        return self.kind in ("person", "unknown", "group")

    def add_role(self, text: str, priority: int, order: int) -> None:
        text = text.strip(" ,").replace(THOUSANDS_MARK, ",")
        if text.startswith(("The ", "A ", "An ")):
            text = text[0].lower() + text[1:]  # ("The club's owner, Karl Voss," opened its sentence)
        if text and all(text != r for _, _, r in self.roles):
            self.roles.append((priority, order, text))

    @property
    def role(self) -> str | None:
        if not self.roles:
            return None
        best = max(self.roles, key=lambda r: (r[0], -r[1]))
        # A title gains the party tag ("Sen. (D-Mass.)"); a descriptive apposition stands alone.
        tagged = self.party and best[0] < 3 and self.party not in best[2]
        return best[2] + (f" ({self.party})" if tagged else "")

    def role_vocabulary(self) -> set[str]:
        if self._vocab is None or self._vocab[0] != len(self.roles):
            words: set[str] = set(role_words(self.name)) if self.unnamed else set()
            for _, _, text in self.roles:
                # (not the principal's words: "a spokesman for Gov. Hale" is no governor)
                words |= role_words(_PRINCIPAL_RE.split(text, 1)[0])
            self._vocab = (len(self.roles), words)
        return self._vocab[1]


@dataclass(slots=True)
class Ref:
    """Who a frame names before resolution."""

    kind: str  # entity / pronoun / np
    entity: Entity | None = None
    text: str = ""  # pronoun or noun phrase as written
    head: str = ""
    definite: bool = False
    modifiers: tuple[str, ...] = ()
    owner: Entity | None = None  # the person in a possessive noun phrase ("Netanyahu's office")
    at: int = 0  # where a pronoun stands in its sentence


@dataclass(slots=True)
class Frame:
    """One candidate attribution in a sentence."""

    rank: int
    position: int
    ref: Ref
    cue: str | None
    start: int  # span of speaker + cue (+ apposition) in the sentence
    end: int
    according: bool = False
    content_side: str = "after"  # before / after / both
    role: str = ""
    mixed: bool = False  # "called it \"...\"": a quoted fragment inside reported speech
    limit: int | None = None  # where the content must stop ("Noting that ..., Trump said")
    restrictive: bool = False  # "young women who support X", "records that Linick questioned"
    verbatim: bool = False  # a transcript's turn ("HALE: What changed?"): their words, unquoted


@dataclass(slots=True)
class Sent:
    index: int
    paragraph: int
    text: str
    out: str
    offset: int  # in its paragraph
    mentions: list[Mention]
    frame: Frame | None = None
    speaker: Entity | None = None
    quote: int | None = None
    cues: list[tuple[int, int, str]] = field(default_factory=list)
    speech_nouns: bool = False  # a noun of saying ("claim", "pledge") stands in the sentence
    stance_adjectives: bool = False  # an adjective of a stated view ("convinced") stands in it
    # Further clauses besides the main frame ("A said X, though B noted Y"): (frame, speaker).
    others: list[tuple[Frame, Entity]] = field(default_factory=list)
    opener: Entity | None = None  # whom an opening "He"/"She" of a sentence of narration means


# --- entities ------------------------------------------------------------------------


def _written_lower(text: str, word: str) -> bool:
    """Whether `word` (lower case) stands in `text` as a word of its own, in lower case."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "’'-") and not (after.isalnum() or after == "-"):
            return True
        at = text.find(word, end)
    return False


def _party_descriptor(text: str) -> bool:
    """ "a Democrat", "a Georgia Democrat whose son ...", "his fellow Utah Republican": no office named."""
    words = [w.strip(".,").lower() for w in text.split()]
    return (
        bool(words)
        and any(w in PARTY_NOUNS for w in words)
        and (bool({"a", "an", "fellow"} & set(words[:3])) or "fellow" in words)
    )


# A full name this many mentions back still decides whom a bare surname means.
_NEAR_MENTIONS = 12
_SURNAME_PARTICLES = frozenset("al el bin ibn van von der den de da di du la le".split())
_ORG_OWNER_RE = re.compile(r"^(?:[A-Z][\w.]*['’]s\s+|(?:U\.?S\.?|UK|U\.K\.|EU)\s+)")


class Registry:
    """The article's entities, built from every name mention, with surname resolution."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_key: dict[tuple[str, ...], Entity] = {}
        self._unnamed: dict[str, Entity] = {}
        self._by_last: dict[str, list[Entity]] = {}  # people named in full, by surname
        self._by_first: dict[str, list[Entity]] = {}
        self._surname_uses: dict[int, int] = {}  # surname-only mentions resolved to each person

    def build(self, sents: list[Sent]) -> None:
        order = 0
        singles: list[tuple[int, Mention]] = []
        article: str | None = None
        in_names: set[str] | None = None
        for sent in sents:
            for m in sent.mentions:
                if " " not in m.name and not m.title and not sent.out[: m.start].strip(" \"“‘'("):
                    # A one-word "name" opening a sentence that the article also writes in lower
                    # case ("Nobody asked", "Research suggests", "Black voters") is no name; but
                    # a word of a longer name it gives is ("State" for the State Department).
                    if in_names is None or article is None:
                        article = "\n".join(x.out for x in sents)
                        in_names = {
                            w.lower()
                            for x in sents
                            for n in x.mentions
                            if " " in n.name
                            for w in n.name.split()
                        }
                    low = m.name.lower()
                    if low not in in_names and _written_lower(article, low):
                        continue
                order += 1
                words = m.name.split()
                # "Ms. Le Pen", "De Blasio": a surname with its particle, to be resolved as one
                particled = len(words) == 2 and opening_particle(words[0])
                if m.kind == "person" and len(words) >= 2 and not particled:
                    # ("brother of film director Alan Marsh": named in passing, not brought in)
                    self._person(m, order, not _KIN_OF_RE.search(sent.out, max(0, m.start - 60), m.start))
                elif m.kind == "org" and len(words) >= 1 and len(words) >= 2:
                    self._org(m, order)
                else:
                    singles.append((order, m))
        for order, m in singles:
            self._single(m, order)

    def _remember(self, ent: Entity, m: Mention, order: int) -> None:
        m.entity = ent
        if m.title:
            ent.aliases.add(f"{m.title} {m.name}")
        if m.premod:
            ent.aliases.add(f"{m.premod} {m.name}")
            ent.add_role(m.premod, 2 if any(w[:1].isupper() for w in m.premod.split()) else 1, order)
            if m.premod.lower().startswith(("the ", "a ", "an ")):
                ent.roles[-1] = (1, order, m.premod[0].lower() + m.premod[1:])
        if m.appos:
            ent.add_role(m.appos, 1 if _party_descriptor(m.appos) else 3, order)
        if m.party and not ent.party:
            ent.party = m.party
        if m.age:
            ent.age = m.age
        if m.gender and not ent.gender:
            ent.gender = m.gender

    def _person(self, m: Mention, order: int, introduced: bool = True) -> None:
        words = [w for w in m.name.split() if w.lower() not in ("jr.", "sr.", "ii", "iii", "iv")]
        key = ("p", words[0].lower(), words[-1].lower())
        ent = self._by_key.get(key)
        if ent is None:
            ent = Entity(m.name, "person", gender=m.gender)
            self._by_key[key] = ent
            self.entities.append(ent)
            self._by_last.setdefault(words[-1].lower(), []).append(ent)
            self._by_first.setdefault(words[0].lower(), []).append(ent)
        elif len(m.name) > len(ent.name):
            ent.aliases.add(ent.name)
            ent.name = m.name
        surname = words[-1]
        for particle in reversed(words[1:-1]):
            if particle.lower() not in _SURNAME_PARTICLES:
                break
            surname = f"{particle} {surname}"  # "Al Thani", "von der Leyen"
        ent.aliases.update({m.name, surname})
        if introduced:
            ent.full_mentions.append(order)
        self._remember(ent, m, order)

    def _org(self, m: Mention, order: int) -> None:
        key = ("o", m.name.lower())
        ent = self._by_key.get(key)
        if ent is None:
            # "State Department" after "US State Department" is the same body.
            for other in self.entities:
                if other.kind == "org" and (
                    other.name.lower().endswith(" " + m.name.lower())
                    or m.name.lower().endswith(" " + other.name.lower())
                ):
                    ent = other
                    if len(m.name) > len(other.name):
                        other.aliases.add(other.name)
                        other.name = m.name
                    break
        if ent is None:
            ent = Entity(m.name, "org")
            self.entities.append(ent)
        self._by_key[key] = ent
        ent.aliases.add(m.name)
        short = _ORG_OWNER_RE.sub("", m.name)
        if short != m.name and len(short.split()) >= 2:
            ent.aliases.add(short)  # "US State Department" is also "State Department"
        m.entity = ent

    def _single(self, m: Mention, order: int) -> None:
        word = m.name.split()[-1].lower() if m.name else ""
        candidates = self._by_last.get(word) or []
        if not candidates and (gender_of_first(word) or word in FAMILY_FIRST_SURNAMES):
            # "Maria" after "Maria Keller", "Xi" after "Xi Jinping"; but "Trump" is not the
            # first name of "Trump Train".
            candidates = self._by_first.get(word) or []
        if m.gender:
            candidates = [e for e in candidates if e.gender in (None, m.gender)] or candidates
        if candidates:
            # People who share a surname: the one named in full most recently before, when that
            # was near; otherwise the one the article has named most so far ("Fenwick", long
            # after her husband Frank Fenwick was named once, is Carla Fenwick again).
            def recency(e: Entity) -> int:
                # (full_mentions grows in mention order, so it is sorted: bisect, not a scan)
                before = bisect_left(e.full_mentions, order)
                return e.full_mentions[before - 1] if before else -(e.full_mentions or [0])[0]

            def named_so_far(e: Entity) -> int:
                return bisect_left(e.full_mentions, order) + self._surname_uses.get(id(e), 0)

            ent = max(candidates, key=recency)
            if len(candidates) > 1 and order - recency(ent) > _NEAR_MENTIONS:
                ent = max(candidates, key=lambda e: (named_so_far(e), recency(e)))
            self._surname_uses[id(ent)] = self._surname_uses.get(id(ent), 0) + 1
            ent.aliases.add(m.name)
            self._remember(ent, m, order)
            return
        key = ("s", m.name.lower())
        found = self._by_key.get(key)
        if found is None:
            ent = Entity(m.name, m.kind, gender=m.gender)
            self._by_key[key] = ent
            self.entities.append(ent)
            if m.family:
                # ("his wife, Mia": a "Mrs. Hale" later may be her)
                self._by_last.setdefault(m.family.lower(), []).append(ent)
        else:
            ent = found
            if ent.kind == "unknown" and m.kind == "person":
                ent.kind = "person"
        ent.aliases.add(m.name)
        self._remember(ent, m, order)

    def author(self, name: str) -> Entity:
        """The byline's author: the person of that name the article mentions, or a new one."""
        for e in self.entities:
            if e.name == name or name in e.aliases:
                return e
        ent = Entity(name, "person")
        ent.aliases.add(name)
        self.entities.append(ent)
        return ent

    def by_last(self, surname: str) -> list[Entity]:
        """People named in full whose surname is `surname` (lower case)."""
        return self._by_last.get(surname, [])

    def unnamed(self, text: str, head: str) -> Entity:
        """A speaker the article does not name ("a Pentagon spokesperson", "officials")."""
        name = _LEADING_DET_RE.sub("", text.strip())
        key = name.lower()
        ent = self._unnamed.get(key)
        if ent is None:
            head = head.lower()
            kind = (
                "org"
                if head in ORG_HEADS or head in SOURCE_HEADS
                else ("group" if head in PLURAL_ROLE_HEADS or head in _GROUP_HEADS else "person")
            )
            ent = Entity(name, kind, unnamed=True)
            if head in ("spokeswoman", "congresswoman", "chairwoman", "woman"):
                ent.gender = "f"
            elif head in ("spokesman", "congressman", "chairman", "man"):
                ent.gender = "m"
            self._unnamed[key] = ent
            self.entities.append(ent)
        ent.aliases.add(text.strip())
        return ent
