"""What a member was told stays true across a restart of the bot's process: cooldowns are kept
in the archive (and removal confirmations carry their article in their buttons)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.core.archive import Archive
from bot.core.state import Cooldowns
from tests.fake_discord.harness import start_bot
from tests.fake_discord.server import EPHEMERAL, FakeMember


async def test_a_cooldown_survives_a_restart_of_the_process(tmp_path: Path) -> None:
    settings = {"cooldown_rate": 1, "cooldown_seconds": 120}
    async with start_bot(tmp_path, **settings) as h:
        first = await h.slash_reply("ask", {"question": "what will the bridge carry?"})
        assert first["embeds"]
        alice = h.alice
    # A new process: a new archive object on the same file, a new bot, a new gateway session.
    async with start_bot(tmp_path, **settings) as h:
        alice = FakeMember(alice.id, "alice", [])  # the same member, in the new fake's server
        h.guild.members[alice.id] = alice
        again = await h.slash_reply("ask", {"question": "what will the bridge carry?"}, user=alice)
        assert again["flags"] & EPHEMERAL and "Slow down a little: try again in" in again["content"]
        seconds = int(again["content"].split("try again in ")[1].split(" s")[0])
        assert 100 <= seconds <= 120
        other = await h.slash_reply("ask", {"question": "what will the bridge carry?"}, user=h.bob)
        assert other["embeds"]  # per member
        start = len(h.fake.requests)
        await h.fake.message(h.guild, alice, "!who the storms this year")  # per command too
        reply = await h.fake.channel_reply(h.guild.channel_id, start)
        assert "Ada Lovelace" in str(reply["embeds"])


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_cooldown_windows_and_what_is_written(tmp_path: Path) -> None:
    async with await Archive.open(tmp_path / "a.db") as archive:
        cooldowns: Cooldowns = archive.cooldowns
        cooldowns.clock = clock = Clock()
        assert await cooldowns.hit("ask:1", 2, 30) is None
        clock.now += 10
        assert await cooldowns.hit("ask:1", 2, 30) is None
        assert await cooldowns.hit("ask:1", 2, 30) == 20  # the window opened at the first use
        assert await cooldowns.hit("ask:2", 2, 30) is None
        clock.now += 21
        assert await cooldowns.hit("ask:1", 2, 30) is None  # a new window
        await cooldowns.flush()
        # Another process reads the live windows before its first use.
        async with await Archive.open(tmp_path / "a.db") as other:
            other.cooldowns.clock = clock
            assert await other.cooldowns.hit("ask:1", 1, 30) == 30
            assert await other.cooldowns.hit("ask:2", 2, 30) is None
            clock.now += 100
            assert await other.cooldowns.hit("ask:1", 1, 30) is None
            await other.cooldowns.flush()
            assert [b for b, *_ in await other._store.live_cooldowns(clock.now)] == ["ask:1"]


async def test_uses_are_written_behind_without_waiting(tmp_path: Path) -> None:
    async with await Archive.open(tmp_path / "a.db") as archive:
        assert await archive.cooldowns.hit("who:7", 3, 60) is None
        assert archive.cooldowns._flushing is not None  # written behind: the use did not wait for it
        for _ in range(60):
            if await archive._store.live_cooldowns(0):
                break
            await asyncio.sleep(0.05)
        (row,) = await archive._store.live_cooldowns(0)
        assert row[0] == "who:7" and row[3] == 1


async def test_an_add_form_opened_before_a_restart_is_still_taken(harness) -> None:
    h = harness
    modal = (await h.fake.callback(await h.fake.slash(h.guild, h.mod, "add"))).json["data"]
    await h.restart()  # the bot's memory (its forms among it) is gone; the archive's is not
    text = "The pier closed after the storm.\n\nRepairs will take a month, the harbour board said."
    values = {"Title": "Pier closed", "Date": "2024-11-09", "Text": text}
    # Someone else cannot submit it (nor use it up).
    other = await h.fake.reply(await h.fake.submit_modal(h.guild, h.alice, modal, values))
    assert other["content"] == "That form has expired; run /add again."
    reply = await h.fake.reply(await h.fake.submit_modal(h.guild, h.mod, modal, values))
    assert "Pier closed" in str(reply["embeds"]) and reply["allowed_mentions"] == {"parse": []}
    rows, _ = await h.archive.articles(guild_id=h.guild.id)
    assert [(r.ref.title, r.ref.date, r.guild_id) for r in rows][0] == (
        "Pier closed",
        "2024-11-09",
        h.guild.id,
    )
    # Taken once: the same form again is refused, and nothing is added twice.
    again = await h.fake.reply(await h.fake.submit_modal(h.guild, h.mod, modal, values))
    assert again["content"] == "That form has expired; run /add again."
    assert (await h.archive.articles(guild_id=h.guild.id))[1] == len(rows)
