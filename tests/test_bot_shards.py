"""Shards: ARCHIVIST_SHARDS / ARCHIVIST_SHARD_COUNT parsed with one sentence for a bad value,
and a process serving one shard of two through the fake Discord: it identifies as that shard,
hears only of that shard's servers, and answers there."""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path

import discord
import pytest

from bot.chat.client import ArchivistBot, ShardedArchivistBot, make_bot, use_endpoints
from bot.config import BotSettings, ConfigError
from bot.core.archive import Archive
from tests.fake_discord.harness import start_bot, write_seeds
from tests.fake_discord.server import FakeDiscord
from tests.test_bot_runner import run_bot


@pytest.mark.parametrize(
    ("shards", "count", "expected"),
    [
        ("0-3", "8", (0, 1, 2, 3)),
        ("4,6, 5", "8", (4, 5, 6)),
        ("0-1,7", "8", (0, 1, 7)),
        ("2", "3", (2,)),
        (None, "4", None),  # every shard in this process
    ],
)
def test_shard_settings(shards: str | None, count: str, expected: tuple[int, ...] | None) -> None:
    env = {"ARCHIVIST_SHARD_COUNT": count, **({"ARCHIVIST_SHARDS": shards} if shards else {})}
    settings = BotSettings.from_env(env)
    assert settings.shards == expected and settings.shard_count == int(count)


@pytest.mark.parametrize(
    ("env", "sentence"),
    [
        ({"ARCHIVIST_SHARDS": "0-3"}, "ARCHIVIST_SHARDS needs ARCHIVIST_SHARD_COUNT too"),
        ({"ARCHIVIST_SHARDS": "one", "ARCHIVIST_SHARD_COUNT": "8"}, "not a list of shard ids such as 0-3"),
        ({"ARCHIVIST_SHARDS": "3-1", "ARCHIVIST_SHARD_COUNT": "8"}, "not a list of shard ids"),
        ({"ARCHIVIST_SHARDS": "-1", "ARCHIVIST_SHARD_COUNT": "8"}, "not a list of shard ids"),
        (
            {"ARCHIVIST_SHARDS": "6-8", "ARCHIVIST_SHARD_COUNT": "8"},
            "names shard 8, but with ARCHIVIST_SHARD_COUNT=8 the",
        ),
        ({"ARCHIVIST_SHARD_COUNT": "0"}, "ARCHIVIST_SHARD_COUNT is 0; it must be 1 or more."),
        ({"ARCHIVIST_SHARD_COUNT": "many"}, "ARCHIVIST_SHARD_COUNT has the value 'many'"),
    ],
)
def test_bad_shard_settings_are_one_sentence(env: dict[str, str], sentence: str) -> None:
    with pytest.raises(ConfigError, match=sentence) as caught:
        BotSettings.from_env(env)
    text = str(caught.value)
    assert text.endswith(".") and "\n" not in text


def test_shards_from_a_toml_file(tmp_path: Path) -> None:
    config = tmp_path / "archivist.toml"
    config.write_text("[discord]\nshards = [1, 3]\nshard_count = 4\n", encoding="utf-8")
    settings = BotSettings.from_env({"ARCHIVIST_CONFIG": str(config)})
    assert (settings.shards, settings.shard_count) == ((1, 3), 4)
    assert isinstance(make_bot(None, settings), ShardedArchivistBot)  # type: ignore[arg-type]
    assert type(make_bot(None, BotSettings())) is ArchivistBot  # type: ignore[arg-type]


async def test_a_process_serving_one_shard_of_two(tmp_path: Path) -> None:
    old_base, old_gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = FakeDiscord()
    await fake.start()
    # Servers on both shards (a snowflake's shard is its millisecond's parity).
    guilds = [fake.add_guild("Server 0")]
    while len({fake.shard_of(g, 2) for g in guilds}) < 2:
        time.sleep(0.001)
        guilds.append(fake.add_guild(f"Server {len(guilds)}"))
    mine = 1  # not shard 0: this process must leave registering the commands to another
    here = next(g for g in guilds if fake.shard_of(g, 2) == mine)
    alice = fake.add_member(here, "alice")
    archive = await Archive.open(tmp_path / "a.db", seeds=write_seeds(tmp_path / "seeds"))
    settings = BotSettings(
        token="fake-token",
        discord_api=fake.api_base,
        discord_gateway=fake.gateway_url,
        cooldown_rate=0,
        shards=(mine,),
        shard_count=2,
    )
    use_endpoints(settings.discord_api, settings.discord_gateway)
    bot = make_bot(archive, settings, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start("fake-token"))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        assert isinstance(bot, ShardedArchivistBot)
        assert bot.shard_ids == [mine] and bot.shard_count == 2
        assert fake.shards_identified == [(mine, 2)]
        assert {g.id for g in bot.guilds} == {g.id for g in guilds if fake.shard_of(g, 2) == mine}
        assert "global" not in fake.commands  # only the process serving shard 0 registers them
        start = len(fake.requests)
        await fake.message(here, alice, "!ask what will the bridge carry")
        reply = await fake.channel_reply(here.channel_id, start)
        assert "trams" in reply["embeds"][0]["description"]
        assert reply["allowed_mentions"] == {"parse": []}
    finally:
        await bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 5)
        await archive.close()
        await fake.close()
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


async def test_the_process_serving_shard_0_registers_the_commands(tmp_path: Path) -> None:
    async with start_bot(tmp_path, shards=(0,), shard_count=1) as h:
        assert isinstance(h.bot, ShardedArchivistBot) and h.fake.shards_identified == [(0, 1)]
        assert "ask" in {c["name"] for c in h.fake.commands["global"]}
        reply = await h.slash_reply("ask", {"question": "What will the new bridge carry?"})
        assert "trams" in reply["embeds"][0]["description"]


async def test_archivist_run_refuses_bad_shards_in_one_sentence(tmp_path: Path) -> None:
    env = {"DISCORD_TOKEN": "x", "ARCHIVIST_SHARDS": "4-9", "ARCHIVIST_SHARD_COUNT": "8"}
    code, err = await run_bot(tmp_path, env)
    assert code == 2
    assert err.strip() == (
        "ARCHIVIST_SHARDS names shard 8, but with ARCHIVIST_SHARD_COUNT=8 the shard ids run from 0 to 7."
    )
    assert not (tmp_path / "a.db").exists()  # refused before anything was opened
