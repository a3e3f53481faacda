"""Faults the bot must survive (429s, a dropped gateway) and Discord's size limits, end to end."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.core import ingest
from tests.fake_discord.harness import BotHarness, attributed, start_bot
from tests.fake_discord.server import EPHEMERAL


async def test_rate_limited_reply_is_retried(harness: BotHarness) -> None:
    fake = harness.fake
    fake.fail_next("POST", "/interactions/", status=429, retry_after=0.2)
    ix = await fake.slash(harness.guild, harness.alice, "ask", {"question": "what will the bridge carry?"})
    reply = await fake.reply(ix)
    assert "trams" in reply["embeds"][0]["description"]
    attempts = [r for r in fake.requests if r.path.startswith(f"/interactions/{ix.id}/")]
    assert [r.status for r in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 0.15, "the client must wait retry_after before retrying"


async def test_rate_limited_channel_message_is_retried(harness: BotHarness) -> None:
    fake = harness.fake
    fake.fail_next("POST", f"/channels/{harness.guild.channel_id}/messages", status=429, retry_after=0.1)
    start = len(fake.requests)
    await fake.message(harness.guild, harness.alice, "!ask how long will construction take")
    reply = await fake.channel_reply(harness.guild.channel_id, start)
    assert "three years" in reply["embeds"][0]["description"]


async def test_gateway_reconnect_mid_conversation(harness: BotHarness) -> None:
    fake = harness.fake
    first = await harness.slash_reply("said", {"person": "Grace Hopper"})
    assert first["components"]

    await fake.drop_gateway(4000)
    # Sent while the bot is disconnected: the resume must replay it.
    ix = await fake.slash(harness.guild, harness.bob, "ask", {"question": "what will the bridge carry?"})
    reply = await fake.reply(ix, timeout=15)
    assert "trams" in reply["embeds"][0]["description"]
    assert fake.resumes == 1 and fake.identifies == 1

    # The conversation goes on: the buttons from before the drop still work for the asker.
    more = await fake.reply(await fake.click(harness.guild, harness.alice, first, "More"))
    assert more["embeds"][0]["footer"]["text"].startswith("Answer 2 of ")
    start = len(fake.requests)
    await fake.message(harness.guild, harness.alice, "!ask how long will construction take")
    assert (
        "three years"
        in (await fake.channel_reply(harness.guild.channel_id, start))["embeds"][0]["description"]
    )


async def test_fake_rejects_what_discord_rejects(harness: BotHarness) -> None:
    """Guards the guard: an over-long message really fails here, as on Discord."""
    channel = harness.bot.get_channel(harness.guild.channel_id)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.HTTPException) as error:
        await channel.send("x" * 2001)
    assert error.value.status == 400 and error.value.code == 50035
    with pytest.raises(discord.HTTPException):
        await channel.send(embed=discord.Embed(description="y" * 4097))
    with pytest.raises(discord.HTTPException):
        await channel.send(embeds=[discord.Embed(description="z" * 3000) for _ in range(3)])


def _long_article() -> list[str]:
    # One enormous paragraph of quoted sentences (with Markdown and mentions), and a
    # single sentence far longer than any embed.
    sentence = "The harbour master said the *new* quay at Kelpie Point needs dredging before winter."
    paragraph = " ".join(f"{sentence[:-1]} number {i}." for i in range(120))
    monster = "Kelpie Point " + " and ".join(f"berth {i} needs __dredging__" for i in range(900)) + "."
    return [paragraph, monster, "@everyone should read the report, the harbour master said."]


async def test_long_answers_fit_discords_limits(harness: BotHarness) -> None:
    fake = harness.fake
    doc = ingest.build_document("Kelpie Point dredging", _long_article(), date="2024-02-02")
    doc = attributed(doc, {"harbour master said": ("Morag Quill", "harbour master")})
    await harness.archive.add_document(doc, guild_id=harness.guild.id)

    reply = await harness.slash_reply("ask", {"question": "which berth needs dredging at Kelpie Point?"})
    embed = reply["embeds"][0]
    assert len(embed["description"]) <= 4096 and embed["description"].endswith("\u2026**")
    source = await fake.reply(await fake.click(harness.guild, harness.alice, reply, "Source"))
    assert source["flags"] & EPHEMERAL and source["embeds"][0]["description"].endswith("\u2026")

    said = await harness.slash_reply("said", {"person": "Morag Quill"})
    assert said["embeds"][0]["fields"][0]["value"] == "Morag Quill, harbour master"

    # /article of a long article: the card fits, the whole text comes as a file.
    article = await harness.slash_reply("article", {"article": "Kelpie Point dredging"})
    callback = next(r for r in fake.requests if r.path.startswith("/interactions/") and r.files)
    assert callback.files and callback.files[0][0].endswith(".txt")
    assert b"berth 899 needs __dredging__" in callback.files[0][1]
    assert article["embeds"][0]["title"] == "Kelpie Point dredging"

    # Every message the bot tried to send was accepted: nothing hit the 400 guard.
    assert not [r for r in fake.requests if r.status == 400]


async def test_closing_finishes_deferred_answers_first(tmp_path: Path) -> None:
    """Shutdown with a backlog: every deferred answer is still sent (none left "thinking"),
    and a question that arrives meanwhile is told to come back."""
    async with start_bot(tmp_path, defer_after=0.0) as h:
        real_ask = h.archive.ask

        async def slow_ask(*args: Any, **kwargs: Any) -> Any:
            await asyncio.sleep(0.5)
            return await real_ask(*args, **kwargs)

        h.archive.ask = slow_ask  # type: ignore[method-assign]
        asked = [
            await h.fake.slash(h.guild, h.alice, "ask", {"question": "what will the bridge carry?"})
            for _ in range(8)
        ]
        for ix in asked:
            assert (await h.fake.callback(ix)).json["type"] == 5  # deferred: "thinking"
        closing = asyncio.create_task(h.bot.close())
        await asyncio.sleep(0.05)
        late = await h.fake.slash(h.guild, h.bob, "ask", {"question": "what will the bridge carry?"})
        late_reply = await h.fake.reply(late)
        assert late_reply["content"] == "I am restarting; try again in a few seconds."
        await asyncio.wait_for(closing, 10)
        for ix in asked:
            reply = await h.fake.reply(ix, timeout=0.1)
            assert "trams" in reply["embeds"][0]["description"]


async def test_a_dropped_connection_is_a_warning_not_a_crash(harness: BotHarness, caplog: Any) -> None:
    h = harness
    caplog.set_level(logging.INFO)
    h.fake.fail_next("POST", "/callback", status=0)  # Discord hangs up on the answer
    ix = await h.fake.slash(h.guild, h.alice, "ask", {"question": "what will the bridge carry?"})
    retry = await h.fake.reply(ix)  # the one sentence still reaches the member afterwards
    assert retry["content"] == "My connection to Discord dropped for a moment; try again."
    # The same on a button press.
    answer = await h.slash_reply("said", {"person": "Grace Hopper"})
    h.fake.fail_next("POST", "/callback", status=0)
    press = await h.fake.reply(await h.fake.click(h.guild, h.alice, answer, "More"))
    assert press["content"] == "My connection to Discord dropped for a moment; try again."
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    assert any("lost the connection to Discord" in r.getMessage() for r in caplog.records)
