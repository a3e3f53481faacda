"""The bot under load: /ask interactions through the fake Discord, timed end to end.

    python bench/bot.py [--squad PATH/TO/squad-dev-v1.1-public.json] [--sentences 100000]
                        [--asks 1000] [--members 50] [--rate 200 250] [--db PATH]
    python bench/bot.py --shards [--sentences 20000] [--shard-rate 40 100] [--rounds 10]

--shards: two bot processes, one shard each, on one PostgreSQL archive (bench/shards.py says
what it measures). Otherwise:

What runs: the real bot (`python -m bot.chat.runner`, the code `archivist run` starts, with
its worker processes: ARCHIVIST_WORKERS, one per core by default) in its own process,
connected to the loopback fake Discord (tests/fake_discord) in this process, over a real
Archive of `--sentences` sentences. The archive is generated text (news-like sentences
over a Zipf-distributed vocabulary), or SQuAD's paragraphs and questions topped up with
generated text when `--squad` is given. Nothing is downloaded.

Phases of `--asks` /ask interactions from `--members` members:
- open loop, once per `--rate`: interactions arrive at that many per second whatever the
  bot does (the way Discord delivers them); latency at that load. 200/s is the target's rate;
  250/s shows the headroom;
- closed loop: each member asks, waits for the answer, asks again; the most the bot can do.

Latency is from sending INTERACTION_CREATE on the gateway to receiving the bot's reply
callback (POST /interactions/{id}/{token}/callback), or, when the bot deferred first
because of its queue, the follow-up holding the answer. "lost" counts interactions with
no answer within 15 s (Discord itself gives up on an unanswered interaction after 3 s).
The issue's target: >= 200 answers/s, p99 <= 100 ms, none lost, on 2 cores.

"core only" times Archive.ask alone, one call at a time in this process, to show how
much of the latency is the archive's and how much the Discord layer's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.newstext import TextMaker  # noqa: E402
from bot.chat.tree import BUSY  # noqa: E402
from bot.core import ingest  # noqa: E402
from bot.core.archive import Archive  # noqa: E402
from tests.fake_discord.server import FakeDiscord, FakeGuild, FakeMember, Recorded  # noqa: E402

LOST_AFTER = 15.0


# -- building the archive --------------------------------------------------------------------
async def build_archive(db: Path | str, target: int, squad: Path | None) -> tuple[list[str], int]:
    """Fill a new archive with `target` sentences; return questions to ask and the count."""
    maker = TextMaker()
    archive = await Archive.open(db, seeds=None)
    questions: list[str] = []
    total = 0
    try:
        if squad is not None:
            for art in json.loads(squad.read_text("utf-8"))["data"]:
                doc = ingest.build_document(
                    art["title"].replace("_", " "), [p["context"] for p in art["paragraphs"]]
                )
                await archive.add_document(doc)
                total += len(doc.sentences)
                questions += [qa["question"] for p in art["paragraphs"] for qa in p["qas"]]
        sample: list[str] = []
        while total < target:
            title, paragraphs = maker.article(min(20, target - total))
            doc = ingest.build_document(
                title, paragraphs, date=f"2024-{maker.rng.randint(1, 12):02d}-{maker.rng.randint(1, 28):02d}"
            )
            await archive.add_document(doc)
            total += len(doc.sentences)
            sample.append(maker.rng.choice(doc.sentences).text)
        questions += [maker.question(s) for s in sample]
    finally:
        await archive.close()
    return questions, total


async def core_only(db: Path, questions: list[str]) -> str:
    """Archive.ask alone, one at a time in this process: the share of latency that is the core's."""
    archive = await Archive.open(db, seeds=None)
    try:
        times = []
        for question in questions:
            started = time.perf_counter()
            await archive.ask(question, guild_id=1)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        await archive.close()
    times.sort()
    return (
        f"{'core only':<12} Archive.ask one at a time: p50 {statistics.median(times):6.1f} ms   "
        f"p99 {times[int(0.99 * len(times))]:6.1f} ms   "
        f"({len(times)} asks, {1000 / statistics.mean(times):.0f}/s max)"
    )


async def count_sentences(db: Path) -> int:
    archive = await Archive.open(db, seeds=None)
    try:
        return (await archive.stats()).sentences
    finally:
        await archive.close()


