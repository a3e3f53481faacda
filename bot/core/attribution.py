# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Who said each sentence: rule-based attribution of direct, indirect and mixed speech.

Model-free on purpose: regular expressions and word lists (attribution_lexicon) find
cues ("said", "according to", "in a statement"), the speaker next to each cue (a
name, a pronoun, a role noun such as "the NATO chief", an organisation), the kind of
report, and the content. Per article, names are resolved to the fullest form the
article gives, role nouns to the person whose title fits, and pronouns to the most
recent compatible person. Quotations that run over several sentences or paragraphs
belong whole to the speaker named at either end.

The pipeline, per article:
  1. mask quotations per paragraph (attribution_text.scan_quotes);
  2. find name mentions and build the article's entities (names, titles, roles);
  3. per sentence, collect candidate frames around cues and keep the best one;
  4. resolve each frame's speaker (entity, pronoun, role noun, organisation);
  5. spread speakers over multi-sentence quotes and quote-only paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .attribution_lexicon import (
    CUE_BASES,
    CUE_WORDS,
    GENERIC_PERSON_HEADS,
    MEDIUM_NOUNS,
    ORG_HEADS,
    PARTICIPLE_CUES,
    PARTY_NOUNS,
    PERSON_PRONOUNS,
    PHRASAL_CUES,
    PLURAL_ROLE_HEADS,
    QUOTE_FRAME_CUES,
    ROLE_HEADS,
    ROLE_NOUN_CLASSES,
    STOP_CAPS,
    TITLE_MODIFIERS,
    WEAK_CUES,
)
from .attribution_text import (
    INSIDE,
    OF_PLACE_RE,
    Mention,
    QuoteScan,
    find_mentions,
    is_role_text,
    role_words,
    scan_quotes,
)
from .models import Attribution, Document, Kind, Speaker

# Documents and bodies that "say" things in news prose ("the report said").
SOURCE_HEADS = frozenset(
    """
    report statement letter document study survey poll memo filing complaint lawsuit indictment
    ruling release announcement transcript readout editorial website analysis assessment
    filings documents records papers reports statements letters data figures estimates polls surveys
    studies
    """.split()
)
# Cue forms that are just as often nouns ("a post", "the Treasury note", "familiar claims"):
# they count only with a clause, a colon or a quote after them, or right after a quote.
_NOUN_LIKE_CUES = frozenset(
    """note notes post posts report reports claim claims comment comments tweet tweets state states
    counter counters echo echoes vow vows pledge pledges charge charges stress answer answers reply
    estimate estimates doubt doubts fear fears hope hopes promise promises demand demands signal
    signals caution warning""".split()
)
_POSSESSIVE_DETS = frozenset("a an the his her their its our my your this that".split())
# Lower-case plural heads for governments as a group ("The states maintained that ...").
_GROUP_HEADS = frozenset("states countries nations".split())
_NP_HEADS = ROLE_HEADS | ORG_HEADS | SOURCE_HEADS | _GROUP_HEADS | frozenset({"media", "outlet", "outlets"})

_LOWER_WORD_RE = re.compile(r"[a-z]+")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
_DEFINITE_REACH = 8  # sentences back that "the senator" may reach for an unmatched referent
_LEADING_DET_RE = re.compile(r"^(?:the|a|an|one)\s+", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
_ALL_CUES = CUE_WORDS | QUOTE_FRAME_CUES
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_TOKEN_RE = re.compile(r"[\w’'.&\-]+|[^\w\s]")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+")
_IN_MEDIUM_RE = re.compile(
    r"^\W*(?:[Ii]n|[Dd]uring)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?("
    + "|".join(sorted((m.replace(" ", r"\s+") for m in MEDIUM_NOUNS), key=len, reverse=True))
    + r")\b[^,]{0,80},\s*"
)
_DASH_FRAME_RE = re.compile(r"[\"”]\s*[-–—]+\s*(?=\S)")
# Words that may stand between a speaker and the cue ("Biden also said", "has long argued").
_AUX_WORDS = frozenset(
    """also later previously repeatedly has have had would will could might did does do then again once
    recently reportedly publicly privately further earlier now still long often initially first
    subsequently separately already simply just flatly explicitly bluntly openly quickly immediately even
    never not ever always frequently consistently allegedly specifically directly angrily loudly quietly
    falsely correctly rightly wrongly himself herself themselves itself too nonetheless nevertheless
    meanwhile instead however though yet since""".split()
)
_FENCED_ADVERBIAL_RE = re.compile(
    r"\s*(?:however|though|too|meanwhile|in\s+turn|for\s+(?:his|her|their|its)\s+part|"
    r"in\s+(?:a|an|the|his|her|their|its)\s+[\w\s-]{1,30}|on\s+\w+(?:\s+\w+)?|at\s+[\w\s-]{1,30}|"
    r"\w+ly|speaking\s+[^,]{1,40}|asked\s+[^,]{1,50}|in\s+\w+)\s*"
)
_HYPHENATED_RE = re.compile(r"\w+(?:-\w+)+")
_WORDISH_RE = re.compile(r"[\w’']")
_SKIPPABLE_APPOS_RE = re.compile(r"\d{1,3}$|[a-z]+ing\b|who\b|which\b|whose\b|[DRI]-|[a-z]+ed\b")
_WHO_TAIL_RE = re.compile(r"(?:,\s*|\s+)who\s*$")
_PAREN_TAIL_RE = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_APPOS_TAIL_RE = re.compile(r",\s*([^,\"_]{1,160}?)\s*,\s*$")
_PRONOUN_TAIL_RE = re.compile(r"(?:^|(?<=[\s\"(]))([Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s*$")
_BE_TAIL_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s*$")
_PASSIVE_FORMS = frozenset(
    ["said", "told", "written", "asked", "quoted", "reported", "called", "described", "accused"]
)
_NEGATED_RE = re.compile(r"(?:\b(?:not|never|n't|declined\s+to|refused\s+to)|n’t)\s+(?:\w+ly\s+)?$")
_REPORTING_PARTICIPLES = frozenset(
    """
    saying adding noting arguing warning insisting claiming stating explaining writing declaring
    asserting contending acknowledging stressing telling tweeting posting urging
    """.split()
)
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .,'’/-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([\w .]+\)\s*)?[—–-]+\s*"
)
_DASH_LINE_RE = re.compile(r"^\s*[—–-]+\s*(?=\S)")
_QUOTE_SOON_RE = re.compile(r"^[^.;:,]{0,70}?\"_")
# Weak cues that report a view even without "that" ("She expects two more cuts").
_BARE_WEAK_CUES = frozenset(
    """
    believe believes believed think thinks thought expect expects expected predict predicts
    predicted estimate estimates estimated doubt doubts doubted fear fears feared
    """.split()
)
_COMPLEMENT_RE = re.compile(r"^\s*(?:[^,;:\"_]{0,60}?\s)?(that\b|whether\b|:|\")")
# `Cheatle responded, "No, ..."`: a comma then the quotation is the weak cue's complement.
_ACCUSED_OF_RE = re.compile(r"^\s*[\w\s’'.-]{0,60}?\bof\b")
# Weak cues whose noun-phrase object is the content (an accusation, a demand, a doubt).
_OBJECT_CUES = frozenset(
    """question questions questioned blame blames blamed fault faults faulted demand demanded
    repeat repeats repeated dispute disputes disputed""".split()
)
_OBJECT_RE = re.compile(r"^\s+(?!to\b|on\b|in\b|at\b|up\b|out\b|off\b|back\b)[\w’'$-]")
# "called on supporters to attend": a demand, reported without quotation.
_CALL_ON_RE = re.compile(r"^\s+(?:on|upon)\s+[^,;:\"_]{1,60}?\s+to\s+[a-z]")
# "Xinhua quoted Foreign Minister Wang Yi as saying that ...": the one quoted speaks.
_QUOTED_AS_RE = re.compile(
    r"\bquoted\s+(?=\S)([^\"_;]{1,120}?)\s+as\s+(?:saying|telling|stating|warning|adding|calling|describing)\b"
)
_COMMA_QUOTE_RE = re.compile(r'^\s*,\s*"_')
# Question verbs take an embedded question ("asked how many agents", "questioned whether").
_QUESTION_CUES = frozenset(
    """ask asks asked asking question questions questioned questioning wonder wonders wondered
    wondering inquire inquires inquired inquiring""".split()
)
_WH_COMPLEMENT_RE = re.compile(
    r"^\s*(?:[^,;:\"_]{0,40}?\s)?(?:how|why|what|when|where|who|whom|whether|if)\b(?!\s+(?:any|not)\b)"
)
# A complement clause without "that": "signaled they will oppose", "predicted the race would
# tighten". The subject must be short and followed at once by a finite auxiliary, which
# keeps "expected the vote on Tuesday" (an object, not a clause) out.
_BARE_CLAUSE_RE = re.compile(
    r"^\s+(?:he|she|they|it|we|i|you|there"
    r"|(?:the|a|an|this|that|these|those|his|her|their|its|our|[A-Z][\w’'.-]*['’]s)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+"
    r"|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})"
    r"\s+(?:would|will|could|might|may|should|must|can|cannot|was|were|is|are|had|has|have|did|does"
    r"|won['’]t|wouldn['’]t|didn['’]t|doesn['’]t|isn['’]t|wasn['’]t|weren['’]t|aren['’]t|hasn['’]t|hadn['’]t)\b"
)
# Weak cues whose object may be such a bare clause (a stated view or forecast).
_CLAUSE_WEAK_CUES = frozenset(
    """
    signal signals signaled signalled signaling signalling indicate indicates indicated believe believes
    believed think thinks thought expect expects expected fear fears feared worry worries worried hope
    hopes hoped doubt doubts doubted recall recalls recalled estimate estimates estimated suggest
    suggests suggested predict predicts predicted conclude concludes concluded agree agrees agreed
    feel feels felt forecast forecasts forecasted suspect suspects suspected anticipate anticipates
    anticipated hint hints hinted imply implies implied assure assures assured reassure reassured
    remind reminds reminded inform informs informed joke jokes joked speculate speculated
    """.split()
)
_WHO_OBJECT_RE = re.compile(r"^\s*(?:the\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,3}\s*,?\s+who\b")
_APPOS_AFTER_RE = re.compile(
    r"\s*,\s+(?:\d{1,3},\s+)?(?!who\b|which\b|and\b|but\b|as\b|adding\b|saying\b)((?:[^,;\"_()]|,(?=\d)){2,200}?)"
    r"\s*(?=,(?!\d)|;|\.\s*$|\.?\s*[\"”]|$)"
)
_PARTY_AFTER_RE = re.compile(r"\s*(?:\(\s*[DRI]-[^)]{1,25}\)|,\s+[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,?)")
_TRAILING_REST_RE = re.compile(
    r"[\s,]*(?:(?:on|in|at|during|with|after|before|late|earlier|this|last|from|via|told)\b[^\"_;]{0,50}?)?"
    r"[\s.!?;:\"”’)]*$"
)
_PREPOSITIONS = frozenset(
    """
    with to of for by from on in at about against between among than like
    """.split()
)
# Words that open a speaker's postmodifier ("people familiar with", "officials briefed on").
_NP_PREPS = frozenset(
    "for at of from with to in on close familiar briefed involved knowledgeable aware".split()
)
_OWNER_DETS = frozenset("his her their its".split())
_DETS = frozenset(
    """
    the a an one two three several many some other most few both another his her their its
    """.split()
)
_NP_STOP = frozenset(
    """
    is are was were be been has have had will would could should can may might must do does did
    not and or but that which who whom whose when while if because as than said says told
    """.split()
)


