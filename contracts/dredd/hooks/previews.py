"""Previews fixtures: the example page is served by this hooks process on 127.0.0.1 (the live
server runs with OUTBOUND_ALLOW_LOOPBACK=1 and OUTBOUND_DNS=0, ci/live-server.sh), so the
create example fetches a real page; the example lookup id is replaced by a lookup made through
the API."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import dredd_hooks as hooks

from contracts.dredd.support import api, body_of, replace_path, set_body, status_of

EXAMPLE_ID = "9b2e7c41-3f6a-4d8e-a1c5-6e0f2b7d9a13"
PAGE = b"""<!doctype html><html><head><meta charset="utf-8">
<title>The bridges of the north</title>
<meta property="og:title" content="The bridges of the north">
<meta property="og:description" content="A photo essay on the footbridges of three harbour towns.">
<meta property="og:image" content="/media/bridges-cover.jpg">
<meta property="og:site_name" content="Example News"><meta property="og:type" content="article">
</head><body><h1>The bridges of the north</h1></body></html>"""


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


_server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
threading.Thread(target=_server.serve_forever, daemon=True).start()
PAGE_URL = f"http://127.0.0.1:{_server.server_address[1]}/2026/11/bridges"


@hooks.before("/previews/lookups > Preview a URL > 201 > application/json")
def fetch_the_local_page(transaction):
    set_body(transaction, {**body_of(transaction), "url": PAGE_URL})


@hooks.before_each
def real_lookup(transaction):
    path = transaction["fullPath"]
    if "/previews/lookups/" in path and EXAMPLE_ID in path and status_of(transaction) < 300:
        made = api("POST", "/previews/lookups", json={"url": PAGE_URL})
        replace_path(transaction, EXAMPLE_ID, made.json()["id"])
