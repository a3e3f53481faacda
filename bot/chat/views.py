"""Buttons and forms: answer pages, article pages, the remove confirmation, the /add form.

Buttons are `discord.ui.DynamicItem`s: what a press needs is in its `custom_id` (who asked,
which page), so no View object is kept per message, nothing is edited when buttons time
out, and a button still works after a restart. An answer's pages are the one thing too big
for a custom_id: they are kept in a bounded, expiring cache (`AnswerPages`); a press after
they are gone (expired, or the bot restarted) is told the answer is too old.

Only the member who asked can press an answer's buttons. Views hold no archive logic.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
import discord
from cachetools import TTLCache

from bot.core.models import Answer

from . import render

log = logging.getLogger(__name__)

NOT_YOURS = "Only the person who asked can use these buttons."
TOO_OLD = "This answer is too old for its buttons now; ask again."
OLD_BUTTON = "That button no longer works; run the command again."
OLD_FORM = "That form has expired; run /add again."

# What sending to Discord can raise: its refusals, and the network's failures (a dropped
# connection reaches us as aiohttp's error, not as HTTPException).
NETWORK_ERRORS = (aiohttp.ClientError, ConnectionError, TimeoutError)
SEND_ERRORS = (discord.HTTPException, *NETWORK_ERRORS)

ANSWER_TEMPLATE = r"a:(?P<op>[bms]):(?P<owner>[0-9]+):(?P<key>[0-9a-z]+):(?P<index>[0-9]+)"
ARTICLES_TEMPLATE = r"p:(?P<owner>[0-9]+):(?P<page>[0-9]+):(?P<side>[bn])"
REMOVE_TEMPLATE = r"r:(?P<op>[yn]):(?P<owner>[0-9]+):(?P<article>[0-9]+)"
# Every custom_id the bot's buttons carry; a press on anything else is an old button.
BUTTON_IDS = [re.compile(t) for t in (ANSWER_TEMPLATE, ARTICLES_TEMPLATE, REMOVE_TEMPLATE)]


def is_our_button(custom_id: str) -> bool:
    """True when a button with this custom_id is one this version of the bot handles."""
    return any(pattern.fullmatch(custom_id) for pattern in BUTTON_IDS)


async def clear_thinking(interaction: discord.Interaction[Any]) -> None:
    """After a public defer, the first follow-up would replace the public "thinking"
    message, so an error would be shown to everyone: remove it, so that the error
    goes out as a private follow-up instead."""
    if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
        await interaction.delete_original_response()


async def reply_private(interaction: discord.Interaction[Any], sentence: str) -> None:
    """One private sentence, as the response or (once responded) as a follow-up."""
    send = interaction.followup.send if interaction.response.is_done() else interaction.response.send_message
    try:
        await send(render.fit_content(sentence), ephemeral=True)
    except SEND_ERRORS:
        log.warning("could not answer user %s", interaction.user.id, exc_info=True)


async def reply_error(interaction: discord.Interaction[Any], error: Exception) -> None:
    """Tell the member about a failed button or form in one sentence (the bot decides which)."""
    sentence_for = getattr(interaction.client, "error_sentence", None)
    sentence = sentence_for(error) if sentence_for else "Something went wrong; it has been logged."
    try:
        await clear_thinking(interaction)
    except SEND_ERRORS:
        log.debug("could not remove the thinking message", exc_info=True)
    await reply_private(interaction, sentence)


@dataclass(frozen=True, slots=True)
class Pages:
    """The answers one reply pages through."""

    answers: tuple[Answer, ...]
    heading: str | None


class AnswerPages:
    """Answers kept for their buttons: at most `size`, each for `seconds` (memory stays flat)."""

    def __init__(self, size: int, seconds: float) -> None:
        self._cache: TTLCache[str, Pages] = TTLCache(maxsize=max(1, size), ttl=max(0.001, seconds))

    def add(self, key: str, answers: Sequence[Answer], heading: str | None) -> None:
        self._cache[key] = Pages(tuple(answers), heading)

    def get(self, key: str) -> Pages | None:
        return self._cache.get(key)

    def __len__(self) -> int:
        return len(self._cache)


def base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


class _Pressable:
    """Mixin for a stateless button: `press` does the work; any error is answered in one sentence
    (discord.py would only log it, and the member would see "interaction failed")."""

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        raise NotImplementedError

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await self.press(interaction)
        except Exception as error:  # noqa: BLE001 -- the bot's one error handler sorts it out
            await reply_error(interaction, error)


def answer_embed(pages: Pages, index: int) -> discord.Embed:
    """The embed for answer `index` of `pages`."""
    return render.answer_embed(
        pages.answers[index], position=index + 1, total=len(pages.answers), heading=pages.heading
    )


def answer_view(owner_id: int, key: str, index: int, total: int) -> discord.ui.View:
    """Back / More (when there is more than one answer) and Source, for answer `index`."""
    view = discord.ui.View(timeout=None)
    if total > 1:
        view.add_item(AnswerButton("b", owner_id, key, index, disabled=index == 0))
        view.add_item(AnswerButton("m", owner_id, key, index, disabled=index >= total - 1))
    view.add_item(AnswerButton("s", owner_id, key, index))
    return view


class AnswerButton(_Pressable, discord.ui.DynamicItem[discord.ui.Button[Any]], template=ANSWER_TEMPLATE):
    """Back / More through an answer's pages, or Source (the whole paragraph, privately)."""

    LABELS = {"b": ("Back", discord.ButtonStyle.secondary), "m": ("More", discord.ButtonStyle.primary)}

    def __init__(self, op: str, owner_id: int, key: str, index: int, *, disabled: bool = False) -> None:
        label, style = self.LABELS.get(op, ("Source", discord.ButtonStyle.secondary))
        super().__init__(
            discord.ui.Button(
                label=label, style=style, disabled=disabled, custom_id=f"a:{op}:{owner_id}:{key}:{index}"
            )
        )
        self.op, self.owner_id, self.key, self.index = op, owner_id, key, index

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AnswerButton:
        return cls(match["op"], int(match["owner"]), match["key"], int(match["index"]))

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.user.id != self.owner_id:
            await reply_private(interaction, NOT_YOURS)
            return
        pages: Pages | None = interaction.client.answer_pages.get(self.key)
        if pages is None or self.index >= len(pages.answers):
            await reply_private(interaction, TOO_OLD)
            return
        if self.op == "s":
            embed = render.paragraph_embed(pages.answers[self.index])
            await interaction.response.send_message(embed=embed, ephemeral=True)
            return
        step = -1 if self.op == "b" else 1
        index = min(max(0, self.index + step), len(pages.answers) - 1)
        view = answer_view(self.owner_id, self.key, index, len(pages.answers))
        await interaction.response.edit_message(embed=answer_embed(pages, index), view=view)