@dataclass(slots=True)
class _Entity:
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
    _vocab: tuple[int, set[str]] | None = None  # role words, cached against the number of roles
    full_mentions: list[int] = field(default_factory=list)  # global positions of full-name mentions

    @property
    def is_person(self) -> bool:
        return self.kind in ("person", "unknown", "group")

    def add_role(self, text: str, priority: int, order: int) -> None:
        text = text.strip(" ,")
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
                words |= role_words(text)
            self._vocab = (len(self.roles), words)
        return self._vocab[1]


@dataclass(slots=True)
class _Ref:
    """Who a frame names before resolution."""

    kind: str  # entity / pronoun / np
    entity: _Entity | None = None
    text: str = ""  # pronoun or noun phrase as written
    head: str = ""
    definite: bool = False
    modifiers: tuple[str, ...] = ()
    owner: _Entity | None = None  # the person in a possessive noun phrase ("Netanyahu's office")
    at: int = 0  # where a pronoun stands in its sentence


@dataclass(slots=True)
class _Frame:
    """One candidate attribution in a sentence."""

    rank: int
    position: int
    ref: _Ref
    cue: str | None
    start: int  # span of speaker + cue (+ apposition) in the sentence
    end: int
    according: bool = False
    content_side: str = "after"  # before / after / both
    role: str = ""
    mixed: bool = False  # "called it \"...\"": a quoted fragment inside reported speech


@dataclass(slots=True)
class _Sent:
    index: int
    paragraph: int
    text: str
    out: str
    offset: int  # in its paragraph
    mentions: list[Mention]
    frame: _Frame | None = None
    speaker: _Entity | None = None
    quote: int | None = None
    cues: list[tuple[int, int, str]] = field(default_factory=list)


# --- entities ------------------------------------------------------------------------


def _party_descriptor(text: str) -> bool:
    """ "a Democrat", "a Georgia Democrat whose son ...", "his fellow Utah Republican": no office named."""
    words = [w.strip(".,").lower() for w in text.split()]
    return (
        bool(words)
        and any(w in PARTY_NOUNS for w in words)
        and (bool({"a", "an", "fellow"} & set(words[:3])) or "fellow" in words)
    )


_SURNAME_PARTICLES = frozenset("al el bin ibn van von der den de da di du la le".split())
_ORG_OWNER_RE = re.compile(r"^(?:[A-Z][\w.]*['’]s\s+|(?:U\.?S\.?|UK|U\.K\.|EU)\s+)")


