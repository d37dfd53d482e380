"""Blob storage behind one interface: a directory on local disk (the default) or an S3-compatible
service (STORAGE_BACKEND=s3, boto3).

    storage()                       the configured Storage (one per settings)
    Storage.write(key, chunks, *, max_bytes=None) -> Stored(size, sha256)
                                    streams an iterable of byte chunks into the object, hashing
                                    and counting as it goes; past `max_bytes` it raises TooLarge
                                    and nothing is kept; an object is visible whole or not at all
    Storage.size(key)               bytes of an object, None when there is none
    Storage.read(key, start, end)   iterator over the bytes start..end (inclusive), in chunks
    Storage.delete(key)             removes an object; a missing one is not an error
    Storage.delete_folder(folder)   removes every object whose key starts with `folder/` (what
                                    one owner wrote under keys of its own, whatever they were)
    Storage.listed(folder)          every object under `folder/`: Listed(key, modified), in no
                                    promised order (a local write in progress is not listed)
    stray_folders(folder, known, *, before)
                                    the folders `folder/<id>` whose id `known` does not find among
                                    the rows (asked 500 ids at a time) and whose newest object is
                                    older than `before`: what a sweep deletes when rows went
                                    without their objects (a cascade from a deleted account)
    Storage.presigned_upload(key, *, max_bytes)
    Storage.presigned_download(key, *, content_type, disposition)
                                    URLs, valid STORAGE_PRESIGN_SECONDS, that move bytes between a
                                    client and the storage service without this app (S3 only:
                                    LocalStorage raises DirectTransferUnavailable)

Keys are relative, slash-separated names of lower-case letters, digits, `.`, `_`, `-`
(`uploads/<id>/original`); anything else (`..`, a leading `/`) is refused with ValueError, so a
key can never point outside the storage directory. Callers build keys from ids, never from what a
client sent.

LocalStorage writes into a temporary file beside the target and renames it into place, so a
reader (or a crash) never sees half an object. S3Storage streams with boto3's managed transfer
(multipart above 8 MiB); the bucket must exist.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import structlog
from sqlalchemy import event, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from core.db import utcnow
from core.settings import SettingsSection, get_settings, seconds_within, setting

log = structlog.get_logger("trellis.storage")

CHUNK = 64 * 1024
_KEY = re.compile(r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")


def _backend(raw: str) -> str:
    if raw not in ("local", "s3"):
        raise ValueError("must be local or s3")
    return raw


@dataclass(frozen=True)
class StorageSettings(SettingsSection):
    """Where stored files (uploads and what is derived from them) live."""

    storage_backend: str = setting(
        "STORAGE_BACKEND",
        "local",
        "`local` (files under STORAGE_DIR) or `s3` (an S3-compatible service: STORAGE_S3_*).",
        parse=_backend,
    )
    storage_dir: Path | None = setting(
        "STORAGE_DIR",
        None,
        "Directory of the local backend (default: `storage/` under TRELLIS_VAR_DIR).",
        parse=Path,
    )
    storage_s3_bucket: str = setting("STORAGE_S3_BUCKET", "trellis", "Bucket (must exist).")
    storage_s3_endpoint_url: str | None = setting(
        "STORAGE_S3_ENDPOINT_URL",
        None,
        "Endpoint of an S3-compatible service (MinIO, Ceph, ...); unset for AWS itself.",
    )
    storage_s3_region: str = setting("STORAGE_S3_REGION", "us-east-1", "Region of the bucket.")
    storage_s3_access_key_id: str | None = setting(
        "STORAGE_S3_ACCESS_KEY_ID",
        None,
        "Access key; unset to use boto3's own credential chain (environment, instance role).",
    )
    storage_s3_secret_access_key: str | None = setting(
        "STORAGE_S3_SECRET_ACCESS_KEY",
        None,
        "Secret of STORAGE_S3_ACCESS_KEY_ID.",
        secret=True,
    )
    storage_s3_addressing_style: str = setting(
        "STORAGE_S3_ADDRESSING_STYLE",
        "auto",
        "`auto`, `path` or `virtual` (bucket in the path or in the host name).",
    )
    storage_presign_seconds: float = setting(
        "STORAGE_PRESIGN_SECONDS",
        900.0,
        "How long presigned upload and download URLs stay valid.",
        parse=seconds_within(7 * 86400),
    )


class TooLarge(Exception):
    """The chunks went past `max_bytes`; nothing was kept."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(f"more than {max_bytes} bytes")
        self.max_bytes = max_bytes


class DirectTransferUnavailable(Exception):
    """This backend cannot hand out presigned URLs (the local one)."""


@dataclass(frozen=True)
class Stored:
    size: int
    sha256: str


@dataclass(frozen=True)
class Listed:
    key: str
    modified: datetime


@dataclass(frozen=True)
class PresignedUpload:
    """An HTML-form style POST: send `fields`, then the file as the part named `file`."""

    url: str
    fields: dict[str, str]
    expires_at: datetime


