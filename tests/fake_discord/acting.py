"""Acting as members on the fake Discord: posting a message, running a slash command,
asking for autocomplete, pressing a button, submitting a form; then waiting for the bot's
answers. A mixin of FakeDiscord (server.py), which sends the events and records the requests."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable
from typing import Any

from .models import (
    MEMBER_PERMS,
    MESSAGE_CONTENT_INTENT,
    FakeGuild,
    FakeMember,
    Interaction,
    Recorded,
    _now_iso,
    snowflake,
)


class MemberActions:
    """What a member can do, and waiting for the bot's replies (FakeDiscord's)."""

    # -- acting as members ----------------------------------------------------------------
    async def message(
        self,
        guild: FakeGuild | None,
        author: FakeMember,
        content: str,
        *,
        attachments: list[dict[str, Any]] | None = None,
        dm_channel: int | None = None,
    ) -> dict[str, Any]:
        """A member posts in the server's channel (or a DM); returns the MESSAGE_CREATE payload."""
        mentions_bot = f"<@{self.app_id}>" in content or f"<@!{self.app_id}>" in content
        data: dict[str, Any] = {
            "id": str(snowflake()),
            "channel_id": str(guild.channel_id if guild else dm_channel or snowflake()),
            "type": 0,
            "content": content,
            "author": author.user(),
            "attachments": attachments or [],
            "embeds": [],
            "components": [],
            "mentions": [self.bot_user] if mentions_bot else [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "flags": 0,
        }
        if guild is not None:
            author = guild.members.get(author.id, author)
            data["guild_id"] = str(guild.id)
            data["member"] = {
                k: v for k, v in self._member_payload(guild, author, permissions=False).items() if k != "user"
            }
            # As Discord does: without the privileged intent, a bot sees content only when mentioned.
            if not self.intents & MESSAGE_CONTENT_INTENT and not mentions_bot:
                data["content"] = ""
                data["attachments"] = []
        await self._send("MESSAGE_CREATE", data)
        return data

    def _interaction(
        self,
        kind: int,
        guild: FakeGuild | None,
        user: FakeMember,
        data: dict[str, Any],
        *,
        message: Any = None,
        age: float = 0.0,
    ) -> Interaction:
        iid = snowflake(age)
        token = secrets.token_urlsafe(24)
        payload: dict[str, Any] = {
            "id": str(iid),
            "application_id": str(self.app_id),
            "type": kind,
            "token": token,
            "version": 1,
            "data": data,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 25 * 1024 * 1024,
            "app_permissions": str(MEMBER_PERMS),
        }
        if guild is not None:
            user = guild.members.get(user.id, user)  # this server's roles for that person
            payload.update(
                {
                    "guild_id": str(guild.id),
                    "channel_id": str(guild.channel_id),
                    "channel": {
                        "id": str(guild.channel_id),
                        "type": 0,
                        "guild_id": str(guild.id),
                        "name": "general",
                        "position": 0,
                        "permission_overwrites": [],
                    },
                    "member": self._member_payload(guild, user, permissions=True),
                    "guild_locale": "en-US",
                    "context": 0,
                    "authorizing_integration_owners": {"0": str(guild.id)},
                }
            )
        else:
            dm = snowflake()
            payload.update(
                {
                    "channel_id": str(dm),
                    "channel": {"id": str(dm), "type": 1, "recipients": [user.user()]},
                    "user": user.user(),
                    "context": 1,
                    "authorizing_integration_owners": {"1": str(user.id)},
                }
            )
        if message is not None:
            payload["message"] = self._public(message)
        interaction = Interaction(iid, token, payload, time.perf_counter())
        self.interactions[token] = interaction
        return interaction

    async def slash(
        self,
        guild: FakeGuild | None,
        user: FakeMember,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        attachments: dict[str, dict[str, Any]] | None = None,
        focused: str | None = None,
        integers: dict[str, int] | None = None,
        channels: dict[str, int] | None = None,
    ) -> Interaction:
        """Run a slash command (or, with `focused`, ask for its autocomplete). `options` are
        strings; `integers` and `channels` (channel ids of `guild`) options of those types."""
        opts = [{"name": k, "type": 3, "value": v} for k, v in (options or {}).items()]
        opts += [{"name": k, "type": 4, "value": v} for k, v in (integers or {}).items()]
        for opt in opts:
            if opt["name"] == focused:
                opt["focused"] = True
        resolved: dict[str, Any] = {}
        for opt_name, payload in (attachments or {}).items():
            opts.append({"name": opt_name, "type": 11, "value": payload["id"]})
            resolved.setdefault("attachments", {})[payload["id"]] = payload
        for opt_name, channel_id in (channels or {}).items():
            opts.append({"name": opt_name, "type": 7, "value": str(channel_id)})
            resolved.setdefault("channels", {})[str(channel_id)] = {
                "id": str(channel_id),
                "name": "general",
                "type": 0,
                "guild_id": str(guild.id) if guild else None,
                "permissions": str(MEMBER_PERMS),
                "position": 0,
                "permission_overwrites": [],
            }
        scope = str(guild.id) if guild and str(guild.id) in self.commands else "global"
        command = next((c for c in self.commands.get(scope, []) if c["name"] == name), None)
        assert command is not None, f"/{name} was not synced"
        data: dict[str, Any] = {"id": command["id"], "name": name, "type": 1, "options": opts}
        if resolved:
            data["resolved"] = resolved
        if scope != "global":
            data["guild_id"] = scope
        interaction = self._interaction(4 if focused else 2, guild, user, data)
        await self._send("INTERACTION_CREATE", interaction.payload)
        return interaction

    async def raw_interaction(
        self,
        kind: int,
        guild: FakeGuild | None,
        user: FakeMember,
        data: dict[str, Any],
        *,
        message: dict[str, Any] | None = None,
        age: float = 0.0,
    ) -> Interaction:
        """Send an interaction with exactly this `data` (stale, malformed or unknown payloads);
        `age` makes it that many seconds old on arrival (a backlog, a slow gateway)."""
        interaction = self._interaction(kind, guild, user, data, message=message, age=age)
        await self._send("INTERACTION_CREATE", interaction.payload)
        return interaction

    def command_id(self, name: str, guild: FakeGuild | None = None) -> str:
        """The id Discord gave the synced command `name`."""
        scope = str(guild.id) if guild and str(guild.id) in self.commands else "global"
        return next(c["id"] for c in self.commands[scope] if c["name"] == name)

    async def click(
        self, guild: FakeGuild | None, user: FakeMember, message: dict[str, Any], label: str
    ) -> Interaction:
        """Press the button labelled `label` on `message` (as stored here, so current)."""
        current = self.messages[int(message["id"])]
        buttons = [c for row in current["components"] for c in row["components"] if c.get("label") == label]
        assert buttons, f"no {label!r} button on the message"
        data = {"custom_id": buttons[0]["custom_id"], "component_type": 2}
        interaction = self._interaction(3, guild, user, data, message=current)
        await self._send("INTERACTION_CREATE", interaction.payload)
        return interaction

    async def submit_modal(
        self, guild: FakeGuild | None, user: FakeMember, modal: dict[str, Any], values: dict[str, str]
    ) -> Interaction:
        """Fill in and submit a modal the bot opened; `values` are keyed by input label."""
        rows = []
        for row in modal["components"]:
            for child in row.get("components", [row.get("component")]):
                if child and child.get("type") == 4:
                    value = values.get(child.get("label", ""), "")
                    rows.append(
                        {
                            "type": 1,
                            "components": [{"type": 4, "custom_id": child["custom_id"], "value": value}],
                        }
                    )
        data = {"custom_id": modal["custom_id"], "components": rows}
        interaction = self._interaction(5, guild, user, data)
        await self._send("INTERACTION_CREATE", interaction.payload)
        return interaction

    # -- waiting for the bot -----------------------------------------------------------------
    async def wait_for(
        self, predicate: Callable[[Recorded], bool], timeout: float = 5.0, start: int = 0
    ) -> Recorded:
        """The first request (from index `start`) matching `predicate`."""

        def find() -> Recorded | None:
            return next((r for r in self.requests[start:] if predicate(r)), None)

        async with self._changed:
            found = await asyncio.wait_for(self._changed.wait_for(find), timeout)
        assert found is not None
        return found

    async def callback(self, interaction: Interaction, timeout: float = 5.0) -> Recorded:
        """The bot's successful callback to `interaction`."""
        return await self.wait_for(
            lambda r: r.path.startswith(f"/interactions/{interaction.id}/") and r.status == 200, timeout
        )

    async def reply(self, interaction: Interaction, timeout: float = 5.0) -> dict[str, Any]:
        """The message a member finally sees for `interaction` (after any deferral)."""
        first = await self.callback(interaction, timeout)
        kind = first.json["type"]
        if kind in (4, 7):
            mid = (
                self.original.get(interaction.token)
                if kind == 4
                else int(interaction.payload["message"]["id"])
            )
            return self.messages[mid or 0]
        if kind == 5:
            # The follow-up that fills the deferred message (or replaces it, if it was deleted).
            record = await self.wait_for(
                lambda r: r.path == f"/webhooks/{self.app_id}/{interaction.token}" and r.status == 200,
                timeout,
            )
            return self.messages[int(record.response["id"])]
        raise AssertionError(f"callback of type {kind} has no message")

    async def channel_reply(self, channel_id: int, start: int, timeout: float = 5.0) -> dict[str, Any]:
        """The next message the bot posts in a channel (prefix commands), after request `start`."""
        record = await self.wait_for(
            # A rate-limited attempt is not the reply: the client retries it.
            lambda r: r.method == "POST" and r.path == f"/channels/{channel_id}/messages" and r.status != 429,
            timeout,
            start,
        )
        assert record.status == 200, f"Discord rejected the bot's message: {record.response}"
        return self.messages[int(record.response["id"])]