class _Registry:
    """The article's entities, built from every name mention, with surname resolution."""

    def __init__(self) -> None:
        self.entities: list[_Entity] = []
        self._by_key: dict[tuple[str, ...], _Entity] = {}
        self._unnamed: dict[str, _Entity] = {}
        self._by_last: dict[str, list[_Entity]] = {}  # people named in full, by surname
        self._by_first: dict[str, list[_Entity]] = {}

    def build(self, sents: list[_Sent]) -> None:
        order = 0
        singles: list[tuple[int, Mention]] = []
        for sent in sents:
            for m in sent.mentions:
                order += 1
                words = m.name.split()
                if m.kind == "person" and (len(words) >= 2 or m.title) and len(words) >= 2:
                    self._person(m, order)
                elif m.kind == "org" and len(words) >= 1 and len(words) >= 2:
                    self._org(m, order)
                else:
                    singles.append((order, m))
        for order, m in singles:
            self._single(m, order)

    def _remember(self, ent: _Entity, m: Mention, order: int) -> None:
        m.entity = ent
        if m.title:
            ent.aliases.add(f"{m.title} {m.name}")
        if m.premod:
            ent.aliases.add(f"{m.premod} {m.name}")
            ent.add_role(m.premod, 2 if any(w[:1].isupper() for w in m.premod.split()) else 1, order)
            if m.premod.lower().startswith(("the ", "a ", "an ")):
                ent.roles[-1] = (1, order, m.premod)
        if m.appos:
            ent.add_role(m.appos, 1 if _party_descriptor(m.appos) else 3, order)
        if m.party and not ent.party:
            ent.party = m.party
        if m.gender and not ent.gender:
            ent.gender = m.gender

    def _person(self, m: Mention, order: int) -> None:
        words = [w for w in m.name.split() if w.lower() not in ("jr.", "sr.", "ii", "iii", "iv")]
        key = ("p", words[0].lower(), words[-1].lower())
        ent = self._by_key.get(key)
        if ent is None:
            ent = _Entity(m.name, "person", gender=m.gender)
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
            ent = _Entity(m.name, "org")
            self.entities.append(ent)
        self._by_key[key] = ent
        ent.aliases.add(m.name)
        short = _ORG_OWNER_RE.sub("", m.name)
        if short != m.name and len(short.split()) >= 2:
            ent.aliases.add(short)  # "US State Department" is also "State Department"
        m.entity = ent

    def _single(self, m: Mention, order: int) -> None:
        word = m.name.split()[-1].lower() if m.name else ""
        candidates = self._by_last.get(word) or self._by_first.get(word) or []
        if m.gender:
            candidates = [e for e in candidates if e.gender in (None, m.gender)] or candidates
        if candidates:
            # People who share a surname: the one named in full most recently before.
            def recency(e: _Entity) -> int:
                before = [o for o in e.full_mentions if o < order]
                return max(before) if before else -min(e.full_mentions or [0])

            ent = max(candidates, key=recency)
            ent.aliases.add(m.name)
            self._remember(ent, m, order)
            return
        key = ("s", m.name.lower())
        ent = self._by_key.get(key)
        if ent is None:
            ent = _Entity(m.name, m.kind, gender=m.gender)
            self._by_key[key] = ent
            self.entities.append(ent)
        elif ent.kind == "unknown" and m.kind == "person":
            ent.kind = "person"
        ent.aliases.add(m.name)
        self._remember(ent, m, order)

    def by_last(self, surname: str) -> list[_Entity]:
        """People named in full whose surname is `surname` (lower case)."""
        return self._by_last.get(surname, [])

    def unnamed(self, text: str, head: str) -> _Entity:
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
            ent = _Entity(name, kind, unnamed=True)
            if head in ("spokeswoman", "congresswoman", "chairwoman", "woman"):
                ent.gender = "f"
            elif head in ("spokesman", "congressman", "chairman", "man"):
                ent.gender = "m"
            self._unnamed[key] = ent
            self.entities.append(ent)
        ent.aliases.add(text.strip())
        return ent


# --- noun phrases around a cue ---------------------------------------------------------


@lru_cache(maxsize=4096)
def _is_modifier(word: str) -> bool:
    """Whether a word can modify a role noun: "state emergency officials", "arms control experts"."""
    low = word.lower()
    if (low in CUE_WORDS and low not in CUE_BASES) or low in _NP_STOP or low in _VERBISH:
        return False
    if low in _PREPOSITIONS or low in _PRONOUNS:
        return False
    if word[:1].isupper():
        return low.rstrip(".") not in STOP_CAPS
    if not _WORDISH_RE.match(word) or low in _DETS:
        return False
    # Ordinary lower-case words are adjectives or nouns here, except likely verb forms.
    return not (low.endswith(("ed", "ing")) and low not in TITLE_MODIFIERS and low not in ROLE_HEADS)


_VERBISH = frozenset(
    """spent went made took gave came got held met left ran won lost put set sent kept began brought
    bought found thought stood sat saw knew led paid read felt is are was were has have had do does did
    be been will would can could should may might must say says said tell tells told want wants
    need needs get gets make makes take takes see sees go goes come comes""".split()
)
_POSTMOD_NOUNS = frozenset(
    """matter matters situation talks negotiations discussions deliberations case investigation plan
    decision issue meeting process family company campaign administration government party
    department ministry agency office committee group union deal program project effort review
    inquiry probe proposal bill fishermen workers families victims city state county country
    region""".split()
)
_PRONOUNS = frozenset(
    "he she it they we i you his her its their our my your him them us me who which that".split()
)


def _np_word(word: str) -> bool:
    """Whether a word can sit in a speaker's postmodifier ("for the Pentagon", "familiar with the talks")."""
    low = word.lower()
    if _is_modifier(word):
        return True
    return (
        word[:1].isupper()
        or low in _DETS
        or low in _NP_HEADS
        or low in TITLE_MODIFIERS
        or low in _POSTMOD_NOUNS
        or low in _NP_PREPS
        or low in ("his", "her", "their", "its", "this", "that", "these", "those", "and", "&")
        or low.endswith(("'s", "’s"))
    )


def _np_text_head(
    tokens: list[str], head_at: int | None = None
) -> tuple[str, str, bool, tuple[str, ...]] | None:
    """(text, head, definite, capitalised modifiers) of a role/organisation noun phrase.

    The head is the last head noun unless `head_at` (an index into `tokens`) says otherwise.
    """
    if not tokens:
        return None
    det = tokens[0].lower() in _DETS
    body = tokens[1:] if det else tokens
    if head_at is not None:
        head_i = head_at - (1 if det else 0)
    else:
        head_i = max((i for i, t in enumerate(body) if t.lower().rstrip(".") in _NP_HEADS), default=-1)
    if head_i < 0:
        return None
    head = body[head_i].lower().rstrip(".")
    if head in GENERIC_PERSON_HEADS and head_i == 0 and len(body) == 1:
        return None
    definite = (
        det
        and tokens[0].lower() in ("the", "his", "her", "their", "its")
        or any(t.endswith(("'s", "’s")) for t in body[:head_i])
    )
    mods = tuple(t for t in body[:head_i] if t[:1].isupper())
    return " ".join(tokens), head, definite, mods


def _role_np_before(out: str, end: int) -> tuple[int, _Ref] | None:
    """A role or organisation noun phrase ending at `end` ("the NATO chief", "a spokesperson for X")."""
    lo = max(0, end - 90)
    toks = [(m.group(), m.start()) for m in _TOKEN_RE.finditer(out, lo, end)]
    if not toks or toks[-1][1] + len(toks[-1][0]) != end:
        return None
    words = [t for t, _ in toks]
    n = len(words)
    # Find the head: the last word, or a head followed by a short prepositional postmodifier.
    head_at = -1
    for i in range(n - 1, max(-1, n - 10), -1):
        w = words[i]
        if not _WORDISH_RE.match(w):
            break
        low = w.lower()
        if low in _NP_HEADS and (
            i == n - 1
            or (i + 2 < n and words[i + 1].lower() in _NP_PREPS and all(_np_word(t) for t in words[i + 2 :]))
        ):
            head_at = i
            j = i - 2 if i >= 2 and words[i - 1].lower() in _DETS else i - 1
            if i == n - 1 and j >= 1 and words[j].lower() in _NP_PREPS:
                # "a spokesperson for the senator", "Republicans in Congress": the outer head
                outer = words[j - 1].lower()
                if outer in _PERSON_NP_HEADS and outer not in GENERIC_PERSON_HEADS:
                    head_at = j - 1
            break
        if low in _NP_STOP or (low in CUE_WORDS and not (i and words[i - 1].lower() in _DETS)):
            break
    if head_at < 0:
        return None
    start_i = head_at
    while start_i > 0 and head_at - start_i < 6:
        prev = words[start_i - 1]
        if prev.lower() in _DETS:
            start_i -= 1
            break
        if not _is_modifier(prev):
            break
        start_i -= 1
    parsed = _np_text_head(words[start_i:], head_at - start_i)
    if parsed is None:
        return None
    text, head, definite, mods = parsed
    start = toks[start_i][1]
    # Unmodified bare singular nouns ("official said") are not speakers; plurals are.
    bare = start_i == head_at == n - 1 and head not in PLURAL_ROLE_HEADS
    if bare and not head[0].isupper() and words[head_at][:1].islower():
        return None
    return start, _Ref("np", text=out[start:end], head=head, definite=definite, modifiers=mods)


