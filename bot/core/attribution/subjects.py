# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""The subject of a sentence, as a participle cue (", saying ...") reads it: the first name
or role outside an opening adverbial ("In an interview with CNN, Trump ..."); and the name that
opens a clause before a long fenced aside ("Paul Porter, a truck driver ..., said")."""

from __future__ import annotations

import re

from .cue_sets import SAYING_FORMS
from .entities import Ref, Sent
from .lexicon import ORG_HEADS, ROLE_HEADS, SPEECH_NOUNS
from .phrases import AND_OTHERS_RE, after_preposition, role_np_after
from .quotes import INSIDE


def main_subject(sent: Sent, before: int) -> tuple[int, Ref] | None:
    """The subject at the start of the sentence, for participle cues (", saying ...")."""
    out = sent.out
    clause = _clause_subject(sent, before)
    if clause is not None:
        return clause
    found: tuple[int, Ref] | None = None
    # "In an interview with The Wall Street Journal, Trump ...", "Speaking on CNBC, Mr. Ubben ...":
    # the names in an opening adverbial are not the subject.
    opener = _OPENING_ADVERBIAL_RE.match(out)
    skip = opener.end() if opener and opener.end() < before else 0
    for i, mention in enumerate(sent.mentions):
        if mention.start >= before:
            break
        if mention.possessive or mention.entity is None or mention.start < skip:
            continue
        nxt = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
        if (
            nxt is not None
            and nxt.premod.startswith(out[mention.start : mention.end])
            and not any(w in nxt.premod for w in (" and ", ",", " or "))
            and "," not in out[mention.end : nxt.start]  # not "Lee Zeldin, Republican of New York"
        ):
            continue  # "Presumptive nominee Donald Trump": a word of the next name's premodifier
        if mention.start <= 1 and _OPENING_PARTICIPLE_RE.match(out, mention.start):
            continue  # "Facing mounting criticism, Mr. Trump ...": a participle, not a name
        if mention.kind == "place" and i > 0:
            continue  # a country speaks only as the subject that opens the sentence ("China said")
        if after_preposition(out, mention.start):
            continue
        nxt = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
        gap = out[mention.end : nxt.start].strip() if nxt is not None else ""
        if (gap.startswith(("and ", "or ")) or gap in ("and", "or")) and not AND_OTHERS_RE.match(
            out, mention.end
        ):
            return None  # "Bill Clinton and Hillary Clinton both spoke, urging ...": two speakers
        appositive = _APPOS_THEN_PRONOUN_RE.match(out, mention.end, before)
        if appositive:
            # "Along with her husband, Milo Vance, a banker, she has given ...": the name
            # restates the opener's noun; the pronoun after it is the subject.
            at = appositive.start(1)
            return at, Ref("pronoun", text=appositive.group(1).lower(), at=at)
        found = (mention.start, Ref("entity", entity=mention.entity))
        break
    m = _SUBJECT_PRONOUN_RE.match(out)
    if m is None and skip:
        m = _PRONOUN_AT_RE.match(out, skip)  # "As word of the wins rolled in, he gave a speech, predicting"
    if m and m.start(1) < before and (found is None or m.start(1) < found[0]):
        return m.start(1), Ref("pronoun", text=m.group(1).lower())
    intro = _INTRO_RE.match(out)
    opens = intro.end() if intro else skip  # where the subject may start
    np = role_np_after(out, opens)
    if (
        np
        and found is not None
        and (np[0] >= found[0] - 1 or _BEFORE_NAME_RE.fullmatch(out, np[0], found[0]))
    ):
        # "Presumptive nominee Donald Trump ...", "Former secretary of state Hillary Clinton",
        # "One early supporter, Representative Lee Zeldin, ...": the role goes with the name.
        np = None
    if (
        np
        and found is not None
        and any(m.possessive and m.start < np[0] <= m.end < found[0] for m in sent.mentions)
    ):
        # "Senator Ana Ruiz's old rival, Sen. Tom Hale, ...": the word is the
        # possessor's title, and the name in apposition is the subject.
        np = None
    if np and (found is None or opens < found[0]) and np[0] < before:
        return opens, np[1]
    return found


_APPOS_THEN_PRONOUN_RE = re.compile(
    r",\s+(?:a|an|the|his|her|their)\s[^,;\"_]{1,60},\s+(he|she|they)\s+[a-z]"
)
# ("Reached by phone, Voss said ...": a past participle and its agent or place open it too)
_OPENING_PARTICIPLE_RE = re.compile(r"[A-Z][a-z]+(?:ing\s+[a-z]|ed\s+(?:by|at|on|in|for|outside|after)\b)")
_OPENING_ADVERBIAL_RE = re.compile(
    r"^\W*(?:(?:But|And|Yet)\s+)?(?:In|On|At|After|Before|During|Following|Despite|Amid|Since|Speaking|Asked|"
    r"Appearing|Writing|Interviewed|Responding|Talking|Although|Though|While|Because|If|When|Whereas|Unless|Given|"
    r"Once|Inside|Outside|Along|Within|Throughout|Upon|Across|Like|Unlike|Until|Without|Shortly|Hours|Days|Moments|As"
    # (lower case only after "But", "And" or "Yet": "And although he thanked them, he ...")
    r"|although|though|while|when|if|because|since|after|before|once|as"
    # "Facing mounting criticism, Mr. Trump ...": an opening participle
    r"|(?!Nothing|Everything|Something|Anything)[A-Z][a-z]{2,}ing"
    # "Two weeks after Justice Scalia died, ...": a time reckoned from an event
    r"|[A-Z]\w*\s+(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:after|before|since)"
    # "Just before the flight took off, ..."
    r"|(?:Just|Only|Even|Right|Long|Soon|Not\s+long)\s+(?:before|after|as|when|since|while|until)"
    r")\b[^,;\"_]{0,140},\s*"
    # "In June 2009, after Clinton suffered a concussion, Axelrod ...": a second opener follows.
    r"(?:(?i:after|before|while|when|as|although|though|because|if|since|despite|amid|during|once|until|"
    r"unless|whereas|in|on|at)\b[^,;\"_]{0,90},\s*){0,2}"
)
# What may stand between a role and the name it describes: more of the role, or a comma.
_BEFORE_NAME_RE = re.compile(r"(?:\s+(?:[a-z-]+|of|for))*\s*,?\s*(?:[A-Z][\w.]*\.?\s+)?")
_PRONOUN_AT_RE = re.compile(r"\s*([Hh]e|[Ss]he|[Tt]hey)\b")
_SUBJECT_PRONOUN_RE = re.compile(
    r"^\W*(?:[A-Z][\w\s]{0,40},\s*|(?:Then|But|And|So|Now|Later|Still|Yet|Instead)\s+)?([Hh]e|[Ss]he|[Tt]hey)\b"
)
_INTRO_RE = re.compile(
    r"^(?:In|On|At|After|Before|During|Earlier|Later|Meanwhile|However|Still|Asked|Speaking|Last|This|Since|"
    r"While|When|For|From|With|Despite|Amid|Yet|But|And|Now|Then|Today|Yesterday)\b[^,]{0,40},\s*"
)


# A second clause with a subject of its own: "..., and the Civil Liberties Union has sued the
# city, saying ...", "...; the mayor has since ruled it out, calling ...".
_CLAUSE_OPEN_RE = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?:the\s+)?(?=[A-Z])")
_CLAUSE_VERB_RE = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|will|would|also|already|since|then|quickly|later)\s+)*"
    r"[a-z]+(?:ed|s)\b"
)


# "Mr. Okafor has courted farmers and Ms. Brandt has courted unions and vowed ...":
# "and" with no comma opens a clause too, when a named subject and its verb came before it.
_AND_CLAUSE_OPEN_RE = re.compile(r"\s(?:and|but)\s+(?=[A-Z])")


def _clause_subject(sent: Sent, before: int) -> tuple[int, Ref] | None:
    """The named subject of the last clause opened by ", and" or ";" before `before`, if its verb follows."""
    out = sent.out
    last = None
    for m in _CLAUSE_OPEN_RE.finditer(out, 0, before):
        last = m
    for m in _AND_CLAUSE_OPEN_RE.finditer(out, last.end() if last else 0, before):
        if _named_clause_before(sent, m.start()):
            last = m
    if last is None:
        return None
    for mention in sent.mentions:
        if mention.start == last.end() and mention.end < before and not mention.possessive:
            if mention.entity is not None and _CLAUSE_VERB_RE.match(out, mention.end):
                return mention.start, Ref("entity", entity=mention.entity)
            return None
    return None


def _named_clause_before(sent: Sent, end: int) -> bool:
    """Whether a name followed by its verb ("Mr. Okafor has courted") stands before `end`."""
    out = sent.out
    return any(
        m.end < end and not m.possessive and m.entity is not None and _CLAUSE_VERB_RE.match(out, m.end, end)
        for m in sent.mentions
    )


# Words that hand an infinitive to an object or a noun rather than to the sentence's subject
# ("urged Hale to explain", "the best chance Ruiz has to argue", "a fund which helps X to ..."),
# and relatives that open a clause of their own between the subject and the infinitive.
_NOT_THE_SUBJECTS_RE = re.compile(
    # ("press" alone is left out: "held a press briefing to boast that" is the subject's)
    r"\b(?:press(?:es|ed|ing)|(?:forc|prompt|allow|urg|ask|encourag|push|pressur|caus|persuad|convinc|invit|challeng|requir|"
    r"want|expect|need|help|enabl|inspir|driv|compel|lead|get|leav|pay|hir|send|appoint|choos|select|nominat|"
    r"elect|nam|direct|order|instruct|authoriz|permit|tapp|recruit|assign|advis|commission)(?:e|es|s|ed|d|ing)?|"
    r"called\s+on|"
    r"calls\s+on|tell|tells|told|led|got|left|paid|sent|chose|drove|opportunit(?:y|ies)|chances?|time|ways?|"
    r"reasons?|decisions?|rights?|power|efforts?|bids?|plans?|moves?|first|last|only|failure|refusal|which|who|"
    r"whom|that|"
    # ("had so little to say", "wondered why ... to say", "tried to explain": nothing said yet)
    r"little|much|nothing|something|anything|enough|more|less|lot|why|what|how|whether|tri(?:ed|es)|trying|"
    r"sought|seeks?|attempt\w*|"
    # an adjective's infinitive ("made the result hard to dismiss", "was unable to explain")
    r"hard|easy|difficult|impossible|tough|unable|"
    # a subordinate clause with its own subject ("voted ..., after residents came to complain")
    r"after|before|because|when|while|although|though|since|until|unless|if|where)\b(?!-)"
)


def infinitive_subject(sent: Sent, cue: int) -> tuple[int, Ref, str] | None:
    """Who speaks in the infinitive right before `cue` ("Voss stood up to announce ..."): the
    sentence's subject, or the name after "for" ("an opening for Ruiz to argue"); None when a
    verb or noun between them makes it another's ("forced Ruiz to concede")."""
    verb = _WORD_AT_RE.match(sent.out, cue)
    if verb is None or _NOT_BASE_RE.search(verb.group()) or sent.out.endswith(" not to ", 0, cue):
        return None  # "respond to questions about": "to" a preposition; "decided not to seek"
    named = [m for m in sent.mentions if m.end <= cue and m.entity is not None]
    if named and sent.out[named[-1].end : cue] == " to " and sent.out.endswith(" for ", 0, named[-1].start):
        return named[-1].start, Ref("entity", entity=named[-1].entity), ""
    subj = main_subject(sent, cue)
    if subj is None:
        return None
    if any(m.start == subj[0] and sent.out[m.end : cue] == " to " for m in sent.mentions):
        # "The vote will force Ruiz to concede": the name does it, but not when only asked to
        # ("The board asked Reyes to announce the result": nothing is said yet)
        asked = _ASKED_RE.search(sent.out, max(0, subj[0] - 30), subj[0])
        return None if asked else (subj[0], subj[1], "")
    if _NOT_THE_SUBJECTS_RE.search(sent.out, subj[0], cue):
        return None
    if any(subj[0] < c < cue and w in SAYING_FORMS for c, _e, w in sent.cues):
        return None  # "Smith said it was too early to know": the infinitive is the reported clause's
    return subj[0], subj[1], ""