# -- driving the bot ---------------------------------------------------------------------------
class Driver:
    """Sends /ask interactions and times each until its reply callback arrives."""

    def __init__(self, fake: FakeDiscord, guild: FakeGuild, members: list[FakeMember]) -> None:
        self.fake, self.guild, self.members = fake, guild, members
        self.waiting: dict[str, tuple[float, asyncio.Future[float]]] = {}
        self.outcomes: dict[str, int] = {"answer": 0, "no match": 0, "busy": 0, "error": 0}
        self.deferred = 0
        self.sent: dict[str, float] = {}  # token -> when sent, until its first callback
        self.acks: list[float] = []  # seconds from sending to the first callback (the acknowledgement)
        self.requests = 0  # REST requests the bot made
        self.kinds: dict[str, str] = {}  # token -> what the reply was (sustained mode)
        fake.listeners.append(self._seen)

    def _seen(self, record: Recorded) -> None:
        """Match the bot's answer to its interaction: the reply callback, or after a
        deferral (callback type 5) the follow-up that fills in the deferred message."""
        self.requests += 1
        parts = record.path.split("/")
        if record.status != 200 or len(parts) < 4:
            return
        if parts[1] == "interactions":
            token, data = parts[3], (record.json.get("data") or {})
            sent = self.sent.pop(token, None)
            if sent is not None:
                self.acks.append(record.at - sent)
            if record.json.get("type") == 5:
                self.deferred += 1
                return
        elif parts[1] == "webhooks" and record.method == "POST" and len(parts) == 4:
            token, data = parts[3], (record.json or {})
        else:
            return
        entry = self.waiting.pop(token, None)
        if entry is not None and not entry[1].done():
            entry[1].set_result(record.at - entry[0])
            content = data.get("content") or ""
            kind = (
                "answer"
                if data.get("embeds")
                else "no match"
                if content.startswith("I found no")
                else "busy"
                if content == BUSY
                else "error"
            )
            self.kinds[token] = kind
            self.outcomes[kind] += 1

    def take_outcomes(self) -> str:
        """Answers, no-match replies and error replies since the last call."""
        text = (
            ", ".join(f"{n} {kind}" for kind, n in self.outcomes.items())
            + f" ({self.deferred} deferred first)"
        )
        self.outcomes = dict.fromkeys(self.outcomes, 0)
        self.deferred = 0
        return text

    async def ask(self, member: FakeMember, question: str, token: list[str] | None = None) -> float | None:
        """One /ask; its latency in seconds, or None when no reply came (lost). Its token is
        appended to `token` when given (to look up what kind of reply it got)."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        # Timed from just before the gateway send, as Discord would time it.
        interaction = self.fake._interaction(2, self.guild, member, self._data(question))
        if token is not None:
            token.append(interaction.token)
        self.waiting[interaction.token] = (time.perf_counter(), future)
        self.sent[interaction.token] = self.waiting[interaction.token][0]
        await self.fake._send("INTERACTION_CREATE", interaction.payload)
        try:
            return await asyncio.wait_for(future, LOST_AFTER)
        except TimeoutError:
            return None

    def _data(self, question: str) -> dict[str, object]:
        command = next(c for c in self.fake.commands["global"] if c["name"] == "ask")
        return {
            "id": command["id"],
            "name": "ask",
            "type": 1,
            "options": [{"name": "question", "type": 3, "value": question}],
        }

    async def sustained(
        self, questions: list[str], rate: float, seconds: float, bot_pid: int
    ) -> tuple[list[tuple[float | None, str]], float, list[tuple[str, float]]]:
        """`rate` asks a second for `seconds`; each result is (latency or None, kind). Also the
        bot's memory (bot process and its workers, MB) at the start, middle and end."""
        total = int(rate * seconds)
        memory = [("start", rss_mb(bot_pid))]

        async def one(i: int) -> tuple[float | None, str]:
            member = self.members[i % len(self.members)]
            interaction_token: list[str] = []
            latency = await self.ask(member, questions[i % len(questions)], interaction_token)
            return latency, self.kinds.pop(interaction_token[0], "lost") if interaction_token else "lost"

        tasks = []
        started = time.perf_counter()
        for i in range(total):
            delay = started + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            if i == total // 2:
                memory.append(("middle", rss_mb(bot_pid)))
            tasks.append(asyncio.create_task(one(i)))
        results = await asyncio.gather(*tasks)
        memory.append(("end", rss_mb(bot_pid)))
        return list(results), time.perf_counter() - started, memory

    async def open_loop(self, questions: list[str], rate: float) -> tuple[list[float | None], float]:
        tasks = []
        started = time.perf_counter()
        for i, question in enumerate(questions):
            delay = started + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(self.ask(self.members[i % len(self.members)], question)))
        results = await asyncio.gather(*tasks)
        return list(results), time.perf_counter() - started

    async def closed_loop(self, questions: list[str]) -> tuple[list[float | None], float]:
        per_member = [questions[i :: len(self.members)] for i in range(len(self.members))]

        async def member_loop(member: FakeMember, mine: list[str]) -> list[float | None]:
            return [await self.ask(member, q) for q in mine]

        started = time.perf_counter()
        results = await asyncio.gather(
            *(member_loop(m, qs) for m, qs in zip(self.members, per_member, strict=True))
        )
        return [r for rs in results for r in rs], time.perf_counter() - started


