"""core.storage: the same behaviour from the local directory and from S3 (moto on loopback)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

import httpx
import pytest

from core.db import utcnow
from core.downloads import content_disposition
from core.storage import (
    DirectTransferUnavailable,
    LocalStorage,
    TooLarge,
    storage,
    stray_folders,
)

CONTENT = bytes(range(256)) * 1000  # 256,000 bytes


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    if request.param == "local":
        return LocalStorage(tmp_path)
    request.getfixturevalue("s3_storage")
    return storage()


def _chunks(content: bytes, size: int = 10_000):
    return (content[at : at + size] for at in range(0, len(content), size))


def test_an_object_is_written_from_chunks_with_its_size_and_checksum(store):
    stored = store.write("t/one", _chunks(CONTENT))
    assert (stored.size, stored.sha256) == (len(CONTENT), hashlib.sha256(CONTENT).hexdigest())
    assert store.size("t/one") == len(CONTENT)
    assert b"".join(store.read("t/one")) == CONTENT
    assert b"".join(store.read("t/one", 1000, 1999)) == CONTENT[1000:2000]
    assert b"".join(store.read("t/one", 255_990)) == CONTENT[255_990:]
    store.delete("t/one")
    store.delete("t/one")  # deleting a missing object is fine
    assert store.size("t/one") is None


def test_past_the_limit_nothing_is_kept(store):
    with pytest.raises(TooLarge):
        store.write("t/big", _chunks(CONTENT), max_bytes=len(CONTENT) - 1)
    assert store.size("t/big") is None
    if isinstance(store, LocalStorage):
        assert [path.name for path in store.root.rglob("*") if path.is_file()] == []


def test_a_folder_is_deleted_with_every_object_under_it_and_nothing_else(store):
    for key in ("t/f/a", "t/f/deep/b", "t/fx", "t/other/c"):
        store.write(key, [b"x"])
    store.delete_folder("t/f")
    store.delete_folder("t/missing")  # an empty folder is fine
    assert [store.size(key) for key in ("t/f/a", "t/f/deep/b", "t/fx", "t/other/c")] == [
        None,
        None,
        1,
        1,
    ]
    with pytest.raises(ValueError, match="not a storage key"):
        store.delete_folder("t/../..")


@pytest.mark.parametrize("key", ["../escape", "/abs", "a//b", "UPPER", "a/../b", "", "a/"])
def test_a_key_cannot_leave_the_storage(key, tmp_path):
    with pytest.raises(ValueError, match="not a storage key"):
        LocalStorage(tmp_path).write(key, [b"x"])


def test_local_storage_is_the_default_and_has_no_presigned_urls():
    store = storage()
    assert isinstance(store, LocalStorage)
    with pytest.raises(DirectTransferUnavailable):
        store.presigned_upload("t/x", max_bytes=10)
    with pytest.raises(DirectTransferUnavailable):
        store.presigned_download("t/x", content_type="image/png", disposition="attachment")


def test_s3_presigned_urls_move_bytes_without_the_app(s3_storage):
    store = storage()
    upload = store.presigned_upload("t/direct", max_bytes=len(CONTENT))
    sent = httpx.post(upload.url, data=upload.fields, files={"file": ("x", CONTENT)})
    assert sent.status_code in (200, 201, 204), sent.text
    assert store.size("t/direct") == len(CONTENT)
    disposition = content_disposition("Grüße.pdf")
    download = store.presigned_download(
        "t/direct", content_type="application/pdf", disposition=disposition
    )
    fetched = httpx.get(download.url)
    assert fetched.content == CONTENT
    assert fetched.headers["content-type"] == "application/pdf"
    assert fetched.headers["content-disposition"] == disposition


def test_listed_names_every_object_under_a_folder_with_its_time(store):
    started = utcnow() - timedelta(seconds=5)
    for key in ("t/f/a", "t/f/deep/b", "t/fx", "t/other/c"):
        store.write(key, [b"x"])
    listed = sorted(store.listed("t/f"), key=lambda item: item.key)
    assert [item.key for item in listed] == ["t/f/a", "t/f/deep/b"]
    assert all(started < item.modified < utcnow() + timedelta(seconds=5) for item in listed)
    assert list(store.listed("t/missing")) == []


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_stray_folders_are_those_whose_row_is_gone_and_nothing_was_written_lately(backend, request):
    if backend == "s3":
        request.getfixturevalue("s3_storage")
    store = storage()
    kept, stray = uuid.uuid4(), uuid.uuid4()
    for owner in (kept, stray):
        store.write(f"straytest/{owner}/a", [b"x"])
        store.write(f"straytest/{owner}/deep/b", [b"x"])
    store.write("straytest/not-an-id/c", [b"x"])
    asked: list[list[uuid.UUID]] = []

    def known(ids: list[uuid.UUID]) -> list[uuid.UUID]:
        asked.append(ids)
        return [owner for owner in ids if owner == kept]

    try:
        later = utcnow() + timedelta(minutes=1)
        assert stray_folders("straytest", known, before=later, batch=1) == [f"straytest/{stray}"]
        assert sorted(len(ids) for ids in asked) == [1, 1]  # `batch` ids a question
        asked.clear()
        earlier = utcnow() - timedelta(minutes=1)  # everything is recent: nothing to ask about
        assert stray_folders("straytest", known, before=earlier) == []
        assert asked == []
    finally:
        store.delete_folder("straytest")
