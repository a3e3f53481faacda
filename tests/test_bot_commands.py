"""The bot end to end: the real discord.py client and the real Archive against the fake Discord."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from pathlib import Path
from typing import Any

from tests.fake_discord.harness import BotHarness, start_bot
from tests.fake_discord.server import EPHEMERAL, MESSAGE_CONTENT_INTENT

NO_PINGS = {"parse": []}


def description(message: dict[str, Any]) -> str:
    return message["embeds"][0]["description"]


def field(message: dict[str, Any], name: str) -> str:
    return next(f["value"] for f in message["embeds"][0]["fields"] if f["name"] == name)


def bolded(text: str) -> str:
    """The passage a reply bolds (the match itself, without its context)."""
    match = re.search(r"\*\*(.+?)\*\*(?!\*)", text)
    assert match, text
    return match[1]


def buttons(message: dict[str, Any]) -> list[str]:
    return [c["label"] for row in message["components"] for c in row["components"]]


async def test_login_ready_and_slash_commands_synced(harness: BotHarness) -> None:
    fake = harness.fake
    assert harness.bot.is_ready()
    assert fake.identifies == 1
    assert fake.intents & MESSAGE_CONTENT_INTENT, "prefix commands need the message content intent"
    assert {g.id for g in harness.bot.guilds} == {harness.guild.id, harness.other_guild.id}
    synced = {c["name"]: c for c in fake.commands["global"]}
    assert set(synced) == {
        *("ask", "who", "said", "verify", "article", "articles", "stats", "help", "add", "remove"),
        *("follow", "unfollow", "feeds"),  # tests/test_bot_feeds.py
    }
    assert synced["ask"]["options"][0]["name"] == "question"
    assert synced["said"]["options"][0]["autocomplete"] is True
    # /verify quote [person]: the quote required, the person optional and autocompleted.
    quote, person = synced["verify"]["options"]
    assert (quote["name"], quote.get("required"), person["name"]) == ("quote", True, "person")
    assert not person.get("required") and person["autocomplete"] is True
    assert {o["name"] for o in synced["add"]["options"]} == {"url", "file"}
    # Without a moderator role the commands are hidden from members lacking Manage Messages.
    assert int(synced["add"]["default_member_permissions"]) == 1 << 13


async def test_dev_guild_sync(tmp_path: Path) -> None:
    async with start_bot(tmp_path, dev_guild=1234) as h:
        assert "1234" in h.fake.commands and "global" not in h.fake.commands


async def test_slash_ask_quotes_passage_with_citation(harness: BotHarness) -> None:
    reply = await harness.slash_reply("ask", {"question": "What will the new bridge carry?"})
    text = description(reply)
    assert "**The bridge will carry trams as well as bicycles across the estuary.**" in text
    assert "Engineers expect construction" in text  # context after the matched sentence
    article = field(reply, "Article")
    assert "Harbour council approves the new bridge" in article and "2024-03-05" in article
    assert reply["allowed_mentions"] == NO_PINGS
    assert not reply["flags"] & EPHEMERAL


async def test_prefix_and_mention_ask(harness: BotHarness) -> None:
    fake = harness.fake
    start = len(fake.requests)
    await fake.message(harness.guild, harness.alice, "!ask what will the bridge carry")
    reply = await fake.channel_reply(harness.guild.channel_id, start)
    assert "trams" in description(reply)
    assert reply["allowed_mentions"] == NO_PINGS

    start = len(fake.requests)
    await fake.message(harness.guild, harness.bob, f"<@{fake.app_id}> ask how long will construction take")
    reply = await fake.channel_reply(harness.guild.channel_id, start)
    assert "three years" in description(reply)


async def test_said_with_autocomplete(harness: BotHarness) -> None:
    fake = harness.fake
    ix = await fake.slash(harness.guild, harness.alice, "said", {"person": "lovel"}, focused="person")
    callback = await fake.callback(ix)
    assert callback.json["type"] == 8
    choices = callback.json["data"]["choices"]
    assert choices and choices[0]["value"] == "Ada Lovelace"
    assert len(choices) <= 25 and all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)

    reply = await harness.slash_reply("said", {"person": "Ada Lovelace"})
    assert reply["embeds"][0]["title"] == "What Ada Lovelace said"
    assert field(reply, "Said by") == "Ada Lovelace, chief keeper"
    # Every answer is one of hers, bolded, and both of her quotes are there (a reply that showed
    # anybody's passage, or only the first match, would fail).
    assert reply["embeds"][0]["footer"]["text"] == "Answer 1 of 2"
    quoted = {bolded(description(reply))}
    more = await harness.fake.reply(await harness.fake.click(harness.guild, harness.alice, reply, "More"))
    assert field(more, "Said by") == "Ada Lovelace, chief keeper"
    quoted.add(bolded(description(more)))
    assert quoted == {
        '"The storms this year will be the worst in a decade," said Ada Lovelace, the chief keeper.',
        '"Every harbour must prepare its moorings now," Lovelace added.',
    }, quoted

    # The value is validated again: a name nobody in the archive has gets a short private answer.
    reply = await harness.slash_reply("said", {"person": "Zebedee Quux"})
    assert reply["flags"] & EPHEMERAL
    assert "Zebedee Quux" in reply["content"] and not reply["embeds"]


async def test_who_said_a_quote(harness: BotHarness) -> None:
    reply = await harness.slash_reply("who", {"quote": "storms worst in a decade"})
    assert field(reply, "Said by") == "Ada Lovelace, chief keeper"
    assert "**" in description(reply) and "worst in a decade" in description(reply)
    assert "Lighthouse keepers warn" in field(reply, "Article")
    assert "https://example.org/storms" in field(reply, "Article")

    start = len(harness.fake.requests)
    await harness.fake.message(harness.guild, harness.bob, "!who tested it against waves of nine metres")
    reply = await harness.fake.channel_reply(harness.guild.channel_id, start)
    assert field(reply, "Said by") == "Grace Hopper, port engineer"


async def test_article_autocomplete_then_article(harness: BotHarness) -> None:
    fake = harness.fake
    ix = await fake.slash(
        harness.guild, harness.alice, "article", {"article": "lighthouse"}, focused="article"
    )
    choices = (await fake.callback(ix)).json["data"]["choices"]
    assert choices[0]["name"].startswith("Lighthouse keepers warn about winter storms")
    reply = await harness.slash_reply("article", {"article": choices[0]["value"]})
    assert reply["embeds"][0]["title"] == "Lighthouse keepers warn about winter storms"
    assert "Ada Lovelace" in field(reply, "Speakers")
    # A typed title works too (prefix users have no autocomplete).
    start = len(fake.requests)
    await fake.message(harness.guild, harness.alice, "!article harbour council bridge")
    reply = await fake.channel_reply(harness.guild.channel_id, start)
    assert reply["embeds"][0]["title"] == "Harbour council approves the new bridge"


async def test_no_match_is_short_ephemeral_with_suggestions(harness: BotHarness) -> None:
    reply = await harness.slash_reply("ask", {"question": "quantum chromodynamics lattice gauge"})
    assert reply["flags"] & EPHEMERAL
    assert reply["content"].startswith("I found no good match")
    assert len(reply["content"]) <= 2000


async def test_everyone_in_archive_and_in_question_never_pings(harness: BotHarness) -> None:
    fake = harness.fake
    role = harness.guild.moderator_role
    question = f"@everyone @here <@&{role}> <@{harness.bob.id}> was the toll waived for residents?"
    reply = await harness.slash_reply("ask", {"question": question})
    text = description(reply)
    assert "@everyone" in text  # shown as written...
    assert reply["allowed_mentions"] == NO_PINGS  # ...but never a ping
    assert "\\*\\*toll\\*\\*" in text and "\\_waived\\_" in text  # archived Markdown is escaped

    start = len(fake.requests)
    await fake.message(harness.guild, harness.alice, "!ask " + question)
    reply = await fake.channel_reply(harness.guild.channel_id, start)
    assert reply["allowed_mentions"] == NO_PINGS

    # Also a no-match reply that repeats the question.
    reply = await harness.slash_reply("ask", {"question": "@everyone zyxwv qwerty"})
    assert "@everyone" in reply["content"] and reply["allowed_mentions"] == NO_PINGS

    # Every message the bot sent in this test carried allowed_mentions = none.
    sent = [r for r in fake.requests if r.method in ("POST", "PATCH") and isinstance(r.json, dict)]
    bodies = [r.json.get("data", r.json) for r in sent if r.json.get("type") in (4, 7, None)]
    assert bodies and all(
        b.get("allowed_mentions") == NO_PINGS for b in bodies if "content" in b or "embeds" in b
    )


async def test_pagination_by_asker_and_by_someone_else(harness: BotHarness) -> None:
    fake = harness.fake
    reply = await harness.slash_reply("said", {"person": "Grace Hopper"})
    assert buttons(reply) == ["Back", "More", "Source"]
    first = description(reply)
    assert reply["embeds"][0]["footer"]["text"].startswith("Answer 1 of ")

    # Someone else presses More: a private refusal, and the message does not change.
    ix = await fake.click(harness.guild, harness.bob, reply, "More")
    refusal = await fake.reply(ix)
    assert refusal["flags"] & EPHEMERAL and "Only the person who asked" in refusal["content"]
    assert description(fake.messages[int(reply["id"])]) == first

    # The asker presses More: the same message now shows the second answer.
    ix = await fake.click(harness.guild, harness.alice, reply, "More")
    updated = await fake.reply(ix)
    assert updated["id"] == reply["id"]
    assert updated["embeds"][0]["footer"]["text"].startswith("Answer 2 of ")
    assert description(updated) != first

    # Source shows the whole paragraph, privately.
    ix = await fake.click(harness.guild, harness.alice, updated, "Source")
    source = await fake.reply(ix)
    assert source["flags"] & EPHEMERAL
    assert "Grace Hopper, the port engineer, said the new sea wall would hold." in description(source)


async def test_buttons_expire_without_any_edit(tmp_path: Path) -> None:
    async with start_bot(tmp_path, view_timeout=0.3) as h:
        reply = await h.slash_reply("said", {"person": "Grace Hopper"})
        assert buttons(reply) == ["Back", "More", "Source"]
        await asyncio.sleep(0.5)
        # Nothing is edited when buttons expire (no REST call per answer)...
        assert not [r for r in h.fake.requests if r.method == "PATCH"]
        # ...and a late press is told why nothing happens.
        late = await h.fake.reply(await h.fake.click(h.guild, h.alice, reply, "More"))
        assert (
            late["flags"] & EPHEMERAL
            and late["content"] == "This answer is too old for its buttons now; ask again."
        )
        assert description(h.fake.messages[int(reply["id"])]) == description(reply)


async def test_answers_hold_no_view_objects(harness: BotHarness) -> None:
    for _ in range(5):
        reply = await harness.slash_reply("said", {"person": "Grace Hopper"})
        assert buttons(reply) == ["Back", "More", "Source"]
    state = harness.bot._connection
    assert state._view_store.persistent_views == [] and len(state._view_store._synced_message_views) == 0
    assert len(harness.bot.answer_pages) == 5


async def test_buttons_after_a_restart_still_answer(harness: BotHarness) -> None:
    h = harness
    answer = await h.slash_reply("said", {"person": "Grace Hopper"})
    for i in range(12):
        await h.archive.add_text(f"Report number {i} on tides.\n\nThe tide rose by {i} cm.", name=f"r{i}.txt")
    listing = await h.slash_reply("articles")
    added = await h.archive.add_text(
        "The pier closed.\n\nIt rained all week.", name="p.txt", guild_id=h.guild.id
    )
    removal = await h.slash_reply("remove", {"article": str(added.ref.id)}, user=h.mod)
    await h.restart()
    # Paging the article list needs nothing from memory: it works as before.
    page2 = await h.fake.reply(await h.fake.click(h.guild, h.alice, listing, "Next"))
    assert page2["embeds"][0]["footer"]["text"] == "Page 2 of 2"
    # An answer's pages were in the old process's memory: the press is answered all the same.
    late = await h.fake.reply(await h.fake.click(h.guild, h.alice, answer, "More"))
    assert late["flags"] & EPHEMERAL and "too old" in late["content"]
    # Someone else's press is still refused, not "too old".
    other = await h.fake.reply(await h.fake.click(h.guild, h.bob, answer, "More"))
    assert "Only the person who asked" in other["content"]
    # The removal confirmation carries the article in its buttons.
    done = await h.fake.reply(await h.fake.click(h.guild, h.mod, removal, "Remove"))
    assert done["content"].startswith("Removed ") and done["components"] == []
    assert (await h.archive.articles(guild_id=h.guild.id))[1] == 2 + 12


async def test_unknown_buttons_and_forms_get_an_answer(harness: BotHarness) -> None:
    h = harness
    # A message with a button from an older version of the bot (a random custom_id).
    old = h.fake._new_message(
        h.guild.channel_id,
        {
            "content": "old",
            "components": [
                {
                    "type": 1,
                    "components": [
                        {
                            "type": 2,
                            "style": 1,
                            "label": "More",
                            "custom_id": "9f2c4e1d0a7b6c5d8e9f0a1b2c3d4e5f",
                        }
                    ],
                }
            ],
        },
        [],
    )
    reply = await h.fake.reply(await h.fake.click(h.guild, h.alice, old, "More"))
    assert (
        reply["flags"] & EPHEMERAL
        and reply["content"] == "That button no longer works; run the command again."
    )
    # A form this bot never showed (one shown before a restart is taken: tests/test_bot_state.py).
    modal = (await h.fake.callback(await h.fake.slash(h.guild, h.mod, "add"))).json["data"]
    stranger = {**modal, "custom_id": "0123456789abcdef0123456789abcdef"}
    submit = await h.fake.submit_modal(
        h.guild, h.mod, stranger, {"Title": "T", "Date": "", "Text": "The pier closed."}
    )
    reply = await h.fake.reply(submit)
    assert reply["flags"] & EPHEMERAL and reply["content"] == "That form has expired; run /add again."


async def test_cooldown_answers_with_time_left(tmp_path: Path) -> None:
    async with start_bot(tmp_path, cooldown_rate=1, cooldown_seconds=60) as h:
        first = await h.slash_reply("ask", {"question": "what will the bridge carry?"})
        assert first["embeds"]
        second = await h.slash_reply("ask", {"question": "what will the bridge carry?"})
        assert second["flags"] & EPHEMERAL and "try again in" in second["content"]
        # Per user: bob is not slowed down by alice.
        other = await h.slash_reply("ask", {"question": "what will the bridge carry?"}, user=h.bob)
        assert other["embeds"]


async def test_articles_stats_help(harness: BotHarness) -> None:
    reply = await harness.slash_reply("articles")
    assert reply["embeds"][0]["title"] == "Articles (2)"
    assert "Lighthouse keepers" in description(reply) and "Harbour council" in description(reply)
    stats = await harness.slash_reply("stats")
    assert field(stats, "Articles") == "2" and field(stats, "Speakers") == "2"
    assert "Ada Lovelace" in field(stats, "Most quoted")
    help_reply = await harness.slash_reply("help")
    assert help_reply["flags"] & EPHEMERAL and "/ask question" in str(help_reply["embeds"])
    assert "/follow" in str(help_reply["embeds"])


async def test_articles_paginated(harness: BotHarness) -> None:
    for i in range(12):
        await harness.archive.add_text(
            f"Report number {i} on tides.\n\nThe tide rose by {i} centimetres.", name=f"r{i}.txt"
        )
    reply = await harness.slash_reply("articles")
    assert reply["embeds"][0]["footer"]["text"] == "Page 1 of 2"
    page1 = description(reply)
    ix = await harness.fake.click(harness.guild, harness.alice, reply, "Next")
    page2 = await harness.fake.reply(ix)
    assert page2["embeds"][0]["footer"]["text"] == "Page 2 of 2"
    assert description(page2) != page1 and "Harbour council" in description(page2)


async def test_direct_messages_see_the_seeds(harness: BotHarness) -> None:
    reply = await harness.slash_reply("ask", {"question": "what will the bridge carry?"}, guild=None)
    assert "trams" in description(reply)


async def test_unexpected_error_is_one_sentence_and_logged(harness: BotHarness, caplog: Any) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    harness.archive.ask = broken  # type: ignore[method-assign]
    reply = await harness.slash_reply("ask", {"question": "anything"})
    assert reply["flags"] & EPHEMERAL
    assert reply["content"] == "Something went wrong on my side; it has been logged."
    await asyncio.sleep(0)
    logged = [r for r in caplog.records if r.exc_info and "disk on fire" in str(r.exc_info[1])]
    assert logged, "the traceback must reach the log"


async def test_each_command_is_logged(harness: BotHarness, caplog: Any) -> None:
    caplog.set_level("INFO", logger="bot.chat")
    await harness.slash_reply("stats")
    start = len(harness.fake.requests)
    await harness.fake.message(harness.guild, harness.bob, "!ask")  # missing question
    reply = await harness.fake.channel_reply(harness.guild.channel_id, start)
    assert reply["content"] == "Missing `question`: try `!help`."
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("command ")]
    assert any(
        f"guild={harness.guild.id} user={harness.alice.id} command=stats via=slash latency=" in line
        and "ok" in line
        for line in lines
    ), lines
    assert any(
        f"user={harness.bob.id} command=ask via=prefix" in line and "MissingRequiredArgument" in line
        for line in lines
    )


async def test_slow_answers_are_deferred_first(tmp_path: Path) -> None:
    # defer_after=0: every interaction counts as possibly late, so each is deferred first.
    async with start_bot(tmp_path, defer_after=0.0) as h:
        ix = await h.fake.slash(h.guild, h.alice, "said", {"person": "Grace Hopper"})
        assert (await h.fake.callback(ix)).json["type"] == 5
        reply = await h.fake.reply(ix)
        assert reply["embeds"][0]["footer"]["text"].startswith("Answer 1 of ")
        more = await h.fake.reply(await h.fake.click(h.guild, h.alice, reply, "More"))
        assert more["embeds"][0]["footer"]["text"].startswith("Answer 2 of ")
        # Prefix commands have nothing to defer.
        start = len(h.fake.requests)
        await h.fake.message(h.guild, h.bob, "!ask what will the bridge carry")
        assert "trams" in description(await h.fake.channel_reply(h.guild.channel_id, start))


async def test_commands_synced_only_when_they_changed(tmp_path: Path) -> None:
    remembered = tmp_path / "a.db.commands"

    def syncs(h: BotHarness) -> int:
        return sum(r.method == "PUT" and r.path.endswith("/commands") for r in h.fake.requests)

    async with start_bot(tmp_path, commands_file=remembered) as h:
        assert syncs(h) == 1 and remembered.exists()  # first start: nothing remembered
        await h.restart()
        assert syncs(h) == 1  # same commands: no sync
        # A changed tree (the moderator role changes /add's default permissions) syncs again.
        assert h.config is not None
        h.config = dataclasses.replace(h.config, mod_role="Editors")
        await h.restart()
        assert syncs(h) == 2
        add = next(c for c in h.fake.commands["global"] if c["name"] == "add")
        assert add.get("default_member_permissions") is None  # role holders must see it
        await h.restart()
        assert syncs(h) == 2
        # Forced, as `archivist sync` does.
        h.bot.force_sync = True
        await h.bot.sync_if_changed()
        assert syncs(h) == 3
