# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""The speaker phrase beside a cue: named before it, past appositions, asides and "who"
("Denise Harlow, 47, a claims specialist, said"), or after it, as an inverted cue has it
(`..., said Jo Jakobsen, a professor at ...`).

Step 3 of the pipeline, with frames.py: these find whom a cue's speaker phrase names;
phrases.py reads the noun phrases themselves.
"""

from __future__ import annotations

import re

from .cue_sets import SAYING_FORMS
from .entities import Entity, Ref, Sent
from .lexicon import MEDIUM_NOUNS, ORG_HEADS, SOURCE_HEADS
from .mentions import REGION_ABBR_RE, Mention
from .phrases import (
    FENCED_ADVERBIAL_RE,
    PERSON_NP_HEADS,
    is_modifier,
    role_np_after,
    role_np_before,
    strip_aux,
)
from .quotes import INSIDE
from .roles import OF_PLACE_RE, is_role_text

# An aside that opens with a preposition says how, not who ("with his wife beside him").
_PREP_ASIDE_RE = re.compile(r"(?:under|with|to|amid|despite|after|before|in|on|at|flanked\s+by)\s")
_GENERIC_BEFORE_RE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[a-z-]+\s+)?(man|woman|person|people|men|women)$")
_THOSE_AROUND_RE = re.compile(
    r"\b[Tt]hose\s+(?:(?:closest|close|loyal|nearest)\s+to|around|near|familiar\s+with|who\s+know)"
    r"\s+[^,;:\"_]{1,50}\s*$"
)
_STATEMENT_FROM_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?:brief|short|written|joint|new|separate|later)\s+)?"
    r"(?:statement|letter|memo|release|email|e-mail|message|post|tweet|note)\s+(?:from|by|issued\s+by)\s+$"
)
_DETERMINER_TAIL_RE = re.compile(r"\b(?:a|an|the|their|its|his|her)\s+$")
_WHO_CLAUSE_RE = re.compile(r"\s+who\s+(?![A-Z]|(?:he|she|they|I|we|you)\s)[^,;\"_]{2,80}$")
_SKIPPABLE_APPOS_RE = re.compile(
    r"\d{1,3}$|[a-z]+ing\b|who\b|which\b|whose\b|[DRI]-|[a-z]+ed\b|[a-z]+\s+by\b|clad\b"
)
_APPOS_AFTER_RE = re.compile(
    r"\s*,\s+(?:\d{1,3},\s+)?(?!who\b|which\b|and\b|but\b|as\b|adding\b|saying\b)((?:[^,;\"_()]|,(?=\d)){2,200}?)"
    r"\s*(?=,(?!\d)|;|\.\s*$|\.?\s*[\"”]|$)"
)
_REGION_AFTER_RE = re.compile(r",\s+" + REGION_ABBR_RE.pattern)
_PARTY_AFTER_RE = re.compile(r"\s*(?:\(\s*[DRI](?:-[^)]{1,25})?\)|,\s+[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,?)")
_BRACKETED_TAG_RE = re.compile(r"\s*\([A-Z][\w.\- ]{0,20}\)")  # "Anjali Verma (Labour)", "(IAS)"
_OF_AFFILIATION_RE = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.&'’\- ]{1,60}")
# "..., Andrew Pincus of the law firm Mayer Brown": whatever follows the name in its apposition.
_AFFILIATION_TAIL_RE = re.compile(r"\s+(?:of|from|at|with)\s+[\w.&'’\- ]{1,60}")
_AT_PLACE_RE = re.compile(r"\b(?:at|in)\s+$")
_BY_AGENT_RE = re.compile(r"\s[a-z]+ed\s+by\s+(?:the\s+)?$")
# A preposition right before a noun phrase (not "for": "for the unions to argue" has a
# subject; not "of": "most of the voters said" is a partitive subject).
_IN_PP_RE = re.compile(r"\b(?:at|with|to|in|into|from|on|among|across|within|throughout)\s+$")
# (past an adjective or two: "Farmers in rural Iowa said")
_PREP_BEFORE_RE = re.compile(r"\b(?:for|of|at|with|to|in|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$")
# The items of a list of names before its last ("Alabama, Georgia and ").
_LISTED_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}"
_NAME_LIST_RE = re.compile(rf"(?:{_LISTED_NAME},\s+)+(?:{_LISTED_NAME},?\s+)?(?:and|or)\s+$")
_PARTITIVE_RE = re.compile(
    r"(?:^|(?<=[\s\"(]))(?:[Oo]ne|[Ss]ome|[Tt]wo|[Ss]everal|[Mm]any|[Mm]ost|[Ee]ach|[Aa]ll|[Nn]one|[Bb]oth)"
    r"\s+of\s+(?:them|those|these)$"
)
_QUANTIFIER_SUBJECT_RE = re.compile(
    r"\W*(?:(?:But|And|Yet|Still)\s+)?(Several|Some|Many|Most)(?:\s+(?:also|still|now))?\s*$"
)
# A short quoted title closing an apposition (its comma masked inside the quotation).
_TITLE_TAIL_RE = re.compile(rf'\s"[{INSIDE} ]{{1,50}}"\s*$')
_APPOS_OPENERS = frozenset(
    "the a an his her their its of from another fellow former longtime also now one at".split()
)


def _is_place(sent: Sent, seg: str, seg_end: int) -> bool:
    """Whether the segment ending at `seg_end` is one place's name ("New Jersey")."""
    return any(m.kind == "place" and m.end == seg_end and m.name == seg for m in sent.mentions)


