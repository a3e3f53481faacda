"""/verify and "did you mean" in Discord: the real bot and Archive against the fake Discord."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core import ingest
from tests.fake_discord.harness import BotHarness, attributed, start_bot
from tests.fake_discord.server import EPHEMERAL

NO_PINGS = {"parse": []}

CLINTON_PARAGRAPHS = [
    "Former President Bill Clinton said the factory closures had hurt every family in the valley.",
    "Hillary Clinton said the state needed a new rail line between Dayton and Columbus.",
]
CLINTON_SPEAKERS = {
    "factory closures": ("Bill Clinton", "former president"),
    "rail line": ("Hillary Clinton", "senator"),
}


def embed(message: dict[str, Any]) -> dict[str, Any]:
    return message["embeds"][0]


def field(message: dict[str, Any], name: str) -> str:
    return next(f["value"] for f in embed(message)["fields"] if f["name"] == name)


async def verify(h: BotHarness, quote: str, person: str | None = None, **kw: Any) -> dict[str, Any]:
    options = {"quote": quote} if person is None else {"quote": quote, "person": person}
    return await h.slash_reply("verify", options, **kw)


async def test_a_changed_word_is_a_close_paraphrase_with_the_word_marked(harness: BotHarness) -> None:
    reply = await verify(harness, "The storms this year will be the fiercest in a decade", "Lovelace")
    assert embed(reply)["title"] == "Close paraphrase"
    text = embed(reply)["description"]
    assert "attributed to Ada Lovelace" in text
    # The quote's word struck, the archive's in bold, the rest as the archive has it.
    assert "> The storms this year will be the ~~fiercest~~ **worst** in a decade\n" in text
    match = int(field(reply, "Match").rstrip("%"))
    assert 80 <= match < 97
    assert field(reply, "Said by") == "Ada Lovelace, chief keeper"
    assert "Lighthouse keepers warn about winter storms" in field(reply, "Article")
    assert reply["allowed_mentions"] == NO_PINGS and not reply["flags"] & EPHEMERAL


async def test_the_exact_words_are_verbatim_and_nothing_is_marked(harness: BotHarness) -> None:
    reply = await verify(harness, "Every harbour must prepare its moorings now", "Ada Lovelace")
    assert embed(reply)["title"].startswith("Verbatim")
    assert field(reply, "Match") == "100%"
    text = embed(reply)["description"]
    assert "~~" not in text and "prepare its moorings now" in text
    # Source shows the paragraph the wording comes from, privately.
    source = await harness.fake.reply(await harness.fake.click(harness.guild, harness.alice, reply, "Source"))
    assert source["flags"] & EPHEMERAL and "Every harbour must prepare" in embed(source)["description"]


async def test_someone_elses_words_name_who_said_them(harness: BotHarness) -> None:
    reply = await verify(harness, "We tested it against waves of nine metres", "Lovelace")
    assert embed(reply)["title"] == "Said by someone else: Grace Hopper"
    assert field(reply, "Said by") == "Grace Hopper, port engineer"
    assert field(reply, "Match") == "100%"


async def test_without_a_person_and_by_prefix(harness: BotHarness) -> None:
    fake = harness.fake
    reply = await verify(harness, "the new sea wall would hold")
    assert embed(reply)["title"].startswith("Verbatim")
    assert field(reply, "Said by") == "Grace Hopper, port engineer"

    start = len(fake.requests)
    await fake.message(
        harness.guild, harness.bob, '!verify "Every harbour must prepare its mooring lines now" Lovelace'
    )
    reply = await fake.channel_reply(harness.guild.channel_id, start)
    assert embed(reply)["title"] == "Close paraphrase"
    assert "**moorings**" in embed(reply)["description"]
    assert reply["allowed_mentions"] == NO_PINGS


async def test_person_autocompletes(harness: BotHarness) -> None:
    fake = harness.fake
    ix = await fake.slash(
        harness.guild, harness.alice, "verify", {"quote": "storms", "person": "hopp"}, focused="person"
    )
    callback = await fake.callback(ix)
    assert callback.json["type"] == 8
    assert callback.json["data"]["choices"][0]["value"] == "Grace Hopper"


async def test_only_this_servers_articles_and_never_a_ping(tmp_path: Path) -> None:
    async with start_bot(tmp_path) as h:
        doc = ingest.build_document(
            "Elsewhere news",
            ['"The ferry tolls will double next spring," said Mira Stone, the ferry manager.'],
            date="2024-12-01",
        )
        await h.archive.add_document(
            attributed(doc, {"ferry tolls": ("Mira Stone", "ferry manager")}), guild_id=h.other_guild.id
        )
        quote = "@everyone the ferry tolls will double next spring"
        there = await verify(h, quote, "Mira Stone", guild=h.other_guild)
        assert embed(there)["title"].startswith("Close paraphrase") or embed(there)["title"].startswith(
            "Verbatim"
        )
        assert field(there, "Said by") == "Mira Stone, ferry manager"

        here = await verify(h, quote, "Mira Stone")
        assert embed(here)["title"] == "Not in the archive"
        assert "Said by" not in str(embed(here)["fields"]) and "Article" not in str(embed(here)["fields"])
        assert "I know nobody here called \u201cMira Stone\u201d" in embed(here)["description"]
        assert "@everyone" in embed(here)["description"]  # shown as written, never a ping
        assert here["allowed_mentions"] == NO_PINGS and there["allowed_mentions"] == NO_PINGS


async def test_said_a_shared_surname_offers_both_people(harness: BotHarness) -> None:
    doc = ingest.build_document("Two Clintons in Dayton", CLINTON_PARAGRAPHS, date="2024-10-01")
    await harness.archive.add_document(attributed(doc, CLINTON_SPEAKERS), guild_id=harness.guild.id)

    reply = await harness.slash_reply("said", {"person": "Clinton"})
    shown = embed(reply)["title"].removeprefix("What ").removesuffix(" said")
    assert shown in {"Bill Clinton", "Hillary Clinton"}
    other = ({"Bill Clinton", "Hillary Clinton"} - {shown}).pop()
    # The reply names the other Clinton and how to ask for them.
    assert f"Did you mean **{other}**?" in reply["content"]
    assert f"Try /said {other}." in reply["content"]
    assert reply["allowed_mentions"] == NO_PINGS

    # A full name fits one person: no suggestion.
    exact = await harness.slash_reply("said", {"person": "Hillary Clinton"})
    assert embed(exact)["title"] == "What Hillary Clinton said" and not exact.get("content")

    # By prefix, the suggestion says how to ask with the prefix.
    start = len(harness.fake.requests)
    await harness.fake.message(harness.guild, harness.bob, "!said Clinton")
    prefixed = await harness.fake.channel_reply(harness.guild.channel_id, start)
    assert f"Try !said {other}." in prefixed["content"]

    # Another server does not have these Clintons: no suggestion of them there.
    elsewhere = await harness.slash_reply("said", {"person": "Clinton"}, guild=harness.other_guild)
    assert elsewhere["flags"] & EPHEMERAL and "Clinton" not in str(elsewhere.get("embeds"))


async def test_who_names_the_others_who_said_the_same(harness: BotHarness) -> None:
    doc = ingest.build_document(
        "Rivals agree on the bridge",
        [
            "Mayor Anna Keller said the old bridge over the Velm river must be replaced before winter.",
            "Councillor Tomas Reyes said the old bridge over the Velm river must be replaced "
            "before the winter.",
        ],
        date="2024-10-02",
    )
    speakers = {"Keller": ("Anna Keller", "mayor"), "Reyes": ("Tomas Reyes", "councillor")}
    await harness.archive.add_document(attributed(doc, speakers), guild_id=harness.guild.id)
    reply = await harness.slash_reply("who", {"quote": "the old bridge over the Velm river must be replaced"})
    top = field(reply, "Said by").split(",")[0]
    other = ({"Anna Keller", "Tomas Reyes"} - {top}).pop()
    assert reply["content"] == f"Also close: **{other}** said much the same."
    # Paging edits the embed only: the line stays with the answer.
    more = await harness.fake.reply(await harness.fake.click(harness.guild, harness.alice, reply, "More"))
    assert harness.fake.messages[int(more["id"])]["content"] == reply["content"]
    assert field(more, "Said by").split(",")[0] == other


async def test_verify_is_cooled_down_like_the_other_searches(tmp_path: Path) -> None:
    async with start_bot(tmp_path, cooldown_rate=1, cooldown_seconds=60) as h:
        assert (await verify(h, "the new sea wall would hold"))["embeds"]
        second = await verify(h, "the new sea wall would hold")
        assert second["flags"] & EPHEMERAL and "try again in" in second["content"]
