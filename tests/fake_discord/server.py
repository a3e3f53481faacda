"""A fake Discord on 127.0.0.1: enough REST and gateway for the real discord.py client.

It records every request the bot makes, validates outgoing messages the way Discord
does (HTTP 400, code 50035 for over-long content or embeds), can inject faults (429s,
dropped gateway connections) and offers helpers to act as members: send a message,
run a slash command, ask for autocomplete, press a button, submit a form.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

DISCORD_EPOCH_MS = 1_420_070_400_000
MESSAGE_CONTENT_INTENT = 1 << 15
EPHEMERAL = 1 << 6
LOADING = 1 << 7

# Permission bits used here.
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_HISTORY = 1 << 16
MANAGE_MESSAGES = 1 << 13
ADMINISTRATOR = 1 << 3
USE_APP_COMMANDS = 1 << 31
MEMBER_PERMS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_HISTORY | USE_APP_COMMANDS

_counter = itertools.count()


def snowflake(age: float = 0.0) -> int:
    """A fresh id that encodes the current time (less `age` seconds), as Discord's do (expiry
    and load-shedding checks read it)."""
    ms = int((time.time() - age) * 1000) - DISCORD_EPOCH_MS
    return (ms << 22) | (next(_counter) % 4096)


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses JSON only when the type is exactly application/json (no charset).
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def _invalid(errors: list[str]) -> web.Response:
    return _json({"code": 50035, "message": "Invalid Form Body", "errors": {"_errors": errors}}, 400)


def message_errors(msg: dict[str, Any]) -> list[str]:
    """What Discord would reject in an outgoing message (content, embeds, components)."""
    errors: list[str] = []
    content = msg.get("content") or ""
    if len(content) > 2000:
        errors.append(f"content: must be 2000 or fewer in length (got {len(content)})")
    embeds = msg.get("embeds") or []
    if len(embeds) > 10:
        errors.append("embeds: at most 10")
    total = 0
    for i, embed in enumerate(embeds):
        title = embed.get("title") or ""
        desc = embed.get("description") or ""
        footer = (embed.get("footer") or {}).get("text") or ""
        author = (embed.get("author") or {}).get("name") or ""
        fields = embed.get("fields") or []
        for name, value, limit in (
            ("title", title, 256),
            ("description", desc, 4096),
            ("footer", footer, 2048),
        ):
            if len(value) > limit:
                errors.append(f"embeds.{i}.{name}: must be {limit} or fewer in length (got {len(value)})")
        if len(author) > 256:
            errors.append(f"embeds.{i}.author.name too long")
        if len(fields) > 25:
            errors.append(f"embeds.{i}.fields: at most 25")
        for j, f in enumerate(fields):
            if not f.get("name") or not f.get("value"):
                errors.append(f"embeds.{i}.fields.{j}: name and value are required")
            if len(f.get("name") or "") > 256 or len(f.get("value") or "") > 1024:
                errors.append(f"embeds.{i}.fields.{j}: too long")
            total += len(f.get("name") or "") + len(f.get("value") or "")
        total += len(title) + len(desc) + len(footer) + len(author)
    if total > 6000:
        errors.append(f"embeds: total size must be 6000 or fewer (got {total})")
    rows = msg.get("components") or []
    if len(rows) > 5:
        errors.append("components: at most 5 rows")
    for row in rows:
        children = row.get("components") or []
        if len(children) > 5:
            errors.append("components: at most 5 per row")
        for child in children:
            if len(child.get("custom_id") or "") > 100 or len(child.get("label") or "") > 80:
                errors.append("components: custom_id or label too long")
    return errors


@dataclass
class Recorded:
    """One request the bot made."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[tuple[str, bytes]]
    status: int = 0
    response: Any = None
    at: float = field(default_factory=time.perf_counter)


@dataclass
class FakeMember:
    """A user in one server, with role ids."""

    id: int
    name: str
    roles: list[int] = field(default_factory=list)

    def user(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "avatar": None,
            "global_name": None,
        }