def _skip_appositions(sent: Sent, end: int, who: bool) -> tuple[int, str]:
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
        lo = max(0, end - 70)  # (a match holds quotation marks: a substring test first)
        titled = _TITLE_TAIL_RE.search(out, lo, end) if out.find('"', lo, end) >= 0 else None
        if titled:
            # `Joe Scarborough, host of MSNBC's "Morning Joe," suggested`: the comma that closes
            # the apposition is inside the quoted title, so the quotation ends it.
            seg_end = titled.start()
        elif out[end - 1 : end] == ",":
            seg_end = end - 1
        elif out[end : end + 1] != "," and not (who and step == 0):
            break
        prev = out.rfind(",", max(0, seg_end - 170), seg_end)
        if prev < 0:
            break
        seg = out[prev + 1 : seg_end].strip(" ,")
        if not seg or '"' in seg or INSIDE in seg or ";" in seg:
            break
        if REGION_ABBR_RE.fullmatch(seg) or _is_place(sent, seg, seg_end):
            # "speaking in Wilmington, N.C., warned", "a doctor from Trenton, New Jersey, who
            # said": the state is one segment with its town.
            prev = out.rfind(",", max(0, prev - 170), prev)
            if prev < 0:
                break
            seg = out[prev + 1 : seg_end].strip(" ,")
        if _LIST_TAIL_RE.fullmatch(seg):
            # "Anne Richards, assistant secretary for population, refugees, and migration, said":
            # the last items of a list inside the apposition; it starts at a comma further back,
            # past the list's other short items.
            for _ in range(4):
                earlier = out.rfind(",", max(0, prev - 120), prev)
                if earlier < 0:
                    break
                piece = out[earlier + 1 : prev].strip()
                prev = earlier
                if not _LIST_ITEM_RE.fullmatch(piece):
                    break
            seg = out[prev + 1 : seg_end].strip(" ,")
        name_end = len(out[:prev].rstrip())
        if out[name_end - 1 : name_end] == ")":
            # "Sen. Rob Portman (R-Ohio), another vulnerable incumbent, said"
            opened = out.rfind("(", max(0, name_end - 30), name_end)
            name_end = len(out[:opened].rstrip()) if opened >= 0 else name_end
        if not _name_ends(sent, name_end):
            break
        if _CLAUSE_THEN_NAME_RE.search(seg) and _name_ends(sent, seg_end):
            break  # "Near Voss, two clerks waited while Ray Dunn, the ex-minister, said": a clause
        first = seg.split()[0]
        opener = first.lower() in _APPOS_OPENERS or first.endswith(("'s", "’s")) or first.isdigit()
        # "Sanders, meanwhile, who sits at zero endorsements, said": an aside is skipped too.
        if not (
            opener
            or is_role_text(seg)
            or _SKIPPABLE_APPOS_RE.match(seg)
            or FENCED_ADVERBIAL_RE.fullmatch(seg)
        ):
            break
        if not role and (
            is_role_text(seg) or first.lower() in ("the", "a", "an") or first.endswith(("'s", "’s"))
        ):
            role = re.sub(r",([\"”])$", r"\1", sent.text[prev + 1 : end].strip(" ,")) if titled else seg
        end = prev
    return end, role


