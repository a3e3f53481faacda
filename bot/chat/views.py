"""Buttons and forms: answer pages, article pages, the remove confirmation, the /add form.

Every view answers only the member who asked and removes its buttons when it times
out. Views hold no archive logic: what a button does beyond paging is a callback the
cog hands in.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from bot.core.models import Answer, ArticleSummary

from . import render

log = logging.getLogger(__name__)

NOT_YOURS = "Only the person who asked can use these buttons."


async def clear_thinking(interaction: discord.Interaction[Any]) -> None:
    """After a public defer, the first follow-up would replace the public "thinking"
    message, so an error would be shown to everyone: remove it, so that the error
    goes out as a private follow-up instead."""
    if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
        await interaction.delete_original_response()


async def reply_error(interaction: discord.Interaction[Any], error: Exception) -> None:
    """Tell the member about a failed button or form in one sentence (the bot decides which)."""
    client = interaction.client
    sentence_for = getattr(client, "error_sentence", None)
    sentence = sentence_for(error) if sentence_for else "Something went wrong; it has been logged."
    send = interaction.followup.send if interaction.response.is_done() else interaction.response.send_message
    try:
        await clear_thinking(interaction)
        await send(sentence, ephemeral=True)
    except discord.HTTPException:
        log.exception("could not report an error to user %s", interaction.user.id)


class OwnedView(discord.ui.View):
    """A view only its owner can press; its buttons disappear on timeout."""

    def __init__(self, owner_id: int, *, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.message: discord.Message | None = None

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    async def on_timeout(self) -> None:
        if self.message is None:
            return
        try:
            await self.message.edit(view=None)
        except discord.HTTPException:
            # The message may be gone (deleted, or an expired interaction token): nothing to tidy.
            log.debug("could not remove buttons from message %s", self.message.id)

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await reply_error(interaction, error)


class AnswerView(OwnedView):
    """Pages through answers (Back / More) and shows an answer's paragraph (Source)."""

    def __init__(
        self, owner_id: int, answers: Sequence[Answer], *, heading: str | None, timeout: float
    ) -> None:
        super().__init__(owner_id, timeout=timeout)
        self.answers = list(answers)
        self.heading = heading
        self.index = 0
        self._sync_buttons()

    def current_embed(self) -> discord.Embed:
        """The embed for the answer on show."""
        return render.answer_embed(
            self.answers[self.index], position=self.index + 1, total=len(self.answers), heading=self.heading
        )

    def _sync_buttons(self) -> None:
        self.back.disabled = self.index == 0
        self.more.disabled = self.index >= len(self.answers) - 1
        if len(self.answers) <= 1:
            self.remove_item(self.back)
            self.remove_item(self.more)

    @discord.ui.button(label="Back", style=discord.ButtonStyle.secondary)
    async def back(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[AnswerView]
    ) -> None:
        self.index = max(0, self.index - 1)
        self._sync_buttons()
        await interaction.response.edit_message(embed=self.current_embed(), view=self)

    @discord.ui.button(label="More", style=discord.ButtonStyle.primary)
    async def more(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[AnswerView]
    ) -> None:
        self.index = min(len(self.answers) - 1, self.index + 1)
        self._sync_buttons()
        await interaction.response.edit_message(embed=self.current_embed(), view=self)

    @discord.ui.button(label="Source", style=discord.ButtonStyle.secondary)
    async def source(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[AnswerView]
    ) -> None:
        await interaction.response.send_message(
            embed=render.paragraph_embed(self.answers[self.index]), ephemeral=True
        )


PageLoader = Callable[[int], Awaitable[tuple[Sequence[ArticleSummary], int]]]


class ArticlesView(OwnedView):
    """Back / Next through the article list; each page is loaded when asked for."""

    def __init__(self, owner_id: int, load: PageLoader, total: int, *, per_page: int, timeout: float) -> None:
        super().__init__(owner_id, timeout=timeout)
        self.load = load
        self.total = total
        self.per_page = per_page
        self.page = 0
        self._sync_buttons()

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = self.page >= self.pages - 1

    async def _show(self, interaction: discord.Interaction[Any], page: int) -> None:
        items, self.total = await self.load(page * self.per_page)
        self.page = min(page, self.pages - 1)
        self._sync_buttons()
        embed = render.articles_embed(items, self.total, page=self.page, per_page=self.per_page)
        await interaction.response.edit_message(embed=embed, view=self)

    @discord.ui.button(label="Back", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[ArticlesView]
    ) -> None:
        await self._show(interaction, max(0, self.page - 1))

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[ArticlesView]
    ) -> None:
        await self._show(interaction, self.page + 1)


class ConfirmView(OwnedView):
    """Confirm / Cancel for a destructive action; `on_confirm` returns the final text."""

    def __init__(
        self,
        owner_id: int,
        on_confirm: Callable[[discord.Interaction[Any]], Awaitable[str]],
        *,
        timeout: float,
    ) -> None:
        super().__init__(owner_id, timeout=timeout)
        self.on_confirm = on_confirm

    @discord.ui.button(label="Remove", style=discord.ButtonStyle.danger)
    async def confirm(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[ConfirmView]
    ) -> None:
        self.stop()
        try:
            text = await self.on_confirm(interaction)
        except Exception:
            # Take the buttons away either way so a failed removal is not pressed twice.
            await interaction.response.edit_message(view=None)
            raise
        await interaction.response.edit_message(content=render.fit_content(text), embed=None, view=None)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[ConfirmView]
    ) -> None:
        self.stop()
        await interaction.response.edit_message(content="Nothing was removed.", embed=None, view=None)


FormHandler = Callable[[discord.Interaction[Any], str, str | None, str], Awaitable[None]]


class AddArticleModal(discord.ui.Modal, title="Add an article"):
    """The /add form: title, date and pasted text; `handler` stores and replies."""

    article_title: discord.ui.TextInput[AddArticleModal] = discord.ui.TextInput(
        label="Title", max_length=300, placeholder="The headline"
    )
    date: discord.ui.TextInput[AddArticleModal] = discord.ui.TextInput(
        label="Date", required=False, max_length=40, placeholder="2021-12-24"
    )
    text: discord.ui.TextInput[AddArticleModal] = discord.ui.TextInput(
        label="Text",
        style=discord.TextStyle.paragraph,
        max_length=4000,
        placeholder="Paste the article here.",
    )

    def __init__(self, handler: FormHandler, *, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.handler = handler

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        date = self.date.value.strip() or None
        await self.handler(interaction, self.article_title.value.strip(), date, self.text.value)

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception) -> None:
        await reply_error(interaction, error)
