"""verify: each verdict on articles written here, the match and the marked differences."""

from __future__ import annotations

import json

import pytest

from bot.__main__ import main
from bot.core.archive import Archive
from bot.core.errors import BadQuery

HARBOUR = b"""Harbour plan divides Velmora council

Mayor Anna Keller said the new harbour would bring a thousand jobs to the town within five years.

"We cannot let the old docks rot while our young people leave," Keller said on Tuesday.

Councillor Tomas Reyes warned that the dredging would poison the oyster beds along the northern shore.

"This harbour is a monument to vanity, paid for by the fishermen," Reyes said.
"""

CLINTONS = b"""Two Clintons on the trail in Dayton

Former President Bill Clinton told the crowd that the factory closures had hurt every family in the valley.

Hillary Clinton said the state needed a new rail line between Dayton and Columbus before the next decade.
"""


@pytest.fixture()
async def archive(new_archive):
    archive = await Archive.open(new_archive(), seeds=None)
    await archive.add_text(HARBOUR, name="harbour.txt")
    await archive.add_text(CLINTONS, name="clintons.txt")
    yield archive
    await archive.close()


async def test_the_exact_words_are_verbatim(archive):
    result = await archive.verify("We cannot let the old docks rot while our young people leave", by="Keller")
    assert result.verdict == "verbatim"
    assert result.match == 100
    assert result.person == "Anna Keller"
    assert result.answers[0].speaker == "Anna Keller"
    assert result.differences == ()


async def test_case_and_punctuation_do_not_make_a_paraphrase(archive):
    result = await archive.verify(
        "we cannot let the old docks rot, while our young people leave!", by="Keller"
    )
    assert result.verdict == "verbatim"


async def test_a_changed_word_is_a_close_paraphrase_and_the_word_is_marked(archive):
    result = await archive.verify(
        "We cannot let the old docks decay while our young people leave", by="Keller"
    )
    assert result.verdict == "paraphrase"
    assert 80 <= result.match < 97
    assert [(d.op, d.quote, d.archive) for d in result.differences] == [("replace", "decay", "rot")]
    assert "[-decay-]{+rot+}" in result.marked


async def test_the_same_point_in_other_words_is_reworded(archive):
    result = await archive.verify("the harbour will create a thousand jobs", by="Anna Keller")
    assert result.verdict == "reworded"
    assert result.match < 80
    assert "thousand jobs" in result.answers[0].text


async def test_someone_elses_words_are_misattributed_and_name_the_speaker(archive):
    result = await archive.verify("This harbour is a monument to vanity", by="Keller")
    assert result.verdict == "misattributed"
    assert result.person == "Anna Keller"
    assert "Reyes" in (result.answers[0].speaker or "")
    assert result.match == 100


async def test_words_nobody_said_are_not_found(archive):
    result = await archive.verify("Bananas are yellow and the moon is cheese", by="Keller")
    assert result.verdict == "not_found"
    assert result.answers == ()


async def test_a_quote_the_person_never_made_a_point_like_is_not_found(archive):
    # Keller's words share "harbour" with this, but not its point.
    result = await archive.verify("the harbour poisons the oyster beds", by="Keller")
    assert result.verdict in ("misattributed", "not_found")
    if result.verdict == "misattributed":
        assert "Reyes" in (result.answers[0].speaker or "")


async def test_without_a_person_the_verdict_is_about_the_words_and_names_who(archive):
    result = await archive.verify("This harbour is a monument to vanity, paid for by fishermen")
    assert result.verdict in ("verbatim", "paraphrase")
    assert "Reyes" in (result.answers[0].speaker or "")


async def test_an_ambiguous_name_accepts_either_and_offers_the_other(archive):
    result = await archive.verify(
        "the state needed a new rail line between Dayton and Columbus", by="Clinton"
    )
    assert result.verdict == "verbatim"
    assert result.answers[0].speaker == "Hillary Clinton"
    assert {result.person, *result.did_you_mean} == {"Bill Clinton", "Hillary Clinton"}


async def test_an_empty_quote_is_refused(archive):
    with pytest.raises(BadQuery):
        await archive.verify("   ")


