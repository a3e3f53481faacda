"""A fake Discord on 127.0.0.1: enough REST and gateway for the real discord.py client.

It records every request the bot makes, validates outgoing messages the way Discord
does (HTTP 400, code 50035 for over-long content or embeds), can inject faults (429s,
dropped gateway connections) and offers helpers to act as members: send a message,
run a slash command, ask for autocomplete, press a button, submit a form.

models.py holds its world (ids, permissions, message checks, records), rest.py its REST
routes and acting.py what members do; this module the server, its gateway and its faults.
The names tests import from here are re-exported.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from .acting import MemberActions
from .models import (
    ADMINISTRATOR,
    ATTACH_FILES,
    DISCORD_EPOCH_MS,
    EMBED_LINKS,
    EPHEMERAL,
    LOADING,
    MANAGE_MESSAGES,
    MEMBER_PERMS,
    MESSAGE_CONTENT_INTENT,
    READ_HISTORY,
    SEND_MESSAGES,
    USE_APP_COMMANDS,
    VIEW_CHANNEL,
    FakeGuild,
    FakeMember,
    Interaction,
    Recorded,
    _json,
    _now_iso,
    _Session,
    message_errors,
    snowflake,
)
from .rest import RestRoutes

__all__ = [
    "ADMINISTRATOR",
    "ATTACH_FILES",
    "DISCORD_EPOCH_MS",
    "EMBED_LINKS",
    "EPHEMERAL",
    "LOADING",
    "MANAGE_MESSAGES",
    "MEMBER_PERMS",
    "MESSAGE_CONTENT_INTENT",
    "READ_HISTORY",
    "SEND_MESSAGES",
    "USE_APP_COMMANDS",
    "VIEW_CHANNEL",
    "FakeDiscord",
    "FakeGuild",
    "FakeMember",
    "Interaction",
    "Recorded",
    "message_errors",
    "snowflake",
]


class FakeDiscord(RestRoutes, MemberActions):
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
