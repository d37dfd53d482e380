"""Concurrent clients over a live 2-worker server (PostgreSQL in the services run)."""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor

import httpx

from services import uploads
from tests.factories.identity import auth_headers
from tests.factories.uploads import image_bytes

CLIENTS = 8


def test_of_concurrent_deletes_of_one_file_exactly_one_succeeds(live_server, user):
    headers = auth_headers(user)
    url = f"{live_server}/api/v1/uploads/files"
    with httpx.Client(timeout=30) as client:
        created = client.post(url, files={"file": ("a.png", image_bytes())}, headers=headers)
        assert created.status_code == 201, created.text
        target = f"{url}/{created.json()['id']}"
        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = sorted(
                pool.map(
                    lambda _: client.delete(target, headers=headers).status_code, range(CLIENTS)
                )
            )
        assert statuses == [204] + [404] * (CLIENTS - 1)
        assert client.get(f"{target}/content", headers=headers).status_code == 404


def test_a_streamed_body_over_the_limit_is_refused_before_it_ends(live_server, user):
    # A chunked upload that never sends its last chunk: the 413 can only come before the whole
    # body was read (a server waiting for the end would time out here).
    host, port = live_server.removeprefix("http://").split(":")
    head = (
        "POST /api/v1/uploads/files HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"Authorization: {auth_headers(user)['Authorization']}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunk = b"\0" * 65536
    framed = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    with socket.create_connection((host, int(port)), timeout=20) as sock:
        sock.sendall(head)
        start = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n'
        sock.sendall(
            b"%x\r\n%s\r\n" % (len(start), start)
            + b"%x\r\n%s\r\n" % (len(image_bytes()), image_bytes())
        )
        try:
            for _ in range(uploads.uploads_settings().uploads_max_bytes // len(chunk) + 16):
                sock.sendall(framed)
        except OSError:  # the server answered and closed while we were still sending
            pass
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
