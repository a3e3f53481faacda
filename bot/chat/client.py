"""The Bot: one archive, one settings object, cogs loaded in setup_hook, errors
answered in one place."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import hashlib
import inspect
import json
import logging
import time
from pathlib import Path
from typing import Any

import discord
import yarl
from cachetools import TTLCache
from discord import app_commands
from discord.ext import commands

from bot.config import BotSettings
from bot.core.archive import Archive
from bot.core.errors import ArchiveError

from . import render, views
from .checks import NotModerator
from .tree import BUSY, ArchivistTree, Busy, StalePayload
from .views import NETWORK_ERRORS, SEND_ERRORS, AnswerButton, AnswerPages, ArticlesButton, clear_thinking

log = logging.getLogger("bot.chat")

EXTENSIONS = ("bot.chat.cogs.ask", "bot.chat.cogs.manage", "bot.chat.cogs.feeds")
AGE_WINDOW = 30.0  # seconds of interactions whose smallest age is taken as the clock offset
UNEXPECTED = "Something went wrong on my side; it has been logged."


def use_endpoints(api: str | None, gateway: str | None) -> None:
    """Point discord.py at another REST base and gateway (a proxy, or the test fake).

    discord.py keeps both as class attributes, so this is process-wide.
    """
    if api:
        discord.http.Route.BASE = api.rstrip("/")
    if gateway:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)


def make_intents(settings: BotSettings) -> discord.Intents:
    """Guilds and messages; message content only when prefix commands are wanted."""
    intents = discord.Intents.default()
    intents.message_content = settings.message_content
    intents.typing = False
    intents.presences = False
    return intents


class ArchivistBot(commands.Bot):
    """Archivist's Discord client. `archive` is opened (and closed) by the caller."""

    def __init__(
        self,
        archive: Archive,
        settings: BotSettings,
        *,
        commands_file: Path | None = None,
        force_sync: bool = False,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned_or(settings.prefix),
            intents=make_intents(settings),
            # Archived text and questions may hold @everyone or role mentions: never ping.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            tree_cls=ArchivistTree,
            **options,
        )
        # Archive calls overlap (the core is safe under concurrent calls, which
        # test_bot_load checks): one question's SQLite work on aiosqlite's thread runs while
        # another's reranking runs here. The proxy only times calls, for defer_if_late.
        self.archive = _Timed(archive)  # type: ignore[assignment]
        self.settings = settings
        self.synced = False
        # Where the hash of the last synced command tree is kept (None: sync on every start).
        self.commands_file = commands_file
        self.force_sync = force_sync
        self.shed = 0  # interactions answered "busy" instead of queued
        self._recent_ages: collections.deque[tuple[float, float]] = collections.deque()  # see waited()
        self.answer_pages = AnswerPages(settings.button_memory, settings.view_timeout)
        self.open_forms: TTLCache[str, bool] = TTLCache(maxsize=10_000, ttl=3600)  # /add forms shown

    # Whether this process registers the slash commands: with several processes (shards),
    # only the one serving shard 0 does, so Discord is not asked once per process.
    syncs_commands = True

    async def setup_hook(self) -> None:
        self.tree.on_error = self.on_app_command_error
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        from .cogs.manage import RemoveButton  # loaded just above

        self.add_dynamic_items(AnswerButton, ArticlesButton, RemoveButton)
        if self.syncs_commands or self.force_sync:
            await self.sync_if_changed()

    def commands_hash(self) -> str:
        """A hash of the slash commands as Discord would be told them, and where."""
        payload = [command.to_dict(self.tree) for command in self.tree.get_commands()]
        scope = f"guild:{self.settings.dev_guild}" if self.settings.dev_guild else "global"
        text = json.dumps({"scope": scope, "app": self.application_id, "commands": payload}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    async def sync_if_changed(self) -> None:
        """Sync the slash commands only when they changed since the last sync (Discord
        rate-limits syncing, and a global sync on every start hits that), or when forced."""
        digest = self.commands_hash()
        known = None
        if self.commands_file is not None and not self.force_sync:
            with contextlib.suppress(OSError):
                known = self.commands_file.read_text(encoding="utf-8").strip()
        if known == digest:
            log.info("slash commands unchanged since the last sync; not syncing")
            return
        await self.sync_commands()
        if self.commands_file is not None:
            try:
                partial = self.commands_file.with_name(self.commands_file.name + ".tmp")
                partial.write_text(digest + "\n", encoding="utf-8")
                partial.replace(self.commands_file)
            except OSError as error:
                log.warning("could not remember the synced commands in %s: %s", self.commands_file, error)

    async def sync_commands(self) -> None:
        """Register slash commands: on one server when ARCHIVIST_DEV_GUILD is set (instant), else globally."""
        if self.settings.dev_guild:
            guild = discord.Object(id=self.settings.dev_guild)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d slash commands to server %s", len(synced), self.settings.dev_guild)
        else:
            synced = await self.tree.sync()
            log.info("synced %d slash commands globally", len(synced))
        self.synced = True

    async def defer_if_slow(self, ctx: commands.Context[Any]) -> None:
        """Just before a question goes to the archive: if it has already waited past
        `queue_seconds` since it was accepted (the machine slowed down), it is answered "busy"
        rather than late; else it is deferred when it might miss Discord's 3 seconds."""
        interaction = ctx.interaction
        if interaction is None:
            return
        if not interaction.response.is_done() and self.waited(interaction) > self.settings.queue_seconds:
            self.shed += 1
            raise Busy(BUSY)
        await self.defer_if_late(interaction)

    async def defer_if_late(self, interaction: discord.Interaction[Any]) -> None:
        """Defer (one more REST call) only when the answer might miss Discord's 3 seconds."""
        if interaction.response.is_done():
            return
        age = self.waited(interaction)
        if age + self.archive.expected_wait() > self.settings.defer_after:  # type: ignore[attr-defined]
            await interaction.response.defer(thinking=True)

    def waited(self, interaction: discord.Interaction[Any]) -> float:
        """Seconds since Discord created `interaction`, less the smallest such age of the last
        AGE_WINDOW seconds: that floor is this machine's offset from Discord's clock plus the
        network's delay, so a clock a second ahead does not turn every question away."""
        age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
        now = time.monotonic()
        ages = self._recent_ages  # increasing ages, oldest first: a sliding-window minimum
        while ages and ages[-1][1] >= age:
            ages.pop()
        ages.append((now, age))
        while ages[0][0] < now - AGE_WINDOW:
            ages.popleft()
        return max(0.0, age - ages[0][1])

    def overloaded(self, interaction: discord.Interaction[Any]) -> bool:
        """True when an answer started now would come later than `queue_seconds` after the
        member asked: better a prompt "busy" than a late answer or a missed deadline."""
        age = self.waited(interaction)
        tree: ArchivistTree = self.tree  # type: ignore[assignment]
        if not tree.queued:
            # Nothing ahead of it: only its own age can make it late. (Judged by the estimate
            # alone, one slow start would turn every question away for good, since a shed
            # question teaches the estimate nothing.)
            return age > self.settings.queue_seconds
        # Measured over whole questions (archive, rendering, the reply), those accepted but not
        # yet at the archive included: a burst arrives before any of it reaches the archive.
        wait = max(tree.expected_wait(), self.archive.expected_wait())  # type: ignore[attr-defined]
        return age + wait > self.settings.queue_seconds

    async def close(self) -> None:
        """Finish (or answer) the commands already running, then disconnect: a command cut
        off after deferring would stay "thinking" forever."""
        tree: ArchivistTree = self.tree  # type: ignore[assignment]
        tree.accepting = False
        running = {t for t in tree.in_flight if not t.done() and t is not asyncio.current_task()}
        if running and not self.is_closed():
            log.info("finishing %d running commands before closing", len(running))
            _, late = await asyncio.wait(running, timeout=self.settings.drain_seconds)
            if late:
                log.warning("closing with %d commands still running", len(late))
        await super().close()

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """Answer presses and forms nothing else will: buttons of an older version of the bot,
        forms opened before a restart. (discord.py ignores them; the member would see
        "This interaction failed".)"""
        data: dict[str, Any] = interaction.data or {}  # type: ignore[assignment]
        custom_id = str(data.get("custom_id", ""))
        if interaction.type is discord.InteractionType.component and not views.is_our_button(custom_id):
            log.info("press on an unknown button %r", custom_id[:100])
            await views.reply_private(interaction, views.OLD_BUTTON)
        elif interaction.type is discord.InteractionType.modal_submit and custom_id not in self.open_forms:
            await self._late_form(interaction, custom_id, data)

    async def _late_form(
        self, interaction: discord.Interaction[Any], custom_id: str, data: dict[str, Any]
    ) -> None:
        """A form this process did not show: one shown before a restart (kept in the archive,
        for the member who opened it, in that server) is taken as if nothing had happened."""
        manage = self.get_cog("Manage")
        taken = await self.archive.forms.take(custom_id[:100], interaction.guild_id, interaction.user.id)
        if not taken or manage is None:
            log.info("submission of an unknown form %r", custom_id[:100])
            await views.reply_private(interaction, views.OLD_FORM)
            return
        values = views.form_values(data)
        title, date = values.get("add:title", "").strip(), values.get("add:date", "").strip() or None
        try:
            await manage.add_from_form(interaction, title, date, values.get("add:text", ""))
        except Exception as error:  # noqa: BLE001 - answered as the form's own errors are
            await views.reply_error(interaction, error)

    async def on_ready(self) -> None:
        log.info(
            "ready as %s (%s) in %d servers", self.user, self.user.id if self.user else "?", len(self.guilds)
        )

    # -- per-command logging --------------------------------------------------------------
    async def on_command(self, ctx: commands.Context[Any]) -> None:
        ctx.started = time.perf_counter()  # type: ignore[attr-defined]

    async def on_command_completion(self, ctx: commands.Context[Any]) -> None:
        log_command(ctx, "ok")

    # -- errors, in one place ---------------------------------------------------------------
    def error_sentence(self, error: BaseException) -> str:
        """The one sentence a user sees for `error`; unexpected errors are logged here."""
        error = unwrap(error)
        if isinstance(error, Busy):
            return str(error)
        if isinstance(error, StalePayload):
            # Discord's stale or odd payload, not a bug here.
            log.info("stale interaction: %s", error)
            return str(error)
        if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
            log.info("stale interaction: %s", error)
            return "I no longer have that command in that form; Discord may show it for a while yet."
        if isinstance(error, NETWORK_ERRORS):
            # The connection to Discord dropped mid-request: the network's doing, not a bug.
            log.warning("lost the connection to Discord: %s", str(error) or type(error).__name__)
            return "My connection to Discord dropped for a moment; try again."
        if isinstance(error, ArchiveError):
            # The message may repeat what the member typed (a title, a date): shown as written.
            return render.escape(str(error)) or "That did not work."
        if isinstance(error, commands.CommandOnCooldown | app_commands.CommandOnCooldown):
            return f"Slow down a little: try again in {max(1, round(error.retry_after))} s."
        if isinstance(error, NotModerator | commands.NoPrivateMessage | app_commands.NoPrivateMessage):
            return str(error)
        if isinstance(error, commands.MissingRequiredArgument | commands.MissingRequiredAttachment):
            name = error.param.name
            return f"Missing `{name}`: try `{self.settings.prefix}help`."
        if isinstance(error, commands.UserInputError):
            return f"I could not read that command: {render.escape(str(error))}"
        if isinstance(error, commands.CheckFailure | app_commands.CheckFailure):
            return "You cannot use this command here."
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        return UNEXPECTED

    async def on_command_error(self, ctx: commands.Context[Any], error: commands.CommandError) -> None:  # type: ignore[override]
        if isinstance(unwrap(error), commands.CommandNotFound):
            return  # chatter that starts with the prefix is not addressed to us
        sentence = self.error_sentence(error)
        log_command(ctx, f"error: {type(unwrap(error)).__name__}")
        try:
            if ctx.interaction is not None:
                await clear_thinking(ctx.interaction)
            await ctx.send(render.fit_content(sentence), ephemeral=True)
        except SEND_ERRORS as failure:
            log.warning("could not send the error reply: %s", failure)

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """tree.on_error: pure app-command failures (hybrid ones reach on_command_error)."""
        sentence = self.error_sentence(error)
        if interaction.type is discord.InteractionType.autocomplete:
            return  # the tree answers autocomplete with no choices; a message would be rejected
        send = (
            interaction.followup.send if interaction.response.is_done() else interaction.response.send_message
        )
        try:
            await send(render.fit_content(sentence), ephemeral=True)
        except SEND_ERRORS as failure:
            log.warning("could not send the error reply: %s", failure)


class ShardedArchivistBot(ArchivistBot, commands.AutoShardedBot):
    """The bot serving some of a sharded bot's shards (ARCHIVIST_SHARDS of ARCHIVIST_SHARD_COUNT):
    discord.py's AutoShardedBot with exactly those shard ids, one gateway connection each."""

    def __init__(self, archive: Archive, settings: BotSettings, **options: Any) -> None:
        shards = list(settings.shards) if settings.shards is not None else None
        super().__init__(archive, settings, shard_ids=shards, shard_count=settings.shard_count, **options)
        self.syncs_commands = shards is None or 0 in shards


def make_bot(archive: Archive, settings: BotSettings, **options: Any) -> ArchivistBot:
    """The bot `settings` ask for: sharded when ARCHIVIST_SHARD_COUNT is set, else one connection."""
    if settings.shard_count is None:
        return ArchivistBot(archive, settings, **options)
    return ShardedArchivistBot(archive, settings, **options)


class _Timed:
    """Proxy timing Archive coroutines, to estimate how long a new call would take.

    Calls run concurrently (no lock): the estimate is a moving average of one call's
    duration, scaled by how many calls are in flight, since they share the event loop
    and the database thread."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive
        self._in_flight = 0
        self._mean_seconds = 0.01  # moving average of one call's duration

    def expected_wait(self) -> float:
        """Seconds a call made now would likely take, the calls already running included."""
        return (self._in_flight + 1) * self._mean_seconds

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._archive, name)
        if not inspect.iscoroutinefunction(attribute):
            return attribute

        async def call(*args: Any, **kwargs: Any) -> Any:
            self._in_flight += 1
            started = time.perf_counter()
            try:
                return await attribute(*args, **kwargs)
            finally:
                self._in_flight -= 1
                # Concurrent calls stretch each other: per call, the work is about the
                # elapsed time shared among those in flight together.
                seconds = (time.perf_counter() - started) / (self._in_flight + 1)
                self._mean_seconds = 0.8 * self._mean_seconds + 0.2 * seconds

        return call


def unwrap(error: BaseException) -> BaseException:
    """The exception a command really raised, under discord.py's wrappers."""
    while isinstance(
        error, commands.CommandInvokeError | commands.HybridCommandError | app_commands.CommandInvokeError
    ) and (error.__cause__ is not None or getattr(error, "original", None) is not None):
        error = getattr(error, "original", None) or error.__cause__  # type: ignore[assignment]
    return error


def log_command(ctx: commands.Context[Any], outcome: str) -> None:
    """One line per command: server, user id, command, latency, outcome."""
    started = getattr(ctx, "started", None)
    latency = f"{(time.perf_counter() - started) * 1000:.1f}ms" if started else "?"
    log.info(
        "command guild=%s user=%s command=%s via=%s latency=%s %s",
        ctx.guild.id if ctx.guild else "dm",
        ctx.author.id,
        ctx.command.qualified_name if ctx.command else "?",
        "slash" if ctx.interaction else "prefix",
        latency,
        outcome,
    )
