"""`bot.chat.runner`, as `archivist run` starts it: settings, token errors, exit codes."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import pytest

from bot.config import BotSettings, ConfigError
from tests.fake_discord.server import FakeDiscord

REPO = Path(__file__).resolve().parent.parent


async def run_bot(tmp_path: Path, env: dict[str, str], timeout: float = 30) -> tuple[int, str]:
    """Run `python -m bot.chat.runner` without blocking the loop the fake Discord lives on."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "ARCHIVIST_"))}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.chat.runner",
        "--db",
        str(tmp_path / "a.db"),
        cwd=REPO,
        env={**clean, "ARCHIVIST_SEEDS": "", **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(proc.communicate(), timeout)
    return proc.returncode or 0, err.decode()


async def test_missing_token_is_one_sentence(tmp_path: Path) -> None:
    code, err = await run_bot(tmp_path, {})
    assert code == 2
    assert err.strip() == (
        "DISCORD_TOKEN is not set: put your bot's token from the Discord developer portal in it "
        '(see "Running the Discord bot" in the README).'
    )


async def test_rejected_token_is_one_sentence(tmp_path: Path) -> None:
    fake = FakeDiscord()
    fake.token = "the-real-token"
    await fake.start()
    try:
        env = {
            "DISCORD_TOKEN": "a-wrong-token",
            "ARCHIVIST_DISCORD_API": fake.api_base,
            "ARCHIVIST_DISCORD_GATEWAY": fake.gateway_url,
            "ARCHIVIST_LOG_LEVEL": "CRITICAL",
        }
        code, err = await run_bot(tmp_path, env)
    finally:
        await fake.close()
    assert code == 1
    assert err.strip().splitlines()[-1].startswith("Discord rejected the token in DISCORD_TOKEN")
    assert "Traceback" not in err


async def test_bad_setting_is_one_sentence(tmp_path: Path) -> None:
    code, err = await run_bot(tmp_path, {"DISCORD_TOKEN": "x", "ARCHIVIST_COOLDOWN_SECONDS": "soon"})
    assert code == 2
    assert err.strip() == "ARCHIVIST_COOLDOWN_SECONDS has the value 'soon', which is not a number >= 0."


def test_settings_from_env_and_toml(tmp_path: Path) -> None:
    config = tmp_path / "archivist.toml"
    config.write_text('[discord]\nprefix = "?"\nmod_role = "Editors"\ncooldown_rate = 2\n', encoding="utf-8")
    settings = BotSettings.from_env(
        {
            "ARCHIVIST_CONFIG": str(config),
            "DISCORD_TOKEN": "t",
            "ARCHIVIST_PREFIX": "$",
            "ARCHIVIST_DEV_GUILD": "42",
        }
    )
    assert settings.prefix == "$"  # the environment wins over the file
    assert settings.mod_role == "Editors" and settings.cooldown_rate == 2 and settings.dev_guild == 42
    assert BotSettings.from_env({}).prefix == "!"
    assert BotSettings.from_env({"ARCHIVIST_ALLOW_PRIVATE_URLS": "1"}).allow_private_urls is True
    config.write_text("[discord]\nprefx = '?'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown settings: prefx"):
        BotSettings.from_env({"ARCHIVIST_CONFIG": str(config)})
    with pytest.raises(ConfigError, match="ARCHIVIST_ALLOW_PRIVATE_URLS"):
        BotSettings.from_env({"ARCHIVIST_ALLOW_PRIVATE_URLS": "maybe"})


@pytest.mark.parametrize("stop", ["sigterm", "ctrl-c"])
async def test_stopping_the_bot_stops_its_workers(tmp_path: Path, stop: str) -> None:
    """`archivist run` answers through its workers, then stops cleanly: SIGTERM from a service
    manager, or Ctrl-C in a terminal (SIGINT to the whole process group, workers included)."""
    fake = FakeDiscord()
    await fake.start()
    guild = fake.add_guild("Harbour")
    alice = fake.add_member(guild, "alice")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "ARCHIVIST_"))}
    env = {
        **clean,
        "DISCORD_TOKEN": "fake-token",
        "ARCHIVIST_DISCORD_API": fake.api_base,
        "ARCHIVIST_DISCORD_GATEWAY": fake.gateway_url,
        "ARCHIVIST_WORKERS": "2",
        "ARCHIVIST_LOG_LEVEL": "INFO",
    }
    command = ["-m", "bot.chat.runner", "--db", str(tmp_path / "a.db"), "--seeds", str(REPO / "seeds")]
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *command,
        cwd=REPO,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    try:
        await fake.wait_ready(30)
        while "global" not in fake.commands:
            await asyncio.sleep(0.05)
        interaction = await fake.slash(guild, alice, "ask", {"question": "Who dictates NATO's agenda?"})
        reply = await fake.reply(interaction)
        assert "Graziani" in str(reply["embeds"])
        workers = _children(proc.pid)
        assert len(workers) >= 2
        if stop == "sigterm":
            proc.send_signal(signal.SIGTERM)
        else:
            os.killpg(proc.pid, signal.SIGINT)
        _, err = await asyncio.wait_for(proc.communicate(), 20)
    finally:
        if proc.returncode is None:
            proc.kill()
        await fake.close()
    log = err.decode()
    assert proc.returncode == 0, log[-2000:]
    assert "answering questions in 2 worker processes" in log
    assert "Traceback" not in log
    assert "starting another" not in log  # no worker died on the way
    # Its worker processes (and multiprocessing's resource tracker) went with it.
    for _ in range(100):
        left = [(pid, _cmdline(pid)) for pid in workers if _running(pid)]
        if not left:
            break
        await asyncio.sleep(0.05)
    assert not left


