# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Noun phrases around a cue: role nouns ("the senator", "a spokesman for the Pentagon")
that stand for a person or a group, their modifiers, and what comes before a cue (auxiliaries,
fenced adverbials). beside.py uses them to find the speaker phrase next to a cue.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .entities import _GROUP_HEADS, Ref
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
    WEEKDAYS,
)

PAIR_HEADS = frozenset({"pair", "couple", "duo"})  # two people named before ("the pair said")
_NP_HEADS = (
    ROLE_HEADS
    | ORG_HEADS
    | SOURCE_HEADS
    | _GROUP_HEADS
    | PAIR_HEADS
    | frozenset({"media", "outlet", "outlets"})
)
_SINGULAR_PARTIES = frozenset(["republican", "democrat", "independent"])
_MODALS = frozenset("would will can could should must may might".split())
# A lower-case participle, which modifies a noun only right after its article.
_PARTICIPLE_RE = re.compile(r"[a-z][a-z-]+(?:ing|ed|en)")  # (and "written", "spoken")
_TOKEN_RE = re.compile(r"[\w’'.&\-]+|[^\w\s]")
# Words that may stand between a speaker and the cue ("Biden also said", "has long argued").
_AUX_WORDS = frozenset(
    """also later previously repeatedly has have had would will could might did does do then again once
    recently reportedly publicly privately further earlier now still long often initially first
    subsequently separately already simply just flatly explicitly bluntly openly quickly immediately even
    never not ever always frequently consistently allegedly specifically directly angrily loudly quietly
    falsely correctly rightly wrongly himself herself themselves itself too nonetheless nevertheless
    meanwhile instead however though yet since both""".split()
)
FENCED_ADVERBIAL_RE = re.compile(
    r"\s*(?:however|though|too|meanwhile|in\s+turn|for\s+(?:his|her|their|its)\s+part|"
    r"for\s+(?:example|instance)|of\s+course|by\s+contrast|as\s+well|"
    r"in\s+(?:a|an|the|his|her|their|its)\s+[\w\s-]{1,60}|on\s+\w+(?:\s+\w+)?|at\s+[\w\s-]{1,30}|"
    r"\w+ly|speaking\s+[^,]{1,40}|asked\s+[^,]{1,50}|in\s+\w+|as\s+[^,]{1,50}|"
    r"(?:after|before|during|following|despite|amid|like|unlike|without|since|upon|while|when)\s+[^,]{1,60})\s*"
)
_WORDISH_RE = re.compile(r"[\w’']")
# A progressive cue ("is declaring that", "He's suggesting ..."), but not a topic ("are arguing
# about"), unless a verb of speaking that reports only with one ("is talking about").
_ING_AT_RE = re.compile(r"talking\b|[a-z]{2,}ing\b(?!\s+(?:about|over|with)\b)")
_BE_FORMS = frozenset("is are was were been be am".split())
PREPOSITIONS = frozenset(
    """
    with to of for by from on in at about against between among than like without into over under
    across through toward towards upon within despite amid during since until
    """.split()
)
# Words that open a speaker's postmodifier ("people familiar with", "officials briefed on").
_NP_PREPS = frozenset(
    "for at of from with to in on close familiar briefed involved knowledgeable aware across".split()
)
_DETS = frozenset(
    """
    the a an one two three several many some other most few both another his her their its
    """.split()
)
_NP_TAIL_STOPS = _NP_PREPS | _DETS  # no noun phrase ends in one
_NP_STOP = frozenset(
    """
    is are was were be been has have had will would could should can may might must do does did
    not and or but that which who whom whose when while if because as than said says told
    what whatever though although yet even also just only how why where whether unless
    """.split()  # (function words: "what Republicans say", "though people hailed")
)


# --- noun phrases around a cue ---------------------------------------------------------


@lru_cache(maxsize=4096)
def is_modifier(word: str) -> bool:
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
    region spectrum aisle sides parties world""".split()
)
_PRONOUNS = frozenset(
    "he she it they we i you his her its their our my your him them us me who which that".split()
)


def _np_word(word: str) -> bool:
    """Whether a word can sit in a speaker's postmodifier ("for the Pentagon", "familiar with the talks")."""
    low = word.lower()
    if is_modifier(word):
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


