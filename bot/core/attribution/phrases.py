# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Noun phrases around a cue: the speaker before or after it ("X said", "said X, a ..."),
appositions that give a role, and role nouns ("the senator") that stand for a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .entities import _GROUP_HEADS, Entity, Ref, Sent
from .lexicon import (
    CUE_BASES,
    CUE_WORDS,
    GENERIC_PERSON_HEADS,
    MEDIUM_NOUNS,
    ORG_HEADS,
    PLURAL_ROLE_HEADS,
    ROLE_HEADS,
    SOURCE_HEADS,
    STOP_CAPS,
    TITLE_MODIFIERS,
)
from .mentions import REGION_ABBR_RE, Mention
from .quotes import INSIDE
from .roles import OF_PLACE_RE, is_role_text

_NP_HEADS = ROLE_HEADS | ORG_HEADS | SOURCE_HEADS | _GROUP_HEADS | frozenset({"media", "outlet", "outlets"})
_TOKEN_RE = re.compile(r"[\w’'.&\-]+|[^\w\s]")
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
    r"for\s+(?:example|instance)|of\s+course|by\s+contrast|as\s+well|"
    r"in\s+(?:a|an|the|his|her|their|its)\s+[\w\s-]{1,30}|on\s+\w+(?:\s+\w+)?|at\s+[\w\s-]{1,30}|"
    r"\w+ly|speaking\s+[^,]{1,40}|asked\s+[^,]{1,50}|in\s+\w+|"
    r"(?:after|before|during|following|despite|amid|like|unlike|without|since|upon|while|when)\s+[^,]{1,60})\s*"
)
_WORDISH_RE = re.compile(r"[\w’']")
# A progressive cue ("is declaring that", "He's suggesting ..."), but not a topic ("are arguing about").
_ING_AT_RE = re.compile(r"[a-z]{2,}ing\b(?!\s+(?:about|over|with)\b)")
_BE_FORMS = frozenset("is are was were been be am".split())
_SKIPPABLE_APPOS_RE = re.compile(
    r"\d{1,3}$|[a-z]+ing\b|who\b|which\b|whose\b|[DRI]-|[a-z]+ed\b|[a-z]+\s+by\b"
)
_APPOS_AFTER_RE = re.compile(
    r"\s*,\s+(?:\d{1,3},\s+)?(?!who\b|which\b|and\b|but\b|as\b|adding\b|saying\b)((?:[^,;\"_()]|,(?=\d)){2,200}?)"
    r"\s*(?=,(?!\d)|;|\.\s*$|\.?\s*[\"”]|$)"
)
_PARTY_AFTER_RE = re.compile(r"\s*(?:\(\s*[DRI](?:-[^)]{1,25})?\)|,\s+[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,?)")
PREPOSITIONS = frozenset(
    """
    with to of for by from on in at about against between among than like without into over under
    across through toward towards upon within despite amid during since until
    """.split()
)
# Words that open a speaker's postmodifier ("people familiar with", "officials briefed on").
_NP_PREPS = frozenset(
    "for at of from with to in on close familiar briefed involved knowledgeable aware".split()
)
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


# --- noun phrases around a cue ---------------------------------------------------------


@lru_cache(maxsize=4096)
def _is_modifier(word: str) -> bool:
    """Whether a word can modify a role noun: "state emergency officials", "arms control experts"."""
    low = word.lower()
    if (low in CUE_WORDS and low not in CUE_BASES) or low in _NP_STOP or low in _VERBISH:
        return False
    if low in PREPOSITIONS or low in _PRONOUNS:
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


def after_preposition(out: str, start: int, participle: bool = False) -> bool:
    """Whether the word before `start` (past an article) is a preposition ("of Father Hamel"),
    or with `participle` also an -ing form ("after meeting Senator Ryan")."""
    words = out[max(0, start - 20) : start].split()
    if words and words[-1].lower() in ("the", "a", "an"):
        words = words[:-1]
    if not words:
        return False
    return words[-1].lower() in PREPOSITIONS or (participle and words[-1].endswith("ing"))


def _role_np_before(out: str, end: int) -> tuple[int, Ref] | None:
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
    return start, Ref("np", text=out[start:end], head=head, definite=definite, modifiers=mods)


