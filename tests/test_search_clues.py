"""Clues to the answer (bot/core/search/clues.py) on questions and sentences written here:
the answer type a question asks for, a candidate of that type the question lacks, a number
before the unit of "how many X"; and `ask` ranking by them (with a control: the same
questions go wrong when the clues are switched off)."""

from __future__ import annotations

import pytest

from bot.core import ingest
from bot.core.archive import Archive
from bot.core.search import Query, clues, features

ARTICLES = {
    "The Velmora bridge": [
        "Traffic was meant to cross the 1928 bridge within two years. Traffic first crossed it in 1931. "
        "The bridge is painted green every ten years.",
        "The bridge carries trams and cars across the estuary. Its towers are sixty metres tall.",
    ],
    "The Hawks": [
        "Cam Rivers passed for the Hawks in the 2015 season, his best season. "
        "That season he threw for 3,837 yards. The coaches praised his passes.",
        "The Hawks play their home games at Kessel field. The club was founded by dock workers.",
    ],
}

# (question, words of the sentence that answers it): in each, a sentence holding more of the
# question's words comes first unless the clues count.
QUESTIONS = [
    # The other sentence's year is the question's own: only 1931 is a new one.
    ("When did traffic first cross the 1928 bridge?", "1931"),
    # Only one sentence has a number before "yards".
    ("How many passing yards did Rivers throw in the 2015 season?", "3,837"),
]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When did the stadium open?", "time"),
        ("In what year did work begin?", "time"),
        ("How many ships used it?", "number"),
        ("Where was the treaty signed?", "place"),
        ("Which city hosted the games?", "place"),
        ("Who designed the lighthouse?", "person"),
        ("What team won the cup?", "person"),
        ("What did the lamp burn?", None),
    ],
)
def test_the_answer_type_comes_from_the_wording(question, kind):
    assert clues.asked(question).kind == kind


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("When did the stadium open?", "The stadium opened in 2014.", (1.0, 1 / 3, 0.0)),
        ("When did the stadium open?", "The stadium opened on schedule.", (0.0, 0.0, 0.0)),
        # A year the question gives is no answer to it.
        ("When did the 2014 stadium open?", "The 2014 stadium opened late.", (0.0, 0.0, 0.0)),
        ("Who designed the lighthouse?", "The lighthouse was designed by Anna Vermeer.", (1.0, 2 / 3, 0.0)),
        ("Who designed the Vermeer lighthouse?", "The Vermeer lighthouse is tall.", (0.0, 0.0, 0.0)),
        ("Where was the treaty signed?", "The treaty was signed in Paris.", (1.0, 1 / 3, 0.0)),
        ("How many yards did he throw for?", "He threw for 3,837 yards.", (1.0, 1 / 3, 1.0)),
        ("How many yards did he throw for?", "He threw for 3,837 and ran far.", (1.0, 1 / 3, 0.0)),
        ("How many yards did he throw for?", "He threw for many yards.", (0.0, 0.0, 0.0)),
        ("What did the lamp burn?", "The lamp burned whale oil until 1850.", (0.0, 0.0, 0.0)),
    ],
)
def test_clues_count_new_answers_of_the_asked_type(question, sentence, expected):
    assert clues.clues(clues.asked(question), sentence, {}) == pytest.approx(expected)


def test_findings_are_cached_per_sentence_and_type():
    cache: dict[str, object] = {}
    clues.clues(clues.asked("When did it open?"), "It opened in 2014.", cache)
    assert cache == {"clue:time": ("2014",)}
    # The cache, not the text, is read the second time.
    assert clues.clues(clues.asked("When did it open?"), "no date here", cache)[0] == 1.0


def test_a_pronoun_opens_the_sentence():
    assert clues.opens_with_pronoun("He is also the oldest quarterback.") == 1.0
    assert clues.opens_with_pronoun("Helen is the oldest.") == 0.0


@pytest.fixture()
async def archive(new_archive):
    archive = await Archive.open(new_archive(), seeds=None)
    for title, paragraphs in ARTICLES.items():
        await archive.add_document(ingest.build_document(title, paragraphs))
    yield archive
    await archive.close()


@pytest.mark.parametrize(("question", "answer"), QUESTIONS)
async def test_ask_ranks_the_sentence_with_the_asked_for_answer_first(archive, question, answer):
    result = await archive.ask(question)
    assert result.answers and answer in result.answers[0].text


@pytest.mark.parametrize(("question", "answer"), QUESTIONS)
async def test_without_the_clues_these_questions_go_wrong(archive, monkeypatch, question, answer):
    # The control: the questions above test the clues, not the other evidence.
    monkeypatch.setattr(clues, "clues", lambda _question, _text, _cache: (0.0, 0.0, 0.0))
    result = await archive.ask(question)
    assert not (result.answers and answer in result.answers[0].text)


def _parse(text: str) -> features._Parsed:
    tokens = tuple(text.lower().split())
    return features._Parsed(text, tokens, frozenset(tokens), text.lower(), features._heads(tokens))


def _query(text: str, idf: dict[str, float]) -> Query:
    words = tuple(idf)
    return Query(text, words, words, idf, "", tokens=tuple(text.lower().rstrip("?").split()), folded=idf)


def test_rows_mark_the_rarest_question_words_and_a_pronoun_after_a_match():
    # "kessel" is in one candidate only, so it is the rarest there; "bridge" is in all.
    query = _query("where does the bridge cross the kessel", {"bridge": 2.0, "cross": 2.0, "kessel": 2.0})
    paragraph = [
        _parse("The bridge cross the Kessel near the town"),
        _parse("It was built in stone by the bridge builders"),
        _parse("The bridge cross the river"),
    ]
    rows, _confidence = features.evidence_rows(query, [1.0], [paragraph])
    column = {name: [r[i] for r in rows] for i, name in enumerate(features.FEATURES)}
    assert column["rarest_word"] == [1.0, 0.0, 0.0]
    assert column["rare_pair"] == [1.0, 0.0, 0.5]  # the two rarest: kessel, cross
    assert column["pronoun"] == [0.0, 1.0, 0.0]
    # The pronoun's sentence follows one holding the question's words: its local_bm25.
    assert column["pronoun_after_match"] == [0.0, pytest.approx(column["local_bm25"][0]), 0.0]
    assert column["pronoun_after_match"][1] > 0


def test_the_asked_for_kind_of_thing_matches_a_name_of_that_kind():
    from bot.core.search import clues, semantic

    assert clues.head_noun("Which television network broadcast the game?") == "television"
    assert clues.head_noun("What kind of building is the museum?") == "building"
    assert clues.head_noun("Who won?") is None
    # ("network" is nearer a broadcaster's name than a weekday's)
    scores = semantic.type_match("network", [("ABC",), ("Tuesday",), ()])
    assert scores[0] > scores[1] and scores[0] > 0.1 and scores[2] == 0