def _postmodifier(words: list[str]) -> bool:
    """Whether `words` can follow a head's preposition in a speaker's phrase; a cue word after
    an article or a possessive is a noun there ("familiar with the company's plans")."""
    return all(
        _np_word(w) or (k > 0 and w.lower() in CUE_WORDS and _owner_word(words[k - 1]))
        for k, w in enumerate(words)
    )


def _owner_word(word: str) -> bool:
    """An article or a possessive: what comes after it is a noun."""
    return word.lower() in _DETS or word.endswith(("'s", "’s"))


_AGE_RE = re.compile(r"\d{1,3}-year-olds?")


def _head(low: str) -> str:
    """A head noun as the role lists spell it: an age ("the 25-year-old") is "year-old"."""
    return ("year-olds" if low.endswith("s") else "year-old") if _AGE_RE.fullmatch(low) else low


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
        head_i = max((i for i, t in enumerate(body) if _head(t.lower().rstrip(".")) in _NP_HEADS), default=-1)
    if head_i < 0:
        return None
    head = _head(body[head_i].lower().rstrip("."))
    if head in GENERIC_PERSON_HEADS and head_i == 0 and len(body) == 1:
        return None
    if not det and len(body) == 1 and head in _SINGULAR_PARTIES:
        return None  # "renewed Republican calls": a bare singular party word is an adjective
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


# Bodies named without an article ("..., police said"), as plurals are.
_BARE_BODIES = frozenset(["police", "authorities", "staff", "management"])


def role_np_before(out: str, end: int) -> tuple[int, Ref] | None:
    """A role or organisation noun phrase ending at `end` ("the NATO chief", "a spokesperson for X")."""
    lo = max(0, end - 90)
    if lo and not out[lo - 1].isspace():
        space = out.find(" ", lo, end)  # (the window opens on a whole word, never on a cut one)
        lo = space + 1 if space >= 0 else end
    # The tokens cover every character but white space, so the last one ends at `end` unless
    # white space stands before it. (Their offsets are looked up only for a phrase found.)
    if end <= 0 or out[end - 1].isspace():
        return None
    words = _TOKEN_RE.findall(out, lo, end)
    n = len(words)
    # Find the head: the last word, or a head followed by a short prepositional postmodifier.
    head_at = -1
    for i in range(n - 1, max(-1, n - 10), -1):
        w = words[i]
        if not _WORDISH_RE.match(w):
            break
        low = _head(w.lower())
        if low in _NP_HEADS and (
            i == n - 1
            or (
                i + 2 < n
                and words[i + 1].lower() in _NP_PREPS
                and _postmodifier(words[i + 2 :])
                and words[-1].lower() not in _NP_TAIL_STOPS  # "people of color to support"
            )
        ):
            head_at = i
            j = i - 1
            while j >= 1 and i - j <= 3 and is_modifier(words[j]) and words[j].lower() not in _NP_PREPS:
                j -= 1  # "for the Prime Minister", "at the interior ministry": past its modifiers
            j = j - 1 if j >= 1 and words[j].lower() in _DETS else j
            if i == n - 1 and j >= 1 and words[j].lower() in _NP_PREPS:
                # "a spokesperson for the senator", "Republicans in Congress": the outer head
                # ("a source close to the aide": past the adjective that opens the postmodifier)
                k = j - 2 if j >= 2 and words[j - 1].lower() in _NP_PREPS else j - 1
                outer = words[k].lower()
                if outer in PERSON_NP_HEADS and outer not in GENERIC_PERSON_HEADS:
                    head_at = k
            break
        if low in _NP_STOP or (low in CUE_WORDS and not (i and _owner_word(words[i - 1]))):
            break
    if head_at < 0:
        return None
    start_i = head_at
    while start_i > 0 and head_at - start_i < 6:
        prev = words[start_i - 1]
        if prev.lower() in _DETS:
            start_i -= 1
            break
        if start_i >= 2 and words[start_i - 2].lower() in _MODALS and prev.islower():
            break  # "would handle longtime donors": a verb after a modal, not a modifier
        if not is_modifier(prev):
            if start_i >= 2 and words[start_i - 2].lower() in _DETS and _PARTICIPLE_RE.fullmatch(prev):
                start_i -= 2  # "a fundraising email", "a retired general": right after its article
            break
        start_i -= 1
    parsed = _np_text_head(words[start_i:], head_at - start_i)
    if parsed is None:
        return None
    text, head, definite, mods = parsed
    start = next(islice(_TOKEN_RE.finditer(out, lo, end), start_i, None)).start()
    # Unmodified bare singular nouns ("official said") are not speakers; plurals are.
    bare = start_i == head_at == n - 1 and head not in PLURAL_ROLE_HEADS and head not in _BARE_BODIES
    if bare and not head[0].isupper() and words[head_at][:1].islower():
        return None
    return start, Ref("np", text=out[start:end], head=head, definite=definite, modifiers=mods)


