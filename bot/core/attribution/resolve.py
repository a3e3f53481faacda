# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Resolution: a frame's speaker phrase (name, pronoun, role noun, organisation) to an entity.

Step 4 of the pipeline: pronouns by recency and agreement, role nouns by the title
the article gave, surnames and titled forms to the full name.
"""

from __future__ import annotations

import re

from .antecedents import Observer, Situation, choose
from .entities import Entity, Ref, Registry, Sent
from .lexicon import (
    DESCRIPTION_HEADS,
    OCCUPATION_HEADS,
    ORG_HEADS,
    PARTY_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_ROLE_HEADS,
    ROLE_HEADS,
    ROLE_NOUN_CLASSES,
    SOURCE_HEADS,
)
from .mentions import Mention
from .phrases import PAIR_HEADS, after_preposition, role_np_after
from .quotes import INSIDE
from .role_nouns import GENDERED_HEADS, TRADE_ORG_HEADS

_DEFINITE_REACH = 8  # sentences back that "the senator" may reach for an unmatched referent


# --- resolution --------------------------------------------------------------------------


# Cues that answer someone: the speaker is not whoever spoke just before.
_REPLY_CUES = frozenset(
    """replied replies responded responds answered answers countered counters retorted retorts
    rebutted""".split()
)
# Words an organisation's name may carry for a head noun ("the company" -> "Acme Corp.").
_HEAD_NAMES = {
    "company": ("company", "corp", "corp.", "corporation", "inc", "inc.", "co.", "ltd", "llc", "holdings"),
    "firm": ("firm", "corp", "corp.", "inc", "inc.", "llp", "group", "partners"),
    "group": ("group", "association", "alliance", "coalition", "foundation", "network"),
    "organization": ("organization", "organisation", "association", "foundation", "group"),
}
# Heads that name the organisation around a person ("the campaign", "his team").
_PERSON_OWNED_HEADS = frozenset("campaign team".split())
# Those who act or speak for someone: "his lawyer said" is the lawyer of whom "his" means.
_AGENT_HEADS = frozenset(
    "lawyer attorney counsel spokesman spokeswoman spokesperson aide adviser advisor agent publicist "
    "representative".split()
)
_VERB_NEXT_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:s|ed)\b")  # "Ruiz shrugs", "Ruiz later said"
# "Both men said": the two people named together before, as "the pair" is.
_BOTH_RE = re.compile(
    r"[Bb]oth\s+(?:men|women|leaders|candidates|senators|lawmakers|players|brothers|sisters)"
)
_FENCED_CUE_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s*,\s+[a-z]")
_AGE_NUMBER_RE = re.compile(r"\d{1,3}")
_AGENT_FOR_RE = re.compile(r"(?:[Aa]n?\s+|[Tt]he\s+)?([a-z]+)\s+for\s+(the\s+[a-z-]+)$")
_POSTMODIFIER_RE = re.compile(r"\s(?:for|at|of|with|in|from|to|on|familiar|close|briefed)\s")
_BY_BEFORE_RE = re.compile(r"\bby\s+(?:the\s+)?$")
# Heads vague enough to stand for whichever organisation the last sentences named.
_GENERIC_ORG_HEADS = (
    frozenset("group organization organisation company firm agency".split()) | TRADE_ORG_HEADS
)
_OPENING_PRONOUN_RE = re.compile(r"\W*(?:[A-Z][\w ]{0,30},\s*)?(\w+)\b")
# Role nouns that give their referent's gender.


def _quoted_names(sent: Sent, before: int) -> set[str]:
    """The capitalised words quoted in `sent` before `before` (masked in `sent.out`)."""
    out = sent.out[:before]
    if INSIDE not in out:
        return set()  # most sentences: nothing quoted before the pronoun
    # The text where the mask has INSIDE, spaces elsewhere: one slice per run, not per character.
    pieces: list[str] = []
    last = 0
    for run in _INSIDE_RUN_RE.finditer(out):
        pieces.append(" " * (run.start() - last))
        pieces.append(sent.text[run.start() : run.end()])
        last = run.end()
    pieces.append(" " * (len(out) - last))
    return set(_CAP_WORD_RE.findall("".join(pieces)))


_ROLE_BETWEEN_RE = re.compile(r"\s+[a-z]+(?:\s+[a-z]+)?\s+")


def _modifies_next(sent: Sent, m: Mention) -> bool:
    """Whether a name is followed by a role noun and a person's name ("Okafor spokesman Dan
    Reyes", "Keller aide Dana Whitcomb"): it says whose, and the later name is the person."""
    for n in sent.mentions:
        if n.start > m.end:
            return (
                n.start - m.end <= 25
                and isinstance(n.entity, Entity)
                and n.entity.kind == "person"
                and _ROLE_BETWEEN_RE.fullmatch(sent.out, m.end, n.start) is not None
                and sent.out[m.end : n.start].split()[-1] in ROLE_HEADS
            )
    return False