# A clause's conjunction and the name that opens it, ending an apparent apposition.
_CLAUSE_THEN_NAME_RE = re.compile(
    r"\b(?:while|when|whereas|because|although|though|unless|once)\s+(?:[A-Z][\w.’'-]*\s*){1,4}$"
)


def _name_or_pronoun_ends(sent: Sent, end: int) -> bool:
    """Whether a name or a personal pronoun ends at `end` ("Voss and her aides", "he and
    other challengers"; not "unions, environmental groups, and many lawmakers")."""
    return _PRONOUN_END_RE.search(sent.out, max(0, end - 5), end) is not None or _name_ends(sent, end)


_PRONOUN_END_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)$")


def _name_ends(sent: Sent, end: int) -> bool:
    """Whether a person's or an organisation's name ends at `end`, or their place of origin
    after it ("Sen. Ana Ruiz of Ohio, now a contender, proposed")."""
    for m in sent.mentions:
        if m.end == end and not m.possessive and isinstance(m.entity, Entity):
            if m.kind != "place":
                return True
            gap = sent.out[max(0, m.start - 6) : m.start]
            for word in (" of ", " from "):
                if gap.endswith(word):
                    return _name_ends(sent, m.start - len(word))
    return False


# A list's short lower-case items ("refugees") and its last ("and migration", "transit and parks").
_LIST_ITEM_RE = re.compile(r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}")
_LIST_TAIL_RE = re.compile(r"(?:[a-z][\w-]*\s+){0,2}(?:and|or)\s+" + _LIST_ITEM_RE.pattern)


# Between a person and the body they are of ("Voss of the Harbor Gazette", "Ortiz of research firm
# CastleView"): "of" or "from", an article, a few lower-case words that say what the body is.
_OF_GAP_RE = re.compile(r"(?:of|from)(?:\s+the)?(?:\s+[a-z-]+){0,3}")
_UNCLOSED_APPOS_RE = re.compile(r",\s+(?:a|an|the)\s[^,;\"_]{1,60}?\s(?:who|that)\s[^,;\"_]{1,80}$")
_UNCLOSED_WHO_RE = re.compile(
    r",\s+who\s+(?:is|was|are|were|has\s+been|had\s+been|serves\s+as|served\s+as)\s[^,;\"_]{1,80}$"
)
_UNCLOSED_ROLE_RE = re.compile(r",\s+([^,;\"_]{2,80})$")
_PARTICIPLE_OBJECT_RE = re.compile(
    r"\s(?:supporting|opposing|backing|representing|advising|covering|endorsing|challenging)"
    r"\s+(?:the\s+)?$"
)
_TO_BEFORE_RE = re.compile(r"\sto\s*$")
_QUOTE_CLOSED_RE = re.compile(r'"\s*$')
_PUBLISHING_VERBS = frozenset(
    "released issued posted published aired ran tweeted shared unveiled launched circulated sent".split()
)
_DOCUMENT_HEADS = SOURCE_HEADS | MEDIUM_NOUNS
_THAT_RELATIVE_RE = re.compile(r"\s+(?:that|which)\s*$")
# An apposition holds no quotation but a short quoted name ("wearing "Ted Cruz" campaign pins").
_NO_LONG_QUOTE_RE = re.compile(rf'[^"{INSIDE}]+(?:"{INSIDE}[{INSIDE} ]{{0,30}}"[^"{INSIDE}]*)*')
# "Edwards and others", "he and other challengers", "Voss and her aides": the one named
# speaks for a group that follows (a plural, owned or qualified).
_AND_OTHERS_RE = re.compile(
    r"\s+and\s+(?:(?:many\s+|several\s+|some\s+)?others"
    r"|(?:other|fellow|his|her|their|several|some|many)\s+(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+[a-z]s)"
    r"(?:\s+who\s[^,;\"]{1,50})?\s*$"
)


