# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Names that the capitalised runs alone do not read right: a possessive that is part of a
body's name ("King's College London", "McDonald's said"), a formal name that runs on over
"and" ("the Department of Housing and Urban Development"), and a first name given alone for a
relative ("Her husband, Jordi, ..."), which is a person's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .role_nouns import GENDERED_HEADS

if TYPE_CHECKING:
    from .mentions import Mention


def firm_names(out: str, mentions: list[Mention]) -> None:
    """ "McDonald's said sales rose": a possessive that owns no noun is a firm's name."""
    for mention in mentions:
        after = _SHOP_NAME_RE.match(out, mention.end) if mention.possessive else None
        verb = after.group(1) if after else ""
        if verb in _SAID_FORMS:  # (not "Dunn's alleged bias": an -ed word there is an adjective)
            mention.name += out[mention.end : mention.end + 2]
            mention.end += 2
            mention.possessive = False
            mention.kind = "org" if mention.kind == "unknown" else mention.kind


_SHOP_NAME_RE = re.compile(r"['’]s\s+([a-z]+)")
_SAID_FORMS = frozenset("said says told tells wrote writes".split())


# First words of a body named after a possessive that is no owner of it ("King's College").
_INSTITUTIONS = frozenset(
    "college society hospital university school church institute foundation trust party".split()
)


def owned_body(owner: Mention, body: Mention) -> bool:
    """Whether `owner`'s possessive is part of the body's name rather than its owner."""
    if owner.kind in ("place", "org"):
        return True
    words = owner.name.split()
    return body.name.split()[0].lower() in _INSTITUTIONS and (
        len(words) == 1 or words[0].rstrip(".") in ("St", "Saint")
    )


def join_org_and(out: str, mentions: list[Mention]) -> list[Mention]:
    """ "the Organization for Economic Cooperation and Development", "the Department of Housing and
    Urban Development": a formal body's name (with "for" or "of") runs on over "and" when what
    follows is more of a name of things (not of a person: "the Department of Justice and Ruiz")."""
    joined: list[Mention] = []
    for m in mentions:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.kind == "org"
            and not prev.possessive
            and _FORMAL_NAME_RE.search(prev.name)
            and out[prev.end : m.start] == " and "
            and _THING_WORD_RE.search(m.name)
        ):
            prev.name = f"{prev.name} and {m.name}"
            prev.end = m.end
            prev.possessive = m.possessive
            continue
        joined.append(m)
    return joined


_FORMAL_NAME_RE = re.compile(r"\s(?:for|of|on)\s")
_THING_WORD_RE = re.compile(r"\b[A-Z][a-z]+(?:ment|tion|tions|ity|ities|ices|ance|ence|ness|ism|ies)\b")


# "Her husband, Jordi, handles deliveries": a first name the name table lacks, given for a relative.
_RELATIVE_NAMED_RE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:late|younger|elder|older|eldest|youngest)\s+)?"
    r"((?:grand|step)?(?:son|daughter|father|mother)|husband|wife|brother|sister|partner|niece|nephew|"
    r"cousin|aunt|uncle),\s+$"
)
_OTHER_NAME_BETWEEN_RE = re.compile(r"[.;]|\b[A-Z][a-z]+\s+[A-Z]")
_RELATIVE_GENDER = GENDERED_HEADS | {"niece": "f", "aunt": "f", "nephew": "m", "uncle": "m"}


def relatives_named(out: str, mentions: list[Mention]) -> None:
    """A one-word name given for a relative is a person's, of the relation's sex."""
    for m in mentions:
        if " " in m.name or m.kind not in ("unknown", "person"):
            continue  # (a known first name, "Ray", is a person already: the relation still tells)
        relation = _RELATIVE_NAMED_RE.search(out, max(0, m.start - 30), m.start)
        if relation:
            m.kind = "person"
            kin = relation.group(1).removeprefix("grand").removeprefix("step")
            m.gender = m.gender or _RELATIVE_GENDER.get(kin)
            m.appos = m.appos or relation.group(1)  # (what "her husband said" later means)
            # ("Tom Hale and his wife, Mia," ... "Mrs. Hale said": the family name she may go by)
            owner = [
                o for o in mentions if o.end <= relation.start() and o.kind == "person" and " " in o.name
            ]
            if owner and not _OTHER_NAME_BETWEEN_RE.search(out, owner[-1].end, relation.start()):
                m.family = owner[-1].name.split()[-1]