_WORD_AT_RE = re.compile(r"[a-z]+")
# A word no infinitive's "to" stands before, so "to" is a preposition there: an -s or -ed form
# ("respond to questions", "turned to claimed wins"); a bare form in -ss ("discuss") or a
# gerund ("has taken to urging") may follow.
_NOT_BASE_RE = re.compile(r"(?:[^s]s|ed)$")
_ASKED_RE = re.compile(
    r"\b(?:ask|urg|invit|challeng|press|pressur|push|encourag|want|expect|call(?:ed|ing|s)?\s+(?:on|upon))"
    r"\w*\s+(?:[A-Z][\w.]*\s+)*$"
)


def fenced_subject(sent: Sent, cue_start: int) -> tuple[int, Ref, str] | None:
    """ "Paul Porter, a truck driver from Ava, Mo., who backs the union, said ...": the name that
    opens the clause, whatever long aside (with quotes, clauses or dashes) stands before the cue."""
    out = sent.out
    lead = _QUOTE_OPENER_RE.match(out) or _CLAUSE_OPENER_RE.match(out)
    at = lead.end() if lead else 0
    for m in sent.mentions:
        if m.start < at:
            continue
        if m.start > at + 4 or m.possessive or m.entity is None or m.kind not in ("person", "org"):
            return None
        fence = out[m.end : m.end + 3].lstrip()
        if fence[:1] not in (",", "—", "–") or m.end >= cue_start:
            return None
        if ";" in out[m.end : cue_start] or '"_' in out[cue_start - 3 : cue_start]:
            return None
        return m.start, Ref("entity", entity=m.entity), ""
    return None


