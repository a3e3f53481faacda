"""`who` for words no cue attributes: a stated plan or stance ("set out to emerge as ...")
answers with whom the sentence is about, marked as described, not quoted; a quotation
still answers with its speaker. Articles written for the test."""

from __future__ import annotations

import pytest

from bot.core.archive import Archive
from bot.core.attribution.described import described_subject
from bot.core.ingest import parse, stored_document

STORY = """Harbour plans

Harbour master Ida Brunn met the council on Monday.

Brunn set out to turn the old grain pier into a ferry terminal before the summer season.

In March, she distanced herself from the plan to sell the lighthouse to a hotel chain.

Councillor Per Holm said the budget for dredging would not cover a second pier.

The weather on the coast stayed cold for most of the week.

Trade in the harbour grew quickly after the war.

Ms. Brunn has courted the ferry lobby, while Mr. Holm has dwelled on the soaring cost of dredging the channel.

Though Holm hasn't shown any appetite for a public inquiry, Brunn should press the council for one.

Brunn met with Holm who is looking to sell the old grain pier to a developer.
"""


def test_the_subject_that_opens_an_unattributed_sentence_is_whom_it_describes() -> None:
    doc = parse(STORY, name="harbour.txt")
    index = {s.text.split()[0] + s.text.split()[1]: s.index for s in doc.sentences}
    plan = described_subject(doc, index["Brunnset"])
    assert plan is not None and plan.name == "Ida Brunn"
    stance = described_subject(doc, index["InMarch,"])  # "she": the harbour master
    assert stance is not None and stance.name == "Ida Brunn"
    assert described_subject(doc, index["Theweather"]) is None  # no person opens it
    assert described_subject(doc, index["Tradein"]) is None  # a capitalised first word is no name
    assert described_subject(doc, index["CouncillorPer"]) is None  # a cue attributes it


def test_the_clause_that_holds_the_words_names_whom_they_describe() -> None:
    doc = parse(STORY, name="harbour.txt")
    while_ = next(s for s in doc.sentences if s.text.startswith("Ms. Brunn has courted"))
    at = while_.text.index("the soaring cost")
    second = described_subject(doc, while_.index, at)
    assert second is not None and second.name == "Per Holm"
    first = described_subject(doc, while_.index, while_.text.index("the ferry lobby"))
    assert first is not None and first.name == "Ida Brunn"
    though = next(s for s in doc.sentences if s.text.startswith("Though"))
    shown = described_subject(doc, though.index, though.text.index("any appetite"))  # "hasn't shown"
    assert shown is not None and shown.name == "Per Holm"
    contrast = next(s for s in doc.sentences if s.text.startswith("Brunn met with"))
    relative = described_subject(doc, contrast.index, contrast.text.index("to sell"))  # "with Holm who is"
    assert relative is not None and relative.name == "Per Holm"


MORE = """Port politics

Harbour master Ida Brunn met the council on Monday. Councillor Per Holm and the port trust's
director, Lena Voss, came too.

Holm's response was that the dredging budget cannot stretch to a second pier this year.

Voss's goal is a ferry terminal that would pay for itself within a decade.

Since Holm started by warning about the budget and later pushed proposals for a
harbour toll, the council has split.

Her deputy, Tomas Reyes, telegraphed the coming emphasis on the ferry timetable after the vote.

Holm drew up a toll, but Brunn and her advisers saw early on that a toll would anger the fishing fleet.

After touring on Tuesday the lighthouse where the hotel plan had been a costly mistake for the
whole town, Ms. Voss only occasionally disagreed with the harbour master.
"""


@pytest.mark.parametrize(
    ("begins", "words", "who"),
    [
        ("Holm's response", "the dredging budget", "Per Holm"),  # a name owning a noun of stance
        ("Voss's goal", "a ferry terminal", "Lena Voss"),
        ("Since Holm", "proposals for a harbour toll", "Per Holm"),  # "Since" opens a clause
        ("Her deputy", "the coming emphasis", "Tomas Reyes"),  # an apposition's closing comma
        ("Holm drew up", "a toll would anger", "Ida Brunn"),  # "and her advisers"
        ("After touring", "the hotel plan", "Lena Voss"),  # a long opening participle clause
    ],
)
def test_the_subject_is_found_past_what_stands_between_it_and_its_verb(
    begins: str, words: str, who: str
) -> None:
    doc = parse(MORE, name="port.txt")
    sent = next(s for s in doc.sentences if s.text.startswith(begins))
    found = described_subject(doc, sent.index, sent.text.index(words))
    assert found is not None and found.name == who


def test_a_stored_body_lays_out_as_it_was_parsed() -> None:
    doc = parse(STORY, name="harbour.txt")
    again = stored_document(doc.body)
    assert [(s.index, s.paragraph, s.text) for s in again.sentences] == [
        (s.index, s.paragraph, s.text) for s in doc.sentences
    ]


@pytest.fixture()
async def archive(new_archive):
    archive = await Archive.open(new_archive(), seeds=None)
    await archive.add_text(STORY.encode(), name="harbour.txt")
    yield archive
    await archive.close()


async def test_who_names_whom_a_stated_plan_describes(archive) -> None:
    result = await archive.who("turn the old grain pier into a ferry terminal")
    assert result.answers, result
    top = result.answers[0]
    assert (top.speaker, top.kind) == ("Ida Brunn", "described")
    assert "grain pier" in top.text


async def test_who_names_the_subject_of_the_clause_the_fragment_is_in(archive) -> None:
    result = await archive.who("the soaring cost of dredging the channel")
    top = result.answers[0]
    assert (top.speaker, top.kind) == ("Per Holm", "described")


async def test_who_still_answers_a_quotation_with_its_speaker(archive) -> None:
    result = await archive.who("the budget for dredging would not cover a second pier")
    top = result.answers[0]
    assert (top.speaker, top.kind) == ("Per Holm", "indirect")


async def test_who_names_nobody_for_a_sentence_about_no_one(archive) -> None:
    result = await archive.who("the weather on the coast stayed cold")
    assert all(a.kind != "described" for a in result.answers)