def test_cli_json_has_the_commands_shape_plus_verdict_and_match(tmp_path, monkeypatch, capsys):
    article = tmp_path / "harbour.txt"
    article.write_bytes(HARBOUR)
    monkeypatch.setenv("ARCHIVIST_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("ARCHIVIST_SEEDS", "")
    assert main(["add", str(article)]) == 0
    capsys.readouterr()
    assert main(["--json", "verify", "This harbour is a monument to vanity", "--by", "Keller"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] == "misattributed" and out["match"] == 100
    assert out["query"] == "This harbour is a monument to vanity"
    assert "Reyes" in out["answers"][0]["speaker"]
    assert main(["verify", "We cannot let the old docks decay while our young people leave"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Close paraphrase: Anna Keller")
    assert "[-decay-]{+rot+}" in text


async def test_words_the_archive_lacks_are_not_found_but_the_person_is_still_named(archive):
    result = await archive.verify("zorblatt quixotic marmalade", by="Clinton")
    assert result.verdict == "not_found" and result.answers == ()
    assert result.person in {"Bill Clinton", "Hillary Clinton"}
    assert {result.person, *result.did_you_mean} == {"Bill Clinton", "Hillary Clinton"}


async def test_words_a_pair_said_together_are_each_ones(new_archive):
    pair = b"""Harbour Stars Split

Lena Voss and Marco Bellini married in May.

"We have decided to part ways," the pair said in a joint statement.
"""
    async with await Archive.open(new_archive(), seeds=None) as archive:
        await archive.add_text(pair, name="pair.txt")
        result = await archive.verify("We have decided to part ways", by="Bellini")
        assert result.verdict == "verbatim"


async def test_narration_around_a_quote_is_no_ones_words(archive):
    # ("Councillor Tomas Reyes warned that": the words telling who spoke are the reporter's)
    result = await archive.verify("Councillor Tomas Reyes warned", by="Reyes")
    assert result.verdict == "not_found"
    result = await archive.verify("Keller said on Tuesday", by="Keller")
    assert result.verdict == "not_found"


async def test_a_quote_that_drops_a_negation_says_the_opposite_and_is_not_confirmed(archive):
    result = await archive.verify("We can let the old docks rot while our young people leave", by="Keller")
    assert (result.verdict, result.negated) == ("not_found", True)
    assert result.answers and result.answers[0].speaker == "Anna Keller"  # (the wording is still shown)
    assert any("cannot" in d.archive for d in result.differences)


async def test_a_changed_last_word_shows_as_replaced_not_dropped(archive):
    result = await archive.verify("This harbour is a monument to vanity, paid for by the sailors", by="Reyes")
    assert result.verdict == "paraphrase"
    assert [(d.op, d.quote, d.archive) for d in result.differences] == [("replace", "sailors", "fishermen")]
    assert not result.wording.startswith('"')


async def test_a_namesakes_words_name_that_namesake_as_the_speaker(archive):
    result = await archive.verify(
        "the state needed a new rail line between Dayton and Columbus", by="Clinton"
    )
    assert result.verdict == "verbatim"
    assert result.person == result.answers[0].speaker == "Hillary Clinton"
    assert "Bill Clinton" in result.did_you_mean


async def test_said_finds_a_first_name_alone_and_a_name_typed_with_an_accent(archive):
    assert (await archive.said("Tomas")).speaker == "Tomas Reyes"
    assert (await archive.said("Réyes")).speaker == "Tomas Reyes"


def test_cli_says_when_it_knows_nobody_by_the_name_given(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARCHIVIST_DB", str(tmp_path / "a.db"))
    monkeypatch.setenv("ARCHIVIST_SEEDS", "")
    article = tmp_path / "harbour.txt"
    article.write_bytes(HARBOUR)
    assert main(["add", str(article)]) == 0
    capsys.readouterr()
    main(["verify", "This harbour is a monument to vanity", "--by", "Zed Quorra"])
    assert "I know nobody called 'Zed Quorra'" in capsys.readouterr().out
