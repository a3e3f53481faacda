"""Moderators adding and removing articles, end to end (real client, real Archive, fake Discord)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.core.errors import NotFound
from tests.fake_discord.harness import BotHarness, start_bot
from tests.fake_discord.server import EPHEMERAL

ARTICLE_MD = """\
# Ferry strike ends after two weeks

The ferry crews returned to work on Saturday after the union accepted a new pay offer.

"We are glad the boats are running again," said Mira Okafor, the union secretary.
"""

ARTICLE_HTML = """<!doctype html><html><head><title>Tidal power plant opens</title>
<meta name="date" content="2024-07-15"></head><body><article>
<h1>Tidal power plant opens</h1>
<p>The tidal power plant in the north bay began feeding the grid on Monday morning.</p>
<p>Its twelve turbines turn with the flood and the ebb, engineers explained at the opening.</p>
<p>The plant is expected to supply electricity to forty thousand homes in the region.</p>
</article></body></html>"""


@pytest.fixture
async def site() -> AsyncIterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 serving one article page; yields its URL and the paths requested."""
    hits: list[str] = []

    async def page(request: web.Request) -> web.Response:
        hits.append(request.path)
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    async def moved(request: web.Request) -> web.Response:
        hits.append(request.path)
        raise web.HTTPFound("/tidal")

    app = web.Application()
    app.router.add_get("/tidal", page)
    app.router.add_get("/old-link", moved)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}", hits
    await runner.cleanup()


def title(message: dict[str, Any]) -> str:
    return message["embeds"][0]["title"]


def field(message: dict[str, Any], name: str) -> str:
    return next(f["value"] for f in message["embeds"][0]["fields"] if f["name"] == name)


async def count(h: BotHarness, guild_id: int | None) -> int:
    return (await h.archive.articles(guild_id=guild_id))[1]


async def test_add_by_attachment_slash(harness: BotHarness) -> None:
    h = harness
    attachment = h.fake.add_attachment("ferry.md", ARTICLE_MD.encode(), "text/markdown; charset=utf-8")
    ix = await h.fake.slash(h.guild, h.mod, "add", attachments={"file": attachment})
    assert (await h.fake.callback(ix)).json["type"] == 5  # deferred before the slow part
    reply = await h.fake.reply(ix)
    assert title(reply) == "Added: Ferry strike ends after two weeks"
    assert [r.path for r in h.fake.requests if r.path.startswith("/attachments/")] == [
        f"/attachments/{attachment['id']}/ferry.md"
    ]
    assert field(reply, "Sentences") == "2"
    assert reply["allowed_mentions"] == {"parse": []}
    answer = await h.slash_reply("ask", {"question": "when did the ferry crews return to work?"})
    assert "pay offer" in answer["embeds"][0]["description"]


async def test_add_by_url_follows_redirect(harness: BotHarness, site: tuple[str, list[str]]) -> None:
    h = harness
    base, hits = site
    ix = await h.fake.slash(h.guild, h.mod, "add", {"url": f"{base}/old-link"})
    reply = await h.fake.reply(ix)
    assert title(reply) == "Added: Tidal power plant opens"
    assert hits == ["/old-link", "/tidal"]
    answer = await h.slash_reply("ask", {"question": "how many homes will the tidal plant supply?"})
    assert "forty thousand homes" in answer["embeds"][0]["description"]
    assert f"{base}/tidal" in next(
        f["value"] for f in answer["embeds"][0]["fields"] if f["name"] == "Article"
    )


async def test_add_by_url_keeps_no_secret(harness: BotHarness, site: tuple[str, list[str]]) -> None:
    h = harness
    base, hits = site
    with_password = base.replace("http://", "http://user:hunter2@") + "/tidal"
    reply = await h.fake.reply(await h.fake.slash(h.guild, h.mod, "add", {"url": with_password}))
    assert reply["content"] == "Links with a user name or password in them cannot be added."
    assert hits == []  # nothing was sent to the site, so no Basic auth either

    reply = await h.fake.reply(
        await h.fake.slash(h.guild, h.mod, "add", {"url": f"{base}/tidal?id=7&token=s3cr3t&sig=abc"})
    )
    assert title(reply) == "Added: Tidal power plant opens"
    assert "s3cr3t" not in str(reply) and f"{base}/tidal?id=7" in field(reply, "Source")
    answer = await h.slash_reply("ask", {"question": "how many homes will the tidal plant supply?"})
    assert "s3cr3t" not in str(answer["embeds"]) and "sig=" not in str(answer["embeds"])
    exported = [a async for a in h.archive.export(guild_id=h.guild.id)]
    assert any("Tidal" in str(a) for a in exported)
    assert all("s3cr3t" not in str(a) for a in exported)


