"""Hostile text from an article or a member, through every reply path: nothing restyles a reply,
nothing shows as a pill or a masked link, nothing reorders the bot's own text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.core import ingest
from tests.fake_discord.harness import BotHarness, attributed, start_bot
from tests.fake_discord.server import EPHEMERAL

# One line holding every inline construct Discord renders, plus a bidi override and a
# zero-width space. Each pair: what must never appear raw, and what must appear instead.
HOSTILE = (
    "[Free Nitro](http://evil.example/n) ||x|| **b** __u__ ~~s~~ `c` <t:1700000000:R> "
    "<:pepe:11> <#22> </ask:33> "
    "<@44> <@&55> \u202eevil\u200bword"
)
INLINE = [
    ("[Free Nitro](http://evil.example/n)", "\\[Free Nitro\\](http://evil.example/n)"),
    ("||x||", "\\|\\|x\\|\\|"),
    ("**b**", "\\*\\*b\\*\\*"),
    ("__u__", "\\_\\_u\\_\\_"),
    ("~~s~~", "\\~\\~s\\~\\~"),
    ("`c`", "\\`c\\`"),
    ("<t:1700000000:R>", "\\<t:1700000000:R>"),
    ("<:pepe:11>", "\\<:pepe:11>"),
    ("<#22>", "\\<#22>"),
    ("</ask:33>", "\\</ask:33>"),
    ("<@44>", "\\<@44>"),
    ("<@&55>", "\\<@&55>"),
]
INVISIBLE = ("\u202e", "\u200b")
# Article text whose lines start with what Discord renders only at a line start; the blank
# line before each is what defeated discord.py's escape_markdown.
LINE_STARTS = ["- a list item", "-# small print", "# A heading", "> a quote", ">>> a long quote", "1. first"]
UNESCAPED_LINE_START = re.compile(r"^[ \t]*(?:[#>+\-*]|\d+\.)", re.MULTILINE)

SPEAKER = "Mallory <@&55> **Quux**"


def unescaped(raw: str, text: str) -> bool:
    """True when `raw` occurs in `text` not preceded by a backslash (so Discord renders it)."""
    return any(text[i - 1 : i] != "\\" for i in _find_all(text, raw))


def _find_all(text: str, part: str) -> Iterator[int]:
    start = text.find(part)
    while start != -1:
        yield start
        start = text.find(part, start + 1)


def assert_inert(text: str, *, where: str, whole: bool = True) -> None:
    """Every hostile construct of HOSTILE in `text` is shown as written, none rendered."""
    for raw, shown in INLINE:
        assert not unescaped(raw, text), f"{where}: {raw!r} is rendered in {text!r}"
        assert shown in text, f"{where}: {shown!r} missing from {text!r}"
    for char in INVISIBLE:
        assert char not in text, f"{where}: invisible {unicodedata.name(char)} passed through"
    if whole:  # the invisible characters were removed, not the text around them
        assert "evilword" in text, f"{where}: {text!r}"


def texts(message: dict[str, Any]) -> list[str]:
    """Every piece of text a member sees in a message."""
    out = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        out += [embed.get("title") or "", embed.get("description") or ""]
        out += [f["value"] for f in embed.get("fields") or []]
        out.append((embed.get("footer") or {}).get("text") or "")
    return out


def containing(message: dict[str, Any], needle: str = "evil") -> list[str]:
    found = [t for t in texts(message) if needle in t]
    assert found, f"no text in the reply mentions {needle!r}: {message}"
    return found


@pytest.fixture
async def hostile(tmp_path: Path) -> AsyncIterator[BotHarness]:
    """The bot with one article whose title, text and speaker are hostile."""
    async with start_bot(tmp_path) as h:
        paragraphs = [
            f"The ferry strike ended on Monday. {HOSTILE} was painted on the quay.",
            *LINE_STARTS,
            f'"The ferries will sail again at dawn," said {SPEAKER}, the union steward.',
        ]
        doc = ingest.build_document(HOSTILE, paragraphs, date="2024-05-01", source="https://example.org/f")
        doc = attributed(doc, {"ferries will sail again": (SPEAKER, "union steward")})
        summary = await h.archive.add_document(doc, guild_id=h.guild.id)
        h.hostile_id = summary.ref.id  # type: ignore[attr-defined]
        yield h


async def test_answers_citations_and_speaker_are_inert(hostile: BotHarness) -> None:
    h = hostile
    reply = await h.slash_reply(
        "ask", {"question": "was something painted on the quay after the ferry strike"}
    )
    assert "ferry strike" in reply["embeds"][0]["description"]
    for text in containing(reply):
        assert_inert(text, where="/ask")
    # The Source button's paragraph card has the title as its embed title.
    source = await h.fake.reply(await h.fake.click(h.guild, h.alice, reply, "Source"))
    assert_inert(source["embeds"][0]["title"], where="Source title")
    assert_inert(source["embeds"][0]["description"], where="Source paragraph")

    who = await h.slash_reply("who", {"quote": "ferries will sail again at dawn"})
    said_by = next(f["value"] for f in who["embeds"][0]["fields"] if f["name"] == "Said by")
    assert said_by.startswith("Mallory \\<@&55> \\*\\*Quux\\*\\*")


async def test_said_heading_is_inert(hostile: BotHarness) -> None:
    reply = await hostile.slash_reply("said", {"person": SPEAKER})
    title = reply["embeds"][0]["title"]
    assert not unescaped("<@&", title) and not unescaped("**Quux**", title), title


async def test_article_card_title_excerpt_and_line_starts(hostile: BotHarness) -> None:
    h = hostile
    reply = await h.slash_reply("article", {"article": str(h.hostile_id)})  # type: ignore[attr-defined]
    embed = reply["embeds"][0]
    assert_inert(embed["title"], where="/article title")
    assert_inert(embed["description"], where="/article excerpt")
    source = next(f["value"] for f in embed["fields"] if f["name"] == "Source")
    assert_inert(source, where="/article Source")
    description = embed["description"]
    assert "a list item" in description and "small print" in description
    assert UNESCAPED_LINE_START.search(description) is None, description


async def test_lists_stats_and_autocomplete_are_inert(hostile: BotHarness) -> None:
    h = hostile
    listing = await h.slash_reply("articles")
    assert_inert(next(t for t in containing(listing)), where="/articles")
    stats = await h.slash_reply("stats")
    quoted = next(f["value"] for f in stats["embeds"][0]["fields"] if f["name"] == "Most quoted")
    assert "\\<@&55> \\*\\*Quux\\*\\*" in quoted and not unescaped("<@&", quoted)

    ix = await h.fake.slash(h.guild, h.alice, "article", {"article": "nitro"}, focused="article")
    labels = [c["name"] for c in (await h.fake.callback(ix)).json["data"]["choices"]]
    assert labels and all(char not in label for label in labels for char in INVISIBLE), labels
    assert any(label.startswith("[Free Nitro](http://evil.example/n)") for label in labels), labels
    ix = await h.fake.slash(h.guild, h.alice, "said", {"person": "mallory"}, focused="person")
    names = [c["name"] for c in (await h.fake.callback(ix)).json["data"]["choices"]]
    assert any("Mallory" in n for n in names)


async def test_echoes_of_member_input_are_inert(hostile: BotHarness) -> None:
    h = hostile
    # No match (the other server cannot see the article), as a slash command and a prefix command.
    reply = await h.slash_reply("ask", {"question": f"zyxwvut qwrtplk {HOSTILE}"}, guild=h.other_guild)
    assert reply["flags"] & EPHEMERAL
    assert_inert(reply["content"], where="no-match")
    start = len(h.fake.requests)
    await h.fake.message(h.other_guild, h.alice, f"!article zzqqxx {HOSTILE}")
    reply = await h.fake.channel_reply(h.other_guild.channel_id, start)
    assert reply["content"].startswith("No article here matches")
    assert_inert(reply["content"], where="!article not found")

    # A bad date in the /add form is echoed in the error.
    modal = (await h.fake.callback(await h.fake.slash(h.guild, h.mod, "add"))).json["data"]
    submit = await h.fake.submit_modal(
        h.guild, h.mod, modal, {"Title": "Pier", "Date": f"someday {HOSTILE}", "Text": "The pier closed."}
    )
    reply = await h.fake.reply(submit)
    assert "someday" in reply["content"] and not reply["embeds"]
    # (The archive quotes the date with repr(), which spells the invisible characters out.)
    assert_inert(reply["content"], where="bad date", whole=False)

    # The /add reply's title is the article's title.
    modal = (await h.fake.callback(await h.fake.slash(h.guild, h.mod, "add"))).json["data"]
    submit = await h.fake.submit_modal(
        h.guild, h.mod, modal, {"Title": HOSTILE, "Date": "", "Text": "The old pier was closed on Tuesday."}
    )
    added = await h.fake.reply(submit)
    assert added["embeds"][0]["title"].startswith("Added: ")
    assert_inert(added["embeds"][0]["title"], where="/add title")
