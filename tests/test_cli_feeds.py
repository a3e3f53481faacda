"""`archivist follow|unfollow|feeds|poll` end to end, against feeds served on 127.0.0.1 (a
server thread: the command line runs its own event loop), on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.core.archive import Archive
from tests.test_feeds import rss, story

REPO = Path(__file__).resolve().parent.parent


class FeedSite:
    """What the server thread serves: path -> (body, content type, ETag or None)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[bytes, str, str | None]] = {}
        self.hits: list[str] = []
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def stories(self, numbers: list[int]) -> list[tuple[str, str | None, str]]:
        for n in numbers:
            self.routes[f"/story/{n}"] = (story(n).encode(), "text/plain", None)
        return [(f"guid-{n}", self.url(f"/story/{n}"), f"Berth {n} to be rebuilt") for n in numbers[::-1]]


@pytest.fixture
def site() -> Iterator[FeedSite]:
    state = FeedSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.hits.append(self.path)
            route = state.routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.end_headers()
                return
            body, content_type, etag = route
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def cli(new_archive, monkeypatch, capsys):
    """`archivist ARGS` in-process on an empty archive (a file, or a PostgreSQL database: each
    test runs on both), private addresses allowed (loopback)."""
    monkeypatch.setenv("ARCHIVIST_DB", new_archive())
    monkeypatch.setenv("ARCHIVIST_SEEDS", "")
    monkeypatch.setenv("ARCHIVIST_ALLOW_PRIVATE_URLS", "1")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    run("articles")  # created first: its creation is announced on stderr once
    return run


def test_follow_poll_list_unfollow(cli, site: FeedSite) -> None:
    site.routes["/feed.xml"] = (rss(site.stories([1, 2])), "application/rss+xml", '"v1"')
    code, out, err = cli("follow", site.url("/feed.xml"), "--every", "15")
    assert code == 0, err
    assert out.startswith("Following feed #1: Harbour News (") and "next poll" in out
    code, out, _ = cli("feeds")
    assert code == 0 and "#1: Harbour News" in out and "every 15 min, 0 articles added, not polled yet" in out
    code, out, _ = cli("feeds", "poll")
    assert code == 0
    assert (
        "#1 Harbour News: 2 added." in out
        and "Added #1: \u201cBerth 1 to be rebuilt\u201d (2024-03-05)" in out
    )
    code, out, _ = cli("feeds", "poll")
    assert code == 0 and "unchanged since the last poll" in out
    code, out, _ = cli("ask", "When will berth 2 be rebuilt?")
    assert "before winter" in out and "Berth 2 to be rebuilt" in out
    code, out, _ = cli("feeds", "--json")
    (listed,) = json.loads(out)["feeds"]
    assert listed["articles"] == 2 and listed["failures"] == 0 and listed["server"] is None
    code, out, _ = cli("unfollow", "#1")
    assert code == 0 and "Stopped following feed #1" in out and "its articles stay" in out
    code, out, _ = cli("feeds")
    assert "No feeds are followed here" in out
    code, out, _ = cli("articles")
    assert "2 articles." in out


def test_refusals_are_one_sentence(cli, site: FeedSite, monkeypatch) -> None:
    site.routes["/page"] = (b"<html><body><p>A page.</p></body></html>", "text/html", None)
    code, out, err = cli("follow", site.url("/page"))
    assert code == 1 and out == "" and err.strip().endswith("is not an RSS or Atom feed.")
    assert err.count("\n") == 1
    code, _, err = cli("follow", site.url("/page"), "--every", "0")
    assert code == 1 and "--every must be a number of minutes above 0" in err
    code, _, err = cli("follow", site.url("/page"), "--announce", "5")
    assert code == 1 and "give the server with --server too" in err
    code, _, err = cli("unfollow", "7")
    assert code == 1 and "No feed 7 is followed here" in err
    monkeypatch.setenv("ARCHIVIST_FEED_ITEMS", "many")
    code, _, err = cli("feeds", "poll")
    assert code == 1 and "ARCHIVIST_FEED_ITEMS has the value 'many'" in err
    monkeypatch.delenv("ARCHIVIST_FEED_ITEMS")
    monkeypatch.delenv("ARCHIVIST_ALLOW_PRIVATE_URLS")  # the real guard: loopback is refused
    code, _, err = cli("follow", site.url("/page"))
    assert code == 1 and "private or local address" in err


def test_feeds_poll_reports_a_failing_feed_and_polls_the_others(cli, site: FeedSite) -> None:
    site.routes["/good"] = (rss(site.stories([3])), "application/rss+xml", None)
    site.routes["/bad"] = (rss(site.stories([4])), "application/rss+xml", None)
    assert cli("follow", site.url("/bad"))[0] == 0
    assert cli("follow", site.url("/good"))[0] == 0
    site.routes["/bad"] = (b"<rss version='2.0'><channel><title>Br", "application/rss+xml", None)
    code, out, _ = cli("feeds", "poll")
    assert code == 1
    assert "#1 Harbour News: failed: The feed at" in out and "Next try" in out
    assert "#2 Harbour News: 1 added." in out
    code, out, _ = cli("feeds")
    assert "failing (1 in a row): The feed at" in out


def test_a_servers_feeds_are_its_own(cli, site: FeedSite) -> None:
    site.routes["/feed.xml"] = (rss(site.stories([5])), "application/rss+xml", None)
    code, out, _ = cli("follow", site.url("/feed.xml"), "--server", "42", "--announce", "9")
    assert code == 0
    assert "No feeds are followed here" in cli("feeds")[1]
    assert "#1: Harbour News (" in cli("feeds", "--server", "42")[1]
    assert "(server 42)" in cli("feeds", "--all")[1]  # the operator sees every server's
    code, out, _ = cli("feeds", "poll", "--server", "42", "--json")
    assert json.loads(out)["added"][0]["title"] == "Berth 5 to be rebuilt"
    assert "0 articles" in cli("stats")[1]  # the server's article, not the global scope's


def test_archivist_poll_runs_as_its_own_process(new_archive, site: FeedSite) -> None:
    site.routes["/feed.xml"] = (rss(site.stories([6, 7])), "application/rss+xml", None)
    db = new_archive()
    env = {**os.environ, "ARCHIVIST_DB": db, "ARCHIVIST_SEEDS": ""}
    env["ARCHIVIST_ALLOW_PRIVATE_URLS"] = "1"
    subprocess.run(
        [sys.executable, "-m", "bot", "follow", site.url("/feed.xml")],
        env=env,
        check=True,
        capture_output=True,
    )
    poller = subprocess.Popen(
        [sys.executable, "-m", "bot", "poll"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 30
        added = 0
        while time.monotonic() < deadline and added < 2:
            time.sleep(0.2)
            added = asyncio.run(_feed_articles(db))
        assert added == 2
        poller.send_signal(signal.SIGTERM)
        _, err = poller.communicate(timeout=15)
    finally:
        if poller.poll() is None:
            poller.kill()
            poller.wait()
    assert poller.returncode == 0, err
    assert b"polling feeds as they fall due" in err


async def _feed_articles(db: str) -> int:
    """Articles the archive's feeds have added, as another process sees them."""
    async with await Archive.open(db) as archive:
        return sum(info.articles for info in await archive.feeds.followed(everywhere=True))
