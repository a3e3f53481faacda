"""The fitted ranking weights matter: questions written here that `ask` ranks right with
bot/core/search/weights.json, at least one of which goes wrong with every weight set to 1.0
(the answer sits after a sentence that repeats the question's words; the fitted weights
count a sentence's own BM25 against it and its neighbours' rare words for it)."""

from __future__ import annotations

import importlib

import pytest

from bot.core import ingest
from bot.core.archive import Archive
from bot.core.search import features

ARTICLES = {
    "The railway station": [
        "The railway station of Velmora was rebuilt after the war. The station's railway clock, the "
        "station's pride, was saved. Its architect was Marta Kiel, who also built the post office.",
        "Trains to the capital leave the station every hour. The railway employs three hundred people.",
    ],
    "The town museum": [
        "The town museum of Velmora reopened after the fire. The museum's museum shop, the museum's "
        "pride, was saved. Its curator was Lotte Baan, who also ran the archive.",
        "Visitors to the museum pay no entry fee. The museum owns two thousand paintings.",
    ],
    "The Velmora bridge": [
        "The Velmora bridge crosses the estuary at its narrowest point. The bridge was designed by the "
        "engineer Pieter Hals. Construction of the bridge began in 1928.",
        "The bridge opened to traffic in 1931. At first only carts and trams used the bridge.",
        "Today the bridge carries about forty thousand vehicles a day.",
    ],
    "The observatory": [
        "The observatory stands on Kessel hill above the town. It was founded in 1874 by the "
        "astronomer Clara Voss.",
        "The observatory closed to research in 1962 because the town's lights were too bright.",
    ],
}

# (question, words of the sentence that answers it)
QUESTIONS = [
    ("Who was the architect of the railway station?", "Marta Kiel"),
    ("Who was the curator of the town museum?", "Lotte Baan"),
    # With every weight 1.0 the clue features (a new name, a pronoun after the question's
    # words, length) carry the two above; this one has no answer type to help it.
    ("What does the museum own?", "two thousand"),
]


@pytest.fixture()
async def archive(new_archive):
    archive = await Archive.open(new_archive(), seeds=None)
    for title, paragraphs in ARTICLES.items():
        await archive.add_document(ingest.build_document(title, paragraphs))
    yield archive
    await archive.close()


@pytest.mark.parametrize(("question", "answer"), QUESTIONS)
async def test_fitted_weights_rank_the_answer_first(archive, question, answer):
    result = await archive.ask(question)
    assert result.answers and answer in result.answers[0].text


async def test_the_weights_are_the_fitted_file_by_feature_name():
    assert set(features.WEIGHT_BY_NAME) == set(features.FEATURES)
    assert tuple(features.WEIGHT_BY_NAME[n] for n in features.FEATURES) == features.WEIGHTS
    assert {"fitted", "data", "seed", "cross_validated"} <= set(features.FIT)


async def test_with_every_weight_one_these_questions_go_wrong(archive, monkeypatch):
    # The control: the questions above test the weights, not only the features.
    ask_module = importlib.import_module("bot.core.search.ask")
    monkeypatch.setattr(ask_module, "WEIGHTS", (1.0,) * len(features.FEATURES))
    wrong = []
    for question, answer in QUESTIONS:
        result = await archive.ask(question)
        if not (result.answers and answer in result.answers[0].text):
            wrong.append(question)
    assert wrong
