"""`archivist run`: read the settings, open the archive, run the bot until stopped."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import signal
import sys
from pathlib import Path

import aiohttp
import discord

from bot import paths
from bot.config import BotSettings, ConfigError
from bot.core.archive import Archive
from bot.core.errors import ArchiveError
from bot.core.storage import is_postgres
from bot.core.workers import Readers, default_processes

from .client import ArchivistBot, make_bot, use_endpoints

log = logging.getLogger("bot.chat")

NO_TOKEN = (
    "DISCORD_TOKEN is not set: put your bot's token from the Discord developer portal in it "
    '(see "Running the Discord bot" in the README).'
)
BAD_TOKEN = (
    "Discord rejected the token in DISCORD_TOKEN: "
    "copy it again from the developer portal (Bot > Reset Token)."
)
NO_INTENT = (
    "Discord refused the Message Content intent: enable it under Bot > Privileged Gateway Intents "
    "in the developer portal, or set ARCHIVIST_MESSAGE_CONTENT=0 to use slash commands and mentions only."
)


def commands_file(db: Path | str) -> Path:
    """Beside the archive (for PostgreSQL, in the user's data folder): the hash of the slash
    commands last synced with Discord."""
    if isinstance(db, str):
        return paths.local_file(db, ".commands")
    return db.with_name(db.name + ".commands")


def sync(db: Path | str) -> int:
    """`archivist sync`: register the slash commands with Discord now, changed or not."""
    settings = _settings()
    if isinstance(settings, int):
        return settings

    async def once() -> None:
        use_endpoints(settings.discord_api, settings.discord_gateway)
        archive = await Archive.open(db, seeds=None)
        try:
            bot = make_bot(archive, settings, commands_file=commands_file(db), force_sync=True)
            async with bot:
                await bot.login(settings.token or "")  # runs setup_hook, which syncs
        finally:
            await archive.close()

    try:
        asyncio.run(once())
    except discord.LoginFailure:
        return _fail(BAD_TOKEN)
    except ArchiveError as error:
        return _fail(f"The archive at {paths.display(db)} could not be opened: {error}")
    except _NETWORK_ERRORS as error:
        return _fail(f"Discord cannot be reached ({error}); the commands were not synced.")
    print("Slash commands synced.", file=sys.stderr)
    return 0


def _settings() -> BotSettings | int:
    """The bot's settings with logging set up, or the exit code after one sentence saying what is wrong."""
    try:
        settings = BotSettings.from_env()
    except ConfigError as error:
        return _fail(str(error), 2)
    if not settings.token:
        return _fail(NO_TOKEN, 2)
    _setup_logging(settings)
    return settings


def _setup_logging(settings: BotSettings) -> None:
    # `archivist` has already configured logging for its other commands: one handler only,
    # or every line is printed twice.
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    discord.utils.setup_logging(level=logging.getLevelName(settings.log_level.upper()), root=True)


def _fail(sentence: str, code: int = 1) -> int:
    print(sentence, file=sys.stderr)
    return code


def run(db: Path | str, seeds: Path | None) -> int:
    """Run the bot on the archive at `db` (seeded from `seeds` when new); the exit code."""
    settings = _settings()
    if isinstance(settings, int):
        return settings
    try:
        return asyncio.run(serve(db, seeds, settings))
    except KeyboardInterrupt:
        return 0


async def serve(db: Path | str, seeds: Path | None, settings: BotSettings) -> int:
    """Open the archive and run the bot until it stops; return the exit code."""
    use_endpoints(settings.discord_api, settings.discord_gateway)
    try:
        archive: Archive | Readers = await Archive.open(db, seeds=seeds)
    except ArchiveError as error:
        return _fail(f"The archive at {paths.display(db)} could not be opened: {error}")
    workers = default_processes() if settings.workers is None else settings.workers
    if workers > 0:
        try:
            archive = await Readers.start(archive, db, workers)
            log.info("answering questions in %d worker processes", workers)
        except NotImplementedError:  # an event loop that cannot watch pipes (Windows' proactor)
            log.warning("worker processes are not supported here; answering in the bot's process")
        except BaseException:
            await archive.close()
            raise
    try:
        bot = make_bot(archive, settings, commands_file=commands_file(db))  # type: ignore[arg-type]
        stopping = asyncio.Event()

        def stop() -> None:
            stopping.set()
            _background.add(asyncio.ensure_future(bot.close()))

        # SIGTERM (systemd, docker stop) closes the bot like Ctrl-C does, so the archive and
        # its worker processes are closed on the way out rather than left behind.
        with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows' loop
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop)
        async with bot:
            freeze = asyncio.create_task(_freeze_when_ready(bot))
            await _start(bot, settings.token or "", stopping)
            freeze.cancel()
    except discord.LoginFailure:
        return _fail(BAD_TOKEN)
    except discord.PrivilegedIntentsRequired:
        return _fail(NO_INTENT)
    except discord.ConnectionClosed as error:
        if error.code == 4004:  # authentication failed on the gateway
            return _fail(BAD_TOKEN)
        return _fail(f"Discord closed the connection (code {error.code}); see the log above.")
    finally:
        await archive.close()
    return 0


# What an unreachable Discord (or network) raises: retried, not a crash.
_NETWORK_ERRORS = (OSError, aiohttp.ClientError, asyncio.TimeoutError, discord.GatewayNotFound)
_background: set[asyncio.Future[None]] = set()


async def _start(bot: ArchivistBot, token: str, stopping: asyncio.Event) -> None:
    """Log in and connect, retrying with a growing wait (1 s up to 60 s) while Discord cannot be
    reached; one line per attempt instead of a traceback. Returns when the bot stops."""
    delay = 1.0
    logged_in = False
    while not stopping.is_set():
        try:
            if not logged_in:
                await bot.login(token)
                logged_in = True
            await bot.connect(reconnect=True)
            return
        except _NETWORK_ERRORS as error:
            if stopping.is_set() or bot.is_closed():
                return
            reason = str(error) or type(error).__name__
            log.warning("Discord cannot be reached (%s); trying again in %.0f s.", reason, delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), delay)
        delay = min(60.0, delay * 2)


async def _freeze_when_ready(bot: ArchivistBot) -> None:
    """Once connected, move everything alive (modules, discord.py's state) out of the garbage
    collector's sight: a full collection otherwise walks it all and stalls every reply for
    100 ms or more once the process holds a few hundred thousand objects."""
    await bot.wait_until_ready()
    gc.collect()
    gc.freeze()
    # Full collections ten times rarer (young ones as usual): each walks everything alive,
    # tens of milliseconds under load.
    gc.set_threshold(700, 10, 100)


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.chat.runner --db PATH [--seeds DIR]` (benchmarks use this)."""
    parser = argparse.ArgumentParser(prog="python -m bot.chat.runner")
    parser.add_argument("--db", type=lambda v: v if is_postgres(v) else Path(v), required=True)
    parser.add_argument("--seeds", type=Path, default=None)
    args = parser.parse_args(argv)
    return run(args.db, args.seeds)


if __name__ == "__main__":
    sys.exit(main())