# A document's owner that no name gives: "the harbor authority's (report)", "the mayor's (letter)".
_DESCRIBED_OWNER_RE = re.compile(r"(?:[Tt]he\s+)?((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)['’]s\s")


def _surname(ent: Entity) -> str:
    return ent.name.split()[-1] if ent.name else ""


_CAP_WORD_RE = re.compile(r"\b[A-Z][\w’'-]+")
_INSIDE_RUN_RE = re.compile(f"{INSIDE}+")


# Roles that make someone a private person, who holds no office a description could name.
_PRIVATE_ROLES = frozenset(
    """daughter son wife husband mother father brother sister friend neighbor neighbour resident
    voter student parent relative widow widower fan grandmother grandfather cousin customer shopper
    passenger commuter tourist visitor motorist spectator diner homeowner""".split()  # noqa: SIM905
)


def _may_be(ent: Entity, head: str) -> bool:
    """Whether what the article says of a person leaves room for a role noun ("the Utah Republican")."""
    if head in PARTY_NOUNS:
        return not ent.party or ent.party[0] == head[0].upper()
    if head in DESCRIPTION_HEADS:
        return True  # an age or a nationality fits whatever job they have ("the Italian")
    if not ent.roles:
        return True
    vocab = ent.role_vocabulary()
    classes = {c for w in vocab for c in ROLE_NOUN_CLASSES.get(w, ())} | vocab
    return bool(classes & (set(ROLE_NOUN_CLASSES.get(head, ())) | {head}))


# Words that make "the X company" another company than the one just named.
_OTHER_ORG_WORDS = frozenset(
    "rival other another competing parent sister partner former new second third smaller larger".split()
)


def _plain_description(ref: Ref) -> bool:
    """ "the company", "the software group": a definite description that can mean the
    organisation just named (not "the rival company", "his company")."""
    words = ref.text.lower().split()
    return words[:1] == ["the"] and len(words) <= 4 and not _OTHER_ORG_WORDS & set(words)


