"""Outbound HTTP: the one client every call to a third party goes through.

    fetched = fetch("https://example.org/page", max_bytes=2_000_000)      # guarded (default)
    fetched = fetch(provider_url, guarded=False)      # an operator-configured provider

What every call gets:
- Timeouts: connect and read per step (`OUTBOUND_CONNECT_TIMEOUT_SECONDS`,
  `OUTBOUND_READ_TIMEOUT_SECONDS`) and one deadline for the whole call, retries and redirects
  included (`OUTBOUND_TOTAL_TIMEOUT_SECONDS`), so a server that drips one byte a second cannot
  hold a worker past it. Past the deadline: `UpstreamTimeout` (504).
- A response-size cap, checked against Content-Length and again while reading
  (`ResponseTooLarge`, 502): nothing larger is ever held in memory.
- Retries with exponential backoff and full jitter for idempotent methods only (GET, HEAD,
  OPTIONS, PUT, DELETE), on connection errors and 502/503/504 answers, within the deadline.
- No proxy or netrc from the environment (trust_env off): nothing outside the settings decides
  where a request goes.

The SSRF guard (on by default; `guarded=False` only for URLs an operator configured, such as an
OIDC provider on a private network): the name in the URL is resolved once per connection, and if
any of its addresses is not a public unicast address (private, loopback, link-local — which
holds the cloud metadata addresses —, shared/CGNAT, reserved, multicast, unspecified, or an IPv6
form embedding such an IPv4 address: mapped, 6to4, Teredo, NAT64) the call is refused with
`UrlRefused` (422) before any byte is sent. The connection is then made to the address that
was checked, not to a second lookup of the name, so a DNS answer that changes between check and
connect (rebinding) cannot slip through; TLS still verifies the certificate against the name.
This happens in the connection layer, so it applies to every redirect hop and every retry.
Decimal, octal and hexadecimal IPv4 spellings are resolved by the same resolver and refused like
any other form of the address. Only the ports of OUTBOUND_ALLOWED_PORTS (80 and 443 by default)
may be reached, on every hop too, so a public host's other services are out of reach.

Tests: `OUTBOUND_ALLOW_LOOPBACK=1` (refused in production) lets guarded calls reach the local
servers that replay recorded provider answers; `use_resolver` injects a name → addresses table,
so refusals of private, metadata and public-looking names are proven without any lookup or
connection leaving the machine (tests/support/network_fence.py fails any test that connects
anywhere but loopback).
"""

from __future__ import annotations

import functools
import ipaddress
import random
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from core.errors import RuleViolated, UpstreamTimeout, UpstreamUnavailable
from core.settings import get_settings

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})
BACKOFF_BASE_SECONDS = 0.2
MAX_REDIRECTS = 5

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


class UrlRefused(
    RuleViolated,
    type="/problems/outbound/url-refused",
    title="URL refused",
):
    """The URL (or a redirect it led to) cannot be fetched: not http(s), not a valid URL, or
    its host is on a private, loopback, link-local or otherwise non-public address."""


class ResponseTooLarge(
    UpstreamUnavailable, type="/problems/outbound/response-too-large", title="Response too large"
):
    """The upstream answer is larger than this call accepts."""


@dataclass(frozen=True)
class Fetched:
    """An upstream answer read in full (within the size cap)."""

    url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    #: The charset named by Content-Type, if any.
    charset: str | None = None

    def text(self) -> str:
        """The body as text: the declared charset, else UTF-8 (undecodable bytes replaced)."""
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return self.body.decode("utf-8", errors="replace")


def _system_resolver(host: str, port: int) -> list[str]:
    # OUTBOUND_DNS=off (tests, CI's live servers, air-gapped installs): address literals in any
    # spelling the C library accepts, and localhost, resolve; no name is ever looked up.
    offline = not get_settings().outbound_dns
    if offline and host.lower() == "localhost":
        return ["127.0.0.1"]
    try:
        answers = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST if offline else 0
        )
    except socket.gaierror as exc:
        why = " (OUTBOUND_DNS=off)" if offline else ""
        raise httpcore.ConnectError(f"cannot resolve {host}{why}") from exc
    except UnicodeError as exc:  # a label over 63 characters, an empty label ...
        raise UrlRefused(f"{host[:80]} is not a valid host name") from exc
    return list(dict.fromkeys(str(answer[4][0]) for answer in answers))


_resolver: Resolver = _system_resolver


