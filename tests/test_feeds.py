"""Feeds: following, polling and announcing, against feeds served on 127.0.0.1 by the test.
Each test that opens an archive runs on SQLite and on PostgreSQL (conftest's new_archive)."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace

import pytest
from aiohttp import web

from bot.core import fetch as fetch_module
from bot.core.archive import Archive
from bot.core.errors import BadFeed, Duplicate, FetchError, NotFound
from bot.core.feeds import FeedSettings, parse_feed

GUILD, OTHER = 111, 222


def story(n: int, words: str = "") -> str:
    return (
        f"Harbour story number {n}\n\n"
        f"The harbour board met on day {n} to talk about the quay {words}. "
        f'"We will rebuild berth {n} before winter," said Mara Quist, the harbour master.\n\n'
        f"Work on berth {n} starts next month and should take about {n + 2} weeks."
    )


def rss(items: list[tuple[str, str | None, str]], title: str = "Harbour News") -> bytes:
    """An RSS 2.0 feed of (guid, link or None, title) items, newest first."""
    parts = [f"<rss version='2.0'><channel><title>{title}</title><link>http://example.org/</link>"]
    for guid, link, item_title in items:
        link_xml = f"<link>{link}</link>" if link else ""
        text = f"&lt;p&gt;{item_title} in full: {story(len(guid))}&lt;/p&gt;"
        body = "" if link else f"<description>{text}</description>"
        parts.append(
            f"<item><title>{item_title}</title><guid isPermaLink='false'>{guid}</guid>{link_xml}"
            f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>{body}</item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def atom(entries: list[tuple[str, str]]) -> bytes:
    """An Atom feed of (id, link) entries."""
    body = "".join(
        f"<entry><id>{eid}</id><title>Entry {eid}</title><link href='{link}'/>"
        "<updated>2024-03-06T08:00:00Z</updated></entry>"
        for eid, link in entries
    )
    return (
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Atom Harbour</title>"
        f"<id>urn:x</id><updated>2024-03-06T08:00:00Z</updated>{body}</feed>"
    ).encode()


@dataclass
class Site:
    """A loopback site: feeds and pages it serves, and every request it got."""

    base: str = ""
    feeds: dict[str, tuple[bytes, str, str | None]] = field(default_factory=dict)  # path -> body, type, etag
    pages: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    hits: list[tuple[str, str | None]] = field(default_factory=list)  # (path, If-None-Match)

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [p for p, _ in self.hits]


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    state = Site()

    async def handle(request: web.Request) -> web.StreamResponse:
        path = request.path
        state.hits.append((path, request.headers.get("If-None-Match")))
        if path in state.redirects:
            raise web.HTTPFound(state.redirects[path])
        if path in state.feeds:
            body, content_type, etag = state.feeds[path]
            if etag and request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers={"ETag": etag})
            headers = {"Content-Type": content_type, **({"ETag": etag} if etag else {})}
            return web.Response(body=body, headers=headers)
        if path in state.pages:
            return web.Response(text=state.pages[path], content_type="text/plain")
        return web.Response(status=404, text="gone")

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    state.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield state
    await runner.cleanup()


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def archive(new_archive: Callable[[], str]) -> AsyncIterator[Archive]:
    async with await Archive.open(new_archive()) as opened:
        opened.feeds.configure(FeedSettings(allow_private=True, min_interval=60, interval=600))
        opened.feeds.clock = Clock()
        yield opened


def serve_stories(site: Site, numbers: range | list[int]) -> list[tuple[str, str, str]]:
    items = []
    for n in numbers:
        site.pages[f"/story/{n}"] = story(n)
        items.append((f"guid-{n}", site.url(f"/story/{n}"), f"Berth {n} to be rebuilt"))
    return items[::-1]  # newest first, as feeds list them


async def test_new_items_are_added_in_the_feeds_scope_only(archive: Archive, site: Site) -> None:
    site.feeds["/feed.xml"] = (rss(serve_stories(site, [1, 2])), "application/rss+xml", '"v1"')
    info = await archive.feeds.follow(site.url("/feed.xml"), guild_id=GUILD)
    assert info.feed.title == "Harbour News" and info.feed.guild_id == GUILD
    (result,) = await archive.feeds.poll_due()
    assert result.status == "new" and result.error is None
    # The oldest first, so article numbers follow the feed's order.
    assert [s.ref.title for s in result.added] == ["Berth 1 to be rebuilt", "Berth 2 to be rebuilt"]
    assert result.added[0].ref.date == "2024-03-05" and result.added[0].ref.source == site.url("/story/1")
    assert result.added[0].guild_id == GUILD
    here = await archive.who("We will rebuild berth 2 before winter", guild_id=GUILD)
    assert here.answers and here.answers[0].article.title == "Berth 2 to be rebuilt"
    elsewhere = await archive.who("We will rebuild berth 2 before winter", guild_id=OTHER)
    shown = elsewhere.answers + elsewhere.suggestions
    assert not any(a.article.title == "Berth 2 to be rebuilt" for a in shown)
    (listed,) = await archive.feeds.followed(guild_id=GUILD)
    assert listed.articles == 2 and await archive.feeds.followed(guild_id=OTHER) == []
    # Not due again until its interval has passed: nothing is fetched.
    before = len(site.hits)
    assert await archive.feeds.poll_due() == []
    assert len(site.hits) == before


async def test_atom_feeds_are_read_too(archive: Archive, site: Site) -> None:
    site.pages["/a1"] = story(7)
    site.feeds["/atom"] = (atom([("urn:1", "/a1")]), "application/atom+xml", None)
    parsed = parse_feed(site.feeds["/atom"][0], site.url("/atom"), "application/atom+xml")
    assert parsed.title == "Atom Harbour"
    # The relative link is resolved against the feed's own address.
    assert [(i.key, i.link, i.date) for i in parsed.items] == [("urn:1", site.url("/a1"), "2024-03-06")]
    await archive.feeds.follow(site.url("/atom"))
    (result,) = await archive.feeds.poll_due()
    assert [(s.ref.title, s.ref.source, s.guild_id) for s in result.added] == [
        ("Entry urn:1", site.url("/a1"), None)
    ]


async def test_repeated_items_are_skipped_by_id_then_by_text(archive: Archive, site: Site) -> None:
    items = serve_stories(site, [1, 2])
    site.feeds["/feed.xml"] = (rss(items), "application/rss+xml", '"v1"')
    await archive.feeds.follow(site.url("/feed.xml"), guild_id=GUILD)
    await archive.feeds.poll_all()
    # Unchanged: the conditional request gets a 304 and no item is fetched again.
    site.hits.clear()
    (result,) = await archive.feeds.poll_all()
    assert result.status == "unchanged" and not result.added
    assert site.hits == [("/feed.xml", '"v1"')]
    # Changed: one new item, one item under a new id whose text is already stored, the old two.
    site.pages["/story/3"] = story(3)
    site.pages["/copy-of-1"] = story(1)
    new = [("guid-3", site.url("/story/3"), "Berth 3"), ("guid-1b", site.url("/copy-of-1"), "Berth 1 again")]
    site.feeds["/feed.xml"] = (rss(new + items), "application/rss+xml", '"v2"')
    site.hits.clear()
    (result,) = await archive.feeds.poll_all()
    assert [s.ref.title for s in result.added] == ["Berth 3"]
    assert result.seen == 2 and result.duplicates == 1
    assert sorted(site.paths()) == ["/copy-of-1", "/feed.xml", "/story/3"]  # guid-1 and guid-2 not fetched
    assert (await archive.stats(guild_id=GUILD)).articles == 3


async def test_a_broken_feed_is_refused_and_backs_off_without_stopping_the_others(
    archive: Archive, site: Site
) -> None:
    site.feeds["/broken"] = (b"<rss version='2.0'><channel><title>Half", "application/rss+xml", None)
    site.feeds["/page"] = (b"<html><body><p>Just a page.</p></body></html>", "text/html", None)
    with pytest.raises(BadFeed, match="cannot be read"):
        await archive.feeds.follow(site.url("/broken"), guild_id=GUILD)
    with pytest.raises(BadFeed, match="is not an RSS or Atom feed"):
        await archive.feeds.follow(site.url("/page"), guild_id=GUILD)
    assert await archive.feeds.followed(guild_id=GUILD) == []

    site.feeds["/good"] = (rss(serve_stories(site, [4])), "application/rss+xml", None)
    site.feeds["/turns-bad"] = (rss(serve_stories(site, [5])), "application/rss+xml", None)
    bad = await archive.feeds.follow(site.url("/turns-bad"), guild_id=GUILD)
    await archive.feeds.follow(site.url("/good"), guild_id=GUILD)
    site.feeds["/turns-bad"] = site.feeds["/broken"]
    clock: Clock = archive.feeds.clock  # type: ignore[assignment]
    results = {r.feed.url: r for r in await archive.feeds.poll_due()}
    assert results[site.url("/good")].added and results[site.url("/good")].error is None
    failed = results[site.url("/turns-bad")]
    assert failed.status == "failed" and "cannot be read" in (failed.error or "")
    assert failed.next_poll == clock.now + 2 * 600  # the interval, doubled after one failure
    stored = (await archive.feeds.find(str(bad.feed.id), guild_id=GUILD)).feed
    assert stored.failures == 1 and "cannot be read" in (stored.last_error or "")
    clock.now += 601  # the good feed is due again; the failing one waits twice as long
    assert [r.feed.url for r in await archive.feeds.poll_due()] == [site.url("/good")]
    clock.now += 600
    (again,) = [r for r in await archive.feeds.poll_due() if r.feed.url == site.url("/turns-bad")]
    assert again.status == "failed" and again.next_poll == clock.now + 4 * 600  # doubled again
    site.feeds["/turns-bad"] = (rss(serve_stories(site, [5])), "application/rss+xml", None)
    clock.now += 2401
    (healed,) = [r for r in await archive.feeds.poll_due() if r.feed.url == site.url("/turns-bad")]
    assert healed.status == "new" and len(healed.added) == 1
    assert (await archive.feeds.find(str(bad.feed.id), guild_id=GUILD)).feed.failures == 0


async def test_a_feed_or_item_that_redirects_to_a_private_address_is_refused(
    archive: Archive, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Loopback counts as public here (the test site lives there), so only the redirect's
    # target is private: as in tests/test_fetch.py.
    real = fetch_module._refused
    monkeypatch.setattr(
        fetch_module, "_refused", lambda a: False if ipaddress.ip_address(a).is_loopback else real(a)
    )
    archive.feeds.configure(replace(archive.feeds.settings, allow_private=False))
    site.redirects["/moved"] = "http://10.0.0.7/feed.xml"
    with pytest.raises(FetchError, match="private or local address"):
        await archive.feeds.follow(site.url("/moved"), guild_id=GUILD)
    site.redirects["/story/9"] = "http://169.254.169.254/latest/meta-data/"
    items = serve_stories(site, [8]) + [("guid-9", site.url("/story/9"), "Metadata")]
    site.feeds["/feed.xml"] = (rss(items), "application/rss+xml", None)
    await archive.feeds.follow(site.url("/feed.xml"), guild_id=GUILD)
    (result,) = await archive.feeds.poll_due()
    assert [s.ref.title for s in result.added] == ["Berth 8 to be rebuilt"]
    assert result.refused == [("Metadata", result.refused[0][1])]
    assert "private or local address" in result.refused[0][1]
    assert (await archive.stats(guild_id=GUILD)).articles == 1
    # An existing feed that starts redirecting to a private address fails, and backs off.
    site.redirects["/feed.xml"] = "http://192.168.1.1/feed.xml"
    (result,) = await archive.feeds.poll_all()
    assert result.status == "failed" and "private or local address" in (result.error or "")


async def test_a_huge_feed_is_refused_and_a_long_one_is_added_a_batch_a_poll(
    archive: Archive, site: Site
) -> None:
    archive.feeds.configure(replace(archive.feeds.settings, feed_max_bytes=20_000, items_per_poll=4))
    huge = rss([(f"g{i}", None, f"Item {i}") for i in range(200)])
    assert len(huge) > 20_000
    site.feeds["/huge"] = (huge, "application/rss+xml", None)
    with pytest.raises(Exception, match="larger than the 0.02 MB limit"):
        await archive.feeds.follow(site.url("/huge"), guild_id=GUILD)
    # Ten items carried in the feed itself (no links): four a poll, newest first.
    long = rss([(f"long-{i}" + "x" * i, None, f"Long item {i}") for i in range(10)])
    site.feeds["/long"] = (long, "application/rss+xml", '"same"')
    await archive.feeds.follow(site.url("/long"), guild_id=GUILD)
    (first,) = await archive.feeds.poll_all()
    assert len(first.added) == 4 and first.left == 6
    site.hits.clear()
    (second,) = await archive.feeds.poll_all()
    # The validators were not kept: the whole feed came again (no 304 hiding the rest).
    assert site.hits == [("/long", None)]
    assert len(second.added) == 4 and second.seen == 4 and second.left == 2
    (third,) = await archive.feeds.poll_all()
    assert len(third.added) == 2 and third.left == 0
    added = first.added + second.added + third.added
    assert {s.ref.title for s in added} == {f"Long item {i}" for i in range(10)}
    site.hits.clear()
    (fourth,) = await archive.feeds.poll_all()
    assert fourth.status == "unchanged" and site.hits == [("/long", '"same"')]


async def test_announcements_only_where_a_channel_was_named_and_once(archive: Archive, site: Site) -> None:
    site.feeds["/loud"] = (rss(serve_stories(site, [1])), "application/rss+xml", None)
    site.feeds["/quiet"] = (rss(serve_stories(site, [2])), "application/rss+xml", None)
    await archive.feeds.follow(site.url("/loud"), guild_id=GUILD, announce_channel=555)
    await archive.feeds.follow(site.url("/quiet"), guild_id=OTHER)
    await archive.feeds.poll_due()
    assert await archive.feeds.claim_announcements([OTHER]) == []
    (owed,) = await archive.feeds.claim_announcements([GUILD, OTHER])
    assert (owed.guild_id, owed.channel_id, owed.feed_title) == (GUILD, 555, "Harbour News")
    assert (await archive.article(owed.article_id, guild_id=GUILD)).ref.title == "Berth 1 to be rebuilt"
    assert await archive.feeds.claim_announcements([GUILD, OTHER]) == []  # claimed once


async def test_follow_unfollow_and_scope(archive: Archive, site: Site) -> None:
    site.feeds["/feed.xml"] = (rss(serve_stories(site, [1])), "application/rss+xml", None)
    mine = await archive.feeds.follow(site.url("/feed.xml"), guild_id=GUILD)
    with pytest.raises(Duplicate, match=f"already followed here, as feed #{mine.feed.id}"):
        await archive.feeds.follow(site.url("/feed.xml"), guild_id=GUILD)
    theirs = await archive.feeds.follow(site.url("/feed.xml"), guild_id=OTHER)  # its own follow
    with pytest.raises(BadFeed, match="every 1 minutes at most often"):
        await archive.feeds.follow(site.url("/feed.xml"), interval=5)
    with pytest.raises(NotFound):
        await archive.feeds.unfollow(str(theirs.feed.id), guild_id=GUILD)  # another server's
    with pytest.raises(NotFound):
        await archive.feeds.unfollow(f"#{mine.feed.id}")  # the command line's scope is its own
    gone = await archive.feeds.unfollow(site.url("/feed.xml"), guild_id=GUILD)
    assert gone.feed.id == mine.feed.id
    assert [i.feed.id for i in await archive.feeds.followed(guild_id=OTHER)] == [theirs.feed.id]
    assert await archive.feeds.followed(guild_id=GUILD) == []


async def test_a_claimed_feed_is_not_polled_by_a_second_poller(
    new_archive: Callable[[], str], site: Site
) -> None:
    """Two processes on one archive (two Archives here): a due feed goes to one of them."""
    site.feeds["/feed.xml"] = (rss(serve_stories(site, [1, 2])), "application/rss+xml", None)
    db = new_archive()
    async with await Archive.open(db) as one, await Archive.open(db) as two:
        for a in (one, two):
            a.feeds.configure(FeedSettings(allow_private=True))
        await one.feeds.follow(site.url("/feed.xml"))
        first = await one.feeds.poll_due()
        second = await two.feeds.poll_due()
        assert len(first) == 1 and second == []
        assert len(first[0].added) == 2


def test_entity_tricks_neither_expand_nor_read_files() -> None:
    """An entity bomb (a few hundred bytes that would expand to megabytes) and an external
    entity (a local file): feedparser's XML reader refuses the first (then reads the feed
    leniently, without expanding it) and never resolves the second."""
    levels = ['<!ENTITY a "' + "a" * 64 + '">'] + [
        f'<!ENTITY {b} "{("&" + a + ";") * 16}">' for a, b in zip("abcdef", "bcdefg", strict=True)
    ]
    bomb = (
        f"<?xml version='1.0'?><!DOCTYPE rss [{''.join(levels)}]><rss version='2.0'><channel>"
        "<title>&g;</title><item><title>x</title><guid>1</guid><description>&g;</description>"
        "</item></channel></rss>"
    ).encode()
    parsed = parse_feed(bomb, "http://example.org/feed")
    assert len(parsed.title or "") < 100 and all(len(i.content or "") < 100 for i in parsed.items)
    external = (
        b"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM 'file:///etc/hostname'>]>"
        b"<rss version='2.0'><channel><title>T</title><item><title>&x;</title><guid>1</guid>"
        b"<description>d</description></item></channel></rss>"
    )
    (item,) = parse_feed(external, "http://example.org/feed").items
    assert item.title is None


async def test_pollers_claiming_at_once_never_take_the_same_feed(new_archive: Callable[[], str]) -> None:
    """Two processes' claims racing (two Archives, each its own connections): every due feed
    is claimed by exactly one of them."""
    db = new_archive()
    async with await Archive.open(db) as one, await Archive.open(db) as two:
        for n in range(40):
            await one._store.add_feed(None, f"http://example.org/{n}", None, None, 600, 1000.0)
        claims = await asyncio.gather(
            *(a._store.claim_due(2000.0, 600.0, limit=7) for a in (one, two) for _ in range(4))
        )
        ids = [f.id for claim in claims for f in claim]
        assert len(ids) == len(set(ids)) and len(ids) == 40
        assert all(f.next_poll == 2600.0 for claim in claims for f in claim)
        assert await one._store.claim_due(2000.0, 600.0, limit=100) == []  # all leased