def _role_np_after(out: str, pos: int) -> tuple[int, _Ref] | None:
    """A role or organisation noun phrase starting at `pos` ("the academic", "a spokesperson for X")."""
    toks = [(m.group(), m.start()) for m in _TOKEN_RE.finditer(out, pos, min(len(out), pos + 160))]
    words = [t for t, _ in toks]
    i = 0
    if words and words[0].lower() in _DETS:
        i = 1
    head_at = -1
    j = i
    while j < len(words) and j - i < 7:
        w = words[j]
        low = w.lower().rstrip(".")
        if low in _NP_HEADS and not (j + 1 < len(words) and words[j + 1].lower() in _NP_HEADS):
            head_at = j
            break
        if not _is_modifier(w):
            break
        j += 1
    if head_at < 0:
        return None
    end_i = head_at + 1
    if end_i < len(words) and words[end_i].lower() in _NP_PREPS:
        k = end_i + 1
        while (
            k < len(words)
            and k - end_i <= 7
            and _WORDISH_RE.match(words[k])
            and _np_word(words[k])
            and words[k].lower() not in _NP_STOP
            and words[k].lower() not in CUE_WORDS
        ):
            k += 1
        if k > end_i + 1:
            end_i = k
    parsed = _np_text_head(words[:end_i])
    if parsed is None:
        return None
    text, head, definite, mods = parsed
    last_tok, last_at = toks[end_i - 1]
    end = last_at + len(last_tok.rstrip("."))
    return end, _Ref("np", text=out[pos:end], head=head, definite=definite, modifiers=mods)


def _strip_aux(out: str, end: int) -> int:
    """Move `end` left over auxiliaries, adverbs and comma-fenced adverbials before a cue."""
    while True:
        while end > 0 and out[end - 1] == " ":
            end -= 1
        if end and out[end - 1] == ",":
            # ", however," / ", in a statement," / ", on Tuesday,"
            prev = out.rfind(",", max(0, end - 45), end - 1)
            if prev >= 0 and _FENCED_ADVERBIAL_RE.fullmatch(out, prev + 1, end - 1):
                end = prev
                continue
            return end
        space = out.rfind(" ", 0, end) + 1
        word = out[space:end]
        low = word.lower()
        if low in _AUX_WORDS or (low.endswith("ly") and word.islower() and len(word) > 4):
            end = space
            continue
        if low == "as" and out[max(0, space - 12) : space].lower().endswith("quoted "):
            end = out.rfind(" ", 0, space - 8)  # "was quoted as saying"
            end = max(out.rfind(" ", 0, end), 0)
            continue
        return end


_PREP_BEFORE_RE = re.compile(r"\b(?:for|of|at|with|to|in|from)\s+(?:the\s+)?$")
# Role heads that name people, for a noun phrase around a name ("a spokesman for Smith").
_PERSON_NP_HEADS = ROLE_HEADS - ORG_HEADS - SOURCE_HEADS
_PARTITIVE_RE = re.compile(
    r"(?:^|(?<=[\s\"(]))(?:[Oo]ne|[Ss]ome|[Tt]wo|[Ss]everal|[Mm]any|[Mm]ost|[Ee]ach|[Aa]ll|[Nn]one|[Bb]oth)"
    r"\s+of\s+(?:them|those|these)$"
)
_APPOS_OPENERS = frozenset("the a an his her their its of from".split())


def _skip_appositions(sent: _Sent, end: int, who: bool) -> tuple[int, str]:
    """Step back over appositions that follow a name: "Denise Harlow, 47, a claims specialist,"
    / "Allison Russo, of Upper Arlington," / "Linda Kovach, Frank's wife, who".

    Only when a name ends right before the comma, so that a list ("Smith, Jones and Brown")
    or a clause is never skipped. Returns the new end and the first role-like segment.
    """
    out = sent.out
    role = ""
    for step in range(3):
        # The segment must be fenced by a comma after it too (or be the antecedent of "who").
        seg_end = end
        if out[end - 1 : end] == ",":
            seg_end = end - 1
        elif out[end : end + 1] != "," and not (who and step == 0):
            break
        prev = out.rfind(",", max(0, seg_end - 170), seg_end)
        if prev < 0:
            break
        seg = out[prev + 1 : seg_end].strip(" ,")
        if not seg or '"' in seg or INSIDE in seg or ";" in seg:
            break
        name_end = len(out[:prev].rstrip())
        if not any(
            m.end == name_end and not m.possessive and isinstance(m.entity, _Entity) and m.kind != "place"
            for m in sent.mentions
        ):
            break
        first = seg.split()[0]
        opener = first.lower() in _APPOS_OPENERS or first.endswith(("'s", "’s")) or first.isdigit()
        if not (opener or is_role_text(seg) or _SKIPPABLE_APPOS_RE.match(seg)):
            break
        if not role and (
            is_role_text(seg) or first.lower() in ("the", "a", "an") or first.endswith(("'s", "’s"))
        ):
            role = seg
        end = prev
    return end, role


def _speaker_before(sent: _Sent, end: int) -> tuple[int, _Ref, str] | None:
    """The speaker named right before a cue: (start, reference, apposition role)."""
    out = sent.out
    end = _strip_aux(out, end)
    who = False
    low_tail = out[max(0, end - 5) : end].lower()
    if low_tail.endswith(" who") or low_tail == "who" and end == 3:
        who = True
        end = end - 3
        while end > 0 and out[end - 1] in " ,":
            end -= 1
    if end and out[end - 1] == ")":
        open_at = out.rfind("(", max(0, end - 45), end)
        if open_at >= 0:
            end = len(out[:open_at].rstrip())
    role = ""
    if end and out[end - 1] == "," and not who:
        prev = out.rfind(",", max(0, end - 170), end - 1)
        if prev >= 0:
            seg_start = prev + 1
            while seg_start < end and out[seg_start] == " ":
                seg_start += 1
            candidate = out[seg_start : end - 1].rstrip()
            if candidate and '"' not in candidate and INSIDE not in candidate:
                inner_end = seg_start + len(candidate)
                for mention in sent.mentions:
                    if (
                        mention.start == seg_start
                        and mention.end == inner_end
                        and not mention.possessive
                        and mention.kind == "person"
                    ):
                        # "Clinton's campaign manager, Robby Mook, said": the name is the speaker.
                        return mention.start, _Ref("entity", entity=mention.entity), ""
                if is_role_text(candidate) or _SKIPPABLE_APPOS_RE.match(candidate):
                    role = candidate if is_role_text(candidate) else ""
                    end = prev
    end, extra_role = _skip_appositions(sent, end, who)
    role = role or extra_role
    if "-" in out[max(0, end - 30) : end]:
        party = _PARTY_AFTER_RE.search(out, max(0, end - 30), end)
        if party and party.end() == end:
            end = party.start()
    for i, mention in enumerate(sent.mentions):
        if mention.end == end and not mention.possessive and mention.entity is not None:
            if i > 0 and mention.kind != "person":
                person = sent.mentions[i - 1]
                gap = out[person.end : mention.start].strip()
                if person.kind == "person" and gap in ("of", "from", "of the", "from the"):
                    mention = person  # "Rep. Dan Goldman of New York said"
            if _PREP_BEFORE_RE.search(out, max(0, mention.start - 10), mention.start):
                # "A spokesperson for Sen. Smith said", "Lawyers for the Justice Department argued":
                # the name is inside the speaker's noun phrase, not the speaker.
                np = _role_np_before(out, end)
                if np and np[0] < mention.start and np[1].head in _PERSON_NP_HEADS:
                    return np[0], np[1], role
            start = mention.start
            if mention.premod and mention.premod != mention.title:
                # "senior adviser Danielle Alvarez said": the title belongs to the speaker's span.
                extra = mention.premod[: -len(mention.title)].rstrip() if mention.title else mention.premod
                if extra and out[max(0, start - len(extra) - 1) : start].rstrip().endswith(extra):
                    start -= len(extra) + 1
            if out[max(0, start - 4) : start].lower() == "the ":
                start -= 4  # "the Police Officers Federation said"
            return start, _Ref("entity", entity=mention.entity), role
    part = _PARTITIVE_RE.search(out, max(0, end - 30), end)
    if part and not who:
        # "One of them said": one of the group just named.
        return part.start(), _Ref("pronoun", text="they", at=part.start()), ""
    if not who:
        space = out.rfind(" ", 0, end) + 1
        word = out[space:end]
        if word.lower() in ("he", "she", "they", "it") and (space == 0 or out[space - 1] in ' "('):
            return space, _Ref("pronoun", text=word.lower(), at=space), ""
    np = _role_np_before(out, end)
    if np:
        start, ref = np
        for mention in sent.mentions:
            if mention.possessive and start <= mention.start < end and isinstance(mention.entity, _Entity):
                ref.owner = mention.entity
        return start, ref, role
    return None