@contextmanager
def use_resolver(table: Mapping[str, list[str]]) -> Iterator[None]:
    """Tests: resolve names from `table` (an unknown name fails to resolve) instead of DNS."""
    global _resolver
    previous = _resolver

    def resolve(host: str, port: int) -> list[str]:
        try:
            ipaddress.ip_address(host)
            return [host]  # a literal address needs no lookup
        except ValueError:
            pass
        try:
            return list(table[host])
        except KeyError:
            raise httpcore.ConnectError(f"cannot resolve {host}") from None

    _resolver = resolve
    try:
        yield
    finally:
        _resolver = previous


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in ipaddress.IPv6Network("64:ff9b::/96") or address in ipaddress.IPv6Network(
        "64:ff9b:1::/48"
    ):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: Address) -> bool:
    """A public unicast address: what a guarded call may connect to."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)
    return address.is_global and not address.is_multicast


def checked_addresses(host: str, port: int, *, allow_loopback: bool = False) -> list[str]:
    """The addresses of `host` a guarded call may connect to; UrlRefused if any is not
    public (a name with one private answer among public ones is refused as a whole)."""
    addresses = _resolver(host, port)
    if not addresses:
        raise httpcore.ConnectError(f"cannot resolve {host}")
    loopback_only = allow_loopback
    for raw in addresses:
        address = ipaddress.ip_address(raw.split("%", 1)[0])
        loopback_only = loopback_only and address.is_loopback
        if is_public(address) or (allow_loopback and address.is_loopback):
            continue
        raise UrlRefused(
            f"{host} resolves to {address}, which is not a public address: outbound calls "
            "never reach private, loopback, link-local or metadata addresses."
        )
    allowed = get_settings().outbound_allowed_ports
    if port not in allowed and not loopback_only:
        raise UrlRefused(
            f"port {port} is not one outbound calls may reach "
            f"({', '.join(map(str, allowed))}; OUTBOUND_ALLOWED_PORTS)."
        )
    return addresses


class _GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network layer with the guard in front of every TCP connect."""

    def __init__(self, *, allow_loopback: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_loopback = allow_loopback

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in checked_addresses(host, port, allow_loopback=self._allow_loopback):
            try:
                return self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise UrlRefused("outbound calls never use Unix sockets")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for every call: building one loads the CA bundle (about 40 ms),
    which a client per call would otherwise pay twice."""
    return httpx.create_ssl_context(trust_env=False)


def _client(*, guarded: bool) -> httpx.Client:
    settings = get_settings()
    timeout = httpx.Timeout(
        settings.outbound_read_timeout_seconds, connect=settings.outbound_connect_timeout_seconds
    )
    transport = httpx.HTTPTransport(verify=_ssl_context(), trust_env=False)
    if guarded:
        # httpx builds its connection pool without a way to pass the network backend; the same
        # pool is rebuilt with the guarded one (tests/core/test_outbound.py fails if this stops
        # taking effect with a newer httpx).
        transport._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            network_backend=_GuardedBackend(allow_loopback=settings.outbound_allow_loopback),
        )
    return httpx.Client(
        transport=transport,
        timeout=timeout,
        trust_env=False,
        follow_redirects=False,
        headers={"User-Agent": settings.outbound_user_agent},
    )


def fetch(
    url: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    content: bytes | None = None,
    guarded: bool = True,
    max_bytes: int | None = None,
    retries: int | None = None,
) -> Fetched:
    """One call to a third party under the module's rules: the answer read in full (any
    status; the caller decides what a 404 means), or UpstreamUnavailable (502),
    UpstreamTimeout (504), ResponseTooLarge (502) or UrlRefused (422)."""
    settings = get_settings()
    cap = max_bytes if max_bytes is not None else settings.outbound_max_response_bytes
    attempts = 1 + (retries if retries is not None else settings.outbound_retries)
    if method.upper() not in IDEMPOTENT:
        attempts = 1
    deadline = time.monotonic() + settings.outbound_total_timeout_seconds
    with _client(guarded=guarded) as client:
        for attempt in range(attempts):
            try:
                fetched = _once(client, method, url, headers, content, cap, deadline)
            except UpstreamTimeout:
                raise
            except UpstreamUnavailable as exc:
                if isinstance(exc, ResponseTooLarge) or attempt + 1 == attempts:
                    raise
            else:
                if fetched.status not in RETRY_STATUSES or attempt + 1 == attempts:
                    return fetched
            # Full jitter: a uniform wait up to the exponential bound, inside the deadline.
            pause = random.uniform(0, BACKOFF_BASE_SECONDS * 2**attempt)  # noqa: S311 (jitter)
            if time.monotonic() + pause >= deadline:
                raise UpstreamTimeout(f"no answer from {_origin(url)} within the call's deadline")
            time.sleep(pause)
    raise AssertionError("unreachable")  # pragma: no cover


def _once(
    client: httpx.Client,
    method: str,
    url: str,
    headers: Mapping[str, str] | None,
    content: bytes | None,
    cap: int,
    deadline: float,
) -> Fetched:
    """One attempt, redirects followed here (httpx would read each redirect's body uncapped):
    GET and HEAD only, at most MAX_REDIRECTS hops, every hop through the guarded connect."""
    origin = _origin(url)
    try:
        request = client.build_request(method, url, headers=headers, content=content)
        for _hop in range(MAX_REDIRECTS + 1):
            response = client.send(request, stream=True)
            try:
                if response.next_request is not None and method.upper() in ("GET", "HEAD"):
                    request = response.next_request  # httpx drops credentials across origins
                    continue
                return _read_capped(response, origin, cap, deadline)
            finally:
                response.close()
    except httpx.TimeoutException as exc:
        raise UpstreamTimeout(f"{origin} did not answer in time") from exc
    except httpx.UnsupportedProtocol as exc:
        raise UrlRefused("only http and https URLs are fetched") from exc
    except httpx.InvalidURL as exc:
        raise UrlRefused(f"not a URL that can be fetched: {exc}") from exc
    except httpx.HTTPError as exc:
        raise UpstreamUnavailable(f"{origin} could not be reached") from exc
    raise UpstreamUnavailable(f"{origin} redirected more than {MAX_REDIRECTS} times")


def _read_capped(response: httpx.Response, origin: str, cap: int, deadline: float) -> Fetched:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise ResponseTooLarge(f"{origin} answered {declared} bytes; the limit is {cap}")
    body = bytearray()
    # Decoded bytes are counted, so a small gzip body that inflates past the cap is refused too.
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > cap:
            raise ResponseTooLarge(f"{origin} answered more than {cap} bytes")
        if time.monotonic() > deadline:
            raise UpstreamTimeout(f"{origin} did not finish its answer in time")
    return Fetched(
        url=str(response.url),
        status=response.status_code,
        headers=response.headers,
        body=bytes(body),
        charset=response.charset_encoding,
    )


def _origin(url: str) -> str:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return "the upstream server"
    return f"{parsed.scheme}://{parsed.host}"
