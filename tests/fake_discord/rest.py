"""The fake Discord's REST routes: commands, interaction callbacks, webhooks (follow-ups and
the original response) and channel messages, each checked as Discord checks it. A mixin of
FakeDiscord (server.py), which holds the state these read and write."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .models import (
    EPHEMERAL,
    LOADING,
    FakeGuild,
    Interaction,
    _invalid,
    _json,
    _now_iso,
    message_errors,
    snowflake,
)


class RestRoutes:
    """Answers to the bot's REST requests (FakeDiscord's)."""

    app_id: int
    bot_user: dict[str, Any]
    guilds: dict[int, FakeGuild]
    messages: dict[int, dict[str, Any]]
    commands: dict[str, list[dict[str, Any]]]
    interactions: dict[str, Interaction]
    original: dict[str, int]
    base: str
    gateway_url: str

    async def _route(self, method: str, path: str, body: Any, files: list[tuple[str, bytes]]) -> web.Response:
        parts = path.strip("/").split("/")
        if path == "/users/@me":
            return _json(self.bot_user)
        if path == "/gateway/bot":  # asked by a sharded client (AutoShardedClient)
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})
        if path == "/oauth2/applications/@me":
            return _json(
                {
                    "id": str(self.app_id),
                    "name": "Archivist",
                    "description": "",
                    "icon": None,
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "owner": self.bot_user,
                    "verify_key": "0" * 64,
                    "flags": 0,
                }
            )
        if parts[0] == "applications" and parts[-1] == "commands" and method == "PUT":
            scope = parts[3] if len(parts) == 5 else "global"
            commands = [
                {**c, "id": str(snowflake()), "application_id": str(self.app_id), "version": "1"}
                for c in body
            ]
            self.commands[scope] = commands
            return _json(commands)
        if parts[0] == "interactions" and parts[-1] == "callback":
            return self._callback(parts[1], parts[2], body, files)
        if parts[0] == "webhooks":
            return self._webhook(method, parts, body, files)
        if parts[0] == "channels" and len(parts) >= 3 and parts[2] == "messages":
            return self._channel_message(method, int(parts[1]), parts, body, files)
        if parts[0] == "channels" and parts[-1] == "typing":
            return web.Response(status=204)
        return _json({"message": "404: Not Found", "code": 0}, 404)

    def _new_message(
        self,
        channel_id: int,
        body: dict[str, Any],
        files: list[tuple[str, bytes]],
        *,
        flags: int = 0,
        interaction: Interaction | None = None,
    ) -> dict[str, Any]:
        mid = snowflake()
        attachments = [
            {
                "id": str(snowflake()),
                "filename": name,
                "size": len(data),
                "url": f"{self.base}/x",
                "proxy_url": "",
            }
            for name, data in files
        ]
        message = {
            "id": str(mid),
            "channel_id": str(channel_id),
            "type": 0 if interaction is None else 20,
            "content": body.get("content") or "",
            "author": self.bot_user,
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": attachments,
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "flags": flags | int(body.get("flags") or 0),
            "allowed_mentions": body.get("allowed_mentions"),
            "files": files,
        }
        if interaction is not None and interaction.payload.get("guild_id"):
            message["guild_id"] = interaction.payload["guild_id"]
        self.messages[mid] = message
        return message

    @staticmethod
    def _public(message: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in message.items() if k not in ("files", "allowed_mentions")}

    def _edit(
        self, message: dict[str, Any], body: dict[str, Any], files: list[tuple[str, bytes]]
    ) -> web.Response:
        merged = {
            **message,
            **{k: v for k, v in body.items() if k in ("content", "embeds", "components", "flags")},
        }
        errors = message_errors(merged)
        if errors:
            return _invalid(errors)
        message.update(merged)
        message["flags"] = int(message.get("flags") or 0) & ~LOADING
        message["edited_timestamp"] = _now_iso()
        if "allowed_mentions" in body:
            message["allowed_mentions"] = body["allowed_mentions"]
        if files:
            message["files"] = files
        return _json(self._public(message))

    def _callback(
        self, iid: str, token: str, body: dict[str, Any], files: list[tuple[str, bytes]]
    ) -> web.Response:
        interaction = self.interactions.get(token)
        if interaction is None or str(interaction.id) != iid:
            return _json({"message": "Unknown interaction", "code": 10062}, 404)
        if token in self.original or interaction.answered:
            return _json({"message": "Interaction has already been acknowledged.", "code": 40060}, 400)
        kind = body["type"]
        data = body.get("data") or {}
        channel_id = int(interaction.payload["channel_id"])
        resource: dict[str, Any] = {"type": kind}
        response_id = None
        if kind == 4:  # message
            errors = message_errors(data)
            if not (data.get("content") or data.get("embeds") or files or data.get("components")):
                return _json({"message": "Cannot send an empty message", "code": 50006}, 400)
            if errors:
                return _invalid(errors)
            message = self._new_message(channel_id, data, files, interaction=interaction)
            self.original[token] = int(message["id"])
            resource["message"] = self._public(message)
            response_id = message["id"]
        elif kind == 5:  # deferred: a "thinking" message that the first follow-up fills
            message = self._new_message(channel_id, {"flags": data.get("flags", 0)}, [], flags=LOADING)
            self.original[token] = int(message["id"])
            resource["message"] = self._public(message)
            response_id = message["id"]
        elif kind == 7:  # update the message the component is on
            target = self.messages[int(interaction.payload["message"]["id"])]
            response = self._edit(target, data, files)
            if response.status != 200:
                return response
            interaction.answered = True
            resource["message"] = self._public(target)
            response_id = target["id"]
        elif kind == 8:  # autocomplete choices
            choices = data.get("choices") or []
            bad = [
                c for c in choices if len(str(c.get("name", ""))) > 100 or len(str(c.get("value", ""))) > 100
            ]
            if len(choices) > 25 or bad:
                return _invalid(["choices: at most 25, names and values at most 100 characters"])
            interaction.answered = True
        elif kind == 9:  # modal
            if len(data.get("title") or "") > 45:
                return _invalid(["title: must be 45 or fewer in length"])
            interaction.answered = True
        else:
            interaction.answered = True
        out: dict[str, Any] = {
            "interaction": {
                "id": iid,
                "type": interaction.payload["type"],
                "response_message_id": response_id,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL),
            },
            "resource": resource,
        }
        return _json(out)

    def _webhook(
        self, method: str, parts: list[str], body: Any, files: list[tuple[str, bytes]]
    ) -> web.Response:
        token = parts[2]
        interaction = self.interactions.get(token)
        if interaction is None:
            return _json({"message": "Unknown Webhook", "code": 10015}, 404)
        if len(parts) == 3 and method == "POST":  # follow-up
            errors = message_errors(body or {})
            if errors:
                return _invalid(errors)
            original = self.messages.get(self.original.get(token, 0))
            if original is not None and original["flags"] & LOADING:
                # The first follow-up after a deferral replaces the "thinking" message.
                return self._edit(original, body, files)
            message = self._new_message(
                int(interaction.payload["channel_id"]), body, files, interaction=interaction
            )
            return _json(self._public(message))
        if len(parts) == 5 and parts[3] == "messages":
            mid = self.original.get(token) if parts[4] == "@original" else int(parts[4])
            message = self.messages.get(mid or 0)
            if message is None:
                return _json({"message": "Unknown Message", "code": 10008}, 404)
            if method == "GET":
                return _json(self._public(message))
            if method == "PATCH":
                return self._edit(message, body or {}, files)
            if method == "DELETE":
                del self.messages[int(message["id"])]
                return web.Response(status=204)
        return _json({"message": "404: Not Found", "code": 0}, 404)

    def _channel_message(
        self, method: str, channel_id: int, parts: list[str], body: Any, files: list[tuple[str, bytes]]
    ) -> web.Response:
        if len(parts) == 3 and method == "POST":
            body = body or {}
            if not (body.get("content") or body.get("embeds") or files or body.get("components")):
                return _json({"message": "Cannot send an empty message", "code": 50006}, 400)
            errors = message_errors(body)
            if errors:
                return _invalid(errors)
            message = self._new_message(channel_id, body, files)
            guild = next((g for g in self.guilds.values() if g.channel_id == channel_id), None)
            if guild is not None:
                message["guild_id"] = str(guild.id)
            return _json(self._public(message))
        message = self.messages.get(int(parts[3]))
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        if method == "PATCH":
            return self._edit(message, body or {}, files)
        if method == "DELETE":
            del self.messages[int(parts[3])]
            return web.Response(status=204)
        return _json(self._public(message))