def _speaker_after(sent: _Sent, pos: int) -> tuple[int, _Ref, str] | None:
    """The speaker named right after a cue (`..., said Jo Jakobsen, a professor at ...`)."""
    out = sent.out
    while pos < len(out) and out[pos] == " ":
        pos += 1
    the_end = pos + 4 if out.startswith(("the ", "The "), pos) else pos
    best: Mention | None = None
    for mention in sent.mentions:
        if mention.possessive or mention.entity is None:
            continue
        if mention.start in (pos, the_end):
            best = mention
            break
        # A premodifier title before the name: "said White House press secretary Karine Jean-Pierre".
        if pos < mention.start <= pos + 90 and mention.premod and mention.kind == "person":
            gap = out[pos : mention.start]
            if all(_is_modifier(w) or w.lower() in ("of", "for", "and", "the") for w in gap.split()):
                best = mention
                break
    if best is not None and best.kind == "org" and best.start == pos:
        # "said State Department spokesperson Ned Price": the org is a modifier of the person.
        for mention in sent.mentions:
            if (
                mention.start > best.end
                and mention.kind == "person"
                and mention.premod
                and mention.start - best.end < 60
            ):
                gap = out[best.end : mention.start]
                if all(_is_modifier(w) or w.lower() in ("of", "for") for w in gap.split()):
                    best = mention
                break
    if best is not None:
        end = best.end
        of_place = OF_PLACE_RE.match(out, end)
        if of_place:
            end = of_place.end()  # "said Rep. Adam Schiff of California, the top Democrat ..."
        party = _PARTY_AFTER_RE.match(out, end)
        if party:
            end = party.end() - (1 if party.group().endswith(",") else 0)
        role = ""
        appos = _APPOS_AFTER_RE.match(out, end)
        if appos and is_role_text(appos.group(1)):
            role = appos.group(1)
            end = appos.end()
        return end, _Ref("entity", entity=best.entity), role
    np = _role_np_after(out, pos)
    if np:
        end, ref = np
        role = ""
        appos = _APPOS_AFTER_RE.match(out, end)
        if appos:
            inner = appos.group(1).strip()
            for mention in sent.mentions:
                if mention.start == appos.start(1) and mention.end == appos.start(1) + len(inner):
                    # "said a spokesperson for the Pentagon, John Kirby": the name is the speaker.
                    return appos.end(), _Ref("entity", entity=mention.entity), ref.text
        return end, ref, role
    return None


def _main_subject(sent: _Sent, before: int) -> tuple[int, _Ref] | None:
    """The subject at the start of the sentence, for participle cues (", saying ...")."""
    out = sent.out
    found: tuple[int, _Ref] | None = None
    for i, mention in enumerate(sent.mentions):
        if mention.start >= before:
            break
        if mention.possessive or mention.entity is None:
            continue
        if mention.kind == "place" and i > 0:
            continue  # a country speaks only as the subject that opens the sentence ("China said")
        prev = out[max(0, mention.start - 15) : mention.start].split()
        if prev and prev[-1].lower() in _PREPOSITIONS:
            continue
        nxt = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
        if nxt is not None and out[mention.end : nxt.start].strip().startswith(("and ", "or ")) | (
            out[mention.end : nxt.start].strip() in ("and", "or")
        ):
            return None  # "Bill Clinton and Hillary Clinton both spoke, urging ...": two speakers
        found = (mention.start, _Ref("entity", entity=mention.entity))
        break
    m = _SUBJECT_PRONOUN_RE.match(out)
    if m and m.start(1) < before and (found is None or m.start(1) < found[0]):
        return m.start(1), _Ref("pronoun", text=m.group(1).lower())
    intro = _INTRO_RE.match(out)
    np = _role_np_after(out, intro.end() if intro else 0)
    if np and (found is None or (intro.end() if intro else 0) < found[0]) and np[0] < before:
        return (intro.end() if intro else 0), np[1]
    return found


_SUBJECT_PRONOUN_RE = re.compile(r"^\W*(?:[A-Z][\w\s]{0,40},\s*)?([Hh]e|[Ss]he|[Tt]hey)\b")
_INTRO_RE = re.compile(
    r"^(?:In|On|At|After|Before|During|Earlier|Later|Meanwhile|However|Still|Asked|Speaking|Last|This|Since|"
    r"While|When|For|From|With|Despite|Amid|Yet|But|And|Now|Then|Today|Yesterday)\b[^,]{0,40},\s*"
)


# --- frames in one sentence ------------------------------------------------------------


def _ends_after(out: str, end: int) -> bool:
    """Whether nothing but adverbials and punctuation follow `end`."""
    return bool(_TRAILING_REST_RE.match(out, end))


def _last_char(out: str, end: int) -> str:
    """The last non-space character before `end` ("" at the start)."""
    while end > 0 and out[end - 1] == " ":
        end -= 1
    return out[end - 1] if end else ""


def _after_quote(out: str, start: int) -> bool:
    """Whether a closing quotation mark (and maybe a comma) stands right before `start`."""
    while start > 0 and out[start - 1] == " ":
        start -= 1
    if start and out[start - 1] == ",":
        start -= 1
    return bool(start) and out[start - 1] == '"'


def _frames(sent: _Sent) -> list[_Frame]:
    """Every candidate frame of a sentence: according-to, cue verbs, medium phrases, dashes."""
    out = sent.out
    frames: list[_Frame] = []
    for m in _ACCORDING_RE.finditer(out):
        found = _speaker_after(sent, m.end())
        if found:
            end, ref, role = found
            at_start = not re.search(r"[A-Za-z]", out[: m.start()].replace(INSIDE, ""))
            side = "after" if at_start else ("before" if _ends_after(out, end) else "both")
            frames.append(_Frame(0, m.start(), ref, "according to", m.start(), end, True, side, role))
    for start, end, low in sent.cues:
        frame = _cue_frame(sent, start, end, low)
        if frame is not None:
            frames.append(frame)
    if "quoted" in out:
        for m in _QUOTED_AS_RE.finditer(out):
            found = _speaker_after(sent, m.start(1))
            if found is None:
                np = _role_np_after(out, m.start(1))
                found = (np[0], np[1], "") if np else None
            if found and found[0] <= m.end(1) + 1:
                frames.append(
                    _Frame(
                        0,
                        m.start(),
                        found[1],
                        "quoted as saying",
                        m.start(),
                        m.end(),
                        False,
                        "after",
                        found[2],
                    )
                )
    medium = _IN_MEDIUM_RE.match(out)
    if medium:
        found = _speaker_after(sent, medium.end())
        if found is None:
            # "In a statement, Biden's campaign called ...": a possessive-led noun phrase.
            np = _role_np_after(out, medium.end())
            found = (np[0], np[1], "") if np else None
        if found:
            end, ref, role = found
            during = medium.group(0).lower().lstrip().startswith("during")
            cue = None if during else "in a " + medium.group(1)
            frames.append(_Frame(1, medium.start(), ref, cue, medium.start(), end, False, "after", role))
    dash = _DASH_FRAME_RE.search(out)
    if dash:
        found = _speaker_after(sent, dash.end())
        if found and _ends_after(out, found[0]):
            frames.append(
                _Frame(0, dash.start(), found[1], None, dash.start() + 1, found[0], False, "before", found[2])
            )
    return frames


