# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Roles around a name: title words, role phrases in appositions ("a professor at ..."), role
words written before a name ("White House press secretary"), and attaching them, with a party
tag, to a name's mention."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import (
    CUE_WORDS,
    DESCRIPTION_HEADS,
    HONORIFICS,
    ROLE_HEADS,
    STOP_CAPS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from .mentions import Mention

UPPER = "A-ZÀ-ÖØ-Þ"  # capital letters a name may start with


@lru_cache(maxsize=4096)
def is_title_word(word: str) -> bool:
    low = word.lower()
    if low in TITLE_WORDS or (low in ROLE_HEADS and not low.endswith("s") and low not in _NOT_TITLES):
        return True  # "Supervisor Juli Briskman", "Chair Phyllis Randall"
    if any(part in TITLE_WORDS for part in low.split("-")):
        return True
    # "Senators Marco Rubio and Ted Cruz", "Sens. Cruz and Rubio": a plural title.
    base = low.rstrip(".")
    return (
        len(base) > 3 and base.endswith("s") and (base[:-1] in TITLE_WORDS or base[:-1] + "." in TITLE_WORDS)
    )


_NOT_TITLES = frozenset(
    "man woman people person friend member source resident voter witness customer shopper passenger fan "
    "commuter tourist visitor motorist spectator diner homeowner".split()
) | (
    DESCRIPTION_HEADS  # ("Dane Holm", "Scot Lind": first names, not descriptions)
)


_WORD_TOKEN_RE = re.compile(r"[\w’'.&\-]+")
APPOS_RE = re.compile(
    r"\s*,\s+(?:\d{1,3},\s+)?(?!who\b|which\b|and\b|but\b|or\b|as\b|the\s+(?:day|week|month|year)\b)"
    r"((?:[^,;:\"_()]|,(?=\d)){2,160}?)\s*(?=,(?!\d)|;|\.\s*$|\.?\s*[\"”]|$)"
)
_DETERMINERS = {"the", "a", "an"}


@lru_cache(maxsize=4096)
def role_words(text: str) -> frozenset[str]:
    """Lower-case words and hyphen-joined pairs of a role ("press secretary" -> press-secretary)."""
    words = [w.strip(".,").lower() for w in text.replace("’s", "").replace("'s", "").split()]
    out = set(words)
    for a, b in zip(words, words[1:], strict=False):
        out.add(f"{a}-{b}")
    for a, b, c in zip(words, words[1:], words[2:], strict=False):
        if b == "of":
            out.add(f"{a}-of-{c}")
    return frozenset(out)


_NAME_THEN_VERB_RE = re.compile(r"[A-Z][\w’'.\-]*\s+(?:[a-z]+ed|has|had|was|is|will|would)\b")
# "ferries have fewer riders ...": a subject and its verb in the first few words, a clause
# (but not "a Republican who is running": a relative clause belongs to the role).
_SUBJECT_THEN_AUX_RE = re.compile(
    r"(?:(?!who\b|that\b|which\b)[\w’'-]+\s+){1,3}"
    r"(?:have|has|had|is|are|was|were|will|would|can|could|should|may|might|must|do|does|did)\b"
)


_NO_ROLE_OPENERS = frozenset(
    "who whose which that saying adding according he she they it have has had is are was were".split()
    + "will would".split()
    # an aside of how or where ("with his wife beside him", "under pressure from colleagues")
    + "with under amid despite after before flanked".split()
)


_VERB_OBJECT_OPENERS = frozenset("on in at with to the a an his her their its from".split())


@lru_cache(maxsize=4096)
def is_role_text(text: str) -> bool:
    """Whether a phrase names a role ("a professor at ...", "chairman of ...")."""
    words = [w.strip(".,").lower() for w in text.split()[:12]]
    if not words or len(words) > 25:
        return False
    if words[0] in _NO_ROLE_OPENERS:
        return False  # ("..., have vowed to keep ...": the sentence's verb, not a role)
    if _NAME_THEN_VERB_RE.match(text) or _SUBJECT_THEN_AUX_RE.match(text):
        return False  # "Sanders stepped up his emphasis on justice": a clause, not a role
    if words[0] in CUE_WORDS or (
        words[0].endswith(("ing", "ed")) and words[0] not in ROLE_HEADS and words[0] not in TITLE_MODIFIERS
    ):
        return False  # "raised money for ...", "speaking to reporters": a clause, not a role
    if (
        len(words) > 1
        and words[0].endswith("s")
        and words[1] in _VERB_OBJECT_OPENERS
        and words[0] not in ROLE_HEADS
        and words[0] not in TITLE_WORDS
    ):
        return False  # "lives on the farm with his wife", "runs the bakery": a verb, not a role
    if words[0] in ("a", "an") and len(words) >= 2:
        return True
    return any(
        w in ROLE_HEADS
        or w in TITLE_WORDS
        # "co-host", "ex-president": a role behind a prefix
        or ("-" in w and any(p in TITLE_WORDS or p in ROLE_HEADS for p in w.split("-")))
        for w in words
    )