def role_np_after(out: str, pos: int) -> tuple[int, Ref] | None:
    """A role or organisation noun phrase starting at `pos` ("the academic", "a spokesperson for X")."""
    window_end = min(len(out), pos + 160)
    words = _TOKEN_RE.findall(out, pos, window_end)  # (offsets only for a phrase found, below)
    i = 0
    if words and words[0].lower() in _DETS:
        i = 1
    head_at = -1
    j = i
    while j < len(words) and j - i < 7:
        w = words[j]
        low = _head(w.lower().rstrip("."))
        # (a head is the last of a run of them, whatever full stop ends it: "Board figures.")
        if low in _NP_HEADS and not (j + 1 < len(words) and words[j + 1].lower().rstrip(".") in _NP_HEADS):
            head_at = j
            break
        if not is_modifier(w):
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
        while k > end_i + 1 and words[k - 1].lower() in _DETS | _NP_PREPS:
            k -= 1  # "the authors of the \"Harbour Review\"": no article or preposition ends it
        if k > end_i + 1:
            end_i = k
    parsed = _np_text_head(words[:end_i])
    if parsed is None:
        return None
    text, head, definite, mods = parsed
    last_at = next(islice(_TOKEN_RE.finditer(out, pos, window_end), end_i - 1, None)).start()
    end = last_at + len(words[end_i - 1].rstrip("."))
    return end, Ref("np", text=out[pos:end], head=head, definite=definite, modifiers=mods)


# (no clause openers such as "while": "KING-TV reported, while in Chicago ..., the ... reported")
_FENCE_AFTER_CUE_RE = re.compile(
    r",\s*(?:however|though|too|meanwhile|for\s+(?:his|her|their|its)\s+part|of\s+course|"
    r"in\s+[\w\s-]{1,40}|on\s+\w+(?:\s+\w+)?|at\s+[\w\s-]{1,30}|\w+ly),(?=\s)"
    # any aside when a complementiser follows it ("argued, as she had before, that ...")
    r"|,[^,;:\"“”]{2,60},(?=\s+(?:that|whether|why|how|if)\s)"
)


def skip_fence(out: str, at: int) -> int:
    """Past a comma-fenced adverbial right after a cue ("described, in blistering terms, a set
    of ..."), or `at` itself when none stands there."""
    m = _FENCE_AFTER_CUE_RE.match(out, at)
    return m.end() if m else at


def strip_aux(out: str, end: int) -> int:
    """Move `end` left over auxiliaries, adverbs and comma- or dash-fenced adverbials before a cue."""
    # "is declaring that", "He's suggesting that": a progressive cue takes a form of "be" too.
    progressive = bool(_ING_AT_RE.match(out, end))
    while True:
        while end > 0 and out[end - 1] == " ":
            end -= 1
        if end and out[end - 1] == ",":
            # ", however," / ", in a statement," / ", on Tuesday," / ", after the rally,"
            prev = out.rfind(",", max(0, end - 70), end - 1)
            if prev >= 0 and FENCED_ADVERBIAL_RE.fullmatch(out, prev + 1, end - 1):
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
        time = _TIME_BEFORE_CUE_RE.search(out, max(0, end - 30), end)
        if time and time.end() == end:
            end = time.start()  # "Ana Ruiz on Tuesday said", "Hale last week said"
            # (before the adverbs: "a month later" ends in one)
            continue
        space = out.rfind(" ", 0, end) + 1
        word = out[space:end]
        low = word.lower()
        if (low in _AUX_WORDS and word[:1].islower()) or (  # ("Will wrote": the columnist)
            low.endswith("ly") and word.islower() and len(word) > 4 and low not in _LY_NOUNS
        ):
            end = space
            continue
        if progressive and (low in _BE_FORMS or low in _ASPECT_VERBS):
            end = space  # ("kept pressing him on the levy": the subject is before the verb of aspect)
            continue
        if (progressive or low[:-2] in _PRONOUN_HAS) and low.endswith(("'s", "’s")) and len(low) > 2:
            # "He's suggesting that", "He's said he ...": the contracted "is" or "has" of a pronoun
            end -= 2
            return end
        if low.endswith(("'d", "’d")) and low[:-2] in _PRONOUN_HAS:
            return end - 2  # "Collins, who'd previously endorsed Bush": a contracted "had" or "would"
        chain = _CHAIN_BEFORE_CUE_RE.search(out, max(0, end - 60), end)
        if chain and chain.end() == end:
            # "He went on to say", "Trump in his announcement speech called": the subject is
            # before the verb chain or the medium ("is continuing to insist": and its "is").
            end = chain.start()
            progressive = progressive or "ing " in chain.group()
            continue
        quoted = _QUOTED_AS_RE.search(out, max(0, end - 40), end) if low == "as" else None
        if quoted:
            end = quoted.start()  # "was quoted as saying", "is quoted as saying"
            continue
        return end