# `"...," Mr. Daniloff, now 81 and retired, said ...`: the quotation the subject follows.
_QUOTE_OPENER_RE = re.compile(r'^\W*"_[^"]*"[\s,]*')
# An adverbial before the subject: "On Monday, ", "In Des Moines, ", "But " ...
_CLAUSE_OPENER_RE = re.compile(
    r"^\W*(?:(?:On|In|At|During|After|Before|Earlier|Later|Last|This|Since|When|While|As|For|From|"
    r"Meanwhile|However|Separately|Still|Yet|But|And|So)\b[^,]{0,50},\s+|(?:But|And|Yet|So|Still)\s+)?"
)


# After an opening subject, its verb: past a party tag, an apposition and an adverb
# ("Sen. Ted Cruz (R-Tex.) never mentioned", "Rubio, the senator, hoped").
_VERB_AFTER_RE = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:\s*,[^,;\"_]{1,100},)?\s+(?:[a-z]+ly\s+)?[a-z]")


def opening_subject(sent: Sent) -> Ref | None:
    """The subject that opens a sentence and is followed by its verb ("Rubio hoped to emerge
    as ...", "On Monday, he distanced himself from ..."), or None (a quotation, an object, a
    name deep in the sentence)."""
    out = sent.out
    if INSIDE in out[:3]:
        return None  # a quotation opens it: the speaker, if any, is the pipeline's business
    found = main_subject(sent, len(out))
    if found is None:
        return None
    start, ref = found
    opener = _OPENING_ADVERBIAL_RE.match(out) or _INTRO_RE.match(out)
    lead = out[opener.end() if opener and opener.end() <= start else 0 : start]
    if len(lead.split()) > 4 or INSIDE in lead:
        return None
    end = subject_end(sent, start, ref)
    return ref if end > 0 and _VERB_AFTER_RE.match(out, end) else None


