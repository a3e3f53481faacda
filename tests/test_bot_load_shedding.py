"""Load shedding: an /ask, /who or /said that would be answered too late is told at once that the
bot is busy (one reply, no archive work); the cheap commands are never shed."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.chat.tree import BUSY
from tests.fake_discord.harness import BotHarness, start_bot
from tests.fake_discord.server import EPHEMERAL


def ask_data(h: BotHarness, question: str) -> dict[str, Any]:
    return {
        "id": h.fake.command_id("ask"),
        "name": "ask",
        "type": 1,
        "options": [{"name": "question", "type": 3, "value": question}],
    }


async def test_an_interaction_that_waited_too_long_is_told_busy(harness: BotHarness) -> None:
    h = harness
    calls = 0
    real_ask = h.archive.ask

    async def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return await real_ask(*args, **kwargs)

    h.archive.ask = counted  # type: ignore[method-assign]
    fresh = await h.fake.raw_interaction(2, h.guild, h.alice, ask_data(h, "what will the bridge carry?"))
    assert (await h.fake.reply(fresh))["embeds"]
    # Arriving 1.5 s late (a backlog on the gateway): past the 0.5 s queue limit.
    late = await h.fake.raw_interaction(
        2, h.guild, h.alice, ask_data(h, "what will the bridge carry?"), age=1.5
    )
    callback = await h.fake.callback(late)
    assert callback.json["type"] == 4  # answered at once, not deferred into a queue
    reply = await h.fake.reply(late)
    assert reply["content"] == BUSY and reply["flags"] & EPHEMERAL
    assert calls == 1 and h.bot.shed == 1
    # A fresh one is answered.
    fresh = await h.fake.raw_interaction(2, h.guild, h.alice, ask_data(h, "what will the bridge carry?"))
    assert "trams" in (await h.fake.reply(fresh))["embeds"][0]["description"]
    # Cheap commands are not shed, however late.
    stats = {"id": h.fake.command_id("stats"), "name": "stats", "type": 1, "options": []}
    reply = await h.fake.reply(await h.fake.raw_interaction(2, h.guild, h.alice, stats, age=1.5))
    assert reply["embeds"][0]["title"] == "Archive statistics"


async def test_a_burst_beyond_the_queue_is_partly_shed_and_nothing_is_lost(tmp_path: Path) -> None:
    # Each question takes 0.2 s of the archive's time, one at a time; the queue holds 1 s.
    async with start_bot(tmp_path, queue_seconds=1.0) as h:
        real_ask = h.archive.ask
        lock = asyncio.Lock()

        async def slow(*args: Any, **kwargs: Any) -> Any:
            async with lock:
                await asyncio.sleep(0.2)
                return await real_ask(*args, **kwargs)

        h.archive.ask = slow  # type: ignore[method-assign]
        for _ in range(3):  # teach the bot how long a question takes
            await h.fake.reply(await h.fake.raw_interaction(2, h.guild, h.alice, ask_data(h, "bridge trams")))
        burst = [
            await h.fake.raw_interaction(2, h.guild, h.alice, ask_data(h, "what will the bridge carry?"))
            for _ in range(20)
        ]
        replies = [await h.fake.reply(ix, timeout=15) for ix in burst]
        busy = [r for r in replies if r["content"] == BUSY]
        answered = [r for r in replies if r["embeds"]]
        assert len(busy) + len(answered) == 20  # each got exactly one kind of reply
        assert 2 <= len(answered) <= 10 and busy, (len(answered), len(busy))


async def test_a_clock_ahead_of_discords_does_not_turn_everyone_away(harness: BotHarness) -> None:
    # Every interaction looks 3 s old (this machine's clock runs 3 s ahead of Discord's):
    # after the first, that is a steady offset, not a backlog.
    h = harness
    replies = []
    for _ in range(5):
        ix = await h.fake.raw_interaction(
            2, h.guild, h.alice, ask_data(h, "what will the bridge carry?"), age=3.0
        )
        replies.append(await h.fake.reply(ix))
    assert sum(bool(r["embeds"]) for r in replies) >= 4, [r["content"] for r in replies]


async def test_a_slow_start_does_not_turn_every_later_question_away(harness: BotHarness) -> None:
    # The first questions after a start can be slow (cold caches): if the bot then judged by its
    # estimate alone, it would shed every question and never learn that they are fast again.
    h = harness
    h.bot.tree.seconds_each = 5.0  # type: ignore[attr-defined]  # as if the first answers took 5 s
    for _ in range(3):
        reply = await h.fake.reply(
            await h.fake.raw_interaction(2, h.guild, h.alice, ask_data(h, "what will the bridge carry?"))
        )
        assert reply["content"] != BUSY and reply["embeds"]
    assert h.bot.shed == 0
    assert h.bot.tree.seconds_each < 5.0  # type: ignore[attr-defined]  # and it learnt from them
