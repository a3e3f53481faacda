"""bench/bot.py --shards: two bot processes, one shard each, on one PostgreSQL archive.

    python bench/bot.py --shards [--sentences 20000] [--asks 1000] [--shard-rate 40 100] [--rounds 10]
                        [--db postgresql://...]

What runs: a throwaway PostgreSQL server (bench/pg.py; or the empty database `--db` names),
filled with `--sentences` sentences of generated text; the loopback fake Discord
(tests/fake_discord) with one server on each of two shards; and two `python -m bot.chat.runner`
processes, the code `archivist run` starts, with ARCHIVIST_SHARD_COUNT=2 and ARCHIVIST_SHARDS=0
and =1 (ARCHIVIST_WORKERS=1 each unless set: two processes share the 2 cores). The fake sends a
server's events to its shard's connection only, as Discord does.

- load: `--asks` /ask interactions arrive at each `--shard-rate` a second in all, half in each
  server, so each process answers its own half; latency, replies ("busy" is the bot shedding
  load, an answer all the same) and losses per shard ("lost": no answer in 15 s);
- write through one shard, answered by the other, `--rounds` times: shard 1's server asks
  /said for a name nobody has said anything under yet (shard 1's process finds nothing and
  caches the server's speakers); the server is handed to shard 0 (as when the bot is sharded
  anew, or another process takes the shard over), where a moderator /adds an article in which
  that person speaks; it is handed back and shard 1's process is asked /said again, every 20 ms,
  until its answer holds the new words. Timed from the reply to the /add (the write committed)
  to that answer; target within a second. The two hand-overs are timed too (they are inside).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bot import LOST_AFTER, ROOT, Driver, build_archive, machine, summary
from bench.pg import throwaway
from tests.fake_discord.server import FakeDiscord, FakeGuild, FakeMember, Interaction

WITHIN = 1.0  # the target: a write through one shard answered through the other within a second


async def _text(fake: FakeDiscord, interaction: Interaction) -> str:
    """The words of the reply a member sees: content, embed descriptions and fields."""
    reply = await fake.reply(interaction, LOST_AFTER)
    parts = [reply.get("content") or ""]
    for embed in reply.get("embeds") or []:
        parts += [embed.get("description") or "", *(f["value"] for f in embed.get("fields") or [])]
    return "\n".join(parts)


async def cross_shard_round(
    fake: FakeDiscord, guild: FakeGuild, member: FakeMember, mod: FakeMember, n: int
) -> tuple[float | None, float, int]:
    """One write through shard 0 for `guild` (normally shard 1's), then shard 1 asked until it
    answers. Returns (seconds from the write's reply to the right answer, or None when none
    came within LOST_AFTER; seconds spent handing the server over and back; asks it took)."""
    name = f"{['Quentin', 'Rosalind', 'Tobias', 'Ingeborg', 'Casimir'][n % 5]} Marlow-{n}"
    words = f"The old pier will reopen in month {n + 1}"
    before = await _text(fake, await fake.slash(guild, member, "said", {"person": name}))
    assert words not in before, "the benchmark's fact was already in the archive"
    handing = time.perf_counter()
    await fake.hand_over(guild, 0)
    handed = time.perf_counter() - handing
    form = (await fake.callback(await fake.slash(guild, mod, "add"), LOST_AFTER)).json["data"]
    text = f'"{words}," said {name}, the harbour master, on Tuesday.'
    values = {"Title": f"Pier news {n}", "Date": "2024-09-03", "Text": text}
    added = await fake.reply(await fake.submit_modal(guild, mod, form, values), LOST_AFTER)
    written = time.perf_counter()
    assert added["embeds"][0]["title"].startswith("Added"), added
    handing = time.perf_counter()
    await fake.hand_over(guild, 1)
    handed += time.perf_counter() - handing
    asks = 0
    while time.perf_counter() - written < LOST_AFTER:
        asks += 1
        if words in await _text(fake, await fake.slash(guild, member, "said", {"person": name})):
            return time.perf_counter() - written, handed, asks
        await asyncio.sleep(0.02)
    return None, handed, asks


async def run_shards(args: argparse.Namespace) -> int:
    print(machine())
    with tempfile.TemporaryDirectory(prefix="archivist-bench-shards-") as tmp:
        if args.db is not None:
            return await _run(args, str(args.db), Path(tmp))
        # The server starts outside this event loop (its helper runs one of its own to migrate).
        with contextlib.ExitStack() as stack:
            database = await asyncio.to_thread(stack.enter_context, throwaway())
            url = await asyncio.to_thread(database)
            print(f"PostgreSQL: a throwaway server (bench/pg.py), database {url}")
            try:
                return await _run(args, url, Path(tmp))
            finally:
                await asyncio.to_thread(stack.pop_all().close)


async def _run(args: argparse.Namespace, url: str, tmp: Path) -> int:
    t0 = time.perf_counter()
    questions, total = await build_archive(url, args.sentences, args.squad)  # type: ignore[arg-type]
    print(f"archive: built {total:,} sentences in {time.perf_counter() - t0:.1f} s")
    fake = FakeDiscord()
    await fake.start()
    guilds = [fake.add_guild("Bench 0")]
    while len({fake.shard_of(g, 2) for g in guilds}) < 2:
        await asyncio.sleep(0.002)
        guilds.append(fake.add_guild(f"Bench {len(guilds)}"))
    home = [next(g for g in guilds if fake.shard_of(g, 2) == shard) for shard in (0, 1)]
    members = [[fake.add_member(g, f"member{i}") for i in range(max(1, args.members // 2))] for g in home]
    mod = fake.add_member(home[1], "moderator", moderator=True)
    env: dict[str, Any] = {
        **os.environ,
        "DISCORD_TOKEN": "bench-token",
        "ARCHIVIST_DISCORD_API": fake.api_base,
        "ARCHIVIST_DISCORD_GATEWAY": fake.gateway_url,
        "ARCHIVIST_COOLDOWN_RATE": "0",
        "ARCHIVIST_LOG_LEVEL": args.log_level,
        "ARCHIVIST_SHARD_COUNT": "2",
        "XDG_DATA_HOME": str(tmp),  # the processes' own files about the archive go there
    }
    env.setdefault("ARCHIVIST_WORKERS", "1")
    bots = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.chat.runner", "--db", url],
            cwd=ROOT,
            env={**env, "ARCHIVIST_SHARDS": str(shard)},
            stderr=None if args.verbose else subprocess.DEVNULL,
        )
        for shard in (0, 1)
    ]
    try:
        deadline = time.perf_counter() + 60
        while fake.ready_shards != {0, 1} or "global" not in fake.commands:
            if time.perf_counter() > deadline or any(b.poll() is not None for b in bots):
                print("the bot processes did not both connect")
                return 1
            await asyncio.sleep(0.05)
        print(
            f"bots: 2 processes ({sys.executable} -m bot.chat.runner), shards identified"
            f" {sorted(fake.shards_identified)}, ARCHIVIST_WORKERS={env['ARCHIVIST_WORKERS']} each;"
            f" {len(members[0])} members in each shard's server"
        )
        drivers = [Driver(fake, home[s], members[s]) for s in (0, 1)]
        # Warm up both (and wait out discord.py's guild_ready_timeout): not counted.
        await asyncio.gather(*(d.closed_loop(questions[:40]) for d in drivers))
        for d in drivers:
            d.take_outcomes()
        half = args.asks // 2
        picks = [questions[i % len(questions)] for i in range(0, 7 * args.asks, 7)]
        every: list[float | None] = []
        for rate in args.shard_rate:
            started = time.perf_counter()
            results = await asyncio.gather(
                *(d.open_loop(picks[s * half : (s + 1) * half], rate / 2) for s, d in enumerate(drivers))
            )
            seconds = time.perf_counter() - started
            for shard, (got, took) in enumerate(results):
                outcomes = drivers[shard].take_outcomes()
                print(summary(f"shard {shard}", got, took), "\n" + " " * 13 + outcomes)
            print(summary(f"both {rate:g}/s", [r for got, _ in results for r in got], seconds))
            every += [r for got, _ in results for r in got]
            await asyncio.sleep(2)  # let stragglers settle

        latencies: list[float] = []
        handovers: list[float] = []
        asks: list[int] = []
        missed = 0
        for n in range(args.rounds):
            latency, handed, tries = await cross_shard_round(fake, home[1], members[1][0], mod, n)
            handovers.append(handed)
            asks.append(tries)
            if latency is None:
                missed += 1
            else:
                latencies.append(latency)
        ms = sorted(x * 1000 for x in latencies)
        within = sum(x <= WITHIN * 1000 for x in ms)
        print(
            f"write through shard 0, answered through shard 1: {within}/{args.rounds} within {WITHIN:g} s,"
            f" {missed} never answered (in {LOST_AFTER:g} s)"
        )
        if ms:
            print(
                f"    from the /add's reply to shard 1's right answer: p50 {statistics.median(ms):.0f} ms,"
                f" max {ms[-1]:.0f} ms; /said asks needed: max {max(asks)};"
                f" the two hand-overs in it: p50 {statistics.median(handovers) * 1000:.0f} ms"
            )
        lost = sum(r is None for r in every)
        print(
            f"targets: none lost (lost {lost}); a write through one shard answered by the other"
            f" within {WITHIN:g} s ({within}/{args.rounds})"
        )
    finally:
        for bot in bots:
            bot.terminate()
        for bot in bots:
            try:
                bot.wait(10)
            except subprocess.TimeoutExpired:
                bot.kill()
        await fake.close()
    return 0
