"""Attribution on the layouts and constructions of real news, each on sentences written for the test."""

from __future__ import annotations

from bot.core.ingest import parse
from bot.core.models import Attribution, Document


def _doc(body: str) -> Document:
    return parse("Friday, March 1, 2024\n\nA Headline\n\n" + body, name="news.txt")


def _clauses(body: str, begins: str) -> tuple[Attribution, ...]:
    doc = _doc(body)
    hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(begins)]
    assert len(hits) == 1, f"{begins!r} matches {len(hits)} sentences"
    return doc.clauses[hits[0]]


def _main(body: str, begins: str) -> Attribution | None:
    found = _clauses(body, begins)
    return found[0] if found else None


def test_doubled_apostrophes_are_quotation_marks() -> None:
    # Some newswire text writes quotation marks as two apostrophes.
    body = (
        "Ruth Calder runs the clinic.\n\n"
        "''We turn nobody away, not even on holidays,'' Ms. Calder said.\n\n"
        "''Nobody.''"
    )
    att = _main(body, "''We turn nobody")
    assert att and (att.speaker, att.kind) == ("Ruth Calder", "direct")
    assert att.content and "turn nobody away" in att.content
    follow = _main(body, "''Nobody")
    assert follow and follow.speaker == "Ruth Calder"


def test_inverted_cue_after_a_quote_takes_the_name_whatever_follows_it() -> None:
    body = (
        "The county fair opened on Monday.\n\n"
        '"I came for the pies," said Alma Vance, 29, of Dayton, Ohio, who drove two hours.'
    )
    att = _main(body, '"I came for the pies')
    assert att and (att.speaker, att.kind, att.cue) == ("Alma Vance", "direct", "said")