@dataclass
class FakeGuild:
    """A server with one text channel, an @everyone role and a Moderators role."""

    id: int
    name: str
    channel_id: int
    owner_id: int
    moderator_role: int
    archivist_role: int
    editor_role: int  # a role with no permissions (for ARCHIVIST_MOD_ROLE=Editors)
    members: dict[int, FakeMember] = field(default_factory=dict)

    def role_permissions(self) -> dict[int, int]:
        return {
            self.id: MEMBER_PERMS,
            self.moderator_role: MANAGE_MESSAGES,
            self.archivist_role: 0,
            self.editor_role: 0,
        }

    def permissions(self, member: FakeMember) -> int:
        if member.id == self.owner_id:
            return (1 << 41) - 1
        perms = 0
        for role_id, value in self.role_permissions().items():
            if role_id == self.id or role_id in member.roles:
                perms |= value
        return perms


@dataclass
class _Session:
    """One gateway session: a shard's (`shard` of `count`), or an unsharded bot's (0 of 1).
    Each holds its own sequence and history, replayed on resume; `ws` is its live connection."""

    shard: int
    count: int
    session_id: str
    ws: web.WebSocketResponse | None = None
    seq: int = 0
    history: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Interaction:
    """An interaction the fake sent, and how to find the bot's answers to it."""

    id: int
    token: str
    payload: dict[str, Any]
    sent_at: float
    answered: bool = False


