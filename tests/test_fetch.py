"""bot.core.fetch against pages served on 127.0.0.1 by the test itself."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.core import fetch as fetch_module
from bot.core.errors import FetchError, TooLarge
from bot.core.fetch import fetch_url

PAGE = "<html><head><title>Caf\u00e9</title></head><body><p>Caf\u00e9 opens.</p></body></html>"


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, list[str]]]:
    """Base URL of a loopback site and the list of paths it was asked for."""
    hits: list[str] = []

    async def handle(request: web.Request) -> web.StreamResponse:
        hits.append(request.path)
        path = request.path
        if path == "/page":
            return web.Response(
                body=PAGE.encode("latin-1"), headers={"Content-Type": "text/html; charset=iso-8859-1"}
            )
        if path == "/text":
            return web.Response(text="plain words", content_type="text/plain")
        if path == "/pdf":
            return web.Response(body=b"%PDF-1.4", content_type="application/pdf")
        if path == "/untyped":
            response = web.Response(body=b"no type")
            response.headers.popall("Content-Type", None)
            return response
        if path == "/missing":
            return web.Response(status=404, text="gone")
        if path == "/big":
            return web.Response(text="a" * 5000, content_type="text/plain")
        if path == "/big-chunked":
            stream = web.StreamResponse(headers={"Content-Type": "text/plain"})
            stream.enable_chunked_encoding()
            await stream.prepare(request)
            for _ in range(10):
                await stream.write(b"b" * 500)  # no Content-Length: only streaming can tell
            await stream.write_eof()
            return stream
        if path == "/slow":
            await asyncio.sleep(1)
            return web.Response(text="late", content_type="text/plain")
        if path == "/redirect":
            raise web.HTTPFound("/text")
        if path == "/loop":
            raise web.HTTPFound("/loop")
        if path == "/to-ftp":
            raise web.HTTPFound("ftp://example.org/file.txt")
        if path == "/to-metadata":
            raise web.HTTPFound("http://169.254.169.254/latest/meta-data/")
        return web.Response(status=500)

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}", hits
    await runner.cleanup()


async def test_fetches_html_with_declared_charset(server: tuple[str, list[str]]) -> None:
    base, _ = server
    page = await fetch_url(f"{base}/page", allow_private=True)
    assert page.content_type == "text/html" and page.charset == "iso-8859-1"
    assert page.body.decode(page.charset) == PAGE
    assert page.url == f"{base}/page"


async def test_follows_redirects_and_reports_final_url(server: tuple[str, list[str]]) -> None:
    base, hits = server
    page = await fetch_url(f"{base}/redirect", allow_private=True)
    assert page.body == b"plain words" and page.url == f"{base}/text"
    assert hits == ["/redirect", "/text"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://localhost:9/x",
        "http://[::1]:9/x",
        "http://10.1.2.3/x",
        "http://192.168.0.1/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]/x",
        "http://0.0.0.0/x",
    ],
)
async def test_private_and_local_addresses_refused(url: str) -> None:
    with pytest.raises(FetchError, match="private or local address"):
        await fetch_url(url)


async def test_loopback_refused_without_contacting_it(server: tuple[str, list[str]]) -> None:
    base, hits = server
    with pytest.raises(FetchError, match="private or local"):
        await fetch_url(f"{base}/text")
    with pytest.raises(FetchError, match="private or local"):
        await fetch_url(base.replace("127.0.0.1", "localhost") + "/text")
    assert hits == []


async def test_each_redirect_is_checked_again(
    server: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, hits = server
    # Treat loopback as public for this test only, so the first hop is allowed and the
    # redirect to a link-local (cloud metadata) address must be caught on its own.
    real = fetch_module._refused
    monkeypatch.setattr(
        fetch_module, "_refused", lambda a: False if ipaddress.ip_address(a).is_loopback else real(a)
    )
    with pytest.raises(FetchError, match="private or local address"):
        await fetch_url(f"{base}/to-metadata")
    assert hits == ["/to-metadata"]
    with pytest.raises(FetchError, match="Only http and https"):
        await fetch_url(f"{base}/to-ftp", allow_private=True)


async def test_redirect_loop_stops(server: tuple[str, list[str]]) -> None:
    base, hits = server
    with pytest.raises(FetchError, match="redirected more than"):
        await fetch_url(f"{base}/loop", allow_private=True)
    assert len(hits) == fetch_module.MAX_REDIRECTS + 1


async def test_only_text_or_html(server: tuple[str, list[str]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match=r"not a text or HTML page \(it is application/pdf\)"):
        await fetch_url(f"{base}/pdf", allow_private=True)
    with pytest.raises(FetchError, match="not a text or HTML page"):
        await fetch_url(f"{base}/untyped", allow_private=True)
    with pytest.raises(FetchError, match="Only http and https"):
        await fetch_url("file:///etc/passwd", allow_private=True)


async def test_size_cap_declared_and_streamed(server: tuple[str, list[str]]) -> None:
    base, _ = server
    with pytest.raises(TooLarge):
        await fetch_url(f"{base}/big", max_bytes=1000, allow_private=True)
    with pytest.raises(TooLarge, match="larger than"):
        await fetch_url(f"{base}/big-chunked", max_bytes=1000, allow_private=True)
    page = await fetch_url(f"{base}/big-chunked", max_bytes=5000, allow_private=True)
    assert len(page.body) == 5000


async def test_timeout(server: tuple[str, list[str]]) -> None:
    base, _ = server
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(FetchError, match="did not answer within 0.3 seconds"):
        await fetch_url(f"{base}/slow", timeout=0.3, allow_private=True)
    assert loop.time() - started < 0.9


async def test_http_errors_and_bad_links(server: tuple[str, list[str]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="HTTP 404"):
        await fetch_url(f"{base}/missing", allow_private=True)
    with pytest.raises(FetchError):
        await fetch_url("not a link at all")
    with pytest.raises(FetchError, match="could not be found"):
        await fetch_url("http://no-such-host.invalid/x")


@pytest.mark.parametrize(
    "url",
    [
        "http://[2002:7f00:1::]/x",  # 6to4 embedding 127.0.0.1
        "http://[2002:a00:1::]/x",  # 6to4 embedding 10.0.0.1
        "http://[64:ff9b::7f00:1]/x",  # NAT64 of 127.0.0.1
        "http://[64:ff9b::a9fe:a9fe]/x",  # NAT64 of the cloud metadata address
        "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/x",  # Teredo, client 10.0.0.1
        "http://[::127.0.0.1]/x",  # IPv4-compatible (deprecated) form
    ],
)
async def test_private_ipv4_inside_ipv6_refused(url: str) -> None:
    with pytest.raises(FetchError, match="private or local address"):
        await fetch_url(url)


def test_embedded_public_ipv4_is_not_refused() -> None:
    assert not fetch_module._refused("2002:808:808::")  # 6to4 of 8.8.8.8
    assert not fetch_module._refused("64:ff9b::808:808")


async def test_links_with_credentials_refused_before_any_request(server: tuple[str, list[str]]) -> None:
    base, hits = server
    with pytest.raises(FetchError, match="user name or password"):
        await fetch_url(base.replace("http://", "http://user:pass@") + "/text", allow_private=True)
    with pytest.raises(FetchError, match="user name or password"):
        await fetch_url(base.replace("http://", "http://user@") + "/text", allow_private=True)
    assert hits == []


async def test_secret_query_parameters_are_not_kept_in_the_url(server: tuple[str, list[str]]) -> None:
    base, _ = server
    page = await fetch_url(f"{base}/text?id=4&token=s3cr3t&API_KEY=k&sig=abc&password=pw", allow_private=True)
    assert page.body == b"plain words"
    assert page.url == f"{base}/text?id=4"
    assert fetch_module.public_url("https://u:p@example.org/a?auth=x&key=y") == "https://example.org/a"