def subject_end(sent: Sent, start: int, ref: Ref) -> int:
    """Where the subject phrase `ref` found at `start` ends (-1 when no mention starts there)."""
    if ref.kind == "entity":
        return next((m.end for m in sent.mentions if m.start == start), -1)
    return start + len(ref.text)


# A subject's verb after it: an auxiliary, a word in -ed or -s that names no group ("Keller
# supporters" is a noun phrase), a common irregular past; or "who" and then a verb ("Holm
# who is looking to sell ...").
_SUBJECT_VERB_RE = re.compile(
    r"['’](?:s|ve|d|ll)\s"  # "She's hoping", "they'd"
    r"|(?P<who>\s+who)?\s+(?:[a-z]+ly\s+|also\s+|still\s+|never\s+|even\s+|long\s+ago\s+)*"
    r"(?:(?:has|have|had|is|are|was|were|will|would|could|should|can|may|might|must|does|did|do|wo|ca)n['’]t\b"
    r"|(?:has|have|had|is|are|was|were|will|would|could|should|can|may|might|must|does|did)\b"
    r"|(?!(?:and|or|as|is|its|his|this|has|was|us|plus|versus|whereas|across|less|unless|thus|news)\b)"
    r"(?P<verb>[a-z]+(?:ed|s))\b"
    r"|(?:saw|took|made|went|knew|thought|got|gave|kept|told|found|felt|left|held|brought|began|ran|won|lost|"
    r"spent|sent|stood|wrote|spoke|chose|sought|said|put|set|hit|cut|led|met|paid|fought|drew|became|came)\b)"
)
_PRONOUN_SUBJECT_AT_RE = re.compile(r"\b([Hh]e|[Ss]he|[Tt]hey)\b")
_NO_GROUP_HEADS = ROLE_HEADS | ORG_HEADS