# Nouns in -ly, which can end a speaker's noun phrase ("the organizer of the rally said").
_LY_NOUNS = frozenset(
    "rally ally family assembly supply reply monopoly anomaly belly bully gully jelly".split()
)
# "Netanyahu and other right-wing leaders ...", ", said Reyes and others,": the one named speaks
# for the rest.
AND_OTHERS_RE = re.compile(r"\s+and\s+(?:many\s+|several\s+|some\s+)?others?\b")
_QUOTED_AS_RE = re.compile(r"\s(?:(?:is|was|were|are|been|has\s+been|had\s+been)\s+)?quoted\s+as$")
_PRONOUN_HAS = frozenset(["he", "she", "it", "who", "that"])
_ASPECT_VERBS = frozenset("kept keeps keep continued continues began begins started starts".split())
_CHAIN_BEFORE_CUE_RE = re.compile(
    r"\s(?:(?:went|goes|go|going)\s+on|continued|continues|continuing|began|begins|beginning|started|starts"
    r"|starting|keeps|kept|proceeded|proceeds|tried|tries|trying"
    r"|seems|seemed|appears|appeared"  # "He seems to think ...": a view, hedged
    r"|sought|seeks|decided|decides|moved|rushed|hastened|took\s+(?:the\s+|an?\s+)?(?:time|opportunity|occasion|moment)"
    # "Kovac used her keynote to call for ...", "used the hearing to press"
    r"|used\s+(?:his|her|their|its|the|this|that|a|an)\s+(?:[\w-]+\s+){0,2}?(?:speech|remarks|address|appearance"
    r"|question|opportunity|platform|interview|moment|time)|used\s+it\s+as\s+an\s+opportunity"
    r"|(?:went|goes|go)\s+out\s+of\s+(?:his|her|their|its)\s+way|took\s+pains|made\s+(?:it\s+)?a\s+point"
    r"|(?:was|is|were|are|been)\s+(?:quick|eager|careful|happy|willing|ready|correct|right|keen|at\s+pains"
    r"|prompted|compelled|moved|forced|inspired|able"
    r"|the\s+first|among\s+the\s+first|the\s+last|not\s+shy|not\s+afraid)"
    # "Ruiz is said to have told the dockers ...": what others report she said
    r"|(?:is|was|are|were)\s+(?:reported|said|alleged|known))"
    r"\s+to"
    # "He began by saying, ...", "responded by calling ...": the by-phrase is how the verb was done
    r"|\s(?:began|begins|started|starts|opened|opens|ended|ends|closed|closes|responded|responds|reacted"
    r"|reacts|replied|replies)\s+by"
    r"|\s(?:in|during|at|on)\s+(?:his|her|their|its|a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + "|".join(sorted((m.replace(" ", r"\s+") for m in MEDIUM_NOUNS), key=len, reverse=True))
    + r")"
)
_TIME_BEFORE_CUE_RE = re.compile(
    rf"\s(?:(?:on\s+|late\s+|early\s+)?(?:{WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|in\s+the\s+past|"
    r"at\s+the\s+time|at\s+one\s+point|at\s+first|in\s+turn|in\s+response|in\s+reply|once\s+again|"
    r"(?:yesterday|today|tonight)|(?:(?:less|more)\s+than\s+)?(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)"
    r"\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:ago|later|earlier))\s*$"
)

# Role heads that name people, for a noun phrase around a name ("a spokesman for Smith").
PERSON_NP_HEADS = ROLE_HEADS - ORG_HEADS - SOURCE_HEADS
