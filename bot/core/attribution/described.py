"""Whom a sentence no cue attributes is about: the subject that opens it ("Rubio hoped to
emerge as the mainstream alternative"), resolved as speakers are (a pronoun by salience
and agreement at that sentence). `who` names that person when a fragment is found in
such a sentence, marked as described rather than quoted: real news reports stated
positions and plans with verbs no lexicon lists ("distanced himself from", "took a
whack at"), and the reader still takes them as what the subject holds."""

from __future__ import annotations

from ..models import Document, Speaker
from .entities import Entity, Sent
from .pipeline import attribute
from .resolve import Resolver
from .subjects import opening_subject, subject_before

_SUBJECT_KINDS = frozenset({"person", "org", "group"})


def described_subject(doc: Document, index: int, at: int | None = None) -> Speaker | None:
    """The person or organisation that sentence `index` of `doc` is about, when no cue
    attributes it: the subject of the clause that holds character `at` (where the words
    asked about begin), else the subject that opens it; None otherwise."""
    found: list[Entity] = []

    def visit(sent: Sent, resolver: Resolver) -> None:
        if sent.index != index or sent.frame is not None:
            return
        # The clause's own subject, else (a pronoun no one fits, or none) the sentence's.
        for ref in (subject_before(sent, at) if at is not None else None, opening_subject(sent)):
            entity = resolver.resolve(ref, sent.index) if ref is not None else None
            if entity is not None and entity.kind in _SUBJECT_KINDS:
                found.append(entity)
                return

    attribute(doc, visit=visit)
    if not found:
        return None
    entity = found[0]
    return Speaker(entity.name, entity.role, (), entity.kind not in ("org", "place"))