# "Portuguese newspaper Correio da Noite", "the cable network CNN": what an outlet is.
_MEDIA_HEADS = frozenset(
    "newspaper paper magazine tabloid broadcaster network website outlet daily weekly".split()
)


_VERB_PARTICLES = frozenset("up out down off back over away around".split())


def premodifier_role(out: str, start: int) -> str:
    """Role words written just before a name: "NATO secretary-general", "White House press secretary"."""
    if start < 2 or out[start - 1] != " ":
        return ""
    space = out.rfind(" ", 0, start - 1) + 1
    prev_word = out[space : start - 1]
    if not prev_word:
        return ""
    bare = prev_word.lower().removesuffix("'s").removesuffix("’s")
    if bare in ("of", "for", "and", "on"):
        return ""  # "Sen. Tom Carper of Delaware": the name after "of" has no title of its own
    if not (
        prev_word[0].isupper()
        or bare in TITLE_WORDS
        or bare in ROLE_HEADS
        or bare in TITLE_MODIFIERS
        or bare in _MEDIA_HEADS
        or "-" in bare
    ):
        return ""
    window = out[max(0, start - 120) : start]
    tokens = list(_WORD_TOKEN_RE.finditer(window))
    taken: list[str] = []
    # The tokens must run up to the name with nothing but spaces between.
    if not window.endswith(" "):
        return ""
    expected_end = len(window.rstrip(" "))
    has_head = False
    for tm in reversed(tokens):
        if tm.end() != expected_end:
            break
        word = tm.group()
        low = word.lower()
        bare = low.removesuffix("'s").removesuffix("’s")
        if low in _DETERMINERS:
            if taken and taken[0].lower().endswith(("'s", "’s")):
                taken.insert(0, word)
            break
        if low in _VERB_PARTICLES:
            break  # "then set up captain Ben Carver": a phrasal verb's particle, no role word
        if (
            bare in TITLE_WORDS
            or bare in ROLE_HEADS
            or bare in _MEDIA_HEADS
            or any(p in TITLE_WORDS for p in bare.split("-"))
        ):
            has_head = True
        elif not (
            word[0].isupper()
            and low.rstrip(".") not in STOP_CAPS
            or low in TITLE_MODIFIERS
            or low.endswith(("'s", "’s"))
            or (taken and low in ("of", "for"))
            or (taken and low == "and" and taken[0][:1].islower())
            or (_plain_modifier(low) and taken and taken[0][:1].islower())
        ):
            break
        taken.insert(0, word)
        expected_end = tm.start()
        while expected_end > 0 and window[expected_end - 1] == " ":
            expected_end -= 1
        if len(taken) >= 8:
            break
    for i in range(len(taken) - 1, 0, -1):
        before = taken[i - 1]
        if taken[i].lower() == "and" and before[:1].isupper() and before.lower() not in TITLE_WORDS:
            # "Sen. Rand Paul and Ted Cruz": the words before "and" name someone else.
            has_head = any(is_title_word(w) or w.lower() in ROLE_HEADS for w in taken[i + 1 :])
            taken = taken[i + 1 :]
            break
    while taken and taken[0].lower() in ("of", "for", "and"):
        taken.pop(0)
    if not has_head or not taken:
        return ""
    return " ".join(taken)


def _plain_modifier(low: str) -> bool:
    """A lower-case adjective or noun inside a title ("vice presidential nominee")."""
    return (
        low.isalpha()
        and low not in STOP_CAPS
        and low not in CUE_WORDS
        and low not in _TITLE_STOPS
        and not low.endswith(("ed", "ing", "ly"))
    )


_TITLE_STOPS = frozenset(
    """with without to by from into onto than like as is are was were be been has have had do does did
    will would could should can may might must met told asked called named elected appointed hired
    fired praised thanked joined replaced succeeded beat defeated""".split()
)


