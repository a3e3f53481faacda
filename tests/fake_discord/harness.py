"""Start the real Archivist bot (real discord.py client, real Archive) against FakeDiscord."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import yarl

from bot.chat.client import ArchivistBot, make_bot, use_endpoints
from bot.config import BotSettings
from bot.core import ingest
from bot.core.archive import Archive
from bot.core.errors import Duplicate
from bot.core.models import Attribution, Document, Speaker
from bot.core.workers import Readers

from .server import FakeDiscord, FakeGuild, FakeMember

# A seed article (plain text, as a server operator would ship one). It holds an
# @everyone and Markdown on purpose: neither may ping or restyle a reply.
SEED_ARTICLE = """\
Tuesday, March 5, 2024

Harbour council approves the new bridge

The harbour council approved the new bridge on Monday after a long debate about ferries and tolls.

The bridge will carry trams as well as bicycles across the estuary. \
Engineers expect construction to take three years.

A notice pinned at the town hall told @everyone that the **toll** would be _waived_ \
for residents during the first year.
"""

# An attributed article, stored directly (attribution is the core's job; these tests
# need known speakers to exercise /who, /said and autocomplete).
QUOTES_TITLE = "Lighthouse keepers warn about winter storms"
QUOTES_PARAGRAPHS = [
    "The lighthouse keepers met in Porthaven on Friday to discuss the coming winter.",
    '"The storms this year will be the worst in a decade," said Ada Lovelace, the chief keeper. '
    '"Every harbour must prepare its moorings now," Lovelace added.',
    'Grace Hopper, the port engineer, said the new sea wall would hold. "We tested it against '
    'waves of nine metres," she told reporters.',
]
QUOTE_SPEAKERS = {
    "worst in a decade": ("Ada Lovelace", "chief keeper"),
    "prepare its moorings": ("Ada Lovelace", "chief keeper"),
    "sea wall would hold": ("Grace Hopper", "port engineer"),
    "waves of nine metres": ("Grace Hopper", "port engineer"),
}


def attributed(doc: Document, speakers: dict[str, tuple[str, str | None]]) -> Document:
    """`doc` with sentences containing a key attributed to that (speaker, role)."""
    clauses: list[tuple[Attribution, ...]] = []
    for sentence in doc.sentences:
        hit = next((who for key, who in speakers.items() if key in sentence.text), None)
        clauses.append(
            (Attribution(speaker=hit[0], role=hit[1], cue="said", kind="direct", content=sentence.text),)
            if hit
            else ()
        )
    names = {name: role for name, role in speakers.values()}
    found = tuple(Speaker(name=name, role=role, aliases=(name.split()[-1],)) for name, role in names.items())
    return dataclasses.replace(doc, clauses=tuple(clauses), speakers=found)


def quotes_document(title: str = QUOTES_TITLE, paragraphs: list[str] | None = None) -> Document:
    doc = ingest.build_document(
        title, paragraphs or QUOTES_PARAGRAPHS, date="2024-11-08", source="https://example.org/storms"
    )
    return attributed(doc, QUOTE_SPEAKERS)


@dataclass
class BotHarness:
    """A running bot and the fake Discord around it, with two servers and three people."""

    fake: FakeDiscord
    bot: ArchivistBot
    archive: Archive
    guild: FakeGuild
    other_guild: FakeGuild
    alice: FakeMember  # plain member
    bob: FakeMember  # plain member
    mod: FakeMember  # has Manage Messages through the Moderators role
    config: BotSettings | None = None
    task: asyncio.Task[None] | None = None

    async def restart(self) -> None:
        """Stop the bot as a shutdown would, then start a new one (same archive, same fake
        Discord): everything the old process held in memory is gone."""
        await self.bot.close()
        if self.task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.task, 5)
        assert self.config is not None
        self.bot = make_bot(
            self.archive, self.config, commands_file=self.bot.commands_file, guild_ready_timeout=0.05
        )
        self.task = asyncio.create_task(self.bot.start("fake-token"))
        await asyncio.wait_for(self.bot.wait_until_ready(), 10)

    async def slash_reply(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user: FakeMember | None = None,
        guild: FakeGuild | None | bool = True,
        **kwargs: Any,
    ) -> dict[str, Any]:
        """Run a slash command in the main server (by default as alice) and return the reply."""
        where = self.guild if guild is True else guild or None
        interaction = await self.fake.slash(where, user or self.alice, name, options, **kwargs)  # type: ignore[arg-type]
        return await self.fake.reply(interaction)


def write_seeds(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "harbour_bridge.txt").write_text(SEED_ARTICLE, encoding="utf-8")
    return folder


@contextlib.asynccontextmanager
async def start_bot(
    tmp_path: Path,
    *,
    workers: int = 0,
    commands_file: Path | None = None,
    db: str | Path | None = None,
    **settings: Any,
) -> AsyncIterator[BotHarness]:
    """Fake Discord up, archive opened (seeded), bot connected and ready; all torn down after.
    `workers` > 0 answers questions in that many worker processes, as `archivist run` does.
    The archive is `db` (a file or a postgresql:// URL), else tmp_path/a.db."""
    db = tmp_path / "a.db" if db is None else db
    old_base, old_gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = FakeDiscord()
    await fake.start()  # first: the client does not retry a failed first connection
    guild = fake.add_guild("Harbour")
    other = fake.add_guild("Elsewhere")
    alice = fake.add_member(guild, "alice")
    bob = fake.add_member(guild, "bob")
    mod = fake.add_member(guild, "mod", moderator=True)
    for member in (alice, bob, mod):
        other.members[member.id] = FakeMember(
            member.id, member.name, [other.moderator_role] if member is mod else []
        )
    archive = await Archive.open(db, seeds=write_seeds(tmp_path / "seeds"))
    with contextlib.suppress(Duplicate):  # an archive left by an earlier start (a restart test)
        await archive.add_document(quotes_document())
    if workers:
        archive = await Readers.start(archive, db, workers)  # type: ignore[assignment]
    config = BotSettings(
        token="fake-token",
        discord_api=fake.api_base,
        discord_gateway=fake.gateway_url,
        allow_private_urls=True,
        **{"cooldown_rate": 0, "view_timeout": 30.0, **settings},
    )
    use_endpoints(config.discord_api, config.discord_gateway)
    bot = make_bot(archive, config, commands_file=commands_file, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start("fake-token"))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        harness = BotHarness(fake, bot, archive, guild, other, alice, bob, mod, config, task)
        yield harness
    finally:
        bot, task = harness.bot, harness.task or task
        await bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 5)
        await archive.close()
        await fake.close()
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway
        assert isinstance(old_gateway, yarl.URL)