class FakeDiscord:
    """The server. `await start()`, point the client at `api_base`/`gateway_url`, then act."""

    def __init__(self) -> None:
        self.app_id = snowflake()
        self.bot_user = {
            "id": str(self.app_id),
            "username": "Archivist",
            "discriminator": "0",
            "avatar": None,
            "bot": True,
            "global_name": None,
        }
        self.guilds: dict[int, FakeGuild] = {}
        self.requests: list[Recorded] = []
        self.messages: dict[int, dict[str, Any]] = {}
        self.attachments: dict[int, tuple[str, bytes, str | None]] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" or guild id -> commands
        self.interactions: dict[str, Interaction] = {}  # by token
        self.original: dict[str, int] = {}  # token -> original response message id
        self.intents = 0
        self.identifies = 0
        self.shards_identified: list[tuple[int, int] | None] = []  # each IDENTIFY's [id, count]
        self.resumes = 0
        self._faults: list[tuple[Callable[[web.Request], bool], web.Response]] = []
        self.listeners: list[Callable[[Recorded], None]] = []  # called on every request (benchmarks)
        self.token: str | None = None  # when set, any other bot token gets 401 as on Discord
        # One session a shard, as on Discord: several processes (or one serving several
        # shards) each hold a connection, and a server's events go to its shard's alone.
        self._sessions: dict[int, _Session] = {}
        self._moved: dict[int, int] = {}  # guild id -> the shard it was handed to
        self.ready_shards: set[int] = set()
        self._changed = asyncio.Condition()
        self._ready = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/gateway/", self._gateway)
        app.router.add_get("/attachments/{id}/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        for session in list(self._sessions.values()):
            if session.ws is not None and not session.ws.closed:
                await session.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return f"{self.base}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway/"

    # -- world --------------------------------------------------------------------------
    def add_guild(self, name: str) -> FakeGuild:
        """A server the bot is in (announce it before the bot connects)."""
        gid = snowflake()
        guild = FakeGuild(gid, name, snowflake(), snowflake(), snowflake(), snowflake(), snowflake())
        guild.members[self.app_id] = FakeMember(self.app_id, "Archivist", [guild.archivist_role])
        self.guilds[gid] = guild
        return guild

    def add_member(
        self, guild: FakeGuild, name: str, *, moderator: bool = False, editor: bool = False
    ) -> FakeMember:
        roles = ([guild.moderator_role] if moderator else []) + ([guild.editor_role] if editor else [])
        member = FakeMember(snowflake(), name, roles)
        guild.members[member.id] = member
        return member

    def add_attachment(self, filename: str, data: bytes, content_type: str | None) -> dict[str, Any]:
        """An uploaded file; the payload points its url at this server."""
        att_id = snowflake()
        self.attachments[att_id] = (filename, data, content_type)
        url = f"{self.base}/attachments/{att_id}/{filename}"
        payload: dict[str, Any] = {"id": str(att_id), "filename": filename, "size": len(data), "url": url}
        payload["proxy_url"] = url
        if content_type:
            payload["content_type"] = content_type
        return payload

    def _member_payload(self, guild: FakeGuild, member: FakeMember, *, permissions: bool) -> dict[str, Any]:
        data: dict[str, Any] = {
            "user": member.user(),
            "roles": [str(r) for r in member.roles],
            "joined_at": _now_iso(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
        }
        if permissions:
            data["permissions"] = str(guild.permissions(member))
        return data

    def _guild_create(self, guild: FakeGuild) -> dict[str, Any]:
        roles = [
            {"id": str(rid), "name": name, "permissions": str(guild.role_permissions()[rid]), "position": pos}
            for pos, (rid, name) in enumerate(
                (
                    (guild.id, "@everyone"),
                    (guild.moderator_role, "Moderators"),
                    (guild.archivist_role, "Archivist"),
                    (guild.editor_role, "Editors"),
                )
            )
        ]
        for role in roles:
            role.update({"color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0})
        return {
            "id": str(guild.id),
            "name": guild.name,
            "icon": None,
            "owner_id": str(guild.owner_id),
            "roles": roles,
            "channels": [
                {
                    "id": str(guild.channel_id),
                    "name": "general",
                    "type": 0,
                    "position": 0,
                    "permission_overwrites": [],
                    "guild_id": str(guild.id),
                }
            ],
            "members": [self._member_payload(guild, m, permissions=False) for m in guild.members.values()],
            "member_count": len(guild.members),
            "unavailable": False,
            "large": False,
            "features": [],
            "emojis": [],
            "stickers": [],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "joined_at": _now_iso(),
            "preferred_locale": "en-US",
            "premium_tier": 0,
            "nsfw_level": 0,
            "mfa_level": 0,
            "verification_level": 0,
            "explicit_content_filter": 0,
            "default_message_notifications": 0,
            "system_channel_flags": 0,
        }

    # -- gateway -----------------------------------------------------------------------
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        session: _Session | None = None
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            payload = json.loads(msg.data)
            op = payload.get("op")
            if op == 1:
                await ws.send_json({"op": 11})
            elif op == 2:
                session = await self._identify(ws, payload["d"])
            elif op == 6:
                session = await self._resume(ws, payload["d"])
        if session is not None and session.ws is ws:
            session.ws = None
        return ws

    def shard_of(self, guild: FakeGuild, count: int) -> int:
        """The shard a guild's events go to, as Discord computes it."""
        return (guild.id >> 22) % count

    def shard_serving(self, guild_id: int) -> int:
        """The shard whose connection hears of a server (a DM's events go to shard 0)."""
        if guild_id in self._moved:
            return self._moved[guild_id]
        count = next(iter(self._sessions.values())).count if self._sessions else 1
        return (guild_id >> 22) % count

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> _Session:
        self.identifies += 1
        shard = data.get("shard")
        self.shards_identified.append((int(shard[0]), int(shard[1])) if shard else None)
        number, count = (int(shard[0]), int(shard[1])) if shard else (0, 1)
        session = _Session(number, count, secrets.token_hex(8), ws)
        self._sessions[number] = session  # a new session of a shard replaces its old one
        # A shard hears of its own servers only.
        guilds = [g for g in self.guilds.values() if self.shard_serving(g.id) == number]
        self.intents = int(data.get("intents", 0))
        await self._send(
            "READY",
            {
                "v": 10,
                "user": self.bot_user,
                "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
                "session_id": session.session_id,
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(self.app_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                **({"shard": list(shard)} if shard else {}),
            },
            session,
        )
        for guild in guilds:
            await self._send("GUILD_CREATE", self._guild_create(guild), session)
        self.ready_shards.add(number)
        self._ready.set()
        return session

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> _Session | None:
        session = next((s for s in self._sessions.values() if s.session_id == data.get("session_id")), None)
        if session is None:
            await ws.send_json({"op": 9, "d": False})
            return None
        self.resumes += 1
        session.ws = ws
        for event in session.history:
            if event["s"] > int(data.get("seq") or 0):
                await ws.send_json(event)
        await self._send("RESUMED", {}, session)
        return session

    async def _send(self, event: str, data: dict[str, Any], session: _Session | None = None) -> None:
        """Dispatch an event to its server's shard (or to `session`); one sent while that
        shard is disconnected is replayed on resume."""
        if session is None:
            guild_id = data.get("guild_id")
            session = self._sessions.get(self.shard_serving(int(guild_id)) if guild_id else 0)
            if session is None:  # nobody has identified for that shard yet
                return
        session.seq += 1
        frame = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.history.append(frame)
        if session.ws is not None and not session.ws.closed:
            # Dropped mid-send: the resume replays it.
            with contextlib.suppress(ConnectionError, RuntimeError):
                await session.ws.send_json(frame)

    async def drop_gateway(self, code: int = 4000, shard: int = 0) -> None:
        """Close a shard's gateway connection; it should reconnect and resume."""
        session = self._sessions.get(shard)
        assert session is not None and session.ws is not None, "the bot is not connected"
        ws, session.ws = session.ws, None
        await ws.close(code=code)

    async def hand_over(self, guild: FakeGuild, shard: int) -> None:
        """Serve `guild` from `shard` from now on, as when the bot is sharded anew or another
        process takes over: its old shard hears the server become unavailable, the new one
        gets its GUILD_CREATE, and its events go there."""
        old = self._sessions.get(self.shard_serving(guild.id))
        self._moved[guild.id] = shard
        if old is not None and old.shard != shard:
            await self._send("GUILD_DELETE", {"id": str(guild.id), "unavailable": True}, old)
        await self._send("GUILD_CREATE", self._guild_create(guild), self._sessions[shard])

    async def wait_ready(self, timeout: float = 10.0) -> None:
        await asyncio.wait_for(self._ready.wait(), timeout)

    # -- faults -----------------------------------------------------------------------
    def fail_next(
        self, method: str, path_contains: str, *, status: int = 429, retry_after: float = 0.05
    ) -> None:
        """Answer the next matching request with a rate limit (or other error) once;
        `status=0` drops the connection instead (the client sees ServerDisconnectedError)."""
        if status == 0:
            response = web.Response(status=599)  # a marker: never sent
        elif status == 429:
            body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
            response = _json(body, 429, {"Via": "1.1 google", "Retry-After": str(retry_after)})
        else:
            response = _json({"message": "Server error", "code": 0}, status)

        def match(request: web.Request) -> bool:
            return request.method == method and path_contains in request.path

        self._faults.append((match, response))

    # -- REST ---------------------------------------------------------------------------
    async def _attachment(self, request: web.Request) -> web.Response:
        await self._record(Recorded("GET", request.path, dict(request.query), None, [], status=200))
        filename, data, content_type = self.attachments[int(request.match_info["id"])]
        return web.Response(body=data, headers={"Content-Type": content_type or "application/octet-stream"})

    async def _read_body(self, request: web.Request) -> tuple[Any, list[tuple[str, bytes]]]:
        if request.content_type.startswith("multipart/"):
            payload: Any = None
            files: list[tuple[str, bytes]] = []
            reader = await request.multipart()
            async for part in reader:
                if part.name == "payload_json":
                    payload = json.loads(await part.text())
                else:
                    files.append((part.filename or part.name or "", await part.read()))
            return payload, files
        raw = await request.read()
        return (json.loads(raw) if raw else None), []

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        if self.token is not None and request.headers.get("Authorization") != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        body, files = await self._read_body(request)
        path = "/" + request.match_info["tail"]
        record = Recorded(request.method, path, dict(request.query), body, files)
        for i, (match, response) in enumerate(self._faults):
            if match(request):
                del self._faults[i]
                record.status = response.status
                await self._record(record)
                if response.status == 599 and request.transport is not None:
                    request.transport.abort()  # hang up without answering
                return response
        response = await self._route(request.method, path, body, files)
        record.status = response.status
        if response.content_type == "application/json" and response.body:
            record.response = json.loads(response.body)  # type: ignore[arg-type]
        await self._record(record)
        return response

    async def _record(self, record: Recorded) -> None:
        for listener in self.listeners:
            listener(record)
        async with self._changed:
            self.requests.append(record)
            self._changed.notify_all()

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
