"""Shared helpers for the attribution tests: parse a small article written for the test and
read the attributions of the one sentence that begins with given words."""

from __future__ import annotations

from bot.core.ingest import parse
from bot.core.models import Attribution


def clauses(body: str, begins: str) -> tuple[Attribution, ...]:
    """Every attribution of the one sentence of `body` that starts with `begins`, main first."""
    doc = parse("Friday, March 1, 2024\n\nA Headline\n\n" + body, name="news.txt")
    hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(begins)]
    assert len(hits) == 1, f"{begins!r} matches {len(hits)} sentences"
    return doc.clauses[hits[0]]


def speakers(body: str, begins: str) -> list[str]:
    """The speakers of that sentence's attributions, main first."""
    return [a.speaker for a in clauses(body, begins)]


def main(body: str, begins: str) -> Attribution | None:
    """That sentence's main attribution, or None."""
    found = clauses(body, begins)
    return found[0] if found else None
