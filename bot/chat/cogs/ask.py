"""Asking the archive: /ask /who /said /verify /article /articles /stats /help."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import NotFound
from bot.core.models import Answer, ArticleSummary, SearchResult

from .. import render
from ..checks import stored_cooldown
from ..views import ArticlesButton, answer_view, articles_view, base36

if TYPE_CHECKING:
    from ..client import ArchivistBot

PER_PAGE = ArticlesButton.PER_PAGE
# Past this the article body is attached as a file rather than squeezed into an embed.
EXCERPT_CHARS = 1500


def scope(ctx: commands.Context[Any] | discord.Interaction[Any]) -> int | None:
    """The archive scope: this server, or None (seeds only) in direct messages."""
    return ctx.guild.id if ctx.guild is not None else None


async def resolve_article(bot: ArchivistBot, value: str, guild_id: int | None) -> ArticleSummary:
    """An article from an autocomplete value (its id) or typed text (id, `#id` or a title)."""
    text = value.strip().removeprefix("#")
    if text.isdigit():
        return await bot.archive.article(int(text), guild_id=guild_id)
    matches = await bot.archive.find_articles(text, guild_id=guild_id, limit=1)
    if not matches:
        raise NotFound(f"No article here matches \u201c{render.cut(value, 200)}\u201d.")
    return await bot.archive.article(matches[0].id, guild_id=guild_id)


async def article_choices(
    bot: ArchivistBot, interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Autocomplete by title: at most 25 choices; the value is the article id."""
    refs = await bot.archive.find_articles(current, guild_id=scope(interaction), limit=render.CHOICES_LIMIT)
    choices = []
    for ref in refs[: render.CHOICES_LIMIT]:
        label = f"{ref.title} ({ref.date})" if ref.date else ref.title
        choices.append(app_commands.Choice(name=render.choice_label(label), value=str(ref.id)))
    return choices