async def test_add_by_url_refused_for_wrong_type(harness: BotHarness, site: tuple[str, list[str]]) -> None:
    h = harness
    before = await count(h, h.guild.id)
    ix = await h.fake.slash(h.guild, h.mod, "add", {"url": "ftp://example.org/x.txt"})
    reply = await h.fake.reply(ix)
    assert reply["content"] == "Only http and https links can be added."
    # The public "thinking" message of the deferral is removed; the error itself is private.
    assert reply["flags"] & EPHEMERAL
    deleted = [r for r in h.fake.requests if r.method == "DELETE" and r.path.endswith("/messages/@original")]
    assert [r.path.split("/")[3] for r in deleted] == [ix.token]
    assert await count(h, h.guild.id) == before


async def test_add_by_form(harness: BotHarness) -> None:
    h = harness
    ix = await h.fake.slash(h.guild, h.mod, "add")
    callback = await h.fake.callback(ix)
    assert callback.json["type"] == 9
    modal = callback.json["data"]
    labels = [c["components"][0]["label"] for c in modal["components"]]
    assert labels == ["Title", "Date", "Text"]
    text = "The old pier was closed on Tuesday. Inspectors found rust in the pillars."
    submit = await h.fake.submit_modal(
        h.guild, h.mod, modal, {"Title": "Old pier closed", "Date": "2024-09-03", "Text": text}
    )
    reply = await h.fake.reply(submit)
    assert title(reply) == "Added: Old pier closed"
    assert field(reply, "Date") == "2024-09-03"
    answer = await h.slash_reply("ask", {"question": "why was the old pier closed?"})
    assert "rust" in answer["embeds"][0]["description"]


async def test_form_with_bad_date_says_so(harness: BotHarness) -> None:
    h = harness
    modal = (await h.fake.callback(await h.fake.slash(h.guild, h.mod, "add"))).json["data"]
    submit = await h.fake.submit_modal(
        h.guild,
        h.mod,
        modal,
        {"Title": "Pier", "Date": "someday soon", "Text": "The pier closed. It rained."},
    )
    reply = await h.fake.reply(submit)
    assert "someday soon" in reply["content"] and not reply["embeds"]
    assert reply["flags"] & EPHEMERAL


async def test_prefix_add_with_attachment_and_with_url(
    harness: BotHarness, site: tuple[str, list[str]]
) -> None:
    h = harness
    fake = h.fake
    attachment = fake.add_attachment("ferry.txt", ARTICLE_MD.encode(), "text/plain; charset=utf-8")
    start = len(fake.requests)
    await fake.message(h.guild, h.mod, "!add", attachments=[attachment])
    reply = await fake.channel_reply(h.guild.channel_id, start)
    assert title(reply).startswith("Added: Ferry strike ends")

    start = len(fake.requests)
    await fake.message(h.guild, h.mod, f"!add {site[0]}/tidal")
    reply = await fake.channel_reply(h.guild.channel_id, start)
    assert title(reply) == "Added: Tidal power plant opens"
    assert await count(h, h.guild.id) == 4


