"""An S3-compatible service for tests: moto in server mode on 127.0.0.1, one per test process.

`s3_storage` (a fixture, registered in tests/conftest.py) points the app's settings at it
(STORAGE_BACKEND=s3) with a bucket of its own for the test, and returns that bucket's name.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from core.settings import get_settings

CREDENTIALS = {"STORAGE_S3_ACCESS_KEY_ID": "testing", "STORAGE_S3_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_storage(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    bucket = f"test-{uuid.uuid4().hex[:12]}"
    settings: dict[str, Any] = {
        "STORAGE_BACKEND": "s3",
        "STORAGE_S3_ENDPOINT_URL": moto_endpoint,
        "STORAGE_S3_BUCKET": bucket,
        "STORAGE_S3_ADDRESSING_STYLE": "path",
        **CREDENTIALS,
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    from core.storage import S3Storage, storage

    store = storage()
    assert isinstance(store, S3Storage)
    store.client.create_bucket(Bucket=bucket)
    yield bucket
    monkeypatch.undo()
    get_settings.cache_clear()