@dataclass(frozen=True)
class PresignedDownload:
    url: str
    expires_at: datetime


class Storage(Protocol):
    def write(
        self, key: str, chunks: Iterable[bytes], *, max_bytes: int | None = None
    ) -> Stored: ...

    def size(self, key: str) -> int | None: ...

    def read(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]: ...

    def delete(self, key: str) -> None: ...

    def delete_folder(self, folder: str) -> None: ...

    def listed(self, folder: str) -> Iterator[Listed]: ...

    def presigned_upload(self, key: str, *, max_bytes: int) -> PresignedUpload: ...

    def presigned_download(
        self, key: str, *, content_type: str, disposition: str
    ) -> PresignedDownload: ...


def check_key(key: str) -> str:
    if not _KEY.match(key) or ".." in key:
        raise ValueError(f"not a storage key: {key!r}")
    return key


def chunks_of(stream: BinaryIO, size: int = CHUNK) -> Iterator[bytes]:
    """A file object's bytes, `size` at a time."""
    return iter(lambda: stream.read(size), b"")


class _Counted:
    """Hashes and counts the chunks passing through; TooLarge past the limit."""

    def __init__(self, max_bytes: int | None) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.digest = hashlib.sha256()

    def add(self, chunk: bytes) -> bytes:
        self.size += len(chunk)
        if self.max_bytes is not None and self.size > self.max_bytes:
            raise TooLarge(self.max_bytes)
        self.digest.update(chunk)
        return chunk

    def stored(self) -> Stored:
        return Stored(self.size, self.digest.hexdigest())


class LocalStorage:
    """Objects as files under one directory (created on first write, mode 0700)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def write(self, key: str, chunks: Iterable[bytes], *, max_bytes: int | None = None) -> Stored:
        target = self._path(key)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
        counted = _Counted(max_bytes)
        try:
            with open(partial, "xb") as out:
                for chunk in chunks:
                    out.write(counted.add(chunk))
                out.flush()
                os.fsync(out.fileno())
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return counted.stored()

    def size(self, key: str) -> int | None:
        try:
            return self._path(key).stat().st_size
        except FileNotFoundError:
            return None

    def read(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        path = self._path(key)
        handle = open(path, "rb")  # noqa: SIM115 - closed by the generator

        def chunks() -> Iterator[bytes]:
            with handle:
                handle.seek(start)
                left = None if end is None else end - start + 1
                while left is None or left > 0:
                    chunk = handle.read(CHUNK if left is None else min(CHUNK, left))
                    if not chunk:
                        return
                    if left is not None:
                        left -= len(chunk)
                    yield chunk

        return chunks()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def delete_folder(self, folder: str) -> None:
        shutil.rmtree(self._path(folder), ignore_errors=True)

    def listed(self, folder: str) -> Iterator[Listed]:
        top = self._path(folder)
        for directory, _subdirectories, names in os.walk(top):
            for name in names:
                if name.startswith("."):  # a write in progress (.<name>.<hex>.part)
                    continue
                path = Path(directory, name)
                try:
                    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                except FileNotFoundError:  # deleted while listed
                    continue
                yield Listed(path.relative_to(self.root).as_posix(), modified)

    def presigned_upload(self, key: str, *, max_bytes: int) -> PresignedUpload:
        raise DirectTransferUnavailable("local storage has no service to send bytes to")

    def presigned_download(
        self, key: str, *, content_type: str, disposition: str
    ) -> PresignedDownload:
        raise DirectTransferUnavailable("local storage has no service to fetch bytes from")


class _ChunkReader(io.RawIOBase):
    """A read-only file object over an iterator of chunks (what boto3's transfer reads)."""

    def __init__(self, chunks: Iterable[bytes], counted: _Counted) -> None:
        self._chunks = iter(chunks)
        self._counted = counted
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = self._counted.add(chunk)
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class S3Storage:
    """Objects in one bucket of an S3-compatible service."""

    def __init__(self, config: StorageSettings) -> None:
        import boto3
        from botocore.config import Config

        self.bucket = config.storage_s3_bucket
        self.expires_in = int(config.storage_presign_seconds)
        self.client = boto3.client(
            "s3",
            endpoint_url=config.storage_s3_endpoint_url,
            region_name=config.storage_s3_region,
            aws_access_key_id=config.storage_s3_access_key_id,
            aws_secret_access_key=config.storage_s3_secret_access_key,
            config=Config(
                s3={"addressing_style": config.storage_s3_addressing_style},
                signature_version="s3v4",
                connect_timeout=5,
                read_timeout=30,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        )

    def write(self, key: str, chunks: Iterable[bytes], *, max_bytes: int | None = None) -> Stored:
        counted = _Counted(max_bytes)
        reader = io.BufferedReader(_ChunkReader(chunks, counted), buffer_size=CHUNK)
        # The managed transfer reads the stream in order; a failure (TooLarge included) aborts a
        # multipart upload, so no partial object becomes visible.
        self.client.upload_fileobj(reader, self.bucket, check_key(key))
        return counted.stored()

    def size(self, key: str) -> int | None:
        from botocore.exceptions import ClientError

        try:
            head = self.client.head_object(Bucket=self.bucket, Key=check_key(key))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise
        return int(head["ContentLength"])

    def read(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        wanted = f"bytes={start}-{'' if end is None else end}"
        answer = self.client.get_object(Bucket=self.bucket, Key=check_key(key), Range=wanted)
        body = answer["Body"]

        def chunks() -> Iterator[bytes]:
            try:
                yield from body.iter_chunks(CHUNK)
            finally:
                body.close()

        return chunks()

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=check_key(key))

    def delete_folder(self, folder: str) -> None:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{check_key(folder)}/"
        )
        for page in pages:  # at most 1,000 keys a page, as many as one delete_objects takes
            keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
            if keys:
                self.client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True}
                )

    def listed(self, folder: str) -> Iterator[Listed]:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{check_key(folder)}/"
        )
        for page in pages:
            for item in page.get("Contents", []):
                yield Listed(str(item["Key"]), item["LastModified"])

    def _expiry(self) -> datetime:
        return utcnow() + timedelta(seconds=self.expires_in)

    def presigned_upload(self, key: str, *, max_bytes: int) -> PresignedUpload:
        expires_at = self._expiry()
        post = self.client.generate_presigned_post(
            self.bucket,
            check_key(key),
            Conditions=[["content-length-range", 0, max_bytes]],
            ExpiresIn=self.expires_in,
        )
        return PresignedUpload(post["url"], dict(post["fields"]), expires_at)

    def presigned_download(
        self, key: str, *, content_type: str, disposition: str
    ) -> PresignedDownload:
        expires_at = self._expiry()
        url = self.client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.bucket,
                "Key": check_key(key),
                "ResponseContentType": content_type,
                "ResponseContentDisposition": disposition,
            },
            ExpiresIn=self.expires_in,
        )
        return PresignedDownload(url, expires_at)


