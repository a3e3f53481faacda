"""Did you mean: `said` and `who` name the other people who fit as well as the top one."""

from __future__ import annotations

import json

import pytest

from bot.__main__ import main
from bot.core.archive import Archive

CLINTONS = b"""Two Clintons in Dayton

Former President Bill Clinton said the factory closures had hurt every family in the valley.

Hillary Clinton said the state needed a new rail line between Dayton and Columbus.
"""

ECHO = b"""Rivals agree on the bridge

Mayor Anna Keller said the old bridge over the Velm river must be replaced before winter.

Councillor Tomas Reyes said the old bridge over the Velm river must be replaced before the winter.

Treasurer Ida Moss said the library roof could wait another year.
"""


@pytest.fixture()
async def archive(new_archive):
    archive = await Archive.open(new_archive(), seeds=None)
    await archive.add_text(CLINTONS, name="clintons.txt")
    await archive.add_text(ECHO, name="echo.txt")
    yield archive
    await archive.close()


async def test_who_names_the_other_speaker_when_two_said_nearly_the_same(archive):
    result = await archive.who("the old bridge over the Velm river must be replaced")
    speakers = {a.speaker for a in result.answers}
    assert len(speakers) == 2
    assert len(result.did_you_mean) == 1
    assert {result.answers[0].speaker, *result.did_you_mean} == speakers


async def test_who_with_one_clear_speaker_offers_nobody_else(archive):
    result = await archive.who("the library roof could wait another year")
    assert result.answers[0].speaker and "Moss" in result.answers[0].speaker
    assert result.did_you_mean == ()


async def test_who_does_not_offer_the_source_that_reports_the_top_speakers_words(new_archive):
    archive = await Archive.open(new_archive(), seeds=None)
    try:
        await archive.add_text(
            b"Port news\n\nMaria Keller runs the port.\n\n"
            b'"Nobody may protest on the floor of the hall," Keller said, according to the Ledger.\n',
            name="ledger.txt",
        )
        result = await archive.who("nobody may protest on the floor")
        assert result.answers[0].speaker == "Maria Keller"
        assert result.did_you_mean == ()  # the Ledger reported her words; it said nothing else
    finally:
        await archive.close()


async def test_said_an_exact_full_name_offers_nobody_else(archive):
    result = await archive.said("Bill Clinton")
    assert result.speaker == "Bill Clinton" and result.did_you_mean == ()


def test_said_a_shared_surname_offers_both_in_json_and_text(tmp_path, monkeypatch, capsys):
    article = tmp_path / "clintons.txt"
    article.write_bytes(CLINTONS)
    monkeypatch.setenv("ARCHIVIST_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("ARCHIVIST_SEEDS", "")
    assert main(["add", str(article)]) == 0
    capsys.readouterr()
    assert main(["--json", "said", "Clinton"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {out["speaker"], *out["did_you_mean"]} == {"Bill Clinton", "Hillary Clinton"}
    assert len(out["did_you_mean"]) == 1
    assert main(["said", "Clinton"]) == 0
    text = capsys.readouterr().out
    assert f"Did you mean: {out['did_you_mean'][0]}?" in text
    assert main(["--json", "said", "Hillary Clinton"]) == 0
    assert json.loads(capsys.readouterr().out)["did_you_mean"] == []