def articles_view(owner_id: int, page: int, pages: int) -> discord.ui.View:
    """Back / Next under page `page` (from 0) of `pages`."""
    view = discord.ui.View(timeout=None)
    view.add_item(ArticlesButton(owner_id, max(0, page - 1), "b", disabled=page == 0))
    view.add_item(ArticlesButton(owner_id, page + 1, "n", disabled=page >= pages - 1))
    return view


class ArticlesButton(_Pressable, discord.ui.DynamicItem[discord.ui.Button[Any]], template=ARTICLES_TEMPLATE):
    """Back / Next through the article list; the page is loaded when pressed."""

    PER_PAGE = 10

    def __init__(self, owner_id: int, page: int, side: str, *, disabled: bool = False) -> None:
        label, style = (
            ("Back", discord.ButtonStyle.secondary) if side == "b" else ("Next", discord.ButtonStyle.primary)
        )
        super().__init__(
            discord.ui.Button(
                label=label, style=style, disabled=disabled, custom_id=f"p:{owner_id}:{page}:{side}"
            )
        )
        self.owner_id, self.page = owner_id, page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ArticlesButton:
        return cls(int(match["owner"]), int(match["page"]), match["side"])

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.user.id != self.owner_id:
            await reply_private(interaction, NOT_YOURS)
            return
        per_page = self.PER_PAGE
        archive = interaction.client.archive
        items, total = await archive.articles(
            guild_id=interaction.guild_id, offset=self.page * per_page, limit=per_page
        )
        pages = max(1, -(-total // per_page))
        page = min(self.page, pages - 1)
        if page != self.page:  # the list shrank since: show its last page
            items, total = await archive.articles(
                guild_id=interaction.guild_id, offset=page * per_page, limit=per_page
            )
        embed = render.articles_embed(items, total, page=page, per_page=per_page)
        await interaction.response.edit_message(embed=embed, view=articles_view(self.owner_id, page, pages))


FormHandler = Callable[[discord.Interaction[Any], str, str | None, str], Awaitable[None]]


def form_values(data: dict[str, Any]) -> dict[str, str]:
    """custom_id -> value of every text input in a submitted form's payload."""
    found: dict[str, str] = {}

    def walk(components: Any) -> None:
        for component in components or ():
            if not isinstance(component, dict):
                continue
            if component.get("type") == 4 and isinstance(component.get("value"), str):
                found[str(component.get("custom_id"))] = component["value"]
            walk(component.get("components"))
            if isinstance(component.get("component"), dict):
                walk([component["component"]])

    walk(data.get("components"))
    return found


class AddArticleModal(discord.ui.Modal, title="Add an article"):
    """The /add form: title, date and pasted text; `handler` stores and replies."""

    # Fixed input ids: a form submitted after a restart is read by them (form_values).
    article_title: discord.ui.TextInput[AddArticleModal] = discord.ui.TextInput(
        label="Title", max_length=300, placeholder="The headline", custom_id="add:title"
    )
    date: discord.ui.TextInput[AddArticleModal] = discord.ui.TextInput(
        label="Date", required=False, max_length=40, placeholder="2021-12-24", custom_id="add:date"
    )
    text: discord.ui.TextInput[AddArticleModal] = discord.ui.TextInput(
        label="Text",
        custom_id="add:text",
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

    # Modal.on_error takes no item (discord.py types it as BaseView's, which does).
    async def on_error(self, interaction: discord.Interaction[Any], error: Exception, /) -> None:  # type: ignore[override]
        await reply_error(interaction, error)
