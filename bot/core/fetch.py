"""Fetch one web page safely, for adding an article by URL.

The bot fetches links that server members give it, so it must not become a way into
the network it runs on: every host (the first and each redirect's) is resolved and
refused when any of its addresses is private, loopback, link-local or reserved. The
connection then goes to exactly the addresses that were checked (a pinned resolver),
so a name cannot resolve to a public address for the check and a private one for the
connection. Size and time are capped, and only text or HTML is accepted (or, for feeds,
the media types the caller names). Conditional requests (If-None-Match, If-Modified-Since)
are the caller's headers; a 304 comes back as a Fetched with no body.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from .errors import FetchError, TooLarge

MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_ACCEPTED_TYPES = ("text/", "application/xhtml+xml", "application/xml")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: its bytes, media type, final URL (as `public_url` shows it) and declared
    charset; its status (304: not modified, no body) and validators for the next request."""

    body: bytes
    content_type: str
    url: str
    charset: str | None
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None


# Query parameters that commonly carry a secret (signed links, API keys, session tokens):
# dropped from the source that is stored and shown to every member.
SECRET_PARAMS = frozenset(
    {
        "token", "access_token", "refresh_token", "id_token", "auth", "authorization", "key", "apikey",
        "api_key", "sig", "signature", "password", "passwd", "pwd", "secret", "client_secret", "session",
        "sessionid", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature",
    }
)  # fmt: skip
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052 well-known prefix


