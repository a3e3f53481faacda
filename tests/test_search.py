"""Ranking behaviour of bot/core/search.py on small archives made here (no timing asserts)."""

from __future__ import annotations

import sqlite3
from importlib import resources

import pytest

from bot.core import ingest, search
from bot.core.archive import Archive
from bot.core.errors import BadQuery
from bot.core.search import Term, _plan, answer_kind
from bot.core.store import Store

HARBOUR = [
    "The harbour of Velmora was built by Dutch engineers. Work began in 1712 and lasted eleven years. "
    "It was the largest harbour on the coast.",
    "Trade in the harbour grew quickly. Merchants shipped grain, salt and timber to the northern ports. "
    "By 1790 more than four hundred ships used it every year.",
    "The lighthouse beside the harbour was designed by Anna Vermeer. Its lamp burned whale oil until 1850.",
]
ORCHARD = [
    "The orchards south of Velmora grow apples and pears. Most trees were planted after the great frost.",
    "Farmers sell the fruit at the Saturday market. Cider from the valley is exported to three countries.",
]


@pytest.fixture()
async def archive(new_archive):
    archive = await Archive.open(new_archive(), seeds=None)
    await archive.add_document(ingest.build_document("The harbour of Velmora", HARBOUR))
    await archive.add_document(ingest.build_document("Orchards", ORCHARD))
    yield archive
    await archive.close()


def _terms(*dfs: int) -> list[Term]:
    return [Term(f"w{i}", f"w{i}", df, 1.0) for i, df in enumerate(dfs)]


def test_plan_ors_every_word_when_they_match_few_rows():
    assert _plan(_terms(3, 10, 40), budget=1000) == '"w0" OR "w1" OR "w2"'


def test_plan_searches_common_words_only_in_pairs():
    # A pair is guessed to match half its rarer word's rows; pairs are added while they fit.
    assert _plan(_terms(50, 9000, 9500, 9900), budget=5000) == '"w0" OR ("w1" AND "w2")'
    assert _plan(_terms(50, 9000, 9500, 9900), budget=1000) == '"w0"'


def test_plan_falls_back_to_the_rarest_words_together():
    assert _plan(_terms(90_000, 95_000, 99_000), budget=1000) == '"w0" AND "w1" AND "w2"'


def test_plan_quotes_words_so_fts_syntax_is_inert():
    plan = _plan([Term('a"b', "ab", 1, 1.0), Term("NEAR", "near", 1, 1.0)], budget=100)
    assert plan == '"a""b" OR "NEAR"'


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the harbour built?", "time"),
        ("In what year did work begin?", "time"),
        ("How many ships used it?", "number"),
        ("Who designed the lighthouse?", "name"),
        ("Which country buys the cider?", "name"),
        ("What did the lamp burn?", None),
    ],
)
def test_answer_kind(question, kind):
    assert answer_kind(question) == kind


async def test_when_question_prefers_the_sentence_with_a_date(archive):
    result = await archive.ask("When did work on the Velmora harbour begin?")
    assert result.answers and "1712" in result.answers[0].text


async def test_how_many_prefers_the_sentence_with_a_number(archive):
    result = await archive.ask("How many ships used the harbour every year?")
    assert result.answers and "four hundred" in result.answers[0].text


async def test_who_question_prefers_the_sentence_with_a_new_name(archive):
    result = await archive.ask("Who designed the lighthouse?")
    assert result.answers and "Anna Vermeer" in result.answers[0].text


async def test_the_right_paragraph_wins_over_a_shared_place_name(archive):
    result = await archive.ask("What fruit grows in the orchards near Velmora?")
    assert result.answers and "apples and pears" in result.answers[0].text


async def test_unrelated_question_gets_no_answer_only_suggestions(archive):
    result = await archive.ask("What is the recipe for the harbour banana bread?")
    assert result.answers == ()
    assert result.suggestions and all("harbour" in s.text.lower() for s in result.suggestions)
    assert (await archive.ask("What is the largest harbour on the coast?")).answers  # it does answer


async def test_rank_lists_candidates_even_below_the_threshold(archive):
    text, ranked = await search.rank(archive._store, "harbour recipe banana bread", None)
    assert text == "harbour recipe banana bread"
    assert ranked and ranked[0].confidence < search.ASK_THRESHOLD
    assert ranked == sorted(ranked, key=lambda r: r.score, reverse=True)


@pytest.mark.parametrize(
    "question", ["NEAR(harbour", "col:harbour", "harbour AND OR NOT", "(harbour) OR)", "harbour' OR 1=1; --"]
)
async def test_query_syntax_in_questions_is_inert(archive, question):
    # FTS5 syntax is read as plain words: the same answers as the words alone.
    words = " ".join(search._WORD_RE.findall(question))
    for method in (archive.ask, archive.who):
        got, plain = await method(question), await method(words)
        assert (got.answers, got.suggestions) == (plain.answers, plain.suggestions)
    found = await archive.ask(question)
    assert any("harbour" in a.text.lower() for a in found.answers + found.suggestions)


@pytest.mark.parametrize("question", ['"', "(", "*:-", "  "])
async def test_a_question_without_words_is_one_sentence(archive, question):
    for method in (archive.ask, archive.who):
        with pytest.raises(BadQuery):
            await method(question)


async def test_removed_articles_leave_the_paragraph_index(archive):
    orchard = next(a for a in (await archive.articles())[0] if a.ref.title == "Orchards")
    await archive.remove(orchard.ref.id)
    result = await archive.ask("What fruit grows in the orchards near Velmora?")
    assert all(a.article.title != "Orchards" for a in result.answers + result.suggestions)
    await archive.add_document(ingest.build_document("Orchards", ORCHARD))  # same rows again: no stale index
    result = await archive.ask("What fruit grows in the orchards near Velmora?")
    assert result.answers and "apples and pears" in result.answers[0].text