def role_np_after(out: str, pos: int) -> tuple[int, Ref] | None:
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
    return end, Ref("np", text=out[pos:end], head=head, definite=definite, modifiers=mods)


def _strip_aux(out: str, end: int) -> int:
    """Move `end` left over auxiliaries, adverbs and comma- or dash-fenced adverbials before a cue."""
    # "is declaring that", "He's suggesting that": a progressive cue takes a form of "be" too.
    progressive = bool(_ING_AT_RE.match(out, end))
    while True:
        while end > 0 and out[end - 1] == " ":
            end -= 1
        if end and out[end - 1] == ",":
            # ", however," / ", in a statement," / ", on Tuesday," / ", after the rally,"
            prev = out.rfind(",", max(0, end - 70), end - 1)
            if prev >= 0 and _FENCED_ADVERBIAL_RE.fullmatch(out, prev + 1, end - 1):
                end = prev
                continue
            return end
        if end and out[end - 1] in "—–":
            # "Murphy — after a knock on wood — told me": a dash-fenced aside before the cue.
            lo = max(0, end - 200)
            opening = max(out.rfind("—", lo, end - 1), out.rfind("–", lo, end - 1))
            if opening > 0 and '"' not in out[opening:end] and _WORDISH_RE.search(out, opening, end):
                end = opening
                continue
            return end
        space = out.rfind(" ", 0, end) + 1
        word = out[space:end]
        low = word.lower()
        if low in _AUX_WORDS or (low.endswith("ly") and word.islower() and len(word) > 4):
            end = space
            continue
        if progressive and low in _BE_FORMS:
            end = space
            continue
        if progressive and low.endswith(("'s", "’s")) and len(low) > 2:
            end -= 2
            return end
        chain = _CHAIN_BEFORE_CUE_RE.search(out, max(0, end - 60), end)
        if chain and chain.end() == end:
            # "He went on to say", "Trump in his announcement speech called": the subject is
            # before the verb chain or the medium.
            end = chain.start()
            continue
        time = _TIME_BEFORE_CUE_RE.search(out, max(0, end - 30), end)
        if time and time.end() == end:
            end = time.start()  # "Hillary Clinton on Tuesday said", "Smith last week said"
            continue
        if low == "as" and out[max(0, space - 12) : space].lower().endswith("quoted "):
            end = out.rfind(" ", 0, space - 8)  # "was quoted as saying"
            end = max(out.rfind(" ", 0, end), 0)
            continue
        return end


