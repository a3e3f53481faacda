"""Questions answered in worker processes (bot.core.workers), as `archivist run` does on 2+ cores."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.archive import Archive
from bot.core.errors import BadQuery
from bot.core.workers import Readers
from tests.fake_discord.harness import start_bot
from tests.test_bot_manage import ARTICLE_MD, field, title

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GUILD, OTHER = 111, 222


@pytest.fixture
async def readers(tmp_path: Path) -> AsyncIterator[tuple[Archive, Readers]]:
    """The seeded archive in this process and the same file behind two worker processes."""
    archive = await Archive.open(tmp_path / "a.db", seeds=SEEDS)
    pooled = await Readers.start(archive, tmp_path / "a.db", 2)
    try:
        yield archive, pooled
    finally:
        await pooled.close()  # closes the archive too


async def test_workers_answer_as_the_archive_does(readers: tuple[Archive, Readers]) -> None:
    archive, pooled = readers
    for question in ("Who dictates NATO's agenda?", "When did Blinken speak with Stoltenberg?"):
        assert await pooled.ask(question) == await archive.ask(question)
    fragment = "the age of spheres of influence is over"
    assert await pooled.who(fragment) == await archive.who(fragment)
    assert (await pooled.who(fragment)).answers[0].speaker == "Jens Stoltenberg"
    assert await pooled.said("Stoltenbrg") == await archive.said("Stoltenbrg")
    checked = await archive.verify(fragment, by="Stoltenberg")
    assert checked.verdict == "verbatim"

    async def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("verify was answered in the bot's process")

    archive.verify = not_here  # type: ignore[method-assign]
    assert await pooled.verify(fragment, by="Stoltenberg") == checked
    # Everything else is the archive's own, in this process.
    assert await pooled.stats() == await archive.stats()


async def test_workers_see_writes_made_in_the_bot_process(readers: tuple[Archive, Readers]) -> None:
    _archive, pooled = readers
    # Asked first, so that each worker has cached the speakers it knew then.
    for _ in range(4):
        assert not (await pooled.said("Mira Okafor", guild_id=GUILD)).answers
    added = await pooled.add_text(ARTICLE_MD, name="ferry.md", guild_id=GUILD)
    for _ in range(4):  # whichever worker answers
        result = await pooled.said("Okafor", guild_id=GUILD)
        assert result.speaker == "Mira Okafor"
        assert "boats are running again" in result.answers[0].text
        assert (await pooled.ask("Why are the ferry crews back at work?", guild_id=GUILD)).answers
        # Another server does not see it.
        assert not (await pooled.said("Mira Okafor", guild_id=OTHER)).answers
    await pooled.remove(added.ref.id, guild_id=GUILD)
    for _ in range(4):
        assert not (await pooled.said("Mira Okafor", guild_id=GUILD)).answers


async def test_errors_in_workers_reach_the_caller_as_themselves(readers: tuple[Archive, Readers]) -> None:
    _archive, pooled = readers
    with pytest.raises(BadQuery):
        await pooled.ask("?!")
    assert (await pooled.ask("Who dictates NATO's agenda?")).answers  # the worker lives on


async def test_a_dead_worker_is_replaced_and_no_question_is_lost(readers: tuple[Archive, Readers]) -> None:
    archive, pooled = readers
    question = "Who dictates NATO's agenda?"
    expected = await archive.ask(question)
    before = set(multiprocessing.active_children())
    victim = next(p for p in before if p.pid is not None and "Process" in type(p).__name__)
    os.kill(victim.pid, signal.SIGKILL)
    victim.join(10)
    # The question that meets the broken pool is answered all the same, and later ones by new workers.
    assert [await pooled.ask(question) for _ in range(3)] == [expected] * 3
    new = {p for p in multiprocessing.active_children() if "Process" in type(p).__name__} - before
    assert new, "no new worker processes were started"


async def test_workers_end_with_the_bot_even_when_it_is_killed(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    script = textwrap.dedent(
        f"""
        import asyncio, multiprocessing, sys
        from bot.core.archive import Archive
        from bot.core.workers import Readers

        async def main():
            archive = await Archive.open({str(db)!r})
            pooled = await Readers.start(archive, {str(db)!r}, 2)
            await pooled.ask("Who dictates NATO's agenda?")
            workers = [p.pid for p in multiprocessing.active_children() if "Process" in type(p).__name__]
            print(*workers, flush=True)
            await asyncio.sleep(60)

        if __name__ == "__main__":
            asyncio.run(main())
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stdout is not None
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) >= 2
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert not any(_alive(p) for p in pids)
    finally:
        proc.kill()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by init) counts as gone.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(") ")[1][0] != "Z"


async def test_bot_with_workers_answers_and_sees_additions(tmp_path: Path) -> None:
    async with start_bot(tmp_path, workers=2) as h:
        reply = await h.slash_reply("ask", {"question": "Who is the chief keeper?"})
        assert reply["embeds"] and reply["allowed_mentions"] == {"parse": []}
        attachment = h.fake.add_attachment("ferry.md", ARTICLE_MD.encode(), "text/markdown; charset=utf-8")
        ix = await h.fake.slash(h.guild, h.mod, "add", attachments={"file": attachment})
        assert title(await h.fake.reply(ix)) == "Added: Ferry strike ends after two weeks"
        reply = await h.slash_reply("said", {"person": "Okafor"})
        assert field(reply, "Said by").startswith("Mira Okafor")