async def test_paragraphs_of_other_servers_do_not_crowd_out_ones_own(new_archive):
    async with await Archive.open(new_archive(), seeds=None) as archive:
        for n in range(60):
            doc = ingest.build_document(
                f"Copy {n}", [f"The harbour lighthouse burned whale oil, says report {n}."]
            )
            await archive.add_document(doc, guild_id=1)
        await archive.add_document(
            ingest.build_document("Ours", ["The harbour lighthouse burned whale oil too."]), guild_id=2
        )
        result = await archive.ask("What did the harbour lighthouse burn?", guild_id=2)
        assert result.answers and result.answers[0].article.title == "Ours"


async def test_quotes_of_other_servers_do_not_crowd_out_ones_own(new_archive):
    # who's rows in scope are chosen before they are joined to their sentences: the best rows
    # of the index here are all another server's.
    async with await Archive.open(new_archive(), seeds=None) as archive:
        for n in range(60):
            said = f"said Ada Holm{n}, a keeper."
            text = f"\u201cThe lighthouse burned whale oil, as report {n} says,\u201d {said}"
            await archive.add_document(ingest.build_document(f"Copy {n}", [text]), guild_id=1)
        text = "\u201cThe lighthouse burned whale oil until 1850,\u201d said Ole Strand, the keeper."
        await archive.add_document(ingest.build_document("Ours", [text]), guild_id=2)
        result = await archive.who("the lighthouse burned whale oil", guild_id=2)
        assert result.answers and result.answers[0].article.title == "Ours"
        assert result.answers[0].speaker == "Ole Strand"


async def test_version_1_archives_get_the_search_indexes(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(resources.files("bot.core").joinpath("schema.sql").read_text("utf-8"))
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO articles (id, title, body, content_hash) VALUES (1, 'Old', 'x', 'h')")
    db.execute(
        "INSERT INTO sentences (id, article_id, idx, paragraph, start, end, text) VALUES"
        " (7, 1, 0, 0, 0, 1, 'The lighthouse lamp burned whale oil.'),"
        " (8, 1, 1, 0, 0, 1, 'It was replaced in 1850.')"
    )
    db.execute("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences")
    db.commit()
    db.close()
    store = await Store.open(path)
    try:
        hits = await store.paragraph_hits('"lighthouse" AND "1850"', None, 5)  # words of two sentences
        assert [(a, p) for a, p, _ in hits] == [(1, 0)]
    finally:
        await store.close()


def _parse(text: str) -> search._Parsed:
    tokens = tuple(text.split())
    return search._Parsed(text, tokens, frozenset(tokens), text, search._heads(tokens))


def test_prefix_gain_credits_words_that_share_their_beginning_only():
    # Porter leaves "europ" and "european" apart; five shared letters join them.
    question = [("europ", 2.0), ("trade", 1.0), ("coal", 1.0), ("war", 1.0)]
    assert search._prefix_gain(question, _parse("european coal trade")) == 0.7 * 2.0
    # Words found exactly count as cover, not here.
    assert search._prefix_gain(question, _parse("europ coal trade")) == 0.0
    # A four-letter word needs a word at most three letters longer: "coals" yes, "coalition" no.
    assert search._prefix_gain(question, _parse("coals")) == 0.5 * 1.0
    assert search._prefix_gain(question, _parse("coalition")) == 0.0
    assert search._prefix_gain(question, _parse("warfare wars")) == 0.0  # three-letter words never


def test_local_weights_fall_for_words_every_candidate_holds():
    candidates = [
        frozenset({"velmora", "harbour"}),
        frozenset({"velmora", "lighthouse"}),
        frozenset({"velmora"}),
    ]
    weights = search._local_weights([("velmora", 1.0), ("lighthouse", 1.0)], candidates)
    assert weights["lighthouse"] > weights["velmora"] > 0


def test_contractions_typed_without_apostrophes_are_restored():
    assert search.restore_apostrophes("hes sure theyre late and I dont know") == (
        "he's sure they're late and I don't know"
    )
    # Forms that are words in their own right stay as typed.
    assert (
        search.restore_apostrophes("its walls were ill lit, well shed") == "its walls were ill lit, well shed"
    )


async def test_who_forgives_a_fragment_typed_without_apostrophes(new_archive):
    async with await Archive.open(new_archive(), seeds=None) as archive:
        quote = "\u201cHe\u2019s not going anywhere, and they\u2019re staying put,\u201d said Ana Ruiz."
        other = "Tom Hale said the ferry crew is not going anywhere and is staying in port."
        await archive.add_document(ingest.build_document("Ruiz", [quote]))
        await archive.add_document(ingest.build_document("Hale", [other]))
        typed = await archive.who("hes not going anywhere theyre staying put")
        written = await archive.who("he's not going anywhere they're staying put")
        assert typed.answers and typed.answers[0].speaker == "Ana Ruiz"
        # The apostrophes the fragment lacks cost it nothing.
        assert typed.answers[0].score == written.answers[0].score


async def test_who_answers_nothing_for_words_that_only_share_their_little_ones(new_archive):
    archive = await Archive.open(new_archive(), seeds=None)
    try:
        await archive.add_text(
            b'Salt battery unveiled\n\n"The dose makes the poison," Professor Jun Ito said of the battery.\n',
            name="battery.txt",
        )
        # ("the ... is made of ...": its small words line up with the quote, nothing else does)
        assert (await archive.who("the moon is made of cheese")).answers == ()
        assert (await archive.who("the dose makes the poison")).answers[0].speaker == "Jun Ito"
    finally:
        await archive.close()
