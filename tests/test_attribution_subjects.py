"""Who the subject of a cue is when other names stand between them: participles after an
object, glued words, appositions; each on sentences written for the test."""

from __future__ import annotations

from bot.core.ingest import parse
from bot.core.models import Attribution


def _clauses(body: str, begins: str) -> tuple[Attribution, ...]:
    doc = parse("Friday, March 1, 2024\n\nA Headline\n\n" + body, name="news.txt")
    hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(begins)]
    assert len(hits) == 1, f"{begins!r} matches {len(hits)} sentences"
    return doc.clauses[hits[0]]


def _speakers(body: str, begins: str) -> list[str]:
    return [a.speaker for a in _clauses(body, begins)]


def test_a_participle_after_an_object_and_its_apposition_is_the_subjects() -> None:
    body = (
        "Mayor Lena Ortiz was blunt about her rival, council member Omar Haddad, the front-runner, "
        "saying voters deserved better.\n\n"
        "Senator Ruth Kemper weighed in on the dispute with Paul Vance, who chairs the board, "
        "calling the delay a scandal."
    )
    assert _speakers(body, "Mayor Lena")[0] == "Lena Ortiz"
    assert _speakers(body, "Senator Ruth")[0] == "Ruth Kemper"


def test_a_name_with_its_apposition_before_a_participle_still_speaks() -> None:
    body = "The bill passed on Tuesday.\n\nOmar Haddad, the council's leader, saying it was overdue, voted yes."
    assert _speakers(body, "Omar Haddad")[0] == "Omar Haddad"