def summary(name: str, results: list[float | None], seconds: float) -> str:
    done = sorted(r * 1000 for r in results if r is not None)
    lost = len(results) - len(done)
    if not done:
        return f"{name}: all {lost} lost"
    p99 = done[min(len(done) - 1, int(0.99 * len(done)))]
    return (
        f"{name:<12} {len(done) / seconds:7.1f} answers/s   p50 {statistics.median(done):6.1f} ms   "
        f"p99 {p99:6.1f} ms   max {done[-1]:6.1f} ms   lost {lost}   ({len(results)} asks in {seconds:.2f} s)"
    )


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` and its children (the bot and its workers), in MB."""
    total = 0
    pids = [pid] + [int(p) for p in _children(pid)]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def bot_rss_mb(pid: int) -> float:
    """Resident memory of the bot process alone (its workers excluded), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def sustained_summary(
    rate: float, results: list[tuple[float | None, str]], seconds: float, acks: list[float], requests: int
) -> str:
    answered = sorted(r * 1000 for r, kind in results if r is not None and kind in ("answer", "no match"))
    busy = sum(kind == "busy" for _, kind in results)
    errors = sum(kind == "error" for _, kind in results)
    lost = sum(r is None for r, _ in results)
    late_acks = sum(a > 2.5 for a in acks)
    p = (
        (lambda q: answered[min(len(answered) - 1, int(q * len(answered)))])
        if answered
        else (lambda q: float("nan"))
    )
    return (
        f"sustained {rate:g}/s for {seconds:.0f} s: {len(results)} asks, {len(answered)} answered, "
        f"{busy} busy, {errors} errors, {lost} lost\n"
        f"    answered p50 {p(0.5):6.1f} ms   p99 {p(0.99):6.1f} ms   max {p(1.0):6.1f} ms\n"
        f"    acknowledgements over 2.5 s: {late_acks} of {len(acks)} (max {max(acks, default=0):.2f} s)\n"
        f"    REST requests per answered ask: {requests / max(1, len(answered)):.2f} "
        f"(per ask: {requests / max(1, len(results)):.2f})"
    )


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"machine: {os.cpu_count()} cores, {cpu}; "
        f"Python {platform.python_version()} on {platform.platform()}; "
        f"SQLite {sqlite3.sqlite_version}"
    )


async def main(args: argparse.Namespace) -> int:
    if args.shards:
        from bench.shards import run_shards

        return await run_shards(args)
    print(machine())
    tmp = tempfile.TemporaryDirectory(prefix="archivist-bench-bot-")
    db = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    question_file = db.with_suffix(".questions.json")
    if db.exists() and question_file.exists():
        questions = json.loads(question_file.read_text())
        total = await count_sentences(db)
        print(f"archive: reusing {db} ({total:,} sentences)")
    else:
        t0 = time.perf_counter()
        questions, total = await build_archive(db, args.sentences, args.squad)
        question_file.write_text(json.dumps(questions))
        print(f"archive: built {total:,} sentences in {time.perf_counter() - t0:.1f} s ({db})")
    rng = random.Random(11)
    print(await core_only(db, [rng.choice(questions) for _ in range(200)]))

    fake = FakeDiscord()
    await fake.start()
    guild = fake.add_guild("Bench")
    members = [fake.add_member(guild, f"member{i}") for i in range(args.members)]
    env = {
        **os.environ,
        "DISCORD_TOKEN": "bench-token",
        "ARCHIVIST_DISCORD_API": fake.api_base,
        "ARCHIVIST_DISCORD_GATEWAY": fake.gateway_url,
        "ARCHIVIST_COOLDOWN_RATE": "0",  # 50 members asking 20 times each would hit any cooldown
        "ARCHIVIST_LOG_LEVEL": args.log_level,
    }
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot.chat.runner", "--db", str(db)],
        cwd=ROOT,
        env=env,
        stderr=None if args.verbose else subprocess.DEVNULL,
    )
    try:
        await fake.wait_ready(60)
        while "global" not in fake.commands:
            await asyncio.sleep(0.05)
        driver = Driver(fake, guild, members)
        # Warm up (and wait out discord.py's guild_ready_timeout): not counted.
        warm = [rng.choice(questions) for _ in range(50)]
        await driver.closed_loop(warm)
        driver.take_outcomes()
        print(
            f"bot: {sys.executable} -m bot.chat.runner; {args.members} members; "
            f"{len(questions):,} distinct questions"
        )

        if args.sustained:
            for rate in args.sustained:
                driver.acks.clear()
                driver.requests = 0
                before = bot_rss_mb(bot.pid)
                results, seconds, memory = await driver.sustained(questions, rate, args.seconds, bot.pid)
                print(sustained_summary(rate, results, seconds, driver.acks, driver.requests))
                print(
                    "    RSS, bot and workers: "
                    + ", ".join(f"{name} {mb:.0f} MB" for name, mb in memory)
                    + f"; bot process alone {before:.0f} -> {bot_rss_mb(bot.pid):.0f} MB"
                )
                driver.take_outcomes()
                await asyncio.sleep(2)  # let stragglers settle before the next rate
            print(
                "targets: 150/s: no acknowledgement over 2.5 s, every ask answered or busy, "
                "answered p99 <= 1 s; 100/s: p99 <= 100 ms, RSS growth <= 30 MB after warm-up, "
                "none lost, <= 1.1 REST requests per answer"
            )
            return 0
        for rate in args.rate:
            results, seconds = await driver.open_loop([rng.choice(questions) for _ in range(args.asks)], rate)
            print(summary(f"open {rate:g}/s", results, seconds), "\n" + " " * 13 + driver.take_outcomes())
        results, seconds = await driver.closed_loop([rng.choice(questions) for _ in range(args.asks)])
        print(summary("closed loop", results, seconds), "\n" + " " * 13 + driver.take_outcomes())
        print("target: >= 200 answers/s, p99 <= 100 ms, none lost")
    finally:
        bot.terminate()
        try:
            bot.wait(10)
        except subprocess.TimeoutExpired:
            bot.kill()
        await fake.close()
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--squad", type=Path, help="SQuAD v1.1 JSON: its paragraphs and questions are used")
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--asks", type=int, default=1000)
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument(
        "--rate",
        type=float,
        nargs="+",
        default=[200.0, 250.0],
        help="open-loop arrivals per second (one run each)",
    )
    parser.add_argument(
        "--sustained",
        type=float,
        nargs="+",
        metavar="RATE",
        help="sustained mode: RATE asks a second for --seconds each (busy replies, late acks, RSS)",
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="duration of each sustained run")
    parser.add_argument(
        "--db",
        help="keep (and reuse) the generated archive here; with --shards, the URL of an empty"
        " PostgreSQL database (default: a throwaway server)",
    )
    parser.add_argument(
        "--shards", action="store_true", help="two bot processes, one shard each, on one PostgreSQL archive"
    )
    parser.add_argument(
        "--shard-rate",
        type=float,
        nargs="+",
        default=[40.0, 100.0],
        help="with --shards: /ask arrivals a second, both shards together (one run each)",
    )
    parser.add_argument(
        "--rounds", type=int, default=10, help="with --shards: writes through one shard answered by the other"
    )
    parser.add_argument("--log-level", default="WARNING")
    parser.add_argument("--verbose", action="store_true", help="show the bot's log")
    sys.exit(asyncio.run(main(parser.parse_args())))