def _cue_frame(sent: _Sent, cue_start: int, word_end: int, low: str) -> _Frame | None:
    """The frame around one cue word, or None when the word reports no speech here."""
    out = sent.out
    if low in PHRASAL_CUES and not out.startswith(" out", word_end):
        return None
    cue_end = word_end + (4 if low in PHRASAL_CUES else 0)
    cue = out[cue_start:cue_end].lower()
    if low in _PASSIVE_FORMS and _BE_TAIL_RE.search(out, max(0, cue_start - 12), cue_start):
        return None  # "he was told", "is said to": the subject is not the speaker
    window = out[max(0, cue_start - 25) : cue_start]
    if ("n" in window or "fused" in window) and _NEGATED_RE.search(window):
        return None  # "has not said whether", "declined to say": nothing is reported
    rest = out[cue_end : cue_end + 90]
    if low in QUOTE_FRAME_CUES and not _QUOTE_SOON_RE.match(rest) and not _CALL_ON_RE.match(rest):
        return None  # "called the plan" reports speech only with the words quoted
    if low in _NOUN_LIKE_CUES:
        space = out.rfind(" ", 0, max(0, cue_start - 1)) + 1
        if out[space : cue_start - 1].lower() in _POSSESSIVE_DETS:
            return None  # "in a post", "the statement": a noun
        trailing = _ends_after(out, cue_end) and "," in out[max(0, cue_start - 60) : cue_start]
        clause = low in _CLAUSE_WEAK_CUES and _BARE_CLAUSE_RE.match(rest)
        if (
            not _COMPLEMENT_RE.match(rest)
            and not _after_quote(out, cue_start)
            and not trailing
            and not clause
        ):
            return None
    before = _speaker_before(sent, cue_start)
    if before is None and _COORDINATED_RE.search(out, max(0, cue_start - 8), cue_start):
        # "Clinton's campaign welcomed the news but said ...": the first verb's subject.
        subj = _main_subject(sent, cue_start)
        if subj:
            before = (cue_start, subj[1], "")
    if before:
        start, ref, role = before
        if _after_quote(out, start) and not _COMPLEMENT_RE.match(rest):
            # `"...," Graziani highlights` / `"...," he told reporters, drawing laughter.`
            # (but `On "Meet the Press," the governor insisted that ...` reports what follows)
            return _Frame(0, cue_start, ref, cue, start, cue_end, False, "before", role)
        narration_before = _ASCII_LETTER_RE.search(out, 0, start)
        comma_before = _last_char(out, start) == ","
        if (
            _ends_after(out, cue_end)
            and narration_before
            and (comma_before or (low not in WEAK_CUES and INSIDE in out[:start]))
        ):
            # `..., Smith said.` / `... "a disgrace" Smith said.` but not "... after Whitaker testified
            # before her committee.": without a comma or a quotation, what comes first is narration.
            return _Frame(0, cue_start, ref, cue, start, cue_end, False, "before", role)
        complement = (
            _COMPLEMENT_RE.match(rest)
            or _COMMA_QUOTE_RE.match(rest)
            or (low in _QUESTION_CUES and _WH_COMPLEMENT_RE.match(rest))
            or (low in _CLAUSE_WEAK_CUES and _BARE_CLAUSE_RE.match(rest))
        )
        if not narration_before and (
            (low not in WEAK_CUES and _ends_after(out, cue_end))
            or not _ASCII_LETTER_RE.search(_SIGNATURE_NOISE_RE.sub("", out[cue_end:]))
            or (not complement and _OBJECT_SIGNATURE_RE.match(out, cue_end))
        ):
            return _Frame(0, cue_start, ref, cue, start, cue_end, False, "before", role)  # "Blanche asked."
        if narration_before and not complement and _ends_after(out, cue_end):
            return None  # "... a day after Whitaker testified before her committee.": nothing reported
        if low in WEAK_CUES and not complement:
            if low.startswith("accus"):
                if not _ACCUSED_OF_RE.match(rest):
                    return None
            elif low in _OBJECT_CUES:
                # "Republicans questioned the timing", "Trump blamed leaks", "Democrats demanded
                # an investigation": the object is what was said.
                if not _OBJECT_RE.match(rest):
                    return None
            elif low not in _BARE_WEAK_CUES or not re.search(r"[A-Za-z]", rest):
                return None
            elif (ref.kind == "np" and " " not in ref.text.strip()) or (
                ref.entity is not None and ref.entity.kind == "unknown"
            ):
                # "Engineers expect construction to take three years": a forecast by nobody in particular.
                return None
        rank = 1
        if low in QUOTE_FRAME_CUES:
            frame = _Frame(1, cue_start, ref, cue, start, cue_end, False, "after", role)
            frame.mixed = True
            return frame
        if _WHO_OBJECT_RE.match(out[cue_end:]):
            rank = 3  # "Stoltenberg echoed Blinken who stated ...": the clause is Blinken's
        elif low in PARTICIPLE_CUES:
            rank = 2
        return _Frame(rank, cue_start, ref, cue, start, cue_end, False, "after", role)
    prefix = out[:cue_start].rstrip()
    if low in PARTICIPLE_CUES:
        # "Biden rejected the plan, saying it ...": the main clause's subject speaks.
        if prefix.endswith(",") and (low in _REPORTING_PARTICIPLES or _COMPLEMENT_RE.match(rest)):
            subj = _main_subject(sent, cue_start)
            if subj:
                return _Frame(2, cue_start, subj[1], cue, cue_start, cue_end, False, "after")
        return None
    # Inverted: `"...," said X` or `..., warns X, a professor at ...`.
    if prefix.endswith((",", '"', "—", "–")) or not prefix:
        found = _speaker_after(sent, cue_end)
        if found and found[1].kind != "pronoun":
            end, ref, role = found
            if (
                _ends_after(out, end)
                or out[end:].lstrip().startswith((',"', ', "'))
                or _RELATIVE_TAIL_RE.match(out, end)
            ):
                return _Frame(0, cue_start, ref, cue, cue_start, end, False, "before", role)
    return None


def _best_frame(frames: list[_Frame]) -> _Frame | None:
    if not frames:
        return None
    return min(frames, key=lambda f: (f.rank, f.position))


# --- resolution --------------------------------------------------------------------------


# Cues that answer someone: the speaker is not whoever spoke just before.
_REPLY_CUES = frozenset(
    """replied replies responded responds answered answers countered counters retorted retorts
    rebutted""".split()
)
# Role nouns that give their referent's gender.
_GENDERED_HEADS = {
    "wife": "f",
    "mother": "f",
    "daughter": "f",
    "sister": "f",
    "woman": "f",
    "congresswoman": "f",
    "spokeswoman": "f",
    "chairwoman": "f",
    "councilwoman": "f",
    "assemblywoman": "f",
    "husband": "m",
    "father": "m",
    "son": "m",
    "brother": "m",
    "man": "m",
    "congressman": "m",
    "spokesman": "m",
    "chairman": "m",
    "councilman": "m",
    "assemblyman": "m",
}


def _may_be(ent: _Entity, head: str) -> bool:
    """Whether what the article says of a person leaves room for a role noun ("the Utah Republican")."""
    if head in PARTY_NOUNS:
        return not ent.party or ent.party[0] == head[0].upper()
    if not ent.roles:
        return True
    vocab = ent.role_vocabulary()
    classes = {c for w in vocab for c in ROLE_NOUN_CLASSES.get(w, ())} | vocab
    return bool(classes & (set(ROLE_NOUN_CLASSES.get(head, ())) | {head}))


