"""Feeds in Discord: /follow and /unfollow (moderators), /feeds; the poller and the
announcements of what it added, for the servers this process serves."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.cli_feeds import feed_settings
from bot.core.errors import ArchiveError
from bot.core.feeds import FeedInfo
from bot.core.store_feeds import Announcement

from .. import render
from ..checks import is_moderator
from ..views import SEND_ERRORS

if TYPE_CHECKING:
    from ..client import ArchivistBot

log = logging.getLogger(__name__)

# _HYBRID_TYPING: mypy cannot match any method to hybrid_command's overloads in discord.py 2.7
# (even one taking only ctx), so those three decorator lines are exempt from that one check.
ANNOUNCE_BATCH = 20  # posts claimed per round; the rest wait for the next round


def feed_line(info: FeedInfo) -> str:
    """One feed as /feeds lists it: number, linked title, interval, articles, trouble."""
    feed = info.feed
    title = render.escape(render.cut(feed.title or "untitled feed", 120))
    url = info.shown_url
    linked = f"[{title}]({url})" if len(url) <= 500 and not any(c in url for c in "()<> ") else title
    line = f"**#{feed.id}** {linked}: every {feed.interval_seconds / 60:g} min, {info.articles} added"
    if feed.announce_channel:
        line += f", posted in <#{feed.announce_channel}>"
    if feed.failures:
        line += (
            f"; failing ({feed.failures} in a row): {render.escape(render.cut(feed.last_error or '', 200))}"
        )
    return line


class Feeds(commands.Cog):
    """Following feeds; the poll-and-announce loop runs while the cog is loaded."""

    def __init__(self, bot: ArchivistBot) -> None:
        self.bot = bot
        self.stopping = asyncio.Event()
        self._loop: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        settings = self.bot.settings
        self.bot.archive.feeds.configure(feed_settings(settings))
        if not settings.mod_role:  # as /add and /remove: hidden from members without Manage Messages
            command: commands.HybridCommand[Any, ..., Any]
            for command in (self.follow, self.unfollow):
                if command.app_command is not None:
                    command.app_command.default_permissions = discord.Permissions(manage_messages=True)
        self._loop = asyncio.create_task(self._poll_and_announce())

    async def cog_unload(self) -> None:
        self.stopping.set()
        if self._loop is not None:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._loop

    async def _poll_and_announce(self) -> None:
        """Every `feed_tick` seconds: poll the due feeds (unless another process polls) and
        post what is owed in this process's servers."""
        await self.bot.wait_until_ready()
        feeds = self.bot.archive.feeds
        tick = self.bot.settings.feed_tick
        while not self.stopping.is_set():
            try:
                if self.bot.settings.poll_feeds and not self.bot.archive.read_only:
                    for result in await feeds.poll_due():
                        log.info(
                            "feed %s: %s, %d added%s",
                            result.feed.id,
                            result.status,
                            len(result.added),
                            f" ({result.error})" if result.error else "",
                        )
                await self.announce()
            except ArchiveError as error:
                log.warning("feeds could not be polled: %s", error)
            except Exception:  # noqa: BLE001 - the loop outlives one bad round
                log.exception("feed round failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stopping.wait(), tick)

    async def announce(self) -> int:
        """Post the new feed articles owed in this process's servers; how many were posted."""
        if self.bot.archive.read_only:
            return 0
        guild_ids = [g.id for g in self.bot.guilds]
        posted = 0
        while True:
            owed = await self.bot.archive.feeds.claim_announcements(guild_ids, ANNOUNCE_BATCH)
            for item in owed:
                posted += await self._post(item)
            if len(owed) < ANNOUNCE_BATCH:
                return posted

    async def _post(self, item: Announcement) -> int:
        try:
            summary = await self.bot.archive.article(item.article_id, guild_id=item.guild_id)
        except ArchiveError:
            return 0  # removed since: nothing to announce
        feed = render.escape(render.cut(item.feed_title or "a feed", 100))
        text = render.fit_content(f"New from {feed}: {render.citation(summary.ref)} (#{summary.ref.id})")
        channel = self.bot.get_partial_messageable(item.channel_id, guild_id=item.guild_id)
        try:
            await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
        except SEND_ERRORS as error:
            log.warning(
                "could not announce article %s in channel %s: %s", summary.ref.id, item.channel_id, error
            )
            return 0
        return 1

    @commands.hybrid_command(name="follow")  # type: ignore[arg-type]  # see _HYBRID_TYPING
    @commands.guild_only()
    @app_commands.guild_only()
    @is_moderator()
    @app_commands.describe(
        url="The address of an RSS or Atom feed",
        channel="Post each new article in this channel (leave out to post nothing)",
        every="Minutes between checks of the feed (default 30)",
    )
    async def follow(
        self,
        ctx: commands.Context[Any],
        url: str,
        channel: discord.TextChannel | None = None,
        every: app_commands.Range[int, 5, 10080] | None = None,
    ) -> None:
        """Follow a news feed: its new items are added to this server's archive."""
        assert ctx.guild is not None
        await ctx.defer(ephemeral=True)  # fetching the feed can take seconds
        info = await self.bot.archive.feeds.follow(
            url,
            guild_id=ctx.guild.id,
            announce_channel=channel.id if channel is not None else None,
            interval=every * 60 if every is not None else None,
        )
        log.info("guild %s followed feed %s (user %s)", ctx.guild.id, info.feed.id, ctx.author.id)
        where = f" and posted in <#{channel.id}>" if channel is not None else ""
        text = f"Following {feed_line(info)}. Its new items will be added{where}, the first ones shortly."
        await ctx.send(render.fit_content(text), ephemeral=True)

    @commands.hybrid_command(name="unfollow")  # type: ignore[arg-type]  # see _HYBRID_TYPING
    @commands.guild_only()
    @app_commands.guild_only()
    @is_moderator()
    @app_commands.describe(feed="The feed to stop following (its number or address)")
    async def unfollow(self, ctx: commands.Context[Any], *, feed: str) -> None:
        """Stop following a feed; the articles it added stay."""
        assert ctx.guild is not None
        info = await self.bot.archive.feeds.unfollow(feed, guild_id=ctx.guild.id)
        log.info("guild %s unfollowed feed %s (user %s)", ctx.guild.id, info.feed.id, ctx.author.id)
        text = f"Stopped following {feed_line(info)}. The articles it added stay."
        await ctx.send(render.fit_content(text), ephemeral=True)

    @unfollow.autocomplete("feed")
    async def unfollow_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        followed = await self.bot.archive.feeds.followed(guild_id=interaction.guild_id)
        wanted = current.strip().lower()
        choices = []
        for info in followed:
            label = f"#{info.feed.id} {info.feed.title or info.shown_url}"
            if wanted in label.lower() or wanted in info.shown_url.lower():
                choices.append(app_commands.Choice(name=render.choice_label(label), value=str(info.feed.id)))
        return choices[: render.CHOICES_LIMIT]

    @commands.hybrid_command(name="feeds")  # type: ignore[arg-type]  # see _HYBRID_TYPING
    @commands.guild_only()
    @app_commands.guild_only()
    async def feeds(self, ctx: commands.Context[Any]) -> None:
        """The news feeds this server follows."""
        assert ctx.guild is not None
        followed = await self.bot.archive.feeds.followed(guild_id=ctx.guild.id)
        if not followed:
            await ctx.send(
                "This server follows no feeds; a moderator can add one with /follow.", ephemeral=True
            )
            return
        embed = discord.Embed(title="Feeds followed here", colour=render.COLOUR)
        embed.description = "\n".join(feed_line(info) for info in followed)
        await ctx.send(embed=render.fit_embed(embed), ephemeral=True)


async def setup(bot: ArchivistBot) -> None:
    await bot.add_cog(Feeds(bot))
