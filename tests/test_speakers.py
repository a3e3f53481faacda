"""The speaker registry across articles: one person is one speaker; namesakes stay apart."""

from __future__ import annotations

import pytest

from bot.core.archive import Archive

HILLARY = """Monday, June 3, 2024

Clinton backs voting bill

Former Secretary of State Hillary Clinton said on Monday that the voting bill deserved support.
"This is about whether every vote counts," Clinton said.
"""
BILL = """Tuesday, June 4, 2024

Former president speaks at library

Former President Bill Clinton said the library would open to the public next spring.
"It was a long road," Clinton said.
"""
HILLARY_AGAIN = """Friday, June 7, 2024

Clinton returns to campaign trail

Hillary Clinton told supporters in Ohio that turnout would decide the race.
"""


@pytest.fixture()
async def archive(new_archive):
    async with await Archive.open(new_archive()) as opened:
        for text in (HILLARY, BILL, HILLARY_AGAIN):
            await opened.add_text(text)
        yield opened


async def test_same_person_in_two_articles_is_one_speaker(archive):
    result = await archive.said("Hillary Clinton")
    assert result.speaker == "Hillary Clinton"
    assert {a.article.title for a in result.answers} == {
        "Clinton backs voting bill",
        "Clinton returns to campaign trail",
    }
    assert result.answers[0].article.date == "2024-06-07"  # newest article first
    assert all(a.speaker == "Hillary Clinton" for a in result.answers)


async def test_namesakes_stay_apart(archive):
    bill = await archive.said("Bill Clinton")
    assert bill.speaker == "Bill Clinton"
    assert len(bill.answers) == 2  # his two sentences, and none of Hillary Clinton's
    assert {a.article.title for a in bill.answers} == {"Former president speaks at library"}
    assert all(a.speaker == "Bill Clinton" for a in bill.answers)
    ambiguous = await archive.said("Clinton")
    assert {ambiguous.speaker, *ambiguous.did_you_mean} == {"Hillary Clinton", "Bill Clinton"}


async def test_autocomplete_names_come_from_the_registry(archive):
    names = await archive.speaker_names("clint")
    assert set(names[:2]) == {"Hillary Clinton", "Bill Clinton"}
    # Empty: most quoted first (Hillary Clinton in two articles), and the limit holds.
    everyone = await archive.speaker_names("")
    assert everyone[0] == "Hillary Clinton" and "Bill Clinton" in everyone
    assert await archive.speaker_names("", limit=1) == ["Hillary Clinton"]