_CAUSED_TO_RE = re.compile(
    r"\b(?:prompted|prompting|led|leading|caused|spurred|drove|moved|inspired|forced|compelled)\s+"
    r"(?P<who>[^,;\"_]{2,60}?)\s+to\s*$"
)


def _org_np_before(out: str, end: int) -> bool:
    """Whether an organisation's noun phrase ("The union", "the ministry") ends at `end`."""
    np = role_np_before(out, end)
    return np is not None and np[1].head in ORG_HEADS


def _premod_from(out: str, mention: Mention, start: int) -> bool:
    """Whether the mention's premodifier is all that stands between `start` and its name
    (or, before a title the mention holds, words that qualify it: "state Sen.", "former Gov.")."""
    gap = out[start : mention.start]
    if mention.title and _TITLE_QUALIFIER_RE.fullmatch(gap):
        return True
    return bool(mention.premod) and gap.strip() == mention.premod


_TITLE_QUALIFIER_RE = re.compile(
    r"(?:(?:former|state|then|acting|deputy|retired|outgoing|incoming|late|veteran|longtime|ex-)\s*){1,2}"
)


def _word_at(out: str, at: int) -> str:
    """The word starting at `at`."""
    return out[at : _word_end(out, at)]


def _word_end(out: str, at: int) -> int:
    """Where the word starting at `at` ends."""
    space = out.find(" ", at)
    return len(out) if space < 0 else space


