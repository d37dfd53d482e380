"""The realtime demo page at GET /demo (docs/demo.md): one HTML page, one script and one
stylesheet from handlers/demo_page/, no build step and nothing from another site. The page only
calls the public API (identity, chat, polls) and its sockets, as any browser client would; it is
not part of the OpenAPI contract. Found by core.app.page_routes (its name ends in `_pages`)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

FILES = Path(__file__).parent / "demo_page"

#: Only this server's own script, stylesheet and connections (fetch and WebSocket: CSP Level 3's
#: 'self' covers ws:/wss: on the same host); no inline script or style, no frames, no forms.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


async def _page(_request: Request) -> Response:
    return FileResponse(FILES / "index.html", media_type="text/html", headers=PAGE_HEADERS)


ROUTES: list[BaseRoute] = [
    Route("/demo", _page, methods=["GET"]),
    Mount("/demo/static", app=StaticFiles(directory=FILES), name="demo-static"),
]
