"""/follow, /unfollow and /feeds through the fake Discord, with feeds served on 127.0.0.1; the
bot's own poller adds the items and posts them only where a channel was named. On SQLite
and on PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.core.archive import Archive
from bot.core.feeds import FeedSettings
from tests.fake_discord.harness import BotHarness, start_bot
from tests.fake_discord.server import EPHEMERAL
from tests.test_feeds import Site, rss, serve_stories
from tests.test_feeds import site as site  # noqa: PLC0414 - the loopback feed site fixture

NO_PINGS = {"parse": []}


@pytest.fixture
async def bot(tmp_path: Path, new_archive: Callable[[], str]) -> AsyncIterator[BotHarness]:
    async with start_bot(tmp_path, db=new_archive(), feed_tick=0.1) as running:
        yield running


async def _articles_added(bot: BotHarness, guild_id: int, count: int) -> None:
    for _ in range(100):
        followed = await bot.archive.feeds.followed(guild_id=guild_id)
        if sum(info.articles for info in followed) >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the poller did not add {count} articles")


def _posts(bot: BotHarness, channel_id: int) -> list[dict]:
    return [
        bot.fake.messages[int(r.response["id"])]
        for r in bot.fake.requests
        if r.method == "POST" and r.path == f"/channels/{channel_id}/messages" and r.status == 200
    ]


async def test_only_moderators_follow_and_nothing_pings(bot: BotHarness, site: Site) -> None:
    site.feeds["/feed.xml"] = (rss(serve_stories(site, [1, 2]), title="Harbour @everyone"), "text/xml", None)
    refused = await bot.slash_reply("follow", {"url": site.url("/feed.xml")}, user=bot.alice)
    assert "Only moderators" in refused["content"] and refused["flags"] & EPHEMERAL
    assert await bot.archive.feeds.followed(guild_id=bot.guild.id) == []

    channel = bot.guild.channel_id
    reply = await bot.slash_reply(
        "follow",
        {"url": site.url("/feed.xml")},
        user=bot.mod,
        integers={"every": 10},
        channels={"channel": channel},
    )
    assert reply["content"].startswith("Following **#1** [Harbour @everyone](")
    assert "every 10 min" in reply["content"] and f"posted in <#{channel}>" in reply["content"]
    assert reply["allowed_mentions"] == NO_PINGS
    (info,) = await bot.archive.feeds.followed(guild_id=bot.guild.id)
    assert (info.feed.interval_seconds, info.feed.announce_channel) == (600, channel)

    # The bot's poller adds both items, then posts each once, without pinging anyone.
    await _articles_added(bot, bot.guild.id, 2)
    for _ in range(100):
        if len(_posts(bot, channel)) >= 2:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)  # a few more rounds: nothing is posted twice
    posts = _posts(bot, channel)
    assert len(posts) == 2
    assert all(p["allowed_mentions"] == NO_PINGS for p in posts)
    assert posts[0]["content"].startswith("New from Harbour @everyone: [Berth 1 to be rebuilt](")
    assert "Berth 2 to be rebuilt" in posts[1]["content"]
    # The articles are this server's: asked elsewhere, they are not there.
    here = await bot.archive.who("We will rebuild berth 1 before winter", guild_id=bot.guild.id)
    assert here.answers[0].article.title == "Berth 1 to be rebuilt"
    there = await bot.archive.who("We will rebuild berth 1 before winter", guild_id=bot.other_guild.id)
    assert all(a.article.title != "Berth 1 to be rebuilt" for a in there.answers + there.suggestions)


async def test_a_feed_without_a_channel_posts_nothing(bot: BotHarness, site: Site) -> None:
    site.feeds["/quiet.xml"] = (rss(serve_stories(site, [3])), "application/rss+xml", None)
    reply = await bot.slash_reply("follow", {"url": site.url("/quiet.xml")}, user=bot.mod)
    assert reply["content"].startswith("Following **#1**") and "posted in" not in reply["content"]
    await _articles_added(bot, bot.guild.id, 1)
    await asyncio.sleep(0.3)
    assert _posts(bot, bot.guild.channel_id) == []


async def test_a_server_sees_and_unfollows_only_its_own_feeds(bot: BotHarness, site: Site) -> None:
    site.feeds["/feed.xml"] = (rss(serve_stories(site, [4])), "application/rss+xml", None)
    await bot.slash_reply("follow", {"url": site.url("/feed.xml")}, user=bot.mod)
    listed = await bot.slash_reply("feeds", user=bot.alice)  # anyone may look
    assert "**#1** [Harbour News](" in listed["embeds"][0]["description"]
    assert listed["flags"] & EPHEMERAL
    elsewhere = await bot.slash_reply("feeds", user=bot.alice, guild=bot.other_guild)
    assert elsewhere["content"] == "This server follows no feeds; a moderator can add one with /follow."
    choices = await bot.fake.slash(bot.guild, bot.mod, "unfollow", {"feed": "harb"}, focused="feed")
    offered = (await bot.fake.callback(choices)).json["data"]["choices"]
    assert offered == [{"name": "#1 Harbour News", "value": "1"}]
    theirs = await bot.slash_reply("unfollow", {"feed": "1"}, user=bot.mod, guild=bot.other_guild)
    assert theirs["content"].startswith("No feed 1 is followed here")
    plain = await bot.slash_reply("unfollow", {"feed": "1"}, user=bot.alice)
    assert "Only moderators" in plain["content"]
    assert len(await bot.archive.feeds.followed(guild_id=bot.guild.id)) == 1
    gone = await bot.slash_reply("unfollow", {"feed": "1"}, user=bot.mod)
    assert gone["content"].startswith("Stopped following **#1**") and gone["allowed_mentions"] == NO_PINGS
    assert await bot.archive.feeds.followed(guild_id=bot.guild.id) == []


async def test_follow_refusals_are_one_sentence(bot: BotHarness, site: Site) -> None:
    site.feeds["/page"] = (b"<html><body><p>Only a page.</p></body></html>", "text/html", None)
    reply = await bot.slash_reply("follow", {"url": site.url("/page")}, user=bot.mod)
    assert reply["content"].endswith("is not an RSS or Atom feed.") and reply["flags"] & EPHEMERAL
    site.feeds["/feed.xml"] = (rss(serve_stories(site, [5])), "application/rss+xml", None)
    await bot.slash_reply("follow", {"url": site.url("/feed.xml")}, user=bot.mod)
    again = await bot.slash_reply("follow", {"url": f"<{site.url('/feed.xml')}>"}, user=bot.mod)
    assert again["content"] == "That feed is already followed here, as feed #1."


async def test_a_bot_that_does_not_poll_posts_what_another_process_added(
    tmp_path: Path, new_archive: Callable[[], str], site: Site
) -> None:
    """ARCHIVIST_POLL_FEEDS=0 beside `archivist poll`: the poller (another Archive on the same
    archive, as another process would open it) adds the items, and the bot posts them."""
    site.feeds["/feed.xml"] = (rss(serve_stories(site, [6])), "application/rss+xml", None)
    db = new_archive()
    async with start_bot(tmp_path, db=db, feed_tick=0.1, poll_feeds=False) as h:
        channel = h.guild.channel_id
        reply = await h.slash_reply(
            "follow", {"url": site.url("/feed.xml")}, user=h.mod, channels={"channel": channel}
        )
        assert reply["content"].startswith("Following **#1**")
        await asyncio.sleep(0.3)
        assert (await h.archive.feeds.followed(guild_id=h.guild.id))[0].articles == 0  # it did not poll
        async with await Archive.open(db) as poller:
            poller.feeds.configure(FeedSettings(allow_private=True))
            (result,) = await poller.feeds.poll_due()
            assert [s.ref.title for s in result.added] == ["Berth 6 to be rebuilt"]
        for _ in range(100):
            if _posts(h, channel):
                break
            await asyncio.sleep(0.05)
        (post,) = _posts(h, channel)
        assert "Berth 6 to be rebuilt" in post["content"] and post["allowed_mentions"] == NO_PINGS