async def speaker_choices(
    bot: ArchivistBot, interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Autocomplete by speaker name (at most 25, no two alike once cut to Discord's length)."""
    names = await bot.archive.speaker_names(current, guild_id=scope(interaction), limit=render.CHOICES_LIMIT)
    seen: set[str] = set()
    choices = []
    for name in names:
        label = render.choice_label(name)
        if label not in seen:
            seen.add(label)
            choices.append(app_commands.Choice(name=label, value=label))
    return choices[: render.CHOICES_LIMIT]


class Ask(commands.Cog):
    """Questions, quotes and browsing, for everyone."""

    def __init__(self, bot: ArchivistBot) -> None:
        self.bot = bot

    async def _answer(
        self, ctx: commands.Context[Any], result: SearchResult, *, heading: str | None, what: str
    ) -> None:
        if not result.answers:
            await ctx.send(render.no_match(result, what=what), ephemeral=True)
            return
        key = self._keep(ctx, result.answers, heading)
        embed = render.answer_embed(result.answers[0], position=1, total=len(result.answers), heading=heading)
        # Who else fits goes in the content: paging edits only the embed, so it stays.
        also = render.also_fits(result, said=self._invocation(ctx, "said"))
        view = answer_view(ctx.author.id, key, 0, len(result.answers))
        await ctx.send(also, embed=embed, view=view)

    def _keep(self, ctx: commands.Context[Any], answers: Sequence[Answer], heading: str | None) -> str:
        """Keep a reply's answers for its buttons, found again by the command's own (unique) id."""
        key = base36(ctx.interaction.id if ctx.interaction is not None else ctx.message.id)
        self.bot.answer_pages.add(key, answers, heading)
        return key

    def _invocation(self, ctx: commands.Context[Any], command: str) -> str:
        """How the member would run `command` where they are: "/said" or "!said"."""
        return f"/{command}" if ctx.interaction is not None else f"{self.bot.settings.prefix}{command}"

    @commands.hybrid_command(name="ask")
    @app_commands.describe(question="What you want to know, in your own words")
    @stored_cooldown()
    async def ask(self, ctx: commands.Context[Any], *, question: str) -> None:
        """The passages that best answer a question."""
        await self.bot.defer_if_slow(ctx)
        result = await self.bot.archive.ask(question, guild_id=scope(ctx))
        await self._answer(ctx, result, heading=None, what="good match")

    @commands.hybrid_command(name="who")
    @app_commands.describe(quote="The words (or some of them) someone said")
    @stored_cooldown()
    async def who(self, ctx: commands.Context[Any], *, quote: str) -> None:
        """Who said (something like) this."""
        await self.bot.defer_if_slow(ctx)
        result = await self.bot.archive.who(quote, guild_id=scope(ctx))
        await self._answer(ctx, result, heading=None, what="attributed quote matching")

    @commands.hybrid_command(name="said")
    @app_commands.describe(person="A name, surname or role; pick one from the list or type it")
    @stored_cooldown()
    async def said(self, ctx: commands.Context[Any], *, person: str) -> None:
        """What a person said, newest article first."""
        # Autocomplete only suggests: a typed (or stale) value is resolved again by the archive.
        await self.bot.defer_if_slow(ctx)
        result = await self.bot.archive.said(person, guild_id=scope(ctx))
        heading = f"What {result.speaker} said" if result.speaker else None
        await self._answer(ctx, result, heading=heading, what="person or quote")

    @said.autocomplete("person")
    async def said_person(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await speaker_choices(self.bot, interaction, current)

    @commands.hybrid_command(name="verify")
    @app_commands.describe(
        quote="The words as they reached you", person="Who is supposed to have said them (optional)"
    )
    @stored_cooldown()
    async def verify(self, ctx: commands.Context[Any], quote: str, *, person: str | None = None) -> None:
        """Did they really say it? The closest wording in the archive, the match and a verdict."""
        await self.bot.defer_if_slow(ctx)
        result = await self.bot.archive.verify(quote, by=person, guild_id=scope(ctx))
        embed = render.verify_embed(result, person)
        if not result.answers:
            await ctx.send(embed=embed)
            return
        key = self._keep(ctx, result.answers, None)
        await ctx.send(embed=embed, view=answer_view(ctx.author.id, key, 0, 1))

    @verify.autocomplete("person")
    async def verify_person(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await speaker_choices(self.bot, interaction, current)

    @commands.hybrid_command(name="article")
    @app_commands.describe(article="The article's title (pick from the list) or its number")
    async def article(self, ctx: commands.Context[Any], *, article: str) -> None:
        """One article: citation, counts and speakers, with the full text attached."""
        guild_id = scope(ctx)
        summary = await resolve_article(self.bot, article, guild_id)
        text = await self.bot.archive.article_text(summary.ref.id, guild_id=guild_id)
        excerpt = text[:EXCERPT_CHARS]
        embed = render.article_embed(summary, excerpt=excerpt)
        if len(text) > EXCERPT_CHARS:
            # Long text goes as a file: nothing is lost and no limit is broken.
            file = discord.File(io.BytesIO(text.encode()), filename=f"article-{summary.ref.id}.txt")
            await ctx.send(embed=embed, file=file)
        else:
            await ctx.send(embed=embed)

    @article.autocomplete("article")
    async def article_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await article_choices(self.bot, interaction, current)

    @commands.hybrid_command(name="articles")
    async def articles(self, ctx: commands.Context[Any]) -> None:
        """The articles in the archive, newest first."""
        items, total = await self.bot.archive.articles(guild_id=scope(ctx), offset=0, limit=PER_PAGE)
        embed = render.articles_embed(items, total, page=0, per_page=PER_PAGE)
        if total <= PER_PAGE:
            await ctx.send(embed=embed)
            return
        pages = -(-total // PER_PAGE)
        await ctx.send(embed=embed, view=articles_view(ctx.author.id, 0, pages))

    @commands.hybrid_command(name="stats")
    async def stats(self, ctx: commands.Context[Any]) -> None:
        """How much the archive holds, and who is quoted most."""
        stats = await self.bot.archive.stats(guild_id=scope(ctx))
        await ctx.send(embed=render.stats_embed(stats))

    @commands.hybrid_command(name="help")
    async def help(self, ctx: commands.Context[Any]) -> None:
        """What Archivist can do."""
        await ctx.send(embed=render.help_embed(self.bot.settings.prefix), ephemeral=True)


async def setup(bot: ArchivistBot) -> None:
    await bot.add_cog(Ask(bot))