class _Resolver:
    """Turns a frame's reference into an entity, remembering who is salient."""

    def __init__(self, registry: _Registry, sents: list[_Sent] | None = None) -> None:
        self.registry = registry
        self.sents = sents

    def resolve(self, ref: _Ref, index: int, cue: str | None = None) -> _Entity | None:
        if ref.kind == "entity":
            return ref.entity
        if ref.kind == "pronoun":
            return self._pronoun(ref.text, index, ref.at, cue in _REPLY_CUES)
        return self._role_np(ref, index)

    def _pronoun(self, word: str, index: int, at: int = 0, reply: bool = False) -> _Entity | None:
        gender = PERSON_PRONOUNS.get(word)
        pool = [e for e in self.registry.entities if e.seen[0] >= 0 and e.seen[0] < index]
        if self.sents is not None and word in PERSON_PRONOUNS:
            # "Chair Phyllis Randall defended the deal, which she said ...": an antecedent in the sentence.
            here = [
                m.entity
                for m in self.sents[index].mentions
                if m.end < at
                and not m.possessive  # "Taiwan's new president ..., after he": a modifier
                and isinstance(m.entity, _Entity)
                and m.entity.kind == "person"
                and m.entity.gender in (None, gender)
            ]
            if here:
                return here[0]
        if word in PERSON_PRONOUNS:
            people = [e for e in pool if e.kind == "person" and e.gender in (None, gender)]
            # The most recent person; at equal recency one whose name says he/she fits.
            if reply:
                # "One reporter asked ..." + `"...," she replied`: whoever replies is not the asker.
                people = [e for e in people if e.spoke != index - 1] or people
            return max(people, key=lambda e: (e.seen[0], e.gender == gender, e.seen[1]), default=None)
        recent = [e for e in pool if index - e.seen[0] <= 3]
        if word == "they":
            groups = [e for e in recent if e.kind in ("org", "group")]
            found = max(groups, key=lambda e: e.seen, default=None)
            if found is None and self.sents is not None:
                # "Trump's lawyers have argued ... In their opening, they told jurors": a plural subject.
                for back in range(index - 1, max(-1, index - 3), -1):
                    np = _role_np_after(self.sents[back].out, 0)
                    if np and np[1].head in PLURAL_ROLE_HEADS:
                        return self.registry.unnamed(np[1].text, np[1].head)
            return found
        orgs = [e for e in recent if e.kind == "org"]
        return max(orgs, key=lambda e: e.seen, default=None)

    def _role_np(self, ref: _Ref, index: int) -> _Entity | None:
        head = ref.head.lower()
        text = ref.text.strip()
        if text[:1].isupper() and " " not in text:
            # "Justice, 73, vowed": a surname that is also a role noun names the person.
            people = self.registry.by_last(text.lower())
            if people:
                return max(people, key=lambda e: e.seen)
        if ref.owner is not None and ref.owner.kind == "person":
            # "Israeli Prime Minister Benjamin Netanyahu's office": named after its owner.
            tail = re.split(r"['’]s\s+", ref.text)[-1]
            return self.registry.unnamed(f"{ref.owner.name}'s {tail}", head)
        if (
            ref.definite
            and head not in PLURAL_ROLE_HEADS
            and not ref.text.lower().startswith(("his ", "her "))
        ):
            if head in ORG_HEADS:
                orgs = [e for e in self.registry.entities if e.kind == "org" and head in e.name.lower()]
                if not orgs and ref.text.lower() == "the " + head:
                    # "the group", "the company": the organisation the last sentences named.
                    orgs = [
                        e for e in self.registry.entities if e.kind == "org" and 0 <= index - e.seen[0] <= 2
                    ]
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
                and 0 <= index - e.seen[0] <= _DEFINITE_REACH
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
                and 0 <= index - e.seen[0] <= _DEFINITE_REACH
            ]
            want = _GENDERED_HEADS.get(head)
            if want:
                # "His wife said", "the congresswoman said": the description gives the gender.
                recent = [e for e in recent if e.gender in (None, want)]
                if ref.text.lower().startswith(("his ", "her ")):
                    owner = self._pronoun(
                        ref.text.split()[0].lower().replace("his", "he").replace("her", "she"), index
                    )
                    recent = [e for e in recent if e is not owner]
            last = [e for e in recent if e.spoke == index - 1 and _may_be(e, head)]
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
            if recent:
                # News style gives new facts by description ("the Indiana governor"): the person
                # the story is about, unless what it already said of them rules the role out.
                ent = max(recent, key=lambda e: (e.salience, _may_be(e, head), e.seen))
                ent.aliases.add(ref.text)
                return ent
        return self.registry.unnamed(ref.text, head)

    def _person_by_role(self, ref: _Ref, index: int) -> _Entity | None:
        head = ref.head.lower()
        wanted = set(ROLE_NOUN_CLASSES.get(head, ())) | {head}
        mods = {m.lower().rstrip(".").replace("’s", "").replace("'s", "") for m in ref.modifiers}
        best: tuple[tuple[int, int, int], _Entity] | None = None
        for ent in self.registry.entities:
            if ent.kind not in ("person", "unknown"):
                continue
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
            key = (mod_hits, 1, ent.seen[0])
            if best is None or key > best[0]:
                best = (key, ent)
        return best[1] if best else None


# --- the entry point ----------------------------------------------------------------------


def _letters(text: str) -> int:
    return len(_LETTER_RE.findall(text))


# What stands between a cue and its content: "that", a colon, or a short adverbial and a
# colon ("replied on X: \"...\"", "said in a statement: \"...\"").
_LEAD_IN_RE = re.compile(r"\s*(?:,\s*)?(?:[^\"_:;.]{0,40}:|that\b|:)?")


def _content(sent: _Sent, frame: _Frame) -> tuple[str, str]:
    """(content text, masked content) on the frame's content side."""
    text, out = sent.text, sent.out
    pieces: list[tuple[int, int]] = []
    if frame.content_side in ("before", "both"):
        pieces.append((0, frame.start))
    if frame.content_side in ("after", "both"):
        after = frame.end
        m = _LEAD_IN_RE.match(out, after)
        pieces.append((m.end() if m else after, len(text)))
    if frame.content_side == "before" and re.match(r'\s*[,:]?\s*"_', out[frame.end :]):
        pieces.append((frame.end, len(text)))  # `"A," X said, "B."`
    content = " ".join(text[a:b] for a, b in pieces)
    masked = " ".join(out[a:b] for a, b in pieces)
    return content.strip(" ,;:-–—\"“”'‘’").strip(), masked


def _kind(frame: _Frame, masked: str) -> Kind:
    if frame.according:
        return "according"
    if INSIDE not in masked:
        return "indirect"
    if frame.mixed:
        return "mixed"
    outside = _letters(masked.replace(INSIDE, ""))
    if outside <= 2 and frame.content_side == "after" and not masked.lstrip(" ,:").startswith('"'):
        return "mixed"  # `he insisted that it "would not ..."`: reported words around a fragment
    return "direct" if outside <= 2 else "mixed"


def attribute(doc: Document) -> tuple[list[tuple[Attribution, ...]], list[Speaker]]:
    """Per-sentence attributions, main first (parallel to `doc.sentences`), and the article's speakers."""
    body = doc.body
    scans: dict[int, tuple[int, QuoteScan]] = {}
    sents: list[_Sent] = []
    for s in doc.sentences:
        if s.paragraph not in scans:
            p_start, p_end = doc.paragraphs[s.paragraph]
            scans[s.paragraph] = (p_start, scan_quotes(body[p_start:p_end]))
        p_start, scan = scans[s.paragraph]
        rel = s.start - p_start
        out = scan.mask[rel : rel + len(s.text)]
        mentions = find_mentions(out)
        if s.index == 0 or rel == 0:
            dateline = _DATELINE_RE.match(out)
            if dateline:  # "WASHINGTON (AP) —" names a place and an agency, not a speaker
                mentions = [m for m in mentions if m.start >= dateline.end()]
        sents.append(_Sent(s.index, s.paragraph, s.text, out, rel, mentions))

    registry = _Registry()
    registry.build(sents)
    resolver = _Resolver(registry, sents)

    for sent in sents:
        sent.frame = _best_frame(_frames(sent)) if _find_cues(sent) else None
        if sent.frame is not None:
            speaker = resolver.resolve(sent.frame.ref, sent.index, sent.frame.cue)
            if speaker is not None:
                if speaker.kind == "unknown" and sent.frame.ref.kind == "entity":
                    speaker.kind = "person"
                if sent.frame.role:
                    speaker.add_role(sent.frame.role, 3, sent.index)
                sent.speaker = speaker
        _update_salience(sent)

    _split_fragments(sents)
    _dash_lines(sents)
    _spread_quotes(sents, scans, doc)
    return _finish(sents, registry)


def _find_cues(sent: _Sent) -> bool:
    """Collect the sentence's cue words; False when no frame can exist (the common case)."""
    out = sent.out
    found = _ALL_CUES.intersection(_LOWER_WORD_RE.findall(out))
    cues: list[tuple[int, int, str]] = []
    for word in found:
        at = out.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not out[at - 1].isalpha()) and (end == len(out) or not out[end].isalpha()):
                cues.append((at, end, word))
            at = out.find(word, end)
    cues.sort()
    sent.cues = cues
    return bool(sent.cues) or "ccording to" in out or out.startswith(("In ", "During ")) or '"' in out


