"""Concurrent clients over a live 2-worker server (PostgreSQL in the services run)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

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
