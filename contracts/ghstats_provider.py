"""A stand-in for the GitHub REST API: the recorded answers of tests/ghstats/recorded, replayed
in GitHub's shape (Link pagination naming the next page `/user/{id}/repos?...` as GitHub does,
weak ETags). The live contract gates run it on loopback with GHSTATS_BASE_URL pointing at it
(ci/live-server.sh); tests/ghstats/conftest.py serves the same answers and adds rate-limit
headers, 304s and failures on request.

    python -m contracts.ghstats_provider PORT
"""

from __future__ import annotations

import hashlib
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

RECORDED = Path(__file__).resolve().parent.parent / "tests" / "ghstats" / "recorded"
#: GitHub's user ids of the recorded users (its next-page links name users by id).
IDS = {"583231": "octocat", "9100001": "quiet-dev"}


def answer(base_url: str, path: str, query: str) -> tuple[int, bytes, str | None]:
    """(status, body, Link) of the recorded answer to GET `path`?`query`."""
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "users":
        recorded = RECORDED / f"user_{parts[1].lower()}.json"
        if recorded.is_file():
            return 200, recorded.read_bytes(), None
    elif len(parts) == 3 and parts[2] == "repos" and parts[0] in ("users", "user"):
        login = IDS.get(parts[1], parts[1]).lower()
        if login in IDS.values():
            return _repos_page(base_url, login, parse_qs(query))
    return 404, (RECORDED / "not_found.json").read_bytes(), None


def _repos_page(
    base_url: str, login: str, query: dict[str, list[str]]
) -> tuple[int, bytes, str | None]:
    page_text = query.get("page", ["1"])[0]
    page = int(page_text) if page_text.isdigit() and page_text != "0" else 1
    pages = len(list(RECORDED.glob(f"repos_{login}_*.json")))
    recorded = RECORDED / f"repos_{login}_{page}.json"
    body = recorded.read_bytes() if recorded.is_file() else b"[]"
    user_id = next(key for key, name in IDS.items() if name == login)
    link = f"{base_url}/user/{user_id}/repos?per_page=100&type=owner&sort=full_name&page="
    rels = []
    if page > 1:
        rels += [f'<{link}{page - 1}>; rel="prev"']
    if page < pages:
        rels += [f'<{link}{page + 1}>; rel="next"', f'<{link}{pages}>; rel="last"']
    if page > 1:
        rels += [f'<{link}1>; rel="first"']
    return 200, body, ", ".join(rels) or None


def etag_of(body: bytes) -> str:
    return f'W/"{hashlib.sha256(body).hexdigest()[:40]}"'


class RecordedGitHub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        host, port = self.server.server_address[:2]
        status, body, link = answer(f"http://{host}:{port}", parts.path, parts.query)
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("ETag", etag_of(body))
        if link:
            self.send_header("Link", link)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), RecordedGitHub).serve_forever()
