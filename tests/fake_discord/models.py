"""The fake Discord's world: ids, permission bits, what a valid message is (as Discord
validates it: HTTP 400, code 50035), and the records it keeps (requests, members, servers,
gateway sessions, interactions). server.py holds the server itself."""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

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
