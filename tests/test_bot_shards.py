"""Shards: ARCHIVIST_SHARDS / ARCHIVIST_SHARD_COUNT parsed with one sentence for a bad value,
a process serving one shard of two through the fake Discord (it identifies as that shard,
hears only of that shard's servers, and answers there), and two serving one shard each at
once on one archive (each hears its own servers; what one adds, the other answers)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import discord
import pytest

from bot.chat.client import ArchivistBot, ShardedArchivistBot, make_bot, use_endpoints
from bot.config import BotSettings, ConfigError
from bot.core.archive import Archive
from tests.fake_discord.harness import start_bot, write_seeds
from tests.fake_discord.server import FakeDiscord, FakeGuild, Interaction
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


def _guilds_on_both_shards(fake: FakeDiscord) -> list[FakeGuild]:
    """Servers until both of two shards hold one (a snowflake's shard is its millisecond's parity)."""
    guilds = [fake.add_guild("Server 0")]
    while len({fake.shard_of(g, 2) for g in guilds}) < 2:
        time.sleep(0.001)
        guilds.append(fake.add_guild(f"Server {len(guilds)}"))
    return guilds


def _shard_bot(fake: FakeDiscord, archive: Archive, shard: int) -> ArchivistBot:
    """A bot serving `shard` of two through the fake Discord."""
    settings = BotSettings(
        token="fake-token",
        discord_api=fake.api_base,
        discord_gateway=fake.gateway_url,
        cooldown_rate=0,
        shards=(shard,),
        shard_count=2,
    )
    use_endpoints(settings.discord_api, settings.discord_gateway)
    return make_bot(archive, settings, guild_ready_timeout=0.05)


async def test_a_process_serving_one_shard_of_two(tmp_path: Path) -> None:
    old_base, old_gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = FakeDiscord()
    await fake.start()
    guilds = _guilds_on_both_shards(fake)
    mine = 1  # not shard 0: this process must leave registering the commands to another
    here = next(g for g in guilds if fake.shard_of(g, 2) == mine)
    alice = fake.add_member(here, "alice")
    archive = await Archive.open(tmp_path / "a.db", seeds=write_seeds(tmp_path / "seeds"))
    bot = _shard_bot(fake, archive, mine)
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


async def _reply_text(fake: FakeDiscord, interaction: Interaction) -> str:
    """A reply's words: its content and its embeds' descriptions and fields."""
    reply = await fake.reply(interaction)
    parts = [reply.get("content") or ""]
    for embed in reply.get("embeds") or []:
        parts += [embed.get("description") or "", *(f["value"] for f in embed.get("fields") or [])]
    return "\n".join(parts)


async def test_two_processes_one_shard_each_on_one_archive(
    tmp_path: Path, new_archive: Callable[[], str]
) -> None:
    """Two bots (as two processes would: each its own Archive on the same archive) serve shard 0
    and shard 1 of 2 at once: each server's events reach only its shard's bot, and what one
    shard's bot adds, the other answers once the server is handed to it."""
    old_base, old_gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = FakeDiscord()
    await fake.start()
    guilds = _guilds_on_both_shards(fake)
    home = [next(g for g in guilds if fake.shard_of(g, 2) == shard) for shard in (0, 1)]
    alice = [fake.add_member(g, "alice") for g in home]
    mod = fake.add_member(home[1], "mod", moderator=True)
    db = new_archive()
    archives = [
        await Archive.open(db, seeds=write_seeds(tmp_path / "seeds")),
        await Archive.open(db, seeds=None),
    ]
    heard: list[list[int]] = [[], []]
    bots = []
    for shard, archive in enumerate(archives):
        bot = _shard_bot(fake, archive, shard)

        async def on_interaction(interaction: discord.Interaction, mine: list[int] = heard[shard]) -> None:
            mine.append(interaction.guild_id or 0)

        bot.add_listener(on_interaction)
        bots.append(bot)
    tasks = [asyncio.create_task(bot.start("fake-token")) for bot in bots]
    try:
        for bot in bots:
            await asyncio.wait_for(bot.wait_until_ready(), 10)
        assert sorted(fake.shards_identified) == [(0, 2), (1, 2)]
        while "global" not in fake.commands:  # registered by shard 0's bot
            await asyncio.sleep(0.02)
        for shard in (0, 1):
            answer = await _reply_text(
                fake,
                await fake.slash(
                    home[shard], alice[shard], "ask", {"question": "What will the bridge carry?"}
                ),
            )
            assert "trams" in answer
        assert heard == [[home[0].id], [home[1].id]]  # each event reached its own shard's bot only

        said = {"person": "Quentin Marlow"}
        before = await _reply_text(fake, await fake.slash(home[1], alice[1], "said", said))
        assert "reopen" not in before  # shard 1's bot has looked the name up (and cached its aliases)
        await fake.hand_over(home[1], 0)
        form = (await fake.callback(await fake.slash(home[1], mod, "add"))).json["data"]
        text = '"The old pier will reopen in May," said Quentin Marlow, the harbour master, on Tuesday.'
        added = await fake.reply(
            await fake.submit_modal(
                home[1], mod, form, {"Title": "Pier to reopen", "Date": "2024-09-03", "Text": text}
            )
        )
        assert added["embeds"][0]["title"] == "Added: Pier to reopen"
        assert heard[0][-2:] == [home[1].id, home[1].id]  # the write went through shard 0's bot
        await fake.hand_over(home[1], 1)
        # The other process hears of the write by a notification of its own, moments after the
        # /add's reply: ask until it answers (the bench times this; here it must come at all).
        asked_at = len(heard[1])
        for _ in range(100):
            after = await _reply_text(fake, await fake.slash(home[1], alice[1], "said", said))
            if "reopen in May" in after:
                break
            await asyncio.sleep(0.05)
        assert "reopen in May" in after
        assert len(heard[1]) > asked_at and set(heard[1][asked_at:]) == {home[1].id}
        # Still nobody else's: the server on shard 0 does not see it.
        other = await _reply_text(fake, await fake.slash(home[0], alice[0], "said", said))
        assert "reopen" not in other
    finally:
        for bot in bots:
            await bot.close()
        for task in tasks:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 5)
        for archive in archives:
            await archive.close()
        await fake.close()
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway
