"""Changing the archive (moderators only): /add by link, file or form; /remove."""

from __future__ import annotations

import logging
import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import BadArticle, Forbidden, TooLarge
from bot.core.fetch import fetch_url
from bot.core.models import ArticleSummary

from .. import render
from ..checks import is_moderator
from ..views import NOT_YOURS, REMOVE_TEMPLATE, AddArticleModal, reply_private
from .ask import article_choices, resolve_article

if TYPE_CHECKING:
    from ..client import ArchivistBot

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
TEXT_TYPES = ("text/", "application/xhtml+xml")
FORM_SECONDS = 600.0  # how long an opened /add form can still be submitted


class Manage(commands.Cog):
    """Moderator commands; every one is checked, refusals are logged by the check."""

    def __init__(self, bot: ArchivistBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        # Without a moderator role, hide the commands from members who lack Manage
        # Messages in Discord's UI as well. With one, they must stay visible to role
        # holders; the check still refuses everyone else.
        if not self.bot.settings.mod_role:
            for command in (self.add, self.remove):
                app_command = command.app_command
                if app_command is not None:
                    app_command.default_permissions = discord.Permissions(manage_messages=True)

    async def _store(
        self,
        guild_id: int,
        raw: str | bytes,
        *,
        name: str | None = None,
        source: str | None = None,
        content_type: str | None = None,
        charset: str | None = None,
        title: str | None = None,
        date: str | None = None,
    ) -> ArticleSummary:
        summary = await self.bot.archive.add_text(
            raw,
            name=name,
            source=source,
            content_type=content_type,
            charset=charset,
            title=title,
            date=date,
            guild_id=guild_id,
        )
        log.info("added article %s in guild %s (%d sentences)", summary.ref.id, guild_id, summary.sentences)
        return summary

    @commands.hybrid_command(name="add")
    @commands.guild_only()
    @app_commands.guild_only()
    @is_moderator()
    @app_commands.describe(
        url="A link to the article (a web page or a text file)",
        file="A text, Markdown or HTML file holding the article",
    )
    async def add(
        self, ctx: commands.Context[Any], url: str | None = None, file: discord.Attachment | None = None
    ) -> None:
        """Add an article by link, by file, or (with neither) by filling in a form."""
        assert ctx.guild is not None  # guild_only
        if url and file:
            await ctx.send("Give a link or a file, not both.", ephemeral=True)
            return
        if url:
            await ctx.defer()  # fetching can take seconds; Discord wants an answer within 3
            settings = self.bot.settings
            fetched = await fetch_url(
                url.strip().strip("<>"),  # <link> is how Discord users stop a link preview
                max_bytes=settings.fetch_max_bytes,
                timeout=settings.fetch_timeout,
                allow_private=settings.allow_private_urls,
            )
            summary = await self._store(
                ctx.guild.id,
                fetched.body,
                source=fetched.url,
                content_type=fetched.content_type,
                charset=fetched.charset,
            )
        elif file:
            self._check_attachment(file)
            await ctx.defer()
            body = await file.read()
            summary = await self._store(
                ctx.guild.id,
                body,
                name=file.filename,
                content_type=(file.content_type or "").split(";")[0] or None,
            )
        elif ctx.interaction is not None:
            modal = AddArticleModal(self.add_from_form, timeout=FORM_SECONDS)
            self.bot.open_forms[modal.custom_id] = True
            await ctx.interaction.response.send_modal(modal)
            # Kept in the archive too (after answering: Discord's 3 s), so that a form
            # submitted after a restart is still taken, not lost with the member's text.
            await self.bot.archive.forms.remember(modal.custom_id, ctx.guild.id, ctx.author.id, FORM_SECONDS)
            return
        else:
            prefix = self.bot.settings.prefix
            await ctx.send(
                f"Attach a text, Markdown or HTML file, or give a link: `{prefix}add https://\u2026`."
            )
            return
        await ctx.send(embed=render.added_embed(summary))

    def _check_attachment(self, file: discord.Attachment) -> None:
        """Refuse what the archive cannot read, before downloading it."""
        cap = self.bot.settings.fetch_max_bytes
        if file.size > cap:
            raise TooLarge(f"The file is larger than the {cap / 1_000_000:g} MB limit.")
        content_type = (file.content_type or "").lower()
        suffix = PurePosixPath(file.filename).suffix.lower()
        # Discord derives the type from the name; an unknown one falls back to the suffix.
        untyped = content_type in ("", "application/octet-stream")
        if not (content_type.startswith(TEXT_TYPES) or (untyped and suffix in TEXT_SUFFIXES)):
            raise BadArticle("Only text, Markdown or HTML files can be added.")

    async def add_from_form(
        self, interaction: discord.Interaction[Any], title: str, date: str | None, text: str
    ) -> None:
        """The /add form was submitted: store the pasted text with the given title and date."""
        assert interaction.guild_id is not None
        await interaction.response.defer(thinking=True)
        # Submitted: no longer pending in the archive. (open_forms keeps it until it expires,
        # so on_interaction, which sees this submission too, never takes it for a stranger.)
        custom_id = str((interaction.data or {}).get("custom_id", ""))[:100]
        await self.bot.archive.forms.take(custom_id, interaction.guild_id, interaction.user.id)
        summary = await self._store(
            interaction.guild_id, text, title=title or None, date=date, content_type="text/plain"
        )
        await interaction.followup.send(embed=render.added_embed(summary))

    @commands.hybrid_command(name="remove")
    @commands.guild_only()
    @app_commands.guild_only()
    @is_moderator()
    @app_commands.describe(article="The article to remove (added in this server)")
    async def remove(self, ctx: commands.Context[Any], *, article: str) -> None:
        """Remove an article this server added, after a confirmation."""
        assert ctx.guild is not None
        guild_id = ctx.guild.id
        summary = await resolve_article(self.bot, article, guild_id)
        if summary.guild_id != guild_id:
            raise Forbidden("That article was not added in this server, so it cannot be removed here.")

        view = discord.ui.View(timeout=None)
        view.add_item(RemoveButton("y", ctx.author.id, summary.ref.id))
        view.add_item(RemoveButton("n", ctx.author.id, summary.ref.id))
        question = (
            f"Remove {render.citation(summary.ref)} ({summary.sentences} sentences)? This cannot be undone."
        )
        await ctx.send(render.fit_content(question), view=view, ephemeral=True)

    @remove.autocomplete("article")
    async def remove_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await article_choices(self.bot, interaction, current)


class RemoveButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=REMOVE_TEMPLATE):
    """Remove / Cancel under the confirmation; the article id is in the custom_id, so it works
    however long the member takes (the archive checks the server again)."""

    def __init__(self, op: str, owner_id: int, article_id: int) -> None:
        label, style = (
            ("Remove", discord.ButtonStyle.danger) if op == "y" else ("Cancel", discord.ButtonStyle.secondary)
        )
        super().__init__(
            discord.ui.Button(label=label, style=style, custom_id=f"r:{op}:{owner_id}:{article_id}")
        )
        self.op, self.owner_id, self.article_id = op, owner_id, article_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> RemoveButton:
        return cls(match["op"], int(match["owner"]), int(match["article"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.user.id != self.owner_id:
            await reply_private(interaction, NOT_YOURS)
            return
        if self.op == "n":
            await interaction.response.edit_message(content="Nothing was removed.", embed=None, view=None)
            return
        try:
            ref = await interaction.client.archive.remove(self.article_id, guild_id=interaction.guild_id)
        except Exception as error:  # noqa: BLE001 -- answered by the bot's one error handler
            # Take the buttons away either way so a failed removal is not pressed twice.
            sentence = interaction.client.error_sentence(error)
            await interaction.response.edit_message(content=render.fit_content(sentence), view=None)
            return
        log.info(
            "removed article %s in guild %s by user %s", ref.id, interaction.guild_id, interaction.user.id
        )
        text = render.fit_content(f"Removed {render.citation(ref)}.")
        await interaction.response.edit_message(content=text, embed=None, view=None)


async def setup(bot: ArchivistBot) -> None:
    await bot.add_cog(Manage(bot))