def _update_salience(sent: _Sent) -> None:
    counted: set[int] = set()
    for rank, mention in enumerate(sent.mentions):
        ent = mention.entity
        if isinstance(ent, _Entity) and ent.kind in ("person", "org", "unknown", "group"):
            key = (sent.index, -rank - 1)
            if key > ent.seen:
                ent.seen = key
            if id(ent) not in counted:
                counted.add(id(ent))
                ent.salience += 1
    if sent.speaker is not None:
        sent.speaker.seen = (sent.index, 0)
        sent.speaker.spoke = sent.index
        sent.speaker.salience += 1  # speaking makes someone what the story is about


def _split_fragments(sents: list[_Sent]) -> None:
    """ "Sen. Tim Scott, R-S." + "C., said the Fed ...": a sentence cut inside an abbreviation."""
    for prev, sent in zip(sents, sents[1:], strict=False):
        frag = _FRAGMENT_RE.match(sent.out)
        if not frag or sent.speaker is not None or prev.paragraph != sent.paragraph:
            continue
        people = [m for m in prev.mentions if m.kind == "person" and isinstance(m.entity, _Entity)]
        if not people:
            continue
        ent = people[-1].entity
        cue_end = frag.end()
        sent.frame = _Frame(1, frag.start(1), _Ref("entity", entity=ent), frag.group(1).lower(), 0, cue_end)
        sent.speaker = ent


_FRAGMENT_RE = re.compile(r"(?:[A-Z]\.)+,?\s+(said|says|told|added|argued|warned|wrote|noted|stated)\b")


def _dash_lines(sents: list[_Sent]) -> None:
    """A line "— Name, role" after a quote signs that quote."""
    for prev, sent in zip(sents, sents[1:], strict=False):
        dash = _DASH_LINE_RE.match(sent.out)
        if not dash or prev.speaker is not None or not _quote_only(prev):
            continue
        found = _speaker_after(sent, dash.end())
        if found and _ends_after(sent.out, found[0]) and found[1].kind == "entity":
            sent.frame, sent.speaker = None, None
            prev.speaker = found[1].entity
            if found[2] and prev.speaker is not None:
                prev.speaker.add_role(found[2], 3, sent.index)
            prev.frame = _Frame(0, 0, found[1], None, 0, 0, False, "quote")


def _quote_only(sent: _Sent) -> bool:
    return INSIDE in sent.out and _letters(sent.out.replace(INSIDE, "")) <= 2


def _spread_quotes(sents: list[_Sent], scans: dict[int, tuple[int, QuoteScan]], doc: Document) -> None:
    """Give multi-sentence quotes and quote-only paragraphs the speaker named at either end."""
    # Group sentences covered by one quotation (chained across paragraphs left open).
    groups: list[list[int]] = []
    open_group: list[int] | None = None
    by_paragraph: dict[int, list[_Sent]] = {}
    for sent in sents:
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    for p in sorted(by_paragraph):
        p_sents = by_paragraph[p]
        _, scan = scans[p]
        for r_i, (a, b) in enumerate(scan.regions):
            members = [s.index for s in p_sents if s.offset < b and s.offset + len(s.text) > a]
            if not members:
                continue
            if r_i == 0 and open_group is not None and a <= 1:
                open_group.extend(i for i in members if i not in open_group)
                group = open_group
            else:
                group = list(members)
                groups.append(group)
            open_group = group if (scan.open_at_end and r_i == len(scan.regions) - 1) else None
        if not scan.regions:
            open_group = None
    quote_id = 0
    for group in groups:
        members = [sents[i] for i in group]
        named = [s for s in members if s.speaker is not None and s.frame is not None]
        speaker = named[0].speaker if named else None
        cue = named[0].frame.cue if named else None
        if speaker is None:
            # A quote right after an attributed sentence continues that speaker; a quote
            # followed in its paragraph by an attributed quote takes that one.
            first, last = members[0], members[-1]
            prev = sents[first.index - 1] if first.index > 0 else None
            nxt = sents[last.index + 1] if last.index + 1 < len(sents) else None
            if not all(_quote_only(s) for s in members):
                continue
            if nxt is not None and nxt.speaker is not None and nxt.frame is not None and _signature_only(nxt):
                # `"So you stole from them?"` + `Blanche asked.`: a split-off attribution signs the quote.
                speaker = nxt.speaker
                nxt.frame.content_side = "signature"
            elif (
                prev is not None
                and prev.speaker is not None
                and prev.frame is not None
                and not prev.frame.according
            ):
                speaker = prev.speaker
            elif (
                nxt is not None
                and nxt.paragraph == last.paragraph
                and nxt.speaker is not None
                and nxt.frame is not None
                and nxt.frame.content_side == "before"
            ):
                speaker = nxt.speaker
        if speaker is None:
            continue
        gid = None
        if len(members) > 1:
            quote_id += 1
            gid = quote_id
        for s in members:
            if s.speaker is None and _quote_only(s):
                s.speaker = speaker
                s.frame = _Frame(9, 0, _Ref("entity", entity=speaker), cue, 0, 0, False, "before")
                s.frame.content_side = "quote"
            if s.speaker is speaker:
                s.quote = gid


def _signature_only(sent: _Sent) -> bool:
    """Whether a sentence is nothing but an attribution ("Blanche asked.", "Machado says in the video.")."""
    frame = sent.frame
    if frame is None or frame.according or frame.content_side == "quote":
        return False
    if _ASCII_LETTER_RE.search(sent.out, 0, frame.start):
        return False
    return (
        _ends_after(sent.out, frame.end)
        or _letters(_SIGNATURE_NOISE_RE.sub("", sent.out[frame.end :])) <= 2
        or bool(_OBJECT_SIGNATURE_RE.match(sent.out, frame.end))
    )


# `Justice Elena Kagan asked Jason Murray, the lawyer for the voters.`: a signature whose
# cue has a person as object (the quotation stood in the sentence before).
_OBJECT_SIGNATURE_RE = re.compile(
    r"\s+(?:him|her|them|reporters|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"(?:,\s+[^\"_;]{1,160})?\s*[.!?]?\s*$"
)
_RELATIVE_TAIL_RE = re.compile(r",?\s+(?:who|whose|which)\s[^\"_]{0,120}[.!?]?\s*$")
_COORDINATED_RE = re.compile(r"\s(?:but|and)\s+(?:also\s+|later\s+)?$")
_SIGNATURE_NOISE_RE = re.compile(
    r"\b(?:on|in|at|to|during|after|before|told|reporters|the|a|an|interview|statement|news|conference|"
    r"briefing|speech|monday|tuesday|wednesday|thursday|friday|saturday|sunday|later|earlier|then)\b",
    re.IGNORECASE,
)


def _finish(sents: list[_Sent], registry: _Registry) -> tuple[list[tuple[Attribution, ...]], list[Speaker]]:
    attributions: list[tuple[Attribution, ...]] = []
    spoken: dict[int, _Entity] = {}
    for sent in sents:
        frame, speaker = sent.frame, sent.speaker
        if frame is None or speaker is None:
            attributions.append(())
            continue
        if frame.content_side == "quote":
            content = sent.text.strip(' "“”')
            kind: Kind = "direct"
        elif frame.content_side == "signature":
            content, kind = None, "direct"
        else:
            content, masked = _content(sent, frame)
            kind = _kind(frame, masked)
        spoken[id(speaker)] = speaker
        attributions.append(
            (Attribution(speaker.name, speaker.role, frame.cue, kind, content or None, sent.quote),)
        )
    speakers = [
        Speaker(
            e.name,
            e.role,
            tuple(sorted(a for a in e.aliases if a and a != e.name)),
            e.kind != "org" and e.kind != "place",
        )
        for e in spoken.values()
    ]
    return attributions, speakers