OF_PLACE_RE = re.compile(rf"\s+(?:of|from)\s+[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*)?(?=,)")
NAME_ONLY_RE = re.compile(rf"[{UPPER}][\w’'\-]*(?:\s+[{UPPER}][\w’'.\-]*){{0,3}}")


# A party tag after a name: "(R-Tex.)", "(D)", ", R-Ky.,".
PARTY_RE = re.compile(
    r"\s*(?:\(\s*([DRI])(?:-([A-Z][\w.]*(?:\s[A-Z][\w.]*)?))?\s*\)|,\s+([DRI])-([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s*,)"
)

_AGE_AFTER_RE = re.compile(r",\s+(\d{1,3})\s*[,.;)]")  # "Tom Hale, 61, ..."
# A comma after or before a span, past white space (without copying the sentence to strip it).
_COMMA_AHEAD_RE = re.compile(r"\s*,")
_COMMA_BEHIND_RE = re.compile(r",\s*$")


_OPENING_ACCORDING_RE = re.compile(
    r"\W*(?:(?:But|And|Yet)\s+)?(?:[Aa]ccording\s+to|As\s+(?:(?:first|previously|originally|also)\s+)?[a-z]+ed\s+(?:by|in)"
    # An opening phrase whose comma the main clause's subject follows: "Asked whether he would
    # debate Ruiz, the governor said ...", "Like Hale, the senator said ...".
    r"|(?:Asked|Pressed|Questioned|Challenged|Like|Unlike|After|Before|Despite|Responding|Reacting|"
    r"Replying|Speaking|Following|Meeting|Addressing|Praising|Criticizing|Criticising|Thanking|Echoing|"
    r"In\s+response\s+to)\b)"
    r"\s+(?:the\s+)?[^,;]*$"
)


def attach_roles(out: str, mention: Mention) -> None:
    """Record the premodifier title, apposition and party tag around a mention."""
    pos = mention.end
    nxt = out[pos : pos + 2]
    # Most names are followed by a verb: only a comma, a bracket or "of" can open a role.
    if nxt[:1] == "," or nxt in (" (", " o", " f"):
        age = _AGE_AFTER_RE.match(out, pos) if nxt[:1] == "," else None
        if age:
            mention.age = int(age.group(1))
        of_place = OF_PLACE_RE.match(out, pos)
        if of_place:
            pos = of_place.end()  # "Sen. James Lankford of Oklahoma, the lead negotiator"
        party = PARTY_RE.match(out, pos)
        if party:
            letter, state = party.group(1) or party.group(3), party.group(2) or party.group(4)
            mention.party = f"{letter}-{state}" if state else letter  # "(R-Tex.)" or a bare "(R)"
            pos = party.end() - (1 if party.group(0).rstrip().endswith(",") else 0)
        appos = APPOS_RE.match(out, pos)
        if (
            appos
            and is_role_text(appos.group(1))
            and not NAME_ONLY_RE.fullmatch(appos.group(1))
            # "According to the Ledger, the mayor left early.": after an opening "according to"
            # (or "as reported by"), only a comma closes an apposition; what runs to the end
            # is the sentence's own clause
            and (out.startswith(",", appos.end()) or not _OPENING_ACCORDING_RE.match(out, 0, mention.start))
        ):
            role = appos.group(1).strip()
            head, _, last = role.rpartition(" ")
            # "Lena Voss, head of the union stated, ...": the cue closes no role
            mention.appos = head if head and last.lower() in CUE_WORDS else role
    if mention.kind in ("person", "unknown"):
        pre = premodifier_role(out, mention.start)
        own = mention.title
        if own and own.split()[0].lower() in HONORIFICS:
            own = " ".join(own.split()[1:])
        combined = f"{pre} {own}" if pre and own else pre or own
        if combined:
            mention.premod = combined
        elif _COMMA_AHEAD_RE.match(out, pos) and _COMMA_BEHIND_RE.search(out, 0, mention.start):
            # ", Clinton's campaign manager, Robby Mook, said": the role stands before the name.
            before = out[: mention.start].rstrip()[:-1].rstrip()
            pre = premodifier_role(before + " ", len(before) + 1)
            if not pre:
                # "Israel's ambassador to the United Nations, Gilad Erdan, ...": a whole phrase.
                phrase = before[max(before.rfind(","), before.rfind("—"), before.rfind('"')) + 1 :].strip()
                if (
                    phrase
                    and len(phrase.split()) <= 12
                    and is_role_text(phrase)
                    and not phrase.startswith("In ")
                ):
                    pre = phrase
            if pre:
                mention.premod = pre