class Resolver:
    """Turns a frame's reference into an entity, remembering who is salient."""

    def __init__(
        self, registry: Registry, sents: list[Sent] | None = None, observe: Observer | None = None
    ) -> None:
        self.registry = registry
        self.sents = sents
        self.observe = observe  # sees each pronoun decision (tools/train_pronouns.py)
        self.author: Entity | None = None  # whom an "I" outside quotations is: the byline's author

    def resolve(self, ref: Ref, index: int, cue: str | None = None) -> Entity | None:
        if ref.kind == "entity":
            return ref.entity
        if ref.kind == "pronoun" and ref.text == "i":
            return self.author  # a first-person column: the author says it (no byline: nobody)
        if ref.kind == "pronoun":
            return self._pronoun(ref.text, index, ref.at, cue in _REPLY_CUES)
        return self._role_np(ref, index)

    def _pronoun(self, word: str, index: int, at: int = 0, reply: bool = False) -> Entity | None:
        gender = PERSON_PRONOUNS.get(word)
        # (the author is "I", never "he" or "she" in their own column)
        pool = [e for e in self.registry.entities if 0 <= e.seen[0] < index and e is not self.author]
        # "Ruiz, she said, was the best student she ever had": fenced by commas mid-sentence, the
        # cue's pronoun is not whom the words before it name (they are what was said).
        # (names before the fence's opening comma may still be: "Hale conceded the vote, which
        # was a setback, he said, ...")
        segment = -1
        if (
            self.sents is not None
            and at > 2
            and self.sents[index].out[at - 2 : at] == ", "
            and _FENCED_CUE_RE.match(self.sents[index].out, at + len(word)) is not None
        ):
            segment = self.sents[index].out.rfind(",", 0, at - 2) + 1
        if self.sents is not None and word in PERSON_PRONOUNS:
            # "Chair Phyllis Randall defended the deal, which she said ...": an antecedent in the sentence.
            fits = [
                m
                for m in self.sents[index].mentions
                if m.end < at
                and not m.start >= segment >= 0
                and isinstance(m.entity, Entity)
                and m.entity.kind == "person"
                and m.entity.gender in (None, gender)
            ]
            # A possessive is a modifier ("Taiwan's new president ..., after he") unless it is
            # the only person before the pronoun ("Sanders's role is open, but he has said").
            here = [m for m in fits if not m.possessive] or fits
            # So is a name before a role noun and another name ("Okafor spokesman Dan Reyes").
            here = [m for m in here if not _modifies_next(self.sents[index], m)] or here
            # One after a preposition is an object ("after the murder of Father Hamel, Trump
            # asserted ... he claimed"): a name that is no object comes first.
            out = self.sents[index].out
            here = [m for m in here if not after_preposition(out, m.start, participle=True)] or here
            opener = _OPENING_PRONOUN_RE.match(self.sents[index].out)
            if here and opener and opener.group(1).lower() == word and opener.start(1) < here[0].start:
                # "He avoided criticism of Trump until recently, when he expressed concern": the
                # later "he" is the sentence's subject again, not the name between them.
                return self._pronoun(word, index, opener.start(1), reply)
            if here:
                return here[0].entity
        if word in PERSON_PRONOUNS:
            people = [
                e for e in pool if e.gender in (None, gender) and (e.kind == "person" or self._acts(e, index))
            ]
            sents = self.sents or []
            if sents:
                # `"Cruz is our best debater," he says`: whoever the quotation names in the third
                # person is not the one who speaks it.
                named = _quoted_names(sents[index], at)
                if segment >= 0:
                    named |= {
                        _surname(m.entity)
                        for m in sents[index].mentions
                        if segment <= m.start < at and m.entity
                    }
                people = [e for e in people if _surname(e) not in named] or people
            if reply:
                # "One reporter asked ..." + `"...," she replied`: whoever replies is not the asker.
                people = [e for e in people if e.spoke != index - 1] or people
            where = Situation(index, gender, sents[index].paragraph if sents else -1)
            found = choose(people, where, sents, self.observe)
            if found is not None and found.gender is None:
                found.gender = gender  # the article itself calls them "he" or "she" now
            return found
        recent = [e for e in pool if index - e.seen[0] <= 3]
        if word == "they":
            groups = [e for e in recent if e.kind in ("org", "group")]
            found = max(groups, key=lambda e: e.seen, default=None)
            if found is None and self.sents is not None:
                # "Trump's lawyers have argued ... In their opening, they told jurors": a plural subject.
                for back in range(index - 1, max(-1, index - 3), -1):
                    np = role_np_after(self.sents[back].out, 0)
                    if np and np[1].head in PLURAL_ROLE_HEADS:
                        return self.registry.unnamed(np[1].text, np[1].head)
            return found
        orgs = [e for e in recent if e.kind == "org"]
        return max(orgs, key=lambda e: e.seen, default=None)

    def _role_np(self, ref: Ref, index: int) -> Entity | None:
        head = ref.head.lower()
        text = ref.text.strip()
        if text[:1].isupper() and " " not in text:
            # "Justice, 73, vowed": a surname that is also a role noun names the person.
            people = self.registry.by_last(text.lower())
            if people:
                return max(people, key=lambda e: e.seen)
        agent_for = _AGENT_FOR_RE.match(text) if " for the " in text else None
        if agent_for and head in _AGENT_HEADS:
            # "a spokesman for the company": the company the article has just named (a person's
            # description stays as written: "a spokesperson for the senator")
            inner = agent_for.group(2)
            principal = self._role_np(Ref("np", text=inner, head=inner.split()[-1], definite=True), index)
            if principal is not None and principal.kind == "org" and not principal.unnamed:
                return self.registry.unnamed(f"{agent_for.group(1)} for {principal.name}", head)
        if (head in PAIR_HEADS and ref.definite) or _BOTH_RE.fullmatch(text):
            pair = self._pair(index)
            if pair is not None:
                return pair  # "Voss and Bellini married in May. ... the pair said"
        if head in SOURCE_HEADS:
            # "the report said", "a statement read": a document is no speaker; its author is
            # ("Acme's statement said"; "the harbor authority's report said": a described author).
            owner = ref.owner
            if owner is None:
                described = _DESCRIBED_OWNER_RE.match(ref.text)
                words = described.group(1).lower().split() if described else []
                if described and words and (words[-1] in ORG_HEADS or words[-1] in ROLE_HEADS):
                    # (resolved as the owner's own description would be: "the company" is Acme)
                    author = Ref("np", text="the " + described.group(1), head=words[-1], definite=True)
                    return self._role_np(author, index)
            if owner is None and ref.definite and self.sents is not None:
                # "Rovers issued a statement. ... the statement said": whoever the sentence
                # that brought up that document had as its speaker.
                owner = self._issuer(head, index)
            return owner if owner is not None and owner.kind in ("org", "person", "unknown") else None
        if (
            ref.owner is None
            and ref.text.lower().startswith(("his ", "her ", "their "))
            and (head in ORG_HEADS or head in PLURAL_ROLE_HEADS or head in _AGENT_HEADS)
            and (head not in GENDERED_HEADS or head in _AGENT_HEADS)  # (not "his wife")
        ):
            # "his campaign said", "his lawyer said": the campaign of whoever "his" stands for.
            pronoun = {"his": "he", "her": "she", "their": "they"}[ref.text.split()[0].lower()]
            owner = self._pronoun(pronoun, index)
            if owner is not None and owner.kind in ("person", "org") and not owner.unnamed:
                ref.owner = owner
        if head in _PRIVATE_ROLES and "s " in ref.text:
            named = re.split(r"['’]s\s", ref.text)[0]
            owner = ref.owner or next((e for e in self.registry.entities if e.name == named), None)
            relative = self._relative(owner, head, index) if owner and owner.kind == "person" else None
            if relative is not None:
                return relative  # "Ray Dunn's eldest daughter, 34, said": Mia Dunn, named before
        if ref.owner is not None and ref.owner.kind == "person":
            # "Israeli Prime Minister Benjamin Netanyahu's office": named after its owner.
            tail = re.sub(r"^(?:his|her|their)\s+", "", re.split(r"['’]s\s+", ref.text)[-1], flags=re.I)
            return self.registry.unnamed(f"{ref.owner.name}'s {tail}", head)
        if (
            ref.definite
            and head not in PLURAL_ROLE_HEADS
            and not ref.text.lower().startswith(("his ", "her "))
        ):
            if head in ORG_HEADS:
                names = _HEAD_NAMES.get(head, (head,))
                here = self._orgs_before(ref, index)  # (none the article names only later)
                mods = [w.lower().rstrip(".") for w in ref.modifiers]
                other = bool(_OTHER_ORG_WORDS & set(ref.text.lower().split()))  # ("the rival company")
                orgs = [
                    e
                    for e in self.registry.entities
                    if not other
                    and e.kind == "org"
                    and not e.unnamed  # (not "an aide familiar with the company's plans")
                    and any(n in e.name.lower().split() for n in names)
                    and (0 <= e.seen[0] <= index or id(e) in here)
                    # ("the Ruiz campaign" is no "Dunn Campaign": a named modifier must match)
                    and all(w in e.name.lower().split() for w in mods)
                ]
                if not orgs and head in _PERSON_OWNED_HEADS and ref.text.lower() == "the " + head:
                    # "the campaign said": the campaign of the person the story is about.
                    people = [
                        e
                        for e in self.registry.entities
                        if e.kind == "person"
                        and not e.unnamed
                        and 0 <= e.seen[0] <= index <= e.seen[0] + _DEFINITE_REACH
                    ]
                    if people:
                        owner = max(people, key=lambda e: (e.salience, e.seen))
                        return self.registry.unnamed(f"{owner.name}'s {head}", head)
                if not orgs and head in _GENERIC_ORG_HEADS and _plain_description(ref):
                    # "the group", "the company", "the software group": the organisation the
                    # last sentences or this one named (the one that spoke, then one named in
                    # its own right rather than as someone's affiliation, "an analyst at
                    # Fenwick Partners", then the latest; in this sentence the first).
                    orgs = [
                        e
                        for e in self.registry.entities
                        if e.kind == "org"
                        and not e.unnamed  # (not "Hale's office")
                        and (0 <= e.seen[0] <= index <= e.seen[0] + 2 or id(e) in here)
                    ]
                    if orgs:
                        named_for = self._affiliations()
                        ent = max(
                            orgs,
                            key=lambda e: (
                                e.spoke >= 0,
                                e.name not in named_for,
                                id(e) in here,
                                here.get(id(e), 0),
                                e.seen,
                            ),
                        )
                        ent.aliases.add(ref.text)
                        return ent
                if orgs:
                    ent = max(orgs, key=lambda e: e.seen)
                    ent.aliases.add(ref.text)
                    return ent
            match = self._person_by_role(ref, index)
            if match is not None:
                match.aliases.add(ref.text)
                return match
        if ref.definite and head in PLURAL_ROLE_HEADS and ref.text.lower().startswith("the "):
            # "according to two U.S. officials" ... "The officials, who spoke on the condition of
            # anonymity, said": the group already introduced.
            groups = [
                e
                for e in self.registry.entities
                if e.unnamed
                and e.kind == "group"
                and e.name.lower().endswith(head)
                and 0 <= e.seen[0] <= index <= e.seen[0] + _DEFINITE_REACH
            ]
            if groups:
                ent = max(groups, key=lambda e: e.seen)
                ent.aliases.add(ref.text)
                return ent
        if ref.definite and head in ROLE_HEADS and head not in PLURAL_ROLE_HEADS and head not in ORG_HEADS:
            # "the Utah Republican said": a definite description names someone the reader knows.
            recent = [
                e
                for e in self.registry.entities
                if e.kind == "person"
                and not e.unnamed
                and e.seen[0] >= 0
                and 0 <= e.seen[0] <= index <= e.seen[0] + _DEFINITE_REACH
            ]
            if head == "year-old" and (age := _AGE_NUMBER_RE.search(text)):
                # "Hale, 61, faces Dunn, 38. ... The 38-year-old said": whom the article gave that age
                aged = [e for e in recent if e.age == int(age.group())]
                if len(aged) == 1:
                    return aged[0]
            want = GENDERED_HEADS.get(head)
            owner = ref.owner
            if want:
                # "His wife said", "the congresswoman said": the description gives the gender.
                recent = [e for e in recent if e.gender in (None, want)]
                if ref.text.lower().startswith(("his ", "her ")):
                    owner = self._pronoun(
                        ref.text.split()[0].lower().replace("his", "he").replace("her", "she"), index
                    )
                    recent = [e for e in recent if e is not owner]
            last = [e for e in recent if e.spoke == index - 1 and _may_be(e, head)]
            if len(last) == 1 and self.sents is not None:
                last = [self._subject_over_owner(last[0], index - 1, head)]
            if not last:
                # "Murphy has been blunter. The Connecticut Democrat wrote ...": the person the
                # sentence before was about.
                last = [e for e in recent if e.seen[0] == index - 1]
                last = last if len(last) == 1 and _may_be(last[0], head) else []
            if len(last) == 1 and not want:
                # "Schumer accused ... " + `"...," the New York Democrat said`: the description
                # picks up the person who has just spoken.
                last[0].aliases.add(ref.text)
                return last[0]
            # (not someone the article made a private person: "the couple's daughter" is no manager)
            recent = [e for e in recent if _may_be(e, head) or not (e.role_vocabulary() & _PRIVATE_ROLES)]
            if head in _PRIVATE_ROLES:
                # "Her daughter, 16, has said ...": a relative is someone the article called so,
                # or one who shares the owner's surname, or someone new; not the story's person.
                family = owner.name.split()[-1] if owner is not None and owner.kind == "person" else None
                recent = [
                    e
                    for e in recent
                    if head in e.role_vocabulary() or (e is not owner and e.name.split()[-1] == family)
                ]
            if recent and head not in OCCUPATION_HEADS:
                # News style gives new facts by description ("the Indiana governor"): the person
                # the story is about, unless what it already said of them rules the role out.
                # (Not an occupation the article never gave them: "the pilot", "the coroner".)
                ent = max(recent, key=lambda e: (e.salience, _may_be(e, head), e.seen))
                ent.aliases.add(ref.text)
                return ent
        return self.registry.unnamed(ref.text, head)

    def _subject_over_owner(self, speaker: Entity, index: int, head: str) -> Entity:
        """The person opening sentence `index` rather than `speaker`, when the sentence names
        the speaker only as an owner ("Ruiz has an answer for Hale's plan: no."): a
        description after it means the subject, as a reader takes it."""
        assert self.sents is not None
        sent = self.sents[index]
        mentions = [m for m in sent.mentions if m.entity is speaker]
        first = sent.mentions[0] if sent.mentions else None
        if (
            mentions
            and all(m.possessive for m in mentions)
            and first is not None
            and not first.possessive
            and first.entity is not speaker
            and isinstance(first.entity, Entity)
            and first.entity.kind == "person"
            and not sent.out[: first.start].strip()
            and _may_be(first.entity, head)
        ):
            return first.entity
        return speaker

    def _acts(self, ent: Entity, index: int) -> bool:
        """Whether a one-word name of no known kind opened one of the last sentences as the
        subject of a verb ("Ruiz shrugs off the praise. She says ..."): a person, most likely."""
        if ent.kind != "unknown" or " " in ent.name or self.sents is None:
            return False
        for back in range(index - 1, max(-1, index - 3), -1):
            out = self.sents[back].out
            for m in self.sents[back].mentions:
                if m.entity is ent and not m.possessive and m.start <= 4 and _VERB_NEXT_RE.match(out, m.end):
                    return True
        return False

    def _pair(self, index: int) -> Entity | None:
        """The two people a recent sentence named together ("Lena Voss and Marco Bellini"), as one."""
        if self.sents is None:
            return None
        for back in range(index - 1, max(-1, index - 4), -1):
            sent = self.sents[back]
            people = [m for m in sent.mentions if isinstance(m.entity, Entity) and m.entity.kind == "person"]
            for a, b in zip(people, people[1:], strict=False):
                if sent.out[a.end : b.start] == " and " and a.entity is not b.entity:
                    group = self.registry.unnamed(f"{a.entity.name} and {b.entity.name}", "pair")
                    group.kind = "group"
                    group.aliases.update(a.entity.aliases | b.entity.aliases)  # (`said Voss` finds it)
                    return group
        return None

    def _issuer(self, head: str, index: int) -> Entity | None:
        """The speaker of one of the two sentences before `index` that names a `head` document."""
        assert self.sents is not None
        for back in range(index - 1, max(-1, index - 3), -1):
            sent = self.sents[back]
            if sent.speaker is not None and re.search(rf"\b{re.escape(head)}\b", sent.out.lower()):
                return sent.speaker
        return None

    def _relative(self, owner: Entity, head: str, index: int) -> Entity | None:
        """The one person the article named lately who shares `owner`'s surname and fits the
        relation's gender ("Ray Dunn's daughter": Mia Dunn); None when none or several do."""
        want = GENDERED_HEADS.get(head)
        family = owner.name.split()[-1]
        found = [
            e
            for e in self.registry.entities
            if e.kind == "person"
            and e is not owner
            and not e.unnamed
            and 0 <= e.seen[0] <= index <= e.seen[0] + _DEFINITE_REACH
            and e.name.split()[-1] == family
            and (want is None or e.gender in (None, want))
        ]
        return found[0] if len(found) == 1 else None

    def _orgs_before(self, ref: Ref, index: int) -> dict[int, int]:
        """Organisations named in sentence `index` before the description or in it (which the
        registry has not marked seen yet), by id, to minus where they stand; not a passive's
        agent ("sued by the union, and the company agreed": the one sued)."""
        if self.sents is None:
            return {}
        sent = self.sents[index]
        at = sent.out.find(ref.text)
        end = at + len(ref.text) if at >= 0 else -1  # (or inside it: "the European Union in ...")
        return {
            id(m.entity): -m.start
            for m in sent.mentions
            if m.entity is not None and m.end <= end and not _BY_BEFORE_RE.search(sent.out, 0, m.start)
        }

    def _affiliations(self) -> set[str]:
        """Names of organisations the article gave as someone's affiliation ("an analyst at X")."""
        text = " ".join(r for e in self.registry.entities if e.kind == "person" for _, _, r in e.roles)
        return {e.name for e in self.registry.entities if e.kind == "org" and e.name in text}

    def _person_by_role(self, ref: Ref, index: int) -> Entity | None:
        head = ref.head.lower()
        wanted = set(ROLE_NOUN_CLASSES.get(head, ())) | {head}
        mods = {m.lower().rstrip(".").replace("’s", "").replace("'s", "") for m in ref.modifiers}
        best: tuple[tuple[int, int, int], Entity] | None = None
        for ent in self.registry.entities:
            if ent.kind not in ("person", "unknown"):
                continue
            if ent.unnamed and head not in _POSTMODIFIER_RE.split(ent.name.lower())[0].split():
                continue  # ("an aide familiar with the company's plans" is no company)
            vocab = ent.role_vocabulary()
            party = ent.party[:1]
            classes = {c for w in vocab for c in ROLE_NOUN_CLASSES.get(w, ())} | vocab
            fits = bool(wanted & classes)
            if head in ("democrat", "republican"):
                fits = party == head[0].upper() or head in vocab or (head[:-1] + "ic") in vocab
            if not fits:
                continue
            text = " ".join(r for _, _, r in ent.roles).lower() + " " + " ".join(ent.aliases).lower()
            mod_hits = sum(
                1
                for m in mods
                if m in text
                or (m in ("democratic", "democrat") and party == "D")
                or (m == "republican" and party == "R")
            )
            if mods and not mod_hits:
                continue
            if not 0 <= ent.seen[0] <= index:
                continue  # a description points back to someone already named
            # (one given that very title first: "the mayor" is Mayor Kowal, not the minister
            # who spoke since, though both are officials)
            key = (mod_hits, int(head in vocab), ent.seen[0])
            if best is None or key > best[0]:
                best = (key, ent)
        return best[1] if best else None