def storage() -> Storage:
    """The storage STORAGE_BACKEND names, built once per settings."""
    settings = get_settings()
    config = settings.section(StorageSettings)
    return _build(config, config.storage_dir or settings.var_dir / "storage")


def delete_after_commit(
    session: Session, keys: Iterable[str], *, folders: Iterable[str] = ()
) -> None:
    """Deletes the objects at `keys`, and every object under `folders`, once `session` commits
    (never if it rolls back): the rows that named them are gone first, so nothing visible ever
    points at a missing object. A failed delete is logged and left: an orphaned object only
    costs space."""
    doomed = list(keys)
    emptied = list(folders)

    def remove(_session: Session) -> None:
        store = storage()
        for key in doomed:
            try:
                store.delete(key)
            except Exception as error:
                log.warning("storage-delete-failed", key=key, error=type(error).__name__)
        for folder in emptied:
            try:
                store.delete_folder(folder)
            except Exception as error:
                log.warning("storage-delete-failed", folder=folder, error=type(error).__name__)

    event.listen(session, "after_commit", remove, once=True)


def stray_folders(
    folder: str,
    known: Callable[[list[uuid.UUID]], Collection[uuid.UUID]],
    *,
    before: datetime,
    batch: int = 500,
) -> list[str]:
    """The folders `<folder>/<id>` (the id a UUID; anything else is left alone) that hold objects,
    none modified at or after `before`, and whose id `known` does not return: it is asked about
    `batch` ids at a time and returns those that still have their row."""
    newest: dict[uuid.UUID, datetime] = {}
    for item in storage().listed(folder):
        part = item.key.removeprefix(f"{folder}/").split("/", 1)[0]
        try:
            owner = uuid.UUID(part)
        except ValueError:
            continue
        if owner not in newest or newest[owner] < item.modified:
            newest[owner] = item.modified
    old = [owner for owner, modified in newest.items() if modified < before]
    stray: list[str] = []
    for start in range(0, len(old), batch):
        chunk = old[start : start + batch]
        alive = set(known(chunk))
        stray.extend(f"{folder}/{owner}" for owner in chunk if owner not in alive)
    return stray


def drop_stray_folders(
    session: Session, folder: str, row_id: InstrumentedAttribute[uuid.UUID], *, before: datetime
) -> int:
    """Deletes the folders `<folder>/<id>` whose row (`row_id`: the primary key column of the
    rows they belong to) is gone and where nothing was written since `before` (`stray_folders`),
    e.g. what an account's deletion left when its rows cascaded. Returns how many went."""

    def known(ids: list[uuid.UUID]) -> list[uuid.UUID]:
        return list(session.scalars(select(row_id).where(row_id.in_(ids))))

    stray = stray_folders(folder, known, before=before)
    for name in stray:
        storage().delete_folder(name)
    if stray:
        log.info("stray-folders-deleted", folder=folder, folders=len(stray))
    return len(stray)


@lru_cache(maxsize=4)
def _build(config: StorageSettings, root: Path) -> Storage:
    if config.storage_backend == "s3":
        return S3Storage(config)
    return LocalStorage(root)
