"""Sentence splitting: offsets, quotes, and the cuts a news reader would not make."""

from __future__ import annotations

import pytest

from bot.core.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"It is over," Ms. Rosner said. Then she left.',
            ['"It is over," Ms. Rosner said.', "Then she left."],
        ),
        (
            "Sen. Tim Scott, R-S.C., said it was fine. He left.",
            ["Sen. Tim Scott, R-S.C., said it was fine.", "He left."],
        ),
        ('"Are you sure?" he tweeted. Next one.', ['"Are you sure?" he tweeted.', "Next one."]),
        (
            'He said "This is one. This is two." Then he left.',
            ['He said "This is one.', 'This is two."', "Then he left."],
        ),
        ("“Quote one. Quote two,” she said. Ok.", ["“Quote one.", "Quote two,” she said.", "Ok."]),
        ("John F. Kennedy spoke. Then he left.", ["John F. Kennedy spoke.", "Then he left."]),
        (
            '"What is a state doing here?" Justice Elena Kagan asked. Nobody answered.',
            ['"What is a state doing here?" Justice Elena Kagan asked.', "Nobody answered."],
        ),
    ],
)
def test_news_sentences(text, expected):
    assert sentences(text) == expected


def test_offsets_with_a_base_point_into_the_whole_text():
    text = "Intro.\n\nFirst one here. Second one here."
    base = text.index("First")
    spans = list(split_sentences(text[base:], base=base))
    assert [text[s:e] for s, e in spans] == ["First one here.", "Second one here."]


def test_a_sentence_ending_in_me_before_i_is_cut_there() -> None:
    text = '"I work every day," she told me. "I still cannot pay the rent."'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        '"I work every day," she told me.',
        '"I still cannot pay the rent."',
    ]
