"""Who may change the archive: members with Manage Messages, or the configured role."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord.ext import commands

log = logging.getLogger(__name__)

T = TypeVar("T")


class NotModerator(commands.CheckFailure):
    """A plain member tried a moderator command; the message is shown to them."""


def member_is_moderator(ctx: commands.Context[Any], mod_role: str | None) -> bool:
    """True when the invoking member has Manage Messages here or the moderator role."""
    # ctx.permissions is the interaction's resolved permissions for slash commands and
    # the channel permissions (roles and overwrites) for prefix commands.
    if ctx.permissions.manage_messages:
        return True
    author = ctx.author
    if mod_role and isinstance(author, discord.Member):
        return any(role.name == mod_role for role in author.roles)
    return False


def is_moderator() -> Callable[[T], T]:
    """Command check for /add and /remove; refuses (and logs) everyone else."""

    async def predicate(ctx: commands.Context[Any]) -> bool:
        if ctx.guild is None:
            raise commands.NoPrivateMessage("Adding and removing articles works only in a server.")
        mod_role: str | None = getattr(getattr(ctx.bot, "settings", None), "mod_role", None)
        if member_is_moderator(ctx, mod_role):
            return True
        log.warning(
            "refused moderator command guild=%s user=%s command=%s",
            ctx.guild.id,
            ctx.author.id,
            ctx.command.qualified_name if ctx.command else "?",
        )
        who = "members with Manage Messages" + (f" or the {mod_role} role" if mod_role else "")
        raise NotModerator(f"Only moderators ({who}) can add or remove articles.")

    return commands.check(predicate)


def stored_cooldown() -> Callable[[T], T]:
    """ARCHIVIST_COOLDOWN_RATE uses of this command per ARCHIVIST_COOLDOWN_SECONDS, per member,
    counted in the archive (bot.core.state), so a restart does not reset them. A member
    over the rate gets CommandOnCooldown, which the error handler turns into the time left."""

    async def predicate(ctx: commands.Context[Any]) -> bool:
        settings = ctx.bot.settings
        if settings.cooldown_rate <= 0:
            return True
        name = ctx.command.qualified_name if ctx.command else "?"
        wait = await ctx.bot.archive.cooldowns.hit(
            f"{name}:{ctx.author.id}", settings.cooldown_rate, settings.cooldown_seconds
        )
        if wait is None:
            return True
        cooldown = commands.Cooldown(settings.cooldown_rate, settings.cooldown_seconds)
        raise commands.CommandOnCooldown(cooldown, wait, commands.BucketType.user)

    return commands.check(predicate)
