"""Feeds fixtures: a small RSS feed is served by this hooks process on 127.0.0.1 (the live
server runs with OUTBOUND_ALLOW_LOOPBACK=1, ci/live-server.sh). Each transaction that needs a
subscription or an entry gets its own: a subscription to a fresh URL of the local feed, fetched
once through the API so its entries exist, whose ids replace the examples'."""

from __future__ import annotations

import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import dredd_hooks as hooks

from contracts.dredd.support import api, body_of, replace_path, set_body, status_of

SUBSCRIPTION_ID = "5a1c9e3b-7d2f-4e6a-8b0c-1f2e3d4c5b6a"
ENTRY_ID = "8e4d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f"
FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>https://news.example.org/</link>
<item><title>The bridges of the north</title><link>https://news.example.org/2026/11/bridges</link>
<guid>https://news.example.org/2026/11/bridges</guid>
<description>A photo essay on the footbridges of three harbour towns.</description>
<pubDate>Mon, 30 Nov 2026 07:00:00 GMT</pubDate></item>
</channel></rss>"""


class _Feed(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        self.wfile.write(FEED)

    def log_message(self, *args: object) -> None:
        pass


_server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
threading.Thread(target=_server.serve_forever, daemon=True).start()
FEED_URL = f"http://127.0.0.1:{_server.server_address[1]}/feed.xml"


def _fresh_url() -> str:
    return f"{FEED_URL}?dredd={uuid.uuid4().hex}"


def _fetched_subscription() -> tuple[str, str]:
    """A new subscription, fetched: its id and its entry's id."""
    made = api("POST", "/feeds/subscriptions", json={"url": _fresh_url()}).json()
    api("POST", f"/feeds/subscriptions/{made['id']}/refreshes")
    entries = api("GET", "/feeds/entries", params={"subscription_id": made["id"]}).json()
    return made["id"], entries["items"][0]["id"]


@hooks.before("/feeds/subscriptions > Subscribe to a feed > 201 > application/json")
def subscribe_to_the_local_feed(transaction):
    set_body(transaction, {**body_of(transaction), "url": _fresh_url()})


@hooks.before_each
def real_rows(transaction):
    path = transaction["fullPath"]
    if "/feeds/" not in path or status_of(transaction) >= 300:
        return
    needs_entry = ENTRY_ID in path or "/feeds/read-marks" in path
    if SUBSCRIPTION_ID not in path and not needs_entry:
        return
    if path.endswith("/refreshes"):  # fetched by the transaction itself (a second is a 429)
        made = api("POST", "/feeds/subscriptions", json={"url": _fresh_url()}).json()
        replace_path(transaction, SUBSCRIPTION_ID, made["id"])
        return
    subscription_id, entry_id = _fetched_subscription()
    replace_path(transaction, SUBSCRIPTION_ID, subscription_id)
    replace_path(transaction, ENTRY_ID, entry_id)
    if "/feeds/read-marks" in path:
        set_body(transaction, {"up_to_entry_id": entry_id})