def subject_before(sent: Sent, at: int) -> Ref | None:
    """The subject nearest before `at` that its verb follows ("..., while Mr. Holm has dwelled
    on the soaring cost of dredging": Holm, for words after "dwelled"): a name, or a
    pronoun for the resolver; None when no subject and verb stand before `at`. A name owning
    a noun of stance counts as well ("Holm's response was that ...", "In Voss's view, ...")."""
    found = subject_span_before(sent, at)
    return found[2] if found else None


def subject_span_before(sent: Sent, at: int) -> tuple[int, int, Ref] | None:
    """subject_before's subject with where its words start and end."""
    out = sent.out
    best: tuple[int, int, Ref] | None = None
    for m in sent.mentions:
        if m.end >= at:
            break
        if m.entity is None:
            continue
        if m.possessive:
            if _STANCE_OWNED_RE.match(out, m.end, at):
                best = (m.start, m.end, Ref("entity", entity=m.entity))
            continue
        bridge = _BRIDGE_RE.match(out, m.end, at)
        end = bridge.end() if bridge else m.end
        if bridge and bridge.group("apposition") and not out[: m.start].rstrip().endswith(","):
            end = m.end  # "Keller, Brandt": a list, not a name closed by its apposition's comma
        verb = _SUBJECT_VERB_RE.match(out, end)  # (the words asked about may begin with the verb)
        if (
            verb
            and (verb.group("verb") or "").lower() not in _NO_GROUP_HEADS
            # an object is no subject, but of its own relative clause ("with Holm who is looking")
            # nor after a word that opens a clause ("Since Keller began ...")
            and (
                verb.group("who")
                or (bridge and bridge.group("which"))
                or not after_preposition(out, m.start)
                or _word_before(out, m.start) in _CLAUSE_OPENERS
            )
        ):
            best = (m.start, m.end, Ref("entity", entity=m.entity))
    for p in _PRONOUN_SUBJECT_AT_RE.finditer(out, best[0] if best else 0, at):
        if _SUBJECT_VERB_RE.match(out, p.end()):
            best = (p.start(1), p.end(), Ref("pronoun", text=p.group(1).lower(), at=p.start(1)))
    return best


# Between a subject and its verb: a party tag, "and his advisers", a closing apposition
# comma ("His strategist, Tad Devine, telegraphed"), or ", which" / ", who".
_BRIDGE_RE = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s+and\s+(?:his|her|their|its)\s+[a-z]+)?"
    r"(?:(?P<which>,\s+(?:who|which)(?=\s))|(?P<apposition>,(?=\s+[a-z])))?"
)
# Words before a name that open a clause rather than govern an object.
_CLAUSE_OPENERS = frozenset("since after before until as because once while when if".split())
# A noun of stance after a possessive name, maybe past an adjective ("Holm's lasting concern").
_STANCE_OWNED_RE = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z]+\s+)?(?:"
    + "|".join(
        sorted(
            SPEECH_NOUNS
            | frozenset(
                "response responses aversion attack attacks concern concerns position stance opposition"
                " goal goals hope hopes message approach case theory agenda vision idea ideas point pitch"
                " strategy platform insistence push effort efforts bid".split()
            )
        )
    )
    + r")\b"
)


def _word_before(out: str, start: int) -> str:
    words = out[max(0, start - 12) : start].split()
    return words[-1].lower() if words else ""