def _children(parent: int) -> list[int]:
    """Live processes whose parent is `parent` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(") ", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:200]
    except OSError:
        return ""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def test_unreachable_discord_is_retried_one_line_each_time(tmp_path: Path) -> None:
    """No traceback: one sentence per attempt, waits growing, every line printed once; SIGTERM
    while waiting stops it cleanly. Run as `archivist run` (python -m bot), whose other
    commands configure logging too."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "ARCHIVIST_"))}
    env = {
        **clean,
        "ARCHIVIST_SEEDS": "",
        "DISCORD_TOKEN": "fake-token",
        "ARCHIVIST_DISCORD_API": f"http://127.0.0.1:{port}/api/v10",
        "ARCHIVIST_DISCORD_GATEWAY": f"ws://127.0.0.1:{port}/gateway/",
        "ARCHIVIST_WORKERS": "0",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *["-m", "bot", "--db", str(tmp_path / "a.db"), "run"],
        cwd=REPO,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        while sum("cannot be reached" in line for line in lines) < 2:
            line = await asyncio.wait_for(proc.stderr.readline(), 20)
            assert line, "the bot exited: " + "".join(lines)
            lines.append(line.decode())
        proc.send_signal(signal.SIGTERM)
        rest = await asyncio.wait_for(proc.stderr.read(), 20)
        await asyncio.wait_for(proc.wait(), 20)
    finally:
        if proc.returncode is None:
            proc.kill()
    log = "".join(lines) + rest.decode()
    assert proc.returncode == 0, log
    assert "Traceback" not in log
    attempts = [line for line in log.splitlines() if "cannot be reached" in line]
    assert "trying again in 1 s." in attempts[0] and "trying again in 2 s." in attempts[1], attempts
    # Each line once (two handlers printed everything twice, in two formats).
    assert sum("trying again in 1 s." in line for line in log.splitlines()) == 1, log
    assert sum("PyNaCl is not installed" in line for line in log.splitlines()) == 1, log


async def test_archivist_sync_registers_the_commands_and_exits(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "ARCHIVIST_"))}
    env = {
        **clean,
        "ARCHIVIST_SEEDS": "",
        "DISCORD_TOKEN": "fake-token",
        "ARCHIVIST_DISCORD_API": fake.api_base,
        "ARCHIVIST_DISCORD_GATEWAY": fake.gateway_url,
    }
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            *["-m", "bot", "--db", str(tmp_path / "a.db"), "sync"],
            cwd=REPO,
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await asyncio.wait_for(proc.communicate(), 30)
    finally:
        await fake.close()
    assert proc.returncode == 0, err.decode()
    assert err.decode().strip().endswith("Slash commands synced.")
    assert {c["name"] for c in fake.commands["global"]} >= {"ask", "who", "said", "add"}
    assert fake.identifies == 0  # no gateway connection: it only registers
    assert (tmp_path / "a.db.commands").exists()
