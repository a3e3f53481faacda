"""Evidence of meaning (search/semantic.py): WordLlama's vectors from the installed wheel,
loaded with no network, and what the signals say about sentences written here."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

from bot.core import search
from bot.core.archive import Archive
from bot.core.search import features, semantic

SENTENCES = [
    "The rowing club was established in 1921 by two sisters from the harbour.",  # paraphrase
    "The rowing club sells tickets for its summer regatta at the harbour.",  # same topic, no answer
    "Founded as a fishing village, the town grew into a port.",  # the exact word, elsewhere
]
SOFT, GAIN, SENTENCE_COS, PARAGRAPH_COS, LOCAL = range(5)


def evidence(words: list[str], sentences: list[str], paragraphs: list[int]) -> np.ndarray:
    stems = [w.lower() for w in words]
    exact = np.array([[s in t.lower().split() for t in sentences] for s in stems], dtype=bool)
    return semantic.evidence(words, [1.0] * len(words), exact, sentences, paragraphs)


def test_the_vectors_load_from_the_wheel_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("loading the vectors tried the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    semantic.vectors.cache_clear()
    vectors = semantic.vectors()
    assert vectors.embedding.shape == (32000, 256)
    ids, sums = vectors.texts(["founded", "established"])
    assert all(len(i) == 1 for i in ids) and sums.shape == (2, 256)


def test_loading_the_vectors_leaves_blas_one_thread() -> None:
    # Search's products are small: BLAS threads only spin, and under load cost 25 ms a question.
    from threadpoolctl import threadpool_info, threadpool_limits

    with threadpool_limits(limits=2, user_api="blas"):
        semantic.vectors.cache_clear()
        semantic.vectors()
        blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
        assert blas and all(lib["num_threads"] == 1 for lib in blas)


def test_a_synonym_counts_where_the_word_itself_is_missing() -> None:
    rows = evidence(["founded", "club"], SENTENCES, [0, 1, 2])
    # "established" for "founded": soft cover and gain beat the sentence on the topic alone.
    assert rows[0, SOFT] > rows[1, SOFT]
    assert rows[0, GAIN] > rows[1, GAIN] >= 0.0
    # A question word the sentence holds as such scores 1 and gains nothing.
    assert rows[2, GAIN] < rows[0, GAIN]
    assert rows[:, SOFT].max() <= 1.0 + 1e-6


def test_neighbours_lend_their_words_to_the_gain_but_other_paragraphs_do_not() -> None:
    together = evidence(["founded"], SENTENCES[:2], [0, 0])
    apart = evidence(["founded"], SENTENCES[:2], [0, 1])
    assert together[1, GAIN] == pytest.approx(together[0, GAIN]) and together[1, GAIN] > 0
    assert apart[1, GAIN] < apart[0, GAIN]
    # The paragraph's vector is its sentences' together: the same for both when they share one.
    assert together[0, PARAGRAPH_COS] == pytest.approx(together[1, PARAGRAPH_COS])
    assert apart[0, PARAGRAPH_COS] == pytest.approx(apart[0, SENTENCE_COS], abs=1e-5)


def test_no_words_or_no_sentences_give_zeros() -> None:
    assert evidence([], SENTENCES, [0, 1, 2]).shape == (3, 5)
    assert not evidence([], SENTENCES, [0, 1, 2]).any()
    assert evidence(["club"], [], []).shape == (0, 5)


def test_the_features_are_named_and_weighed() -> None:
    names = ("soft_cover", "soft_gain", "sentence_cos", "paragraph_cos", "local_soft")
    at = features.FEATURES.index(names[0])  # semantic.evidence's columns, in its order
    assert features.FEATURES[at : at + 5] == names
    assert all(features.WEIGHT_BY_NAME[n] != 0.0 for n in names if n != "soft_cover")


PARAPHRASE = """Velmora rowing history

The Velmora Rowing Club was established in 1921 by Ida Moss, a ferry captain's daughter.

The Velmora Rowing Club holds its regatta every June, when Ida Moss's trophy is rowed for.
"""


async def test_ask_ranks_the_answer_first_by_meaning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = await Archive.open(tmp_path / "s.db", seeds=None)
    question = "Who founded the Velmora Rowing Club?"
    try:
        await archive.add_text(PARAPHRASE, name="rowing.txt")
        _text, ranked = await search.rank(archive._store, question, None)
        assert "established in 1921" in ranked[0].candidate.text
        # "founded" is in neither sentence, so `ask` offers them as the closest passages.
        assert "established in 1921" in (await archive.ask(question)).suggestions[0].text
        # With the meaning left out, the other sentence comes first.
        monkeypatch.setattr(
            semantic, "evidence", lambda words, weights, exact, texts, of: np.zeros((len(texts), 5))
        )
        _text, ranked = await search.rank(archive._store, question, None)
        assert "regatta" in ranked[0].candidate.text
    finally:
        await archive.close()


def test_a_sentence_word_split_into_pieces_is_compared_whole() -> None:
    # "lighthouses" is several tokens: summed, as the question's words
    # are, it lies close to "lighthouse"; compared piece by piece its best piece did not (0.73).
    rows = evidence(["lighthouse"], ["The lighthouses stood.", "The house was light."], [0, 1])
    assert rows[0, SOFT] > 0.85
    assert rows[1, SOFT] < rows[0, SOFT] - 0.3


def test_density_is_the_question_words_held_over_the_shortest_stretch_holding_them() -> None:
    from bot.core.search.features import _density

    asked = {"bridge": 1.0, "designed": 1.0}
    assert _density(asked, ["the", "bridge", "was", "designed", "by", "hals"]) == pytest.approx(2 / 3)
    far = ["the", "bridge", "crosses", "the", "river", "and", "was", "later", "designed", "again"]
    assert _density(asked, far) == pytest.approx(2 / 8)
    assert _density(asked, ["the", "bridge", "opened"]) == 0.0  # one word alone: no stretch
