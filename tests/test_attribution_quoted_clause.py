"""A quotation inside a clause no cue attributes is the clause's subject's, whatever the verb
(quoted_clause.py), but not a title, a term of a word or two, nor a quotation in a clause
whose subject is not the sentence's own. Sentences written for the test."""

from __future__ import annotations

from tests.attribution_text import clauses as _clauses

BODY = (
    "Tom Okafor runs the harbour board.\n\n"
    'Okafor put the loss down to "a short campaign and a long winter at the docks."\n\n'
    'Because the vote slipped, Okafor lost "the best chance we ever had at the pier."\n\n'
    'Okafor joined the "Friends of the Harbour Trust" last year.\n\n'
    'Okafor carried his "harbour flag" to the rally.\n\n'
    'Okafor drew up the plan, and the council gave it "a warm and hearty welcome at last."\n\n'
    'The board has circulated a draft, which calls for repairs "as soon as the weather allows."'
)


def _read(begins: str) -> list[tuple[str, str | None, str]]:
    return [(a.speaker, a.cue, a.kind) for a in _clauses(BODY, begins)]


def test_the_subject_of_a_clause_with_a_quotation_speaks_it() -> None:
    assert _read("Okafor put") == [("Tom Okafor", None, "mixed")]
    found = _clauses(BODY, "Okafor put")[0]
    assert found.content is not None and "a short campaign" in found.content
    assert _read("Because the vote") == [("Tom Okafor", None, "mixed")]


def test_a_title_or_a_short_term_in_quotation_marks_is_no_ones_words() -> None:
    assert _read("Okafor joined") == []
    assert _read("Okafor carried") == []


def test_only_the_sentences_own_subject_and_no_relative_clause_between() -> None:
    assert _read("Okafor drew up") == []  # the council's clause holds the quotation
    assert _read("The board has") == []  # the draft "calls for" it: a document speaks for no one
    # the subject's own relative clause is no obstacle
    body = 'Okafor, who has cast himself as "the friend of every fisherman," won the vote.'
    assert [(a.speaker, a.kind) for a in _clauses(body, "Okafor, who")] == [("Okafor", "mixed")]