def speaker_before(sent: Sent, end: int) -> tuple[int, Ref, str] | None:
    """The speaker named right before a cue: (start, reference, apposition role)."""
    out = sent.out
    cue_at, end = end, strip_aux(out, end)
    caused = _CAUSED_TO_RE.search(out, max(0, end - 90), end) if out.endswith(" to", 0, end) else None
    if caused:
        # "the delay prompted Dana Whitcomb to accuse the board ...": the causative's object did it.
        for mention in sent.mentions:
            if (
                mention.end == caused.end("who")
                and mention.kind in ("person", "org")
                and not mention.possessive
            ):
                return mention.start, Ref("entity", entity=mention.entity), ""
    # (Every match holds " and ": a substring test first, the pattern only where it can match.)
    lo = max(0, end - 70)
    others = _AND_OTHERS_RE.search(out, lo, end) if out.find(" and ", lo, end) >= 0 else None
    if others and ("others" in others.group() or _name_or_pronoun_ends(sent, others.start())):
        end = others.start()  # "Edwards and others said": the one named speaks for them
    relative = _THAT_RELATIVE_RE.search(out, max(0, end - 8), end)
    if relative:
        # "released a video that said ...": the document is the cue's subject (its author speaks).
        np = role_np_before(out, relative.start())
        verb = out[max(0, np[0] - 20) : np[0]].split()[-1:] if np else []
        if np and np[1].head in _DOCUMENT_HEADS and verb and verb[0].lower() in _PUBLISHING_VERBS:
            return np[0], np[1], ""  # not "read the report that said": a reader is no author
    who = False
    low_tail = out[max(0, end - 6) : end].lower()
    if (low_tail.endswith(" who") or low_tail == "who" and end == 3) and out[end - 3 : end] != "WHO":
        # (not "The WHO said": the World Health Organization)
        who = True
        end = end - 3
        while end > 0 and out[end - 1] in " ,-–—":  # "Trump - who previously said ..."
            end -= 1
    elif low_tail.endswith(" which"):
        # "The Harbor Gazette, which argued that ...": an organisation's relative clause
        body = len(out[: end - 6].rstrip(" ,-–—"))
        if any(m.end == body and m.kind == "org" and not m.possessive for m in sent.mentions):
            who, end = True, body
    if end and out[end - 1] == ")":
        # (a long aside too: "Mayor Voss (elected at 29, after two terms on the board) says")
        open_at = out.rfind("(", max(0, end - 150), end)
        if open_at >= 0 and ")" not in out[open_at : end - 1]:
            end = len(out[:open_at].rstrip())
    role = ""
    if end and out[end - 1] == "," and not who:
        prev = out.rfind(",", max(0, end - 170), end - 1)
        if prev >= 0:
            seg_start = prev + 1
            while seg_start < end and out[seg_start] == " ":
                seg_start += 1
            candidate = out[seg_start : end - 1].rstrip()
            if candidate and _NO_LONG_QUOTE_RE.fullmatch(candidate):
                inner_end = seg_start + len(candidate)
                for mention in sent.mentions:
                    if (
                        # (its role words before it too: "His colleague, economist Lars Eklund,")
                        (mention.start == seg_start or _premod_from(out, mention, seg_start))
                        and (
                            mention.end == inner_end
                            or _OF_AFFILIATION_RE.fullmatch(out, mention.end, inner_end)
                            or _PARTY_AFTER_RE.fullmatch(out, mention.end, inner_end)
                            or _BRACKETED_TAG_RE.fullmatch(out, mention.end, inner_end)
                        )
                        and not mention.possessive
                        and mention.kind in ("person", "org", "unknown")
                    ):
                        # "Clinton's campaign manager, Robby Mook, said", "Another pollster, David
                        # Woodard of Clemson University, said": the name is the speaker; so is an
                        # organisation named after its noun ("The union, Unite, said"), which
                        # "they" may mean from then on.
                        org_noun = _org_np_before(out, prev)
                        if mention.kind != "person" and not org_noun:
                            continue
                        if org_noun and mention.entity is not None:
                            mention.entity.kind = "org"
                        return mention.start, Ref("entity", entity=mention.entity), ""
                aside = _PREP_ASIDE_RE.match(candidate)  # ("Forde, under pressure from colleagues, said")
                if aside or is_role_text(candidate) or _SKIPPABLE_APPOS_RE.match(candidate):
                    role = candidate if is_role_text(candidate) and not aside else ""
                    end = prev
    end, extra_role = _skip_appositions(sent, end, who)
    lo = max(0, end - 150)  # (every match holds "who" or "that": a substring test first)
    clause = not who and (out.find(" who ", lo, end) >= 0 or out.find(" that ", lo, end) >= 0)
    unclosed = _UNCLOSED_APPOS_RE.search(out, lo, end) if clause else None
    if clause and unclosed is None and not _TO_BEFORE_RE.search(out, max(0, end - 4), cue_at):
        # (not "Haddad, who was slow to back the levy": the relative's own verb)
        unclosed = _UNCLOSED_WHO_RE.search(out, lo, end)
    if unclosed is None and "," in out[lo:end]:
        # "Lena Voss, head of the dock workers' union stated, ...": a role
        unclosed = _UNCLOSED_ROLE_RE.search(out, lo, end)
        if unclosed is not None and not is_role_text(unclosed.group(1)):
            unclosed = None
    if unclosed:
        # `"...," Ines Dahl, the analyst who runs a polling blog wrote`, `"...," Omar Haddad, who
        # is chairman of the Harbour Fund said`: an apposition or a relative clause
        # that no comma closes; the name before it, after the quotation or opening the sentence, speaks.
        for mention in sent.mentions:
            if (
                mention.end == unclosed.start()
                and mention.kind == "person"
                and not mention.possessive
                and (
                    _QUOTE_CLOSED_RE.search(out, max(0, mention.start - 4), mention.start)
                    or not out[: mention.start].strip()
                )
            ):
                return mention.start, Ref("entity", entity=mention.entity), ""
    role = role or extra_role
    if out[end - 1 : end] == ")" and not _PARTY_AFTER_RE.search(out, max(0, end - 30), end):
        open_at = out.rfind("(", max(0, end - 30), end)  # "Rep. Sander Levin (Mich.), a superdelegate,"
        if open_at >= 0:
            end = len(out[:open_at].rstrip())
    if "-" in out[max(0, end - 30) : end] or out[end - 1 : end] == ")":
        party = _PARTY_AFTER_RE.search(out, max(0, end - 30), end)
        if party and party.end() == end:
            end = party.start()
    relative = (
        _WHO_CLAUSE_RE.search(out, max(0, end - 90), end)
        if not who
        and " who " in out
        and _word_at(out, cue_at) in SAYING_FORMS
        and not _DETERMINER_TAIL_RE.search(out, max(0, cue_at - 5), cue_at)  # ("granted a say")
        else None
    )
    if relative:
        # "A man who witnessed the crash said", "Officials who briefed reporters said": the
        # noun the relative clause restricts (not "the man who Hale said ...": its object)
        head_np = role_np_before(out, relative.start())
        if head_np and head_np[1].head in PERSON_NP_HEADS:
            return head_np[0], head_np[1], role
        generic = _GENERIC_BEFORE_RE.search(out, max(0, relative.start() - 30), relative.start())
        if generic:  # "a man who witnessed the crash": the clause is what sets him apart
            text = out[generic.start() : end].rstrip()
            return generic.start(), Ref("np", text=text, head=generic.group(1).lower()), role
    those = _THOSE_AROUND_RE.search(out, max(0, end - 70), end) if "hose " in out else None
    if those and not who:
        # "Those around the governor say", "those close to Ruiz said": the people around them
        return those.start(), Ref("np", text=out[those.start() : end].strip(), head="people"), role
    for i, mention in enumerate(sent.mentions):
        if mention.end == end and not mention.possessive and mention.entity is not None:
            j = i
            while j > 0 and mention.kind != "person":
                # "Rep. Dan Goldman of New York said", "Zornick of The Nation", "Archbishop Aris
                # Shirvanian of the Armenian Patriarchate of Jerusalem told": the person first.
                person = sent.mentions[j - 1]
                if not _OF_GAP_RE.fullmatch(out[person.end : sent.mentions[j].start].strip().lower()):
                    break
                if person.kind == "person":
                    mention = person
                j -= 1
            agent = _BY_AGENT_RE.search(out, max(0, mention.start - 30), mention.start) or (
                _PARTICIPLE_OBJECT_RE.search(out, max(0, mention.start - 30), mention.start)
            )
            if agent:
                # "A lawyer representing Ms. Voss said ...": the name is the participle's object.
                # "Judges interviewed by the AP described ...": the name is the participle's agent.
                np = role_np_before(out, len(out[: agent.start()].rstrip()))
                if np and np[1].head in PERSON_NP_HEADS:
                    return np[0], np[1], role
            lo = max(0, mention.start - 80)  # (every match ends in "and" or "or": a test first)
            joined = out.endswith(("and ", "or "), lo, mention.start)
            listed = _NAME_LIST_RE.search(out, lo, mention.start) if joined else None
            prep = listed and _PREP_BEFORE_RE.search(out, max(0, listed.start() - 10), listed.start())
            if prep:
                # "Most Republican voters in Alabama, Georgia and Virginia said": the list of
                # names is the postmodifier of the noun phrase before it, which speaks.
                np = role_np_before(out, len(out[: prep.start()].rstrip()))
                if np and np[1].head in PERSON_NP_HEADS:
                    return np[0], np[1], role
            if _PREP_BEFORE_RE.search(out, max(0, mention.start - 24), mention.start):
                # "A spokesperson for Sen. Smith said", "Lawyers for the Justice Department argued":
                # the name is inside the speaker's noun phrase, not the speaker.
                np = role_np_before(out, end)
                if np and np[0] < mention.start and np[1].head in PERSON_NP_HEADS:
                    return np[0], np[1], role
                if _AT_PLACE_RE.search(out, 0, mention.start):
                    return None  # "a news conference at Mar-a-Lago, ..., calling": a place, not a subject
            start = mention.start
            if mention.premod and mention.premod != mention.title:
                # "senior adviser Danielle Alvarez said": the title belongs to the speaker's span.
                extra = mention.premod[: -len(mention.title)].rstrip() if mention.title else mention.premod
                if extra and out[max(0, start - len(extra) - 1) : start].rstrip().endswith(extra):
                    start -= len(extra) + 1
            if out[max(0, start - 4) : start].lower() == "the ":
                start -= 4  # "the Police Officers Federation said"
            return start, Ref("entity", entity=mention.entity), role
    # (Every match ends the text, or comes before a newline that does, with "them", "those" or
    # "these": a cheap test first.)
    partitive = out.endswith(("them", "those", "these"), 0, end) or out[end - 1 : end] == "\n"
    part = _PARTITIVE_RE.search(out, max(0, end - 30), end) if partitive else None
    if part and not who:
        # "One of them said": one of the group just named.
        return part.start(), Ref("pronoun", text="they", at=part.start()), ""
    quantified = _QUANTIFIER_SUBJECT_RE.match(out[:end]) if not who and end < 30 else None
    if quantified:
        # "Judges described crowded dockets. Several said ...": some of the group just named
        return quantified.start(1), Ref("pronoun", text="they", at=quantified.start(1)), ""
    if not who:
        space = out.rfind(" ", 0, end) + 1
        if out[space : space + 1] in ("(", '"'):
            space += 1  # "(She claimed to retire.)": a parenthesis opened right before it
        word = out[space:end]
        personal = word.lower() in ("he", "she", "they", "it") or word == "I"  # ("I": the byline's author)
        if personal and (space == 0 or out[space - 1] in ' "('):
            return space, Ref("pronoun", text=word.lower(), at=space), ""
    np = role_np_before(out, end)
    if np and not who and _STATEMENT_FROM_RE.search(out, max(0, np[0] - 40), np[0]):
        # "A statement from his office said", "a letter from the mayor said": its author speaks.
        start, ref = np
        for mention in sent.mentions:
            if mention.possessive and start <= mention.start < end and isinstance(mention.entity, Entity):
                ref.owner = mention.entity  # ("a statement from Hale's office")
        return start, ref, role
    if (
        np
        and not who
        and (pp := _IN_PP_RE.search(out, max(0, np[0] - 8), np[0]))
        # (but "with one Republican calling the rules ...": an absolute clause has a subject)
        and not (pp.group().startswith("with") and out.startswith("ing", _word_end(out, cue_at) - 3))
    ):
        # "sent money to the unions expected to back him": a noun phrase inside a
        # prepositional phrase is no subject; the verb after it is a participle. (It may
        # open a relative clause: "drew fire from voters who thought ...".)
        return None
    if np:
        start, ref = np
        for mention in sent.mentions:
            if mention.possessive and start <= mention.start < end and isinstance(mention.entity, Entity):
                ref.owner = mention.entity
            elif (
                mention.end + 1 == start
                and out.startswith("the ", start)
                and not mention.possessive
                and mention.kind in ("person", "unknown")
                and isinstance(mention.entity, Entity)
            ):
                # "Voss the shipowner says ...": an apposition with no commas; the name speaks
                return mention.start, Ref("entity", entity=mention.entity), out[start:end]
        return start, ref, role
    return None


