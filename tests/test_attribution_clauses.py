"""Attribution of the second clause in a sentence and of names that look like other words,
each on sentences written for the test."""

from __future__ import annotations

from bot.core.ingest import parse
from bot.core.models import Attribution


def _clauses(body: str, begins: str) -> tuple[Attribution, ...]:
    doc = parse("Friday, March 1, 2024\n\nA Headline\n\n" + body, name="news.txt")
    hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(begins)]
    assert len(hits) == 1, f"{begins!r} matches {len(hits)} sentences"
    return doc.clauses[hits[0]]


def _said(found: tuple[Attribution, ...]) -> list[tuple[str, str, str]]:
    return [(a.speaker, a.cue or "", a.content or "") for a in found]


def test_a_surname_ending_in_ly_is_a_name_not_an_adverb() -> None:
    body = (
        '"The file is valuable," said Skelly.\n\n'
        "Skelly said the file was old.\n\n"
        "Separately, Tom Fry said it was new."
    )
    assert _said(_clauses(body, '"The file'))[0][0] == "Skelly"
    assert _said(_clauses(body, "Skelly said"))[0][0] == "Skelly"
    assert _said(_clauses(body, "Separately"))[0][0] == "Tom Fry"


def test_a_participle_after_an_inverted_quote_is_a_second_report_by_the_same_speaker() -> None:
    body = (
        'After the wins of Ann Lee in Iowa, "we keep them there," Rob Law said, noting that donors '
        "feel safer now.\n\n"
        '"The plan works," said Dana Skelly, explaining she had tested it twice.\n\n'
        "The bridge failed, the Herald reported, citing two engineers."
    )
    law = _said(_clauses(body, "After the wins"))
    assert [(s, c) for s, c, _ in law] == [("Rob Law", "said"), ("Rob Law", "noting")]
    assert law[1][2].startswith("donors feel safer")
    skelly = _said(_clauses(body, '"The plan'))
    assert [(s, c) for s, c, _ in skelly] == [("Dana Skelly", "said"), ("Dana Skelly", "explaining")]
    assert skelly[1][2].startswith("she had tested")
    # "citing" names a source, not a second report
    assert [c for _, c, _ in _said(_clauses(body, "The bridge"))] == ["reported"]


def test_a_participle_linked_by_while_or_by_reports_for_its_clause_subject() -> None:
    body = (
        "Mara Keller has promised to build a new dam, while also suggesting that the old one "
        "should be drained.\n\n"
        "The mayor met Speaker Paul Rowe, who a week ago surprised Keller by declaring he could "
        "not yet back her plan."
    )
    keller = _said(_clauses(body, "Mara Keller"))
    assert ("Mara Keller", "suggesting") in [(s, c) for s, c, _ in keller]
    rowe = _said(_clauses(body, "The mayor"))
    assert [(s, c) for s, c, _ in rowe] == [("Paul Rowe", "declaring")]
    assert rowe[0][2].startswith("he could not yet back")
