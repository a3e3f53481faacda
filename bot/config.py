"""Settings read from the environment. The core's two (where the archive lives and
where the seeds are) are here; the Discord layer's are added beside them."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = Path("data") / "archive.db"


def db_path(cli_value: str | None = None) -> Path:
    """`--db`, else ARCHIVIST_DB, else data/archive.db (relative to the working directory)."""
    return Path(cli_value or os.environ.get("ARCHIVIST_DB") or DEFAULT_DB)


def seeds_dir() -> Path | None:
    """ARCHIVIST_SEEDS names the seeds folder; set to "" it turns seeding off.

    The default is the `seeds/` folder shipped beside the package (an editable install
    or a checkout), so `archivist ask` works right after `pip install -e .`.
    """
    value = os.environ.get("ARCHIVIST_SEEDS")
    if value is None:
        for default in (Path(__file__).resolve().parent / "seeds", PACKAGE_ROOT / "seeds"):
            if default.is_dir():
                return default
        return None
    return Path(value) if value.strip() else None


# -- the Discord layer's settings -------------------------------------------------------


class ConfigError(Exception):
    """A setting that cannot be used; `str(error)` is one sentence naming it."""


# Environment variable -> BotSettings field. TOML files use the field names.
_ENV_NAMES = {
    "DISCORD_TOKEN": "token",
    "ARCHIVIST_PREFIX": "prefix",
    "ARCHIVIST_DEV_GUILD": "dev_guild",
    "ARCHIVIST_MOD_ROLE": "mod_role",
    "ARCHIVIST_COOLDOWN_RATE": "cooldown_rate",
    "ARCHIVIST_COOLDOWN_SECONDS": "cooldown_seconds",
    "ARCHIVIST_ALLOW_PRIVATE_URLS": "allow_private_urls",
    "ARCHIVIST_DISCORD_API": "discord_api",
    "ARCHIVIST_DISCORD_GATEWAY": "discord_gateway",
    "ARCHIVIST_FETCH_MAX_BYTES": "fetch_max_bytes",
    "ARCHIVIST_FETCH_TIMEOUT": "fetch_timeout",
    "ARCHIVIST_MESSAGE_CONTENT": "message_content",
    "ARCHIVIST_VIEW_TIMEOUT": "view_timeout",
    "ARCHIVIST_BUTTON_MEMORY": "button_memory",
    "ARCHIVIST_DEFER_AFTER": "defer_after",
    "ARCHIVIST_QUEUE_SECONDS": "queue_seconds",
    "ARCHIVIST_DRAIN_SECONDS": "drain_seconds",
    "ARCHIVIST_LOG_LEVEL": "log_level",
    "ARCHIVIST_WORKERS": "workers",
    "ARCHIVIST_POLL_FEEDS": "poll_feeds",
    "ARCHIVIST_FEED_INTERVAL": "feed_interval",
    "ARCHIVIST_FEED_ITEMS": "feed_items_per_poll",
    "ARCHIVIST_FEED_TICK": "feed_tick",
    "ARCHIVIST_SHARDS": "shards",
    "ARCHIVIST_SHARD_COUNT": "shard_count",
}


@dataclass(frozen=True, slots=True)
class BotSettings:
    """Everything the Discord bot reads at start-up.

    Sources, later wins: defaults, the TOML file named by ARCHIVIST_CONFIG (top-level keys
    or a `[discord]` table, with the field names below), then environment variables.
    """

    token: str | None = None
    prefix: str = "!"
    dev_guild: int | None = None  # sync slash commands to this server only (development)
    mod_role: str | None = None  # role name that may add/remove besides Manage Messages
    cooldown_rate: int = 5  # ask/who/said per user per `cooldown_seconds`; 0 turns it off
    cooldown_seconds: float = 30.0
    allow_private_urls: bool = False  # tests only: lets /add fetch from loopback
    discord_api: str | None = None  # REST base, e.g. http://127.0.0.1:8080/api/v10
    discord_gateway: str | None = None  # e.g. ws://127.0.0.1:8080/gateway/
    fetch_max_bytes: int = 2_000_000
    fetch_timeout: float = 10.0
    message_content: bool = True  # privileged intent, needed for prefix commands
    view_timeout: float = 900.0  # seconds an answer's More/Back/Source buttons keep working
    button_memory: int = 2000  # answers kept for their buttons at most (memory stays bounded)
    # Discord drops an interaction not answered within 3 s: when the interaction's age plus
    # the expected wait for the archive passes this, the bot defers first.
    defer_after: float = 1.5
    # An /ask, /who or /said that would be answered later than this many seconds after it was
    # asked is told at once that the bot is busy (the queue stays short; Discord's 3 s holds).
    queue_seconds: float = 0.5
    # On shutdown, how long running commands get to finish before the connection closes.
    drain_seconds: float = 10.0
    log_level: str = "INFO"
    # Processes answering ask/who/said (see bot.core.workers); None: one per core, 0: none.
    workers: int | None = None
    # Followed feeds (bot.core.feeds): whether `run` polls them (off when `archivist poll`
    # runs on its own), the default seconds between polls, and new items added per poll.
    poll_feeds: bool = True
    feed_interval: float = 1800.0
    feed_items_per_poll: int = 20
    feed_tick: float = 30.0  # seconds between looks for due feeds and owed announcements
    # Discord shards this process serves (its shard ids, "0-3" or "0,2,4") out of shard_count
    # in all: any number of processes, on any machines, then run one bot on one archive.
    # Neither set: one process, one shard. shard_count alone: this process serves them all.
    shards: tuple[int, ...] | None = None
    shard_count: int | None = None

    def __post_init__(self) -> None:
        if self.shard_count is not None and self.shard_count < 1:
            raise ConfigError(f"ARCHIVIST_SHARD_COUNT is {self.shard_count}; it must be 1 or more.")
        if self.shards is not None and self.shard_count is None:
            raise ConfigError(
                "ARCHIVIST_SHARDS needs ARCHIVIST_SHARD_COUNT too: the number of shards of the whole bot."
            )
        if self.shards is not None and self.shard_count is not None:
            beyond = [s for s in self.shards if s >= self.shard_count]
            if beyond:
                raise ConfigError(
                    f"ARCHIVIST_SHARDS names shard {beyond[0]}, but with ARCHIVIST_SHARD_COUNT="
                    f"{self.shard_count} the shard ids run from 0 to {self.shard_count - 1}."
                )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> BotSettings:
        """Read the settings; raise ConfigError with one sentence on a bad value."""
        env = os.environ if env is None else env
        raw: dict[str, object] = {}
        config_file = env.get("ARCHIVIST_CONFIG", "").strip()
        if config_file:
            raw.update(_read_toml(Path(config_file)))
        for name, field_name in _ENV_NAMES.items():
            value = env.get(name)
            if value is not None and value.strip() != "":
                raw[field_name] = value.strip()
        values: dict[str, Any] = {
            f.name: _convert(f.name, f.type, raw[f.name]) for f in fields(cls) if f.name in raw
        }
        return cls(**values)


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(
            f"ARCHIVIST_CONFIG names {path}, which cannot be read ({error.strerror})."
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"ARCHIVIST_CONFIG file {path} is not valid TOML: {error}.") from None
    table = data.get("discord", data)
    if not isinstance(table, dict):
        raise ConfigError(f"The [discord] entry in {path} must be a table.")
    known = {f.name for f in fields(BotSettings)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{path} has unknown settings: {', '.join(unknown)}.")
    return dict(table)


def _env_name(field_name: str) -> str:
    return next((env for env, name in _ENV_NAMES.items() if name == field_name), field_name)


def shard_ids(value: object) -> tuple[int, ...]:
    """ARCHIVIST_SHARDS: "0-3", "0,2,4", "0-3,8" (or a TOML list of ids), sorted, no repeats."""
    bad = ConfigError(
        f"ARCHIVIST_SHARDS has the value {value!r}, which is not a list of shard ids such as 0-3 or 0,2,4."
    )
    items = value if isinstance(value, list) else str(value).split(",")
    parts = [str(p).strip() for p in items]
    ids: set[int] = set()
    for part in parts:
        low, dash, high = part.partition("-")
        try:
            first, last = int(low), int(high if dash else low)
        except ValueError:
            raise bad from None
        if first < 0 or last < first or last > 65_535:  # Discord's shard counts are far below
            raise bad
        ids.update(range(first, last + 1))
    if not ids:
        raise bad
    return tuple(sorted(ids))


def _convert(name: str, kind: object, value: object) -> object:
    """Turn a TOML or environment value into the field's type, or say which setting is wrong."""
    if name == "shards":
        return shard_ids(value)
    kind = str(kind)
    wanted = "true or false" if "bool" in kind else "whole number >= 0" if "int" in kind else "number >= 0"
    try:
        if "bool" in kind:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        if "int" in kind:
            number = int(str(value))
            if number < 0:
                raise ValueError(value)
            return number
        if "float" in kind:
            real = float(str(value))
            if real < 0:
                raise ValueError(value)
            return real
    except ValueError:
        raise ConfigError(f"{_env_name(name)} has the value {value!r}, which is not a {wanted}.") from None
    return str(value)
