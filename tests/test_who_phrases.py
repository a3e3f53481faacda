"""`who` at scale: a fragment's adjacent word pairs, searched as phrases, find a quote that
its rare words alone do not (a wrong word in the fragment can be its rarest); and the first
search, for the rows holding all but one of the rarest words, finds it before either."""

from __future__ import annotations

import importlib
import itertools

import pytest

from bot.core.archive import Archive

who_module = importlib.import_module("bot.core.search.who")

QUOTE = b"""Port keeps working

Harbour master Ida Brunn said the harbour cranes will stay open all winter for the grain ships.
"""

# Other people's words: "remain" (the fragment's wrong word) is rare in the archive and
# holds in each of them, so the rare-word search ranks them above the quote.
DISTRACTORS = [
    f"""Remain calm {n}

Councillor Per Holm{n} said the cranes remain a pride of the town and the harbour will remain busy.
""".encode()
    for n in "ABCDEF"
]

# Each of the quote's other words is common (every filler holds them, never side by side as
# the quote has them), as each word of a fragment is at a million sentences.
FILLER = [
    f"""Budget note {n}

Treasurer Lena Okoro{n} said the harbour budget for winter really must stay open to cranes and ships.
""".encode()
    for n in range(30)
]

FRAGMENT = "the harbour cranes will remain open all winter"


@pytest.fixture()
async def archive(new_archive, monkeypatch):
    # Three candidates of 37 attributions stand for forty of a million. The phrase tests
    # are about the wider search: the first search (all but one of the rarest words) is off
    # unless a test turns it on.
    monkeypatch.setattr(who_module, "WHO_CANDIDATES", 3)
    monkeypatch.setattr(who_module, "NEARLY_ALL", 0)
    archive = await Archive.open(new_archive(), seeds=None)
    await archive.add_text(QUOTE, name="quote.txt")
    for n, text in enumerate(DISTRACTORS + FILLER):
        await archive.add_text(text, name=f"d{n}.txt")
    yield archive
    await archive.close()


async def test_rare_words_alone_starve_the_quote(archive, monkeypatch):
    # The setting the phrases are for: without them the quote is not among the candidates.
    monkeypatch.setattr(who_module, "PHRASES", 0)
    result = await archive.who(FRAGMENT)
    assert all("Brunn" not in (a.speaker or "") for a in (*result.answers, *result.suggestions))


async def test_phrases_find_the_quote_the_rare_words_miss(archive):
    result = await archive.who(FRAGMENT)
    assert result.answers and result.answers[0].speaker == "Ida Brunn"
    assert "harbour cranes will stay open" in result.answers[0].text


async def test_a_fragment_that_lines_up_costs_one_search(archive, monkeypatch):
    # The phrase search is spent only when the rare words find nothing that lines up.
    store = archive._store
    searched: list[str] = []
    original = store.quote_candidates

    async def counted(match, guild_id, limit):  # noqa: ANN001, ANN202
        searched.append(match)
        return await original(match, guild_id, limit)

    monkeypatch.setattr(store, "quote_candidates", counted)
    result = await archive.who("cranes will stay open all winter for the grain ships")
    assert result.answers[0].speaker == "Ida Brunn"
    assert len(searched) == 1
    searched.clear()
    await archive.who(FRAGMENT)
    assert len(searched) == 2 and '"harbour cranes"' in searched[1]


async def test_phrases_skip_pairs_of_function_words(archive):
    # "of the" matches most sentences of an archive and FTS5 reads both position lists
    # whole: it is never searched; the content word's pairs are, none overlapping.
    from bot.core.search.query import prepare

    query = await prepare(archive._store, "the cranes of the")
    assert who_module._phrase_match(query) == '"the cranes"'
    query = await prepare(archive._store, "harbour cranes will remain open")
    phrases = who_module._phrase_match(query)
    assert '"harbour cranes"' in phrases and not ('"will remain"' in phrases and '"remain open"' in phrases)


async def test_nearly_all_the_rarest_words_find_the_quote_first(archive, monkeypatch):
    # The wrong word ("remain") is among the rarest, the quote holds the others: the rows
    # holding all but one of them hold the quote, and the other searches are not needed.
    monkeypatch.setattr(who_module, "NEARLY_ALL", 4)
    store = archive._store
    searched: list[str] = []
    original = store.quote_candidates

    async def counted(match, guild_id, limit):  # noqa: ANN001, ANN202
        searched.append(match)
        return await original(match, guild_id, limit)

    monkeypatch.setattr(store, "quote_candidates", counted)
    result = await archive.who(FRAGMENT)
    assert result.answers and result.answers[0].speaker == "Ida Brunn"
    assert len(searched) == 1 and " AND " in searched[0]


def test_all_but_one_means_all_but_one():
    # The expression is written compactly (each word named about half as often as the
    # groups of n-1 would name it); it must still mean exactly "all but one".
    for n in range(2, 7):
        words = [f"w{i}" for i in range(n)]
        expression = who_module._all_but_one(words).replace(" AND ", " and ").replace(" OR ", " or ")
        for held in itertools.product((False, True), repeat=n):
            assert eval(expression, {}, dict(zip(words, held, strict=True))) == (sum(held) >= n - 1)


async def test_nearly_all_expression(archive, monkeypatch):
    from bot.core.search.query import prepare

    monkeypatch.setattr(who_module, "NEARLY_ALL", 3)
    query = await prepare(archive._store, "grain ships remain")
    assert all(f'"{w}"' in who_module._nearly_all(query) for w in ("grain", "ships", "remain"))
    query = await prepare(archive._store, "grain ships")
    assert who_module._nearly_all(query) in ('"grain" AND "ships"', '"ships" AND "grain"')
    query = await prepare(archive._store, "the grain")
    assert who_module._nearly_all(query) == ""


async def test_one_common_searchable_word_is_searched_by_its_phrases(archive, monkeypatch):
    # "harbour" is the fragment's one searchable word, and every filler holds it: BM25 over
    # all its rows would find nothing in particular, so only its phrases are searched. (More
    # sentences hold it than a search may score, scaled down to this archive.)
    store = archive._store
    searched: list[str] = []
    original = store.quote_candidates

    async def counted(match, guild_id, limit):  # noqa: ANN001, ANN202
        searched.append(match)
        return await original(match, guild_id, limit)

    monkeypatch.setattr(store, "quote_candidates", counted)
    await archive.who("and the harbour will")
    assert '"harbour"' in searched  # a word few sentences hold is searched alone
    searched.clear()
    monkeypatch.setattr(who_module, "WHO_POSTINGS", 10)
    await archive.who("and the harbour will")
    assert searched and '"harbour"' not in searched and all('"the harbour"' in m for m in searched)