_CHAIN_BEFORE_CUE_RE = re.compile(
    r"\s(?:(?:went|goes|go|going)\s+on|continued|continues|began|begins|proceeded|proceeds|tried|tries"
    r"|sought|seeks|decided|decides|moved|rushed|hastened|took\s+(?:the\s+)?(?:time|opportunity|occasion)"
    r"|(?:went|goes|go)\s+out\s+of\s+(?:his|her|their|its)\s+way|took\s+pains|made\s+(?:it\s+)?a\s+point"
    r"|(?:was|is|were|are|been)\s+(?:quick|eager|careful|happy|willing|ready|correct|right|keen|at\s+pains"
    r"|the\s+first|among\s+the\s+first|the\s+last|not\s+shy|not\s+afraid))"
    r"\s+to"
    r"|\s(?:in|during|at|on)\s+(?:his|her|their|its|a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + "|".join(sorted((m.replace(" ", r"\s+") for m in MEDIUM_NOUNS), key=len, reverse=True))
    + r")"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TIME_BEFORE_CUE_RE = re.compile(
    rf"\s(?:on\s+(?:{_WEEKDAYS})|(?:{_WEEKDAYS})|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|in\s+the\s+past|"
    r"(?:yesterday|today|tonight)|(?:(?:less|more)\s+than\s+)?(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)"
    r"\s+(?:hours?|days?|weeks?|months?|years?)\s+ago)\s*$"
)
_OF_AFFILIATION_RE = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.&'’\- ]{1,60}")
# "..., Andrew Pincus of the law firm Mayer Brown": whatever follows the name in its apposition.
_AFFILIATION_TAIL_RE = re.compile(r"\s+(?:of|from|at|with)\s+[\w.&'’\- ]{1,60}")
_AT_PLACE_RE = re.compile(r"\b(?:at|in)\s+$")
_BY_AGENT_RE = re.compile(r"\s[a-z]+ed\s+by\s+(?:the\s+)?$")
_PREP_BEFORE_RE = re.compile(r"\b(?:for|of|at|with|to|in|from)\s+(?:the\s+)?$")
# Role heads that name people, for a noun phrase around a name ("a spokesman for Smith").
_PERSON_NP_HEADS = ROLE_HEADS - ORG_HEADS - SOURCE_HEADS
_PARTITIVE_RE = re.compile(
    r"(?:^|(?<=[\s\"(]))(?:[Oo]ne|[Ss]ome|[Tt]wo|[Ss]everal|[Mm]any|[Mm]ost|[Ee]ach|[Aa]ll|[Nn]one|[Bb]oth)"
    r"\s+of\s+(?:them|those|these)$"
)
# A short quoted title closing an apposition (its comma masked inside the quotation).
_TITLE_TAIL_RE = re.compile(rf'\s"[{INSIDE} ]{{1,50}}"\s*$')
_APPOS_OPENERS = frozenset(
    "the a an his her their its of from another fellow former longtime also now one at".split()
)


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
        titled = _TITLE_TAIL_RE.search(out, max(0, end - 70), end)
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
        if REGION_ABBR_RE.fullmatch(seg):
            # "speaking in Wilmington, N.C., warned": the state is one segment with its town.
            prev = out.rfind(",", max(0, prev - 170), prev)
            if prev < 0:
                break
            seg = out[prev + 1 : seg_end].strip(" ,")
        name_end = len(out[:prev].rstrip())
        if out[name_end - 1 : name_end] == ")":
            # "Sen. Rob Portman (R-Ohio), another vulnerable incumbent, said"
            opened = out.rfind("(", max(0, name_end - 30), name_end)
            name_end = len(out[:opened].rstrip()) if opened >= 0 else name_end
        if not any(
            m.end == name_end and not m.possessive and isinstance(m.entity, Entity) and m.kind != "place"
            for m in sent.mentions
        ):
            break
        first = seg.split()[0]
        opener = first.lower() in _APPOS_OPENERS or first.endswith(("'s", "’s")) or first.isdigit()
        # "Sanders, meanwhile, who sits at zero endorsements, said": an aside is skipped too.
        if not (
            opener
            or is_role_text(seg)
            or _SKIPPABLE_APPOS_RE.match(seg)
            or _FENCED_ADVERBIAL_RE.fullmatch(seg)
        ):
            break
        if not role and (
            is_role_text(seg) or first.lower() in ("the", "a", "an") or first.endswith(("'s", "’s"))
        ):
            role = re.sub(r",([\"”])$", r"\1", sent.text[prev + 1 : end].strip(" ,")) if titled else seg
        end = prev
    return end, role


_PUBLISHING_VERBS = frozenset(
    "released issued posted published aired ran tweeted shared unveiled launched circulated sent".split()
)
_DOCUMENT_HEADS = SOURCE_HEADS | MEDIUM_NOUNS
_THAT_RELATIVE_RE = re.compile(r"\s+(?:that|which)\s*$")
_AND_OTHERS_RE = re.compile(r"\s+and\s+(?:many\s+|several\s+|some\s+)?others(?:\s+who\s[^,;\"]{1,50})?\s*$")


def speaker_before(sent: Sent, end: int) -> tuple[int, Ref, str] | None:
    """The speaker named right before a cue: (start, reference, apposition role)."""
    out = sent.out
    end = _strip_aux(out, end)
    others = _AND_OTHERS_RE.search(out, max(0, end - 60), end)
    if others:
        end = others.start()  # "Edwards and others said": the one named speaks for them
    relative = _THAT_RELATIVE_RE.search(out, max(0, end - 8), end)
    if relative:
        # "released a video that said ...": the document is the cue's subject (its author speaks).
        np = _role_np_before(out, relative.start())
        verb = out[max(0, np[0] - 20) : np[0]].split()[-1:] if np else []
        if np and np[1].head in _DOCUMENT_HEADS and verb and verb[0].lower() in _PUBLISHING_VERBS:
            return np[0], np[1], ""  # not "read the report that said": a reader is no author
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
                        and (
                            mention.end == inner_end
                            or _OF_AFFILIATION_RE.fullmatch(out, mention.end, inner_end)
                            or _PARTY_AFTER_RE.fullmatch(out, mention.end, inner_end)
                        )
                        and not mention.possessive
                        and mention.kind == "person"
                    ):
                        # "Clinton's campaign manager, Robby Mook, said", "Another pollster, David
                        # Woodard of Clemson University, said": the name is the speaker.
                        return mention.start, Ref("entity", entity=mention.entity), ""
                if is_role_text(candidate) or _SKIPPABLE_APPOS_RE.match(candidate):
                    role = candidate if is_role_text(candidate) else ""
                    end = prev
    end, extra_role = _skip_appositions(sent, end, who)
    role = role or extra_role
    if out[end - 1 : end] == ")" and not _PARTY_AFTER_RE.search(out, max(0, end - 30), end):
        open_at = out.rfind("(", max(0, end - 30), end)  # "Rep. Sander Levin (Mich.), a superdelegate,"
        if open_at >= 0:
            end = len(out[:open_at].rstrip())
    if "-" in out[max(0, end - 30) : end] or out[end - 1 : end] == ")":
        party = _PARTY_AFTER_RE.search(out, max(0, end - 30), end)
        if party and party.end() == end:
            end = party.start()
    for i, mention in enumerate(sent.mentions):
        if mention.end == end and not mention.possessive and mention.entity is not None:
            if i > 0 and mention.kind != "person":
                person = sent.mentions[i - 1]
                gap = out[person.end : mention.start].strip()
                if person.kind == "person" and gap.lower() in ("of", "from", "of the", "from the"):
                    mention = person  # "Rep. Dan Goldman of New York said", "Zornick of The Nation"
            agent = _BY_AGENT_RE.search(out, max(0, mention.start - 30), mention.start)
            if agent:
                # "Judges interviewed by the AP described ...": the name is the participle's agent.
                np = _role_np_before(out, len(out[: agent.start()].rstrip()))
                if np and np[1].head in _PERSON_NP_HEADS:
                    return np[0], np[1], role
            if _PREP_BEFORE_RE.search(out, max(0, mention.start - 10), mention.start):
                # "A spokesperson for Sen. Smith said", "Lawyers for the Justice Department argued":
                # the name is inside the speaker's noun phrase, not the speaker.
                np = _role_np_before(out, end)
                if np and np[0] < mention.start and np[1].head in _PERSON_NP_HEADS:
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
    part = _PARTITIVE_RE.search(out, max(0, end - 30), end)
    if part and not who:
        # "One of them said": one of the group just named.
        return part.start(), Ref("pronoun", text="they", at=part.start()), ""
    if not who:
        space = out.rfind(" ", 0, end) + 1
        word = out[space:end]
        if word.lower() in ("he", "she", "they", "it") and (space == 0 or out[space - 1] in ' "('):
            return space, Ref("pronoun", text=word.lower(), at=space), ""
    np = _role_np_before(out, end)
    if np:
        start, ref = np
        for mention in sent.mentions:
            if mention.possessive and start <= mention.start < end and isinstance(mention.entity, Entity):
                ref.owner = mention.entity
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
        if pos < mention.start <= pos + 90 and mention.premod and mention.kind == "person":
            gap = out[pos : mention.start]
            if all(_is_modifier(w) or w.lower() in ("of", "for", "and", "the") for w in gap.split()):
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
                    and all(_is_modifier(w) or w.lower() in ("of", "for") for w in gap.split())
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
        role = ""
        appos = _APPOS_AFTER_RE.match(out, end)
        if appos and is_role_text(appos.group(1)):
            role = appos.group(1)
            end = appos.end()
        return end, Ref("entity", entity=best.entity), role
    np = role_np_after(out, pos)
    if np:
        end, ref = np
        role = ""
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