async def test_attachment_of_wrong_type_refused(harness: BotHarness) -> None:
    h = harness
    attachment = h.fake.add_attachment("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
    reply = await h.fake.reply(await h.fake.slash(h.guild, h.mod, "add", attachments={"file": attachment}))
    assert reply["flags"] & EPHEMERAL
    assert reply["content"] == "Only text, Markdown or HTML files can be added."


async def test_plain_member_is_refused_and_archive_unchanged(
    harness: BotHarness, site: tuple[str, list[str]], caplog: Any
) -> None:
    h = harness
    base, hits = site
    before = await count(h, h.guild.id)
    reply = await h.fake.reply(await h.fake.slash(h.guild, h.alice, "add", {"url": f"{base}/tidal"}))
    assert reply["flags"] & EPHEMERAL
    assert reply["content"].startswith("Only moderators")
    # The form is refused too, before it opens.
    reply = await h.fake.reply(await h.fake.slash(h.guild, h.alice, "add"))
    assert reply["content"].startswith("Only moderators")
    start = len(h.fake.requests)
    await h.fake.message(h.guild, h.bob, f"!add {base}/tidal")
    reply = await h.fake.channel_reply(h.guild.channel_id, start)
    assert reply["content"].startswith("Only moderators")
    assert hits == [], "nothing may be fetched for a refused member"
    assert await count(h, h.guild.id) == before
    assert any("refused moderator command" in r.getMessage() for r in caplog.records)


async def test_moderator_role_by_name(tmp_path: Path) -> None:
    async with start_bot(tmp_path, mod_role="Editors") as h:
        editor = h.fake.add_member(h.guild, "eve", editor=True)
        modal = await h.fake.callback(await h.fake.slash(h.guild, editor, "add"))
        assert modal.json["type"] == 9
        # Visible to role holders: no default_member_permissions when a role is configured.
        add = next(c for c in h.fake.commands["global"] if c["name"] == "add")
        assert add.get("default_member_permissions") is None
        reply = await h.fake.reply(await h.fake.slash(h.guild, h.alice, "add"))
        assert "Editors" in reply["content"]


async def test_two_servers_do_not_see_each_others_additions(harness: BotHarness) -> None:
    h = harness
    attachment = h.fake.add_attachment("ferry.md", ARTICLE_MD.encode(), "text/markdown")
    await h.fake.reply(await h.fake.slash(h.guild, h.mod, "add", attachments={"file": attachment}))
    question = {"question": "what pay offer did the union accept?"}
    here = await h.slash_reply("ask", question)
    assert "union accepted a new pay offer" in here["embeds"][0]["description"]
    elsewhere = await h.slash_reply("ask", question, guild=h.other_guild)
    assert "union accepted" not in str(elsewhere)
    dm = await h.slash_reply("ask", question, guild=None)
    assert "union accepted" not in str(dm)
    listing = await h.slash_reply("articles", guild=h.other_guild)
    assert "Ferry strike" not in listing["embeds"][0]["description"]
    # The same text may be added in the other server: it is that server's own copy.
    attachment = h.fake.add_attachment("ferry.md", ARTICLE_MD.encode(), "text/markdown")
    reply = await h.fake.reply(
        await h.fake.slash(h.other_guild, h.mod, "add", attachments={"file": attachment})
    )
    assert title(reply).startswith("Added:")


async def test_remove_with_confirmation(harness: BotHarness) -> None:
    h = harness
    attachment = h.fake.add_attachment("ferry.md", ARTICLE_MD.encode(), "text/markdown")
    added = await h.fake.reply(await h.fake.slash(h.guild, h.mod, "add", attachments={"file": attachment}))
    article_id = int(added["embeds"][0]["footer"]["text"].removeprefix("Article #"))

    ix = await h.fake.slash(h.guild, h.mod, "remove", {"article": "ferry"}, focused="article")
    choices = (await h.fake.callback(ix)).json["data"]["choices"]
    assert choices[0]["value"] == str(article_id)

    confirm = await h.fake.reply(await h.fake.slash(h.guild, h.mod, "remove", {"article": str(article_id)}))
    assert confirm["flags"] & EPHEMERAL and "Ferry strike" in confirm["content"]
    cancel = await h.fake.reply(await h.fake.click(h.guild, h.mod, confirm, "Cancel"))
    assert cancel["content"] == "Nothing was removed." and cancel["components"] == []
    assert (await h.archive.article(article_id, guild_id=h.guild.id)).ref.id == article_id

    confirm = await h.fake.reply(await h.fake.slash(h.guild, h.mod, "remove", {"article": str(article_id)}))
    done = await h.fake.reply(await h.fake.click(h.guild, h.mod, confirm, "Remove"))
    assert done["content"].startswith("Removed") and done["components"] == []
    with pytest.raises(NotFound):
        await h.archive.article(article_id, guild_id=h.guild.id)


async def test_remove_refuses_seeds_and_plain_members(harness: BotHarness) -> None:
    h = harness
    reply = await h.fake.reply(await h.fake.slash(h.guild, h.mod, "remove", {"article": "1"}))
    assert reply["content"] == "That article was not added in this server, so it cannot be removed here."
    reply = await h.fake.reply(await h.fake.slash(h.guild, h.alice, "remove", {"article": "1"}))
    assert reply["content"].startswith("Only moderators")
    assert await count(h, None) == 2


async def test_too_large_and_duplicate_are_one_sentence(tmp_path: Path) -> None:
    async with start_bot(tmp_path, fetch_max_bytes=100) as h:
        big = h.fake.add_attachment("ferry.md", ARTICLE_MD.encode(), "text/markdown")
        reply = await h.fake.reply(await h.fake.slash(h.guild, h.mod, "add", attachments={"file": big}))
        assert reply["content"] == "The file is larger than the 0.0001 MB limit."
        assert not [r for r in h.fake.requests if r.path.startswith("/attachments/")], "not even downloaded"
    async with start_bot(tmp_path / "again") as h:
        for expected in ("Added: Ferry strike", "That article is already in the archive"):
            attachment = h.fake.add_attachment("ferry.md", ARTICLE_MD.encode(), "text/markdown")
            reply = await h.fake.reply(
                await h.fake.slash(h.guild, h.mod, "add", attachments={"file": attachment})
            )
            assert expected in str(reply["embeds"][0]["title"] if reply["embeds"] else reply["content"])
