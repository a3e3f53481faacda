"""The slash-command tree: every interaction's payload is checked before discord.py reads it,
load is shed before it queues, and running commands are tracked so a shutdown can finish them.

Discord's payloads can be stale (a command registered by an older version of the bot, a client
that has not caught up with a change) or odd (`options: null`, an autocomplete with no focused
option or a number where text was declared). Those are not bugs of ours: the member is told
what is wrong in one sentence and the log gets one line at info level.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import discord
from discord import AppCommandOptionType as OptionType
from discord import app_commands

from .views import SEND_ERRORS

if TYPE_CHECKING:
    from .client import ArchivistBot

log = logging.getLogger("bot.chat")

BUSY = "I have too many questions at once right now; try again in a few seconds."
RESTARTING = "I am restarting; try again in a few seconds."
# Commands that queue for the archive's search; only these are shed under load (the rest are
# cheap, and shedding /add or /remove would lose a moderator's work).
SHEDDABLE = frozenset({"ask", "who", "said", "verify"})

_VALUE_TYPES: Mapping[int, type | tuple[type, ...]] = {
    OptionType.string.value: str,
    OptionType.integer.value: int,
    OptionType.boolean.value: bool,
    OptionType.number.value: (int, float),
    OptionType.user.value: str,
    OptionType.channel.value: str,
    OptionType.role.value: str,
    OptionType.mentionable.value: str,
    OptionType.attachment.value: str,
}


class Busy(app_commands.AppCommandError):
    """A question that would be answered too late; `str()` is the sentence for the member."""


class StalePayload(app_commands.AppCommandError):
    """A command whose payload does not fit what the bot has; `str()` is the sentence for the member."""


def option_problem(command: app_commands.Command[Any, ..., Any], data: Mapping[str, Any]) -> str | None:
    """What is wrong with the options Discord sent for `command`, or None when they fit."""
    params = {p.name: p for p in command.parameters}
    given = {str(o.get("name")): o for o in data.get("options") or [] if isinstance(o, dict)}
    for name, option in given.items():
        param = params.get(name)
        if param is None or option.get("type") != param.type.value:
            return f"The /{command.name} command has changed since Discord showed it to you; try it again."
        value = option.get("value")
        wanted = _VALUE_TYPES.get(param.type.value, object)
        if value is None or isinstance(value, bool) is not (wanted is bool) or not isinstance(value, wanted):
            return f"Discord sent `{name}` in a form I cannot read; try /{command.name} again."
        if param.type is OptionType.attachment:
            attachments = (data.get("resolved") or {}).get("attachments") or {}
            if str(value) not in attachments:
                return f"The file for `{name}` did not come through; attach it again."
    missing = [p.name for p in command.parameters if p.required and p.name not in given]
    if missing:
        return f"Missing `{missing[0]}`: fill it in and send /{command.name} again."
    return None


class ArchivistTree(app_commands.CommandTree["ArchivistBot"]):
    """The bot's command tree (see the module docstring)."""

    def __init__(self, client: ArchivistBot, **options: Any) -> None:
        super().__init__(client, **options)
        self.in_flight: set[asyncio.Task[Any]] = set()
        self.queued: set[asyncio.Task[Any]] = set()  # accepted searches not yet answered
        self.seconds_each = 0.01  # moving average of one question's share of the time it took
        self.accepting = True

    def command_for(self, data: Mapping[str, Any]) -> app_commands.Command[Any, ..., Any] | None:
        """The slash command an interaction names, if the bot has it."""
        guild_id = data.get("guild_id")
        guild = discord.Object(int(guild_id)) if guild_id else None
        command = self.get_command(str(data.get("name")), guild=guild) or self.get_command(
            str(data.get("name"))
        )
        return command if isinstance(command, app_commands.Command) else None

    async def interaction_check(self, interaction: discord.Interaction[ArchivistBot], /) -> bool:
        data: dict[str, Any] = interaction.data  # type: ignore[assignment]
        if data.get("type", 1) != 1:
            return True  # context menus: the bot has none, discord.py answers them
        if data.get("options", []) is None:
            data["options"] = []  # Discord has sent null for "no options"
        command = self.command_for(data)
        if interaction.type is discord.InteractionType.autocomplete:
            return await self._check_autocomplete(interaction, command, data)
        if command is None:
            raise StalePayload(
                f"I no longer have a /{data.get('name')} command; Discord may show it for a while yet."
            )
        problem = option_problem(command, data)
        if problem:
            raise StalePayload(problem)
        if not self.accepting:
            await _answer(interaction, RESTARTING)
            return False
        if command.name in SHEDDABLE:
            bot = self.client
            if bot.overloaded(interaction):
                bot.shed += 1
                await _answer(interaction, BUSY)
                return False
            # Defer here, before discord.py builds the command's context: the earlier, the
            # surer the 3 s deadline holds when the loop is busy.
            await bot.defer_if_late(interaction)
        # This runs in the task that goes on to run the command: done means answered.
        task = asyncio.current_task()
        if task is not None:
            self.in_flight.add(task)
            task.add_done_callback(self.in_flight.discard)
            if command.name in SHEDDABLE:
                self.queued.add(task)
                started = time.perf_counter()
                task.add_done_callback(lambda done: self._finished(done, started))
        return True

    def _finished(self, task: asyncio.Task[Any], started: float) -> None:
        """Learn how long a question takes, all of it: the archive, rendering, the reply."""
        self.queued.discard(task)
        # Questions in flight together share the processes: one's own cost is about the
        # elapsed time divided among them.
        share = (time.perf_counter() - started) / (len(self.queued) + 1)
        # Quick to rise, slow to fall: when the machine slows down (another process takes the
        # CPU), the estimate must follow within a few questions, or the queue overshoots.
        weight = 0.3 if share > self.seconds_each else 0.05
        self.seconds_each += weight * (share - self.seconds_each)

    def expected_wait(self) -> float:
        """Seconds until a question accepted now would be answered, those queued included."""
        return (len(self.queued) + 1) * self.seconds_each

    async def _check_autocomplete(
        self,
        interaction: discord.Interaction[ArchivistBot],
        command: app_commands.Command[Any, ..., Any] | None,
        data: dict[str, Any],
    ) -> bool:
        """Autocomplete always gets choices (none when it cannot be served), never a message."""
        options = [o for o in data.get("options") or [] if isinstance(o, dict)]
        focused = next((o for o in options if o.get("focused")), None)
        params = {p.name: p for p in command.parameters} if command else {}
        param = params.get(str(focused.get("name"))) if focused else None
        if param is None or not param.autocomplete:
            log.info("autocomplete with nothing to complete: /%s %s", data.get("name"), options)
            await _no_choices(interaction)
            return False
        for option in options:
            kind = params[option["name"]].type if option.get("name") in params else None
            if kind is OptionType.string and not isinstance(option.get("value"), str):
                value = option.get("value")
                option["value"] = "" if value is None else str(value)
        task = asyncio.current_task()
        if task is not None:
            # An autocomplete callback that failed leaves Discord waiting: answer with no choices.
            task.add_done_callback(lambda _: _schedule_no_choices(interaction))
        return True


async def _answer(interaction: discord.Interaction[Any], sentence: str) -> None:
    with contextlib.suppress(*SEND_ERRORS):
        await interaction.response.send_message(sentence, ephemeral=True)


async def _no_choices(interaction: discord.Interaction[Any]) -> None:
    if not interaction.response.is_done():
        with contextlib.suppress(*SEND_ERRORS):
            await interaction.response.autocomplete([])


def _schedule_no_choices(interaction: discord.Interaction[Any]) -> None:
    if not interaction.response.is_done():
        task = asyncio.get_running_loop().create_task(_no_choices(interaction))
        _background.add(task)
        task.add_done_callback(_background.discard)


_background: set[asyncio.Task[None]] = set()  # keeps fallback replies alive until sent
