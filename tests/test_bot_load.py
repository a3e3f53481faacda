"""Many members at once: every concurrent question gets its own answer (nothing lost or mixed up)."""

from __future__ import annotations

import asyncio

from tests.fake_discord.harness import BotHarness

QUESTIONS = {
    "What will the new bridge carry across the estuary?": "trams",
    "How long will construction of the bridge take?": "three years",
    "Who said the storms would be the worst in a decade?": "worst in a decade",
    "What did the port engineer say about the sea wall?": "sea wall",
}


async def test_concurrent_asks_all_answered(harness: BotHarness) -> None:
    fake = harness.fake
    members = [fake.add_member(harness.guild, f"member{i}") for i in range(24)]
    asked = list(QUESTIONS.items()) * 6
    interactions = await asyncio.gather(
        *(
            fake.slash(harness.guild, m, "ask", {"question": q})
            for m, (q, _) in zip(members, asked, strict=True)
        )
    )
    replies = await asyncio.gather(*(fake.reply(ix, timeout=20) for ix in interactions))
    for reply, (question, expected) in zip(replies, asked, strict=True):
        assert reply["embeds"], f"{question!r} got {reply['content']!r}"
        assert expected in reply["embeds"][0]["description"], question


async def test_concurrent_archive_calls_match_serial_ones(harness: BotHarness) -> None:
    """Archive calls are not serialised by the bot: overlapping asks, whos and saids, with
    words not yet stemmed (the core's shared scratch table), answer as they do one by one."""
    archive = harness.bot.archive
    calls = [
        ("ask", "What will the new bridge carry across the estuary?"),
        ("ask", "How long will construction of the bridge take, engineers wondered?"),
        ("who", "the storms would be the worst in a decade"),
        ("said", "port engineer"),
        ("ask", "Whatever happened to the zanzibarian quokkas and their xylophones?"),
        ("ask", "What did the port engineer say about the sea wall?"),
    ] * 4

    def key(result: object) -> list[tuple[int, int]]:
        answers = [*result.answers, *result.suggestions]  # type: ignore[attr-defined]
        return [(a.article.id, a.sentence_index) for a in answers]

    together = await asyncio.gather(*(getattr(archive, kind)(text) for kind, text in calls))
    for (kind, text), result in zip(calls, together, strict=True):
        alone = await harness.archive.__getattribute__(kind)(text)
        assert key(result) == key(alone), (kind, text)