def speaker_after(sent: Sent, pos: int) -> tuple[int, Ref, str] | None:
    """The speaker named right after a cue (`..., said Jo Jakobsen, a professor at ...`)."""
    out = sent.out
    while pos < len(out) and out[pos] == " ":
        pos += 1
    the_end = pos + 4 if out.startswith(("the ", "The "), pos) else pos
    best: Mention | None = None
    for i, mention in enumerate(sent.mentions):
        if mention.possessive and mention.start == pos and mention.kind in ("place", "org"):
            following = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
            if (
                following is not None
                and following.kind == "person"
                and not following.possessive
                and not out[mention.end : following.start].strip(" ’'s")
            ):
                best = following  # "said Florida's Rick Wilson": the place owns the person
                break
        if mention.possessive or mention.entity is None:
            continue
        if mention.start in (pos, the_end):
            best = mention
            break
        # A premodifier title before the name: "said White House press secretary Karine Jean-Pierre".
        # (or a description the role list lacks before a full name: "said actress Lena Voss")
        described = " " in mention.name and mention.start <= pos + 40 and out[pos : mention.start].islower()
        if pos < mention.start <= pos + 90 and (mention.premod or described) and mention.kind == "person":
            gap = out[pos : mention.start]
            if all(is_modifier(w) or w.lower() in ("of", "for", "and", "the") for w in gap.split()):
                best = mention
                break
    if best is not None and best.start == pos:
        # "said State Department spokesperson Ned Price", "said Virginia delegate Beau Correll":
        # the org or place is a modifier of the person.
        for mention in sent.mentions:
            if mention.start > best.end and mention.start - best.end < 60:
                gap = out[best.end : mention.start]
                if (
                    mention.kind in ("person", "unknown")
                    and (best.kind != "person" or best.name in mention.premod)
                    and (mention.premod or is_role_text(gap))
                    and gap.split()
                    # ("USA TODAY contributor and monetary historian David Marsh": two roles)
                    and all(is_modifier(w) or w.lower() in ("of", "for", "and") for w in gap.split())
                ):
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
        # ("said actress Lena Voss": the description is her role)
        role = out[pos : best.start].strip()
        if best.premod or not role.islower() or role in ("the", "a", "an"):
            role = ""
        appos = _APPOS_AFTER_RE.match(out, end)
        if appos and is_role_text(appos.group(1)):
            role = appos.group(1)
            end = appos.end()
            region = _REGION_AFTER_RE.match(out, end)
            if region:
                # "a media consultant in Alexandria, Va.": the state belongs to the town.
                role = out[appos.start(1) : region.end()]
                end = region.end()
        return end, Ref("entity", entity=best.entity), role
    np = role_np_after(out, pos)
    if np:
        end, ref = np
        role = ""
        for mention in sent.mentions:
            if (
                mention.start == end + 1
                and out[end] == " "
                and mention.kind == "person"
                and not mention.possessive
            ):
                # "according to her lawyer Dan Petrov": the name the role noun runs into speaks.
                return mention.end, Ref("entity", entity=mention.entity), ref.text
        appos = _APPOS_AFTER_RE.match(out, end)
        if appos:
            inner = appos.group(1).strip()
            inner_end = appos.start(1) + len(inner)
            for mention in sent.mentions:
                if mention.start == appos.start(1) and (
                    mention.end == inner_end or _AFFILIATION_TAIL_RE.fullmatch(out, mention.end, inner_end)
                ):
                    # "said a spokesperson for the Pentagon, John Kirby": the name is the speaker.
                    return appos.end(), Ref("entity", entity=mention.entity), ref.text
        return end, ref, role
    return None
