"""Stale and odd payloads from Discord: each gets a valid reply of the right type, saying what is
wrong, and the log gets one line at info level (they are not the bot's bugs)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.fake_discord.harness import BotHarness
from tests.fake_discord.server import EPHEMERAL

UNEXPECTED = "Something went wrong on my side; it has been logged."


def command(h: BotHarness, name: str, options: Any) -> dict[str, Any]:
    return {"id": h.fake.command_id(name), "name": name, "type": 1, "options": options}


CASES = {
    "stale registration": (
        lambda h: {"id": "1234", "name": "gone", "type": 1, "options": []},
        "I no longer have a /gone command",
    ),
    "missing option": (lambda h: command(h, "ask", []), "Missing `question`"),
    "options null": (lambda h: command(h, "ask", None), "Missing `question`"),
    "wrong option type": (
        lambda h: command(h, "ask", [{"name": "question", "type": 4, "value": 5}]),
        "The /ask command has changed",
    ),
    "right type, wrong value": (
        lambda h: command(h, "ask", [{"name": "question", "type": 3, "value": 5}]),
        "Discord sent `question` in a form I cannot read",
    ),
    "unknown option": (
        lambda h: command(h, "stats", [{"name": "verbose", "type": 5, "value": True}]),
        "The /stats command has changed",
    ),
    "missing attachment": (
        lambda h: command(h, "add", [{"name": "file", "type": 11, "value": "999"}]),
        "The file for `file` did not come through",
    ),
}


@pytest.mark.parametrize("case", CASES)
async def test_stale_commands_say_what_is_wrong(harness: BotHarness, caplog: Any, case: str) -> None:
    caplog.set_level(logging.INFO)
    make, expected = CASES[case]
    ix = await harness.fake.raw_interaction(2, harness.guild, harness.mod, make(harness))
    reply = await harness.fake.reply(ix)
    assert reply["flags"] & EPHEMERAL
    assert reply["content"].startswith(expected), reply["content"]
    assert reply["content"] != UNEXPECTED
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [
        r.getMessage() for r in caplog.records
    ]
    assert any(r.levelno == logging.INFO and "stale interaction" in r.getMessage() for r in caplog.records)


async def test_options_null_on_a_command_without_options(harness: BotHarness) -> None:
    ix = await harness.fake.raw_interaction(2, harness.guild, harness.alice, command(harness, "stats", None))
    reply = await harness.fake.reply(ix)
    assert reply["embeds"][0]["title"] == "Archive statistics"


AUTOCOMPLETE = {
    "command without autocomplete": ("ask", [{"name": "question", "type": 3, "value": "x", "focused": True}]),
    "no focused option": ("said", [{"name": "person", "type": 3, "value": "lov"}]),
    "integer value": ("said", [{"name": "person", "type": 3, "value": 5, "focused": True}]),
    "null value": ("said", [{"name": "person", "type": 3, "value": None, "focused": True}]),
    "null options": ("said", None),
    "unknown command": ("gone", [{"name": "x", "type": 3, "value": "", "focused": True}]),
}


@pytest.mark.parametrize("case", AUTOCOMPLETE)
async def test_odd_autocomplete_gets_choices_never_a_message(
    harness: BotHarness, caplog: Any, case: str
) -> None:
    name, options = AUTOCOMPLETE[case]
    data = {"id": "1", "name": name, "type": 1, "options": options}
    if name != "gone":
        data["id"] = harness.fake.command_id(name)
    ix = await harness.fake.raw_interaction(4, harness.guild, harness.alice, data)
    callback = await harness.fake.callback(ix)
    assert callback.json["type"] == 8
    choices = callback.json["data"]["choices"]
    assert isinstance(choices, list) and len(choices) <= 25
    if case == "null value":  # an empty search: any names will do
        assert choices
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_failing_autocomplete_still_answers(harness: BotHarness) -> None:
    async def broken(*args: object, **kwargs: object) -> list[str]:
        raise RuntimeError("index on fire")

    harness.archive.speaker_names = broken  # type: ignore[method-assign]
    ix = await harness.fake.slash(harness.guild, harness.alice, "said", {"person": "lov"}, focused="person")
    callback = await harness.fake.callback(ix)
    assert callback.json == {"type": 8, "data": {"choices": []}}
