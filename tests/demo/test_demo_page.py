"""The realtime demo page (docs/demo.md): served with its own Content-Security-Policy,
and, end to end in headless Chromium, two users chatting and voting live through it.

The browser test runs on the SQLite stage only: the page and the browser do not depend on the
database engine, and the chat and livepolls rows prove their behaviour on PostgreSQL + Redis. It
is skipped when Chromium is missing, unless REQUIRE_BROWSER=1 (CI), which makes that a failure.
DEMO_BROWSER names another Chromium-family binary (the GitHub workflow uses the runner's Chrome).
The browser may reach 127.0.0.1 only: every other host name resolves to nothing, and any request
to another address is aborted and fails the test."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from core.settings import get_settings
from handlers.demo_pages import CONTENT_SECURITY_POLICY
from tests.live import in_this_process

CHROMIUM = Path(os.environ.get("DEMO_BROWSER") or "/usr/bin/chromium")


def test_the_page_is_served_with_its_security_headers(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/demo")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert page.headers["x-content-type-options"] == "nosniff"
    # No inline script or style: the policy would block them.
    assert '<script src="/demo/static/demo.js"' in page.text
    assert "<script>" not in page.text and "style=" not in page.text
    script = client.get("/demo/static/demo.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert client.get("/demo/static/demo.css").headers["content-type"].startswith("text/css")
    assert client.get("/demo/static/missing.js").status_code == 404


def _browser_available() -> None:
    if get_settings().database_url.startswith("postgresql"):
        pytest.skip(
            "the browser test runs on the SQLite stage only: the page and the browser are "
            "engine-independent, and the chat and livepolls rows' tests cover PostgreSQL"
        )
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(
                f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing "
                "(apt-get install chromium, or set DEMO_BROWSER)"
            )
        pytest.skip(f"{CHROMIUM} is missing (set REQUIRE_BROWSER=1 to make this a failure)")


@pytest.fixture
def live_server_demo() -> Iterator[str]:
    """The app under uvicorn in a thread of this process, on loopback: one process, so the
    in-process fan-out carries chat messages and poll counts between the two browsers. (Named
    live_server...: the tables are emptied after the test, as after any server's writes.)"""
    _browser_available()
    from core.app import create_app

    with in_this_process(create_app()) as address:
        yield f"http://{address}"


def test_two_users_chat_and_vote_live(live_server_demo: str) -> None:
    from playwright.sync_api import Route, expect, sync_playwright

    base = live_server_demo
    outside: list[str] = []
    problems: list[str] = []

    def loopback_only(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--no-proxy-server",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            pages = []
            for _ in range(2):
                context = browser.new_context()
                context.route("**/*", loopback_only)
                page = context.new_page()
                page.set_default_timeout(5000)
                page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
                page.on(
                    "console",
                    lambda message: message.type == "error" and problems.append(message.text),
                )
                page.goto(f"{base}/demo")
                page.click("#demo-user")
                # Signed up and signed in: the page shows the user's id.
                expect(page.locator("#me-id")).to_have_text(re.compile(r"^[0-9a-f-]{36}$"))
                pages.append(page)
            a, b = pages
            b_id = b.text_content("#me-id") or ""

            # A creates a room and adds B; both are on the room's socket.
            a.fill("#room-name", "Demo room")
            a.click("#room-create")
            expect(a.locator("#room-socket")).to_have_text("live")
            room_id = a.text_content("#room-id") or ""
            a.fill("#member-id", b_id)
            a.click("#member-add")
            expect(a.locator("#chat-status")).to_have_text("Member added.")
            b.fill("#room-id-input", room_id)
            b.click("#room-open")
            expect(b.locator("#room-socket")).to_have_text("live")

            # A's message reaches B live, and B's answer reaches A.
            a.fill("#message-body", "hello from A")
            a.click("#message-send")
            expect(b.locator("#messages .body")).to_have_text(["hello from A"])
            b.fill("#message-body", "hi A")
            b.press("#message-body", "Enter")
            expect(a.locator("#messages .body")).to_have_text(["hello from A", "hi A"])

            # A creates a poll, B votes, A's count updates live.
            a.fill("#poll-question", "Lunch?")
            a.fill("#poll-options", "Pizza, Soup")
            a.click("#poll-create")
            expect(a.locator("#poll-socket")).to_have_text("live")
            expect(a.locator("#poll-ballots")).to_have_text("0")
            b.fill("#poll-id-input", a.text_content("#poll-id") or "")
            b.click("#poll-open")
            expect(b.locator("#poll-socket")).to_have_text("live")
            b.locator("#poll-options-list li", has_text="Soup").locator("button.vote").click()
            soup = a.locator("#poll-options-list li", has_text="Soup").locator(".votes")
            expect(soup).to_have_text("1")
            expect(a.locator("#poll-ballots")).to_have_text("1")
            pizza = a.locator("#poll-options-list li", has_text="Pizza").locator(".votes")
            expect(pizza).to_have_text("0")
        finally:
            browser.close()
    assert not outside, f"the browser tried to leave loopback: {outside}"
    assert not problems, f"the page reported errors (a CSP violation shows here): {problems}"
