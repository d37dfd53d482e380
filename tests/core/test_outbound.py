"""core.outbound against a real HTTP server on 127.0.0.1, and its SSRF guard.

The server below answers the ways third parties misbehave (slow, huge, inflating, flaky,
redirecting). Refusals of private, metadata and public-looking names go through an injected
resolver, so nothing is looked up and nothing connects off this machine; the network fence
(tests/support/network_fence.py) would fail any test here that did.
"""

from __future__ import annotations

import gzip
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from core import outbound
from core.errors import UpstreamTimeout, UpstreamUnavailable
from core.outbound import ResponseTooLarge, UrlRefused, fetch, use_resolver
from core.settings import get_settings
from tests.support import network_fence
from tests.support.upstream import loopback_reachable, serving

HITS: dict[str, int] = {}


class Upstream(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _answer(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.do_GET()

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        HITS[path] = HITS.get(path, 0) + 1
        if path == "/ok":
            self._answer(200, "héllo".encode("latin-1"), Content_Type="text/plain; charset=latin-1")
        elif path == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            self.wfile.write(b"x" * 1000)
        elif path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"1000\r\n" + b"y" * 4096 + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif path == "/inflates":
            self._answer(200, gzip.compress(b"\0" * 2_000_000), Content_Encoding="gzip")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"z")
                self.wfile.flush()
                time.sleep(0.2)
        elif path == "/silent":
            time.sleep(3)
            self._answer(200, b"late")
        elif path == "/flaky":
            self._answer(503 if HITS[path] <= 2 else 200, b"flaky")
        elif path == "/to":
            self._answer(302, Location=query)
        elif path == "/loop":
            self._answer(302, Location="/loop")
        else:
            self._answer(404)


@pytest.fixture(scope="module")
def upstream() -> Iterator[str]:
    with serving(Upstream) as base:
        yield base


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Loopback allowed (the local upstream), short timeouts; HITS start empty."""
    HITS.clear()
    timeouts = {"OUTBOUND_READ_TIMEOUT_SECONDS": "0.5", "OUTBOUND_TOTAL_TIMEOUT_SECONDS": "1.5"}
    with loopback_reachable(monkeypatch, **timeouts):
        yield monkeypatch


def test_an_answer_is_read_with_its_charset(upstream, settings):
    fetched = fetch(f"{upstream}/ok")
    assert (fetched.status, fetched.text()) == (200, "héllo")
    assert fetched.url == f"{upstream}/ok"


def test_loopback_is_refused_unless_the_test_setting_allows_it(upstream, settings):
    settings.setenv("OUTBOUND_ALLOW_LOOPBACK", "0")
    get_settings.cache_clear()
    with pytest.raises(UrlRefused):
        fetch(f"{upstream}/ok")
    assert HITS == {}  # refused before connecting
    assert fetch(f"{upstream}/ok", guarded=False).status == 200  # operator-configured URLs


@pytest.mark.parametrize(
    "addresses",
    [
        ["10.0.0.5"],
        ["172.16.3.4"],
        ["192.168.1.1"],
        ["169.254.169.254"],  # cloud metadata
        ["100.100.100.200"],  # metadata in the shared (CGNAT) range
        ["100.64.0.1"],
        ["0.0.0.0"],  # noqa: S104 (a resolver answer here, not a bind)
        ["127.0.0.2"],
        ["224.0.0.251"],
        ["fd00:ec2::254"],  # IPv6 metadata (unique local)
        ["fe80::1"],
        ["::ffff:10.0.0.1"],  # IPv4-mapped
        ["2002:a00:1::"],  # 6to4 around 10.0.0.1
        ["64:ff9b::a9fe:a9fe"],  # NAT64 around 169.254.169.254
        ["93.184.216.34", "10.0.0.1"],  # one private answer among public ones
    ],
)
def test_names_resolving_to_non_public_addresses_are_refused(addresses, settings):
    settings.setenv("OUTBOUND_ALLOW_LOOPBACK", "0")
    get_settings.cache_clear()
    with use_resolver({"target.test": addresses}), pytest.raises(UrlRefused) as refused:
        fetch("http://target.test/")
    assert refused.value.type == "/problems/outbound/url-refused"
    assert network_fence.take_violations() == []  # nothing even tried to connect


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",  # 127.0.0.1 in decimal
        "http://0177.0.0.1/",  # octal
        "http://0x7f.0.0.1/",  # hexadecimal
        "http://127.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost/",
    ],
)
def test_other_spellings_of_loopback_are_refused(url, settings):
    settings.setenv("OUTBOUND_ALLOW_LOOPBACK", "0")
    get_settings.cache_clear()
    with pytest.raises(UrlRefused):
        fetch(url, retries=0)


def test_a_host_name_the_resolver_cannot_encode_is_refused_not_a_500(settings):
    # Found by Schemathesis through the previews API: getaddrinfo raised UnicodeError.
    with pytest.raises(UrlRefused, match="not a valid host name"):
        fetch("http://" + "a" * 64 + ".example.org/")


def test_public_addresses_pass_the_guard_without_any_lookup():
    with use_resolver({"public.test": ["93.184.216.34", "2606:2800:220:1::"]}):
        assert outbound.checked_addresses("public.test", 443) == [
            "93.184.216.34",
            "2606:2800:220:1::",
        ]


def test_only_the_allowed_ports_of_a_public_host_may_be_reached(settings):
    with use_resolver({"public.test": ["93.184.216.34"]}):
        assert outbound.checked_addresses("public.test", 443) == ["93.184.216.34"]
        with pytest.raises(UrlRefused, match="port 22"):
            fetch("http://public.test:22/", retries=0)
        settings.setenv("OUTBOUND_ALLOWED_PORTS", "443,8443")
        get_settings.cache_clear()
        assert outbound.checked_addresses("public.test", 8443) == ["93.184.216.34"]
        with pytest.raises(UrlRefused, match="port 80 "):
            outbound.checked_addresses("public.test", 80)
    assert network_fence.take_violations() == []  # refused before connecting


def test_a_redirect_to_a_port_that_is_not_allowed_is_refused_at_the_hop(upstream, settings):
    with use_resolver({"public.test": ["93.184.216.34"]}), pytest.raises(UrlRefused):
        fetch(f"{upstream}/to?http://public.test:6379/", retries=0)
    assert network_fence.take_violations() == []


def test_a_redirect_to_a_private_address_is_refused_at_the_hop(upstream, settings):
    with use_resolver({"internal.test": ["10.1.2.3"]}), pytest.raises(UrlRefused):
        fetch(f"{upstream}/to?http://internal.test/admin")
    assert HITS == {"/to": 1}
    assert network_fence.take_violations() == []


@pytest.mark.parametrize("target", ["file:///etc/passwd", "gopher://127.0.0.1:70/"])
def test_a_redirect_out_of_http_is_refused(upstream, settings, target):
    with pytest.raises(UrlRefused):
        fetch(f"{upstream}/to?{target}")


def test_redirects_are_followed_and_bounded(upstream, settings):
    assert fetch(f"{upstream}/to?/ok").text() == "héllo"
    with pytest.raises(UpstreamUnavailable, match="redirected more than"):
        fetch(f"{upstream}/loop", retries=0)
    assert HITS["/loop"] == outbound.MAX_REDIRECTS + 1


@pytest.mark.parametrize("path", ["/declared-huge", "/chunked", "/inflates"])
def test_answers_over_the_cap_are_refused(upstream, settings, path):
    with pytest.raises(ResponseTooLarge) as refused:
        fetch(f"{upstream}{path}", max_bytes=10_000)
    assert refused.value.status == 502


def test_a_dripping_answer_stops_at_the_call_deadline(upstream, settings):
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout) as late:
        fetch(f"{upstream}/drip")
    # Each byte comes well within the read timeout (0.5 s); only the 1.5 s deadline stops it.
    assert 1.4 < time.monotonic() - started < 10.0  # the whole drip would take 20 s
    assert late.value.status == 504


def test_a_silent_server_times_out_on_the_read_timeout(upstream, settings):
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout):
        fetch(f"{upstream}/silent", retries=0)
    assert time.monotonic() - started < 1.4


def test_idempotent_calls_are_retried_and_others_are_not(upstream, settings):
    fetched = fetch(f"{upstream}/flaky", retries=2)
    assert (fetched.status, HITS["/flaky"]) == (200, 3)
    HITS.clear()
    assert fetch(f"{upstream}/flaky", method="POST", content=b"{}", retries=2).status == 503
    assert HITS["/flaky"] == 1


def test_a_closed_port_is_an_unavailable_upstream(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(UpstreamUnavailable) as failed:
        fetch(f"http://127.0.0.1:{port}/", retries=1)
    assert failed.value.type == "/problems/upstream-unavailable"


def test_the_fence_refuses_and_records_connections_off_loopback():
    with socket.socket() as sock, pytest.raises(OSError, match="network_fence"):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed
    assert network_fence.take_violations() == ["192.0.2.1:80"]


def test_production_refuses_the_loopback_exception(monkeypatch):
    monkeypatch.setenv("TRELLIS_ENV", "production")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setenv("API_KEY_PEPPER", "p" * 40)
    monkeypatch.setenv("OUTBOUND_ALLOW_LOOPBACK", "1")
    get_settings.cache_clear()
    try:
        with pytest.raises(ValueError, match="OUTBOUND_ALLOW_LOOPBACK"):
            get_settings()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