def public_url(url: str | URL) -> str:
    """`url` as it may be shown and stored: no user name or password, no secret-bearing
    query parameters."""
    parsed = url if isinstance(url, URL) else URL(url)
    if parsed.user is not None or parsed.password is not None:
        parsed = parsed.with_user(None)
    if parsed.query and any(name.lower() in SECRET_PARAMS for name in parsed.query):
        kept = [(k, v) for k, v in parsed.query.items() if k.lower() not in SECRET_PARAMS]
        parsed = parsed.with_query(kept)
    return str(parsed)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, Teredo client, NAT64), if any:
    a gateway would deliver to it, so it is the address that must be checked."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _refused(address: str) -> bool:
    """True for addresses a public link must never reach."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        ip = _embedded_ipv4(ip) or ip
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


class _CheckingResolver(AbstractResolver):
    """Resolves names and refuses the whole host if any address is not public."""

    def __init__(self, allow_private: bool) -> None:
        self._allow_private = allow_private

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_UNSPEC) -> list[ResolveResult]:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, family=family)
        except socket.gaierror:
            raise FetchError(f"The host {host} could not be found.") from None
        results: list[ResolveResult] = []
        for fam, _type, proto, _name, sockaddr in infos:
            address = str(sockaddr[0])
            if not self._allow_private and _refused(address):
                raise FetchError(
                    f"The link points to a private or local address ({host}), which is not allowed."
                )
            results.append(
                {
                    "hostname": host,
                    "host": address,
                    "port": int(sockaddr[1]),
                    "family": fam,
                    "proto": proto,
                    "flags": socket.AI_NUMERICHOST,
                }
            )
        return results

    async def close(self) -> None:
        return None


def _check_url(url: URL, allow_private: bool) -> None:
    """Scheme and literal-address checks; names are checked by the resolver at connect time."""
    if url.scheme not in ("http", "https"):
        raise FetchError("Only http and https links can be added.")
    host = url.raw_host
    if not host:
        raise FetchError("The link has no host name.")
    if url.user is not None or url.password is not None:
        # Credentials would be sent to the site and stored (and shown) as the source.
        raise FetchError("Links with a user name or password in them cannot be added.")
    # aiohttp does not ask the resolver about literal addresses, so check them here.
    if _is_ip(host) and not allow_private and _refused(host.strip("[]")):
        raise FetchError(f"The link points to a private or local address ({host}), which is not allowed.")


def _accepted(content_type: str, accepted: tuple[str, ...] = _ACCEPTED_TYPES) -> bool:
    return content_type.startswith(accepted)


async def fetch_url(
    url: str,
    *,
    max_bytes: int = 2_000_000,
    timeout: float = 10.0,
    allow_private: bool = False,
    headers: Mapping[str, str] | None = None,
    accepted: tuple[str, ...] = _ACCEPTED_TYPES,
) -> Fetched:
    """Fetch a text or HTML page (or another of the `accepted` media types, by prefix);
    `headers` are sent with every hop. Raises FetchError (refused, unreachable, wrong type,
    timeout) or TooLarge, each with one sentence for the user."""
    try:
        current = URL(url.strip())
    except ValueError:
        raise FetchError("That is not a valid link.") from None
    connector = aiohttp.TCPConnector(resolver=_CheckingResolver(allow_private), use_dns_cache=False)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    try:
        async with (
            asyncio.timeout(timeout),
            aiohttp.ClientSession(connector=connector, timeout=client_timeout, trust_env=False) as session,
        ):
            for _hop in range(MAX_REDIRECTS + 1):
                _check_url(current, allow_private)
                async with session.get(
                    current,
                    allow_redirects=False,
                    headers={
                        "User-Agent": "Archivist/0.1 (+news archive bot)",
                        "Accept": "text/html, text/*;q=0.9",
                        **(headers or {}),
                    },
                ) as response:
                    if response.status in _REDIRECTS:
                        location = response.headers.get("Location")
                        if not location:
                            raise FetchError(
                                f"The page redirected (HTTP {response.status}) without saying where."
                            )
                        current = current.join(URL(location))
                        continue
                    if response.status == 304:  # not modified since the validators sent
                        return Fetched(b"", "", public_url(current), None, 304, *_validators(response))
                    return await _read(response, current, max_bytes, accepted)
            raise FetchError(f"The link redirected more than {MAX_REDIRECTS} times.")
    except (FetchError, TooLarge):
        raise
    except TimeoutError:
        raise FetchError(f"The page did not answer within {timeout:g} seconds.") from None
    except aiohttp.InvalidURL:
        raise FetchError("That is not a valid link.") from None
    except aiohttp.ClientConnectorError as error:
        cause: Any = error.os_error
        if isinstance(cause, FetchError):
            raise cause from None
        raise FetchError(f"The site {current.host} could not be reached.") from None
    except aiohttp.ClientError:
        raise FetchError(f"The page at {current.host} could not be fetched.") from None
    finally:
        await connector.close()


def _validators(response: aiohttp.ClientResponse) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of a response, for the next conditional request."""
    return response.headers.get("ETag"), response.headers.get("Last-Modified")


async def _read(
    response: aiohttp.ClientResponse, url: URL, max_bytes: int, accepted: tuple[str, ...] = _ACCEPTED_TYPES
) -> Fetched:
    """Check status, type and size of a final response, reading at most `max_bytes`."""
    if response.status >= 400:
        raise FetchError(f"The page answered with HTTP {response.status}.")
    content_type = response.content_type.lower()  # "application/octet-stream" when absent
    if not _accepted(content_type, accepted):
        raise FetchError(f"The link is not a text or HTML page (it is {content_type}).")
    limit = f"{max_bytes / 1_000_000:g} MB"
    if response.content_length is not None and response.content_length > max_bytes:
        raise TooLarge(f"The page is larger than the {limit} limit.")
    chunks: list[bytes] = []
    size = 0
    # The declared length can lie (or be absent): count while streaming.
    async for chunk in response.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(f"The page is larger than the {limit} limit.")
        chunks.append(chunk)
    etag, last_modified = _validators(response)
    return Fetched(
        body=b"".join(chunks),
        content_type=content_type,
        url=public_url(url),
        charset=response.charset,
        status=response.status,
        etag=etag,
        last_modified=last_modified,
    )
