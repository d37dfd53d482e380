"""Uploads: files stored for their owner, checked by their bytes, described by a background job.

    staged_upload(name=, stream=)   sniffs the type from the first bytes (allow-list) and streams
                                    the bytes to storage with no transaction open, hashing them;
                                    the bytes are deleted again if the block it guards fails
    record_upload                   the file's row (PENDING); its metadata job is queued after
                                    commit
    get_file, list_files, delete_file
                                    the owner's files (someone else's are FileNotFound); a delete
                                    is one conditional DELETE, and the bytes leave storage after it
                                    commits
    served_variant, download_url    what a download streams, or a presigned URL to it (S3)
    prepare_direct_upload, awaiting_upload, check_uploaded, complete_direct_upload
                                    large files sent straight to S3 with a presigned POST, then
                                    checked like an upload through the API (size, sniffed type)
    claim_file, extract_metadata, record_findings, record_failure, stale_file_ids
                                    the metadata job: one conditional UPDATE claims a file under a
                                    lease; extraction runs with no transaction open; the outcome
                                    is recorded only if the claim is still current
    drop_stray_objects              the hourly sweep of objects under `uploads/<id>/` whose row is
                                    gone without them (deleting an account cascades to its files'
                                    rows and no code of this slice runs), once STRAY_GRACE passed

States: AWAITING_UPLOAD (a direct upload not confirmed yet) -> PENDING -> PROCESSING -> DONE, or
FAILED with `failure_reason` (a file that cannot be read as its type, a decompression bomb, or
UPLOADS_MAX_ATTEMPTS attempts that crashed). The metadata job reads image dimensions and PDF
page counts, and writes a copy of each image re-encoded without EXIF or other metadata.
"""

from __future__ import annotations

import hashlib
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain
from typing import IO, Any, BinaryIO

import structlog
from sqlalchemy import and_, delete, event, func, or_, select, update
from sqlalchemy.orm import Session

from core.db import utcnow
from core.downloads import content_disposition
from core.errors import Conflict, DomainError, NotFound, RuleViolated
from core.leases import claim_row
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404
from core.security import Actor
from core.settings import SettingsSection, get_settings, positive_int, seconds_within, setting
from core.storage import (
    CHUNK,
    DirectTransferUnavailable,
    PresignedDownload,
    PresignedUpload,
    Stored,
    TooLarge,
    chunks_of,
    delete_after_commit,
    drop_stray_folders,
    storage,
)
from db.base import new_id
from db.models.uploads import UploadsFile as UploadsFile  # re-exported for handlers

log = structlog.get_logger("trellis.uploads")

AWAITING_UPLOAD, PENDING, PROCESSING, DONE, FAILED = (
    "AWAITING_UPLOAD",
    "PENDING",
    "PROCESSING",
    "DONE",
    "FAILED",
)
PNG, JPEG, GIF, WEBP, PDF = "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"
SNIFFED = (PNG, JPEG, GIF, WEBP, PDF)
#: Pillow's format name for each image type (Image.open is told to expect only that one).
PIL_FORMATS = {PNG: "PNG", JPEG: "JPEG", GIF: "GIF", WEBP: "WEBP"}


def _types(raw: str) -> tuple[str, ...]:
    chosen = tuple(item.strip() for item in raw.split(",") if item.strip())
    unknown = [item for item in chosen if item not in SNIFFED]
    if unknown or not chosen:
        raise ValueError(f"choose among {', '.join(SNIFFED)}")
    return chosen


@dataclass(frozen=True)
class UploadsSettings(SettingsSection):
    """Settings of the uploads domain (storage itself is STORAGE_*'s)."""

    uploads_max_bytes: int = setting(
        "UPLOADS_MAX_BYTES",
        25 * 1024 * 1024,
        "Largest request body of an upload through the API, multipart framing included (413 "
        "beyond it, by Content-Length or while the body streams).",
        parse=positive_int,
    )
    uploads_direct_max_bytes: int = setting(
        "UPLOADS_DIRECT_MAX_BYTES",
        5 * 1024 * 1024 * 1024,
        "Largest file sent straight to S3 with a presigned direct upload.",
        parse=positive_int,
    )
    uploads_allowed_types: tuple[str, ...] = setting(
        "UPLOADS_ALLOWED_TYPES",
        SNIFFED,
        "Types accepted, as sniffed from the bytes (comma-separated; 415 for the others).",
        parse=_types,
    )
    uploads_max_image_pixels: int = setting(
        "UPLOADS_MAX_IMAGE_PIXELS",
        50_000_000,
        "Images with more pixels (all frames counted) are not decoded: the metadata job marks "
        "them FAILED (a decompression bomb guard).",
        parse=positive_int,
    )
    uploads_max_attempts: int = setting(
        "UPLOADS_MAX_ATTEMPTS",
        3,
        "Metadata job attempts that crash (storage unreachable, a worker killed) before FAILED.",
        parse=positive_int,
    )
    uploads_lease_seconds: float = setting(
        "UPLOADS_LEASE_SECONDS",
        300.0,
        "How long a worker owns a file it is reading; after that the sweep hands it to another.",
        parse=seconds_within(86400),
    )
    uploads_sweep_grace_seconds: float = setting(
        "UPLOADS_SWEEP_GRACE_SECONDS",
        60.0,
        "The periodic sweep re-queues a PENDING file once it has waited this long for its job.",
        parse=seconds_within(86400, zero=True),
    )
    uploads_direct_abandon_seconds: float = setting(
        "UPLOADS_DIRECT_ABANDON_SECONDS",
        86400.0,
        "A direct upload not confirmed this long after it was prepared is abandoned: the sweep "
        "deletes its row and any bytes sent to its key (keep it above STORAGE_PRESIGN_SECONDS).",
        parse=seconds_within(30 * 86400),
    )


def uploads_settings() -> UploadsSettings:
    return get_settings().section(UploadsSettings)


class FileNotFound(NotFound, type="/problems/uploads/file-not-found"): ...


class VariantNotFound(NotFound, type="/problems/uploads/variant-not-found"): ...


class UnsupportedType(
    DomainError,
    status=415,
    type="/problems/uploads/unsupported-type",
    title="Unsupported Media Type",
): ...


class FileTooLarge(
    DomainError, status=413, type="/problems/uploads/file-too-large", title="Content Too Large"
): ...


class NotAwaitingUpload(Conflict, type="/problems/uploads/not-awaiting-upload"): ...


class DirectTransferNotAvailable(
    Conflict, type="/problems/uploads/direct-transfer-unavailable"
): ...


class UploadMissing(RuleViolated, type="/problems/uploads/upload-missing"): ...


class Unreadable(Exception):
    """The file cannot be read as its type (broken, truncated, a decompression bomb): the
    metadata job fails for good, with this message as the reason."""


def original_key(file_id: uuid.UUID) -> str:
    return f"uploads/{file_id}/original"


def sniff_type(head: bytes) -> str | None:
    """The type the first bytes announce (their magic numbers), None for anything else."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    return None


def clean_name(raw: str | None) -> str:
    """The client's file name without directories or control characters, at most 255 long."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()[:255]
    return name if name not in ("", ".", "..") else "upload"


def _allowed(head: bytes) -> str:
    allowed = uploads_settings().uploads_allowed_types
    found = sniff_type(head)
    if found is None or found not in allowed:
        raise UnsupportedType(f"The file is not one of: {', '.join(allowed)}.")
    return found


# ---- dispatch: the metadata job of a file, queued once its row has committed -------------------

#: Queues the metadata job of a file. jobs/uploads.py installs it when imported (services cannot
#: import jobs); without it, files wait for the periodic sweep.
Dispatch = Callable[[uuid.UUID], None]
_dispatch: list[Dispatch] = []


def set_dispatch(dispatch: Dispatch) -> None:
    _dispatch[:] = [dispatch]


def _queue_after_commit(session: Session, file_id: uuid.UUID) -> None:
    def queue_job(_session: Session) -> None:
        if not _dispatch:
            return
        try:
            _dispatch[0](file_id)
        except Exception as error:  # the row is safe: the sweep queues it later
            log.warning("uploads-dispatch-failed", file=str(file_id), error=type(error).__name__)

    event.listen(session, "after_commit", queue_job, once=True)


# ---- uploads through the API --------------------------------------------------------------------


@dataclass(frozen=True)
class Staged:
    """Bytes in storage that no row points at yet."""

    file_id: uuid.UUID
    name: str
    content_type: str
    key: str
    stored: Stored


@contextmanager
def staged_upload(*, name: str | None, stream: BinaryIO) -> Iterator[Staged]:
    """Sniffs the stream's type (UnsupportedType unless allowed) and streams it to storage with
    no transaction open; if the block fails, the stored bytes are deleted again."""
    config = uploads_settings()
    head = stream.read(CHUNK)
    content_type = _allowed(head)
    file_id = new_id()
    key = original_key(file_id)
    store = storage()
    try:
        stored = store.write(
            key, chain([head], chunks_of(stream)), max_bytes=config.uploads_max_bytes
        )
    except TooLarge as error:
        raise FileTooLarge(f"The file exceeds {error.max_bytes} bytes.") from error
    try:
        yield Staged(file_id, clean_name(name), content_type, key, stored)
    except BaseException:
        store.delete(key)
        raise


def record_upload(session: Session, actor: Actor, *, staged: Staged) -> UploadsFile:
    """Records staged bytes as the caller's file, PENDING; its metadata job is queued after
    commit."""
    file = UploadsFile(
        id=staged.file_id,
        owner_id=actor.user_id,
        name=staged.name,
        content_type=staged.content_type,
        size=staged.stored.size,
        sha256=staged.stored.sha256,
        storage_key=staged.key,
        status=PENDING,
    )
    session.add(file)
    session.flush()
    _queue_after_commit(session, file.id)
    return file


def get_file(session: Session, actor: Actor, *, file_id: uuid.UUID) -> UploadsFile:
    """The caller's file; someone else's file is FileNotFound, like a missing one."""
    mine = UploadsFile.owner_id == actor.user_id
    return get_or_404(session, UploadsFile, file_id, where=mine, missing=FileNotFound())


def get_file_to_refer_to(session: Session, actor: Actor, *, file_id: uuid.UUID) -> UploadsFile:
    """The caller's file, for a row about to refer to it by foreign key: on PostgreSQL it stays
    locked (FOR KEY SHARE) until the transaction ends, so a concurrent delete_file waits for that
    row to commit (and its ON DELETE rule applies to it) instead of the INSERT failing the foreign
    key; a delete that got there first is waited for, then the file is FileNotFound."""
    query = (
        select(UploadsFile)
        .where(UploadsFile.id == file_id, UploadsFile.owner_id == actor.user_id)
        .with_for_update(read=True, key_share=True)
    )
    file = session.scalars(query).first()
    if file is None:
        raise FileNotFound()
    return file


def list_files(
    session: Session,
    actor: Actor,
    *,
    content_type: str | None = None,
    status: str | None = None,
    q: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[UploadsFile]:
    """The caller's files (of one type, in one status, named with `q` in it, if given), newest
    first, one keyset page at a time."""
    query = select(UploadsFile).where(UploadsFile.owner_id == actor.user_id)
    if content_type is not None:
        query = query.where(UploadsFile.content_type == content_type)
    if status is not None:
        query = query.where(UploadsFile.status == status)
    if q is not None:
        query = query.where(func.lower(UploadsFile.name).contains(q.lower(), autoescape=True))
    kind = f"uploads-files:{content_type or ''}:{status or ''}:{q or ''}"
    return paginate_by_creation(session, query, kind=kind, limit=limit, cursor=cursor)


def delete_file(session: Session, actor: Actor, *, file_id: uuid.UUID) -> None:
    """Deletes the caller's file in one conditional DELETE, so of concurrent deletes exactly one
    succeeds (the others find nothing: FileNotFound); its bytes leave storage after commit."""
    row = session.execute(
        delete(UploadsFile)
        .where(UploadsFile.id == file_id, UploadsFile.owner_id == actor.user_id)
        .returning(UploadsFile.storage_key, UploadsFile.stripped_key)
        .execution_options(synchronize_session=False)
    ).first()
    if row is None:
        raise FileNotFound()
    delete_after_commit(session, [key for key in row if key])


# ---- downloads ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Served:
    """One stored variant of a file, as a download serves it."""

    key: str
    size: int
    sha256: str
    content_type: str
    name: str


def served_variant(
    session: Session, actor: Actor, *, file_id: uuid.UUID, variant: str = "ORIGINAL"
) -> Served:
    """The caller's stored file (ORIGINAL) or its metadata-free image copy (STRIPPED, once the
    job wrote it: VariantNotFound before, and for PDFs); a file awaiting its direct upload is
    FileNotFound."""
    file = get_file(session, actor, file_id=file_id)
    if file.status == AWAITING_UPLOAD or file.content_type is None or file.size is None:
        raise FileNotFound()
    if variant == "STRIPPED":
        if not (file.stripped_key and file.stripped_size is not None and file.stripped_sha256):
            raise VariantNotFound("This file has no STRIPPED variant (yet).")
        return Served(
            file.stripped_key,
            file.stripped_size,
            file.stripped_sha256,
            file.content_type,
            file.name,
        )
    if file.sha256 is None:  # a direct upload whose job has not hashed it yet
        raise VariantNotFound("This file is still being checked; try again shortly.")
    return Served(file.storage_key, file.size, file.sha256, file.content_type, file.name)


def download_url(
    session: Session, actor: Actor, *, file_id: uuid.UUID, variant: str = "ORIGINAL"
) -> PresignedDownload:
    """A presigned GET for the caller's file variant, named like the API's download (S3 only:
    DirectTransferNotAvailable with local storage)."""
    served = served_variant(session, actor, file_id=file_id, variant=variant)
    try:
        return storage().presigned_download(
            served.key,
            content_type=served.content_type,
            disposition=content_disposition(served.name),
        )
    except DirectTransferUnavailable as error:
        raise DirectTransferNotAvailable(
            "Direct transfers need S3 storage; download through the API instead."
        ) from error


# ---- direct uploads (S3) ------------------------------------------------------------------------


def prepare_direct_upload(
    session: Session, actor: Actor, *, name: str
) -> tuple[UploadsFile, PresignedUpload]:
    """Records the caller's file AWAITING_UPLOAD and presigns a POST of its bytes to storage
    (S3 only: DirectTransferNotAvailable with local storage)."""
    file_id = new_id()
    key = original_key(file_id)
    try:
        presigned = storage().presigned_upload(
            key, max_bytes=uploads_settings().uploads_direct_max_bytes
        )
    except DirectTransferUnavailable as error:
        raise DirectTransferNotAvailable(
            "Direct transfers need S3 storage; upload through the API instead."
        ) from error
    file = UploadsFile(
        id=file_id,
        owner_id=actor.user_id,
        name=clean_name(name),
        storage_key=key,
        status=AWAITING_UPLOAD,
    )
    session.add(file)
    session.flush()
    return file, presigned


def awaiting_upload(session: Session, actor: Actor, *, file_id: uuid.UUID) -> str:
    """The storage key of the caller's file, if it awaits its direct upload (NotAwaitingUpload
    otherwise)."""
    file = get_file(session, actor, file_id=file_id)
    if file.status != AWAITING_UPLOAD:
        raise NotAwaitingUpload(f"This file is {file.status}, not {AWAITING_UPLOAD}.")
    return file.storage_key


@dataclass(frozen=True)
class Checked:
    key: str
    size: int
    content_type: str


def check_uploaded(key: str) -> Checked:
    """Checks directly uploaded bytes as an upload through the API is checked, with no
    transaction open: present (UploadMissing), within UPLOADS_DIRECT_MAX_BYTES (FileTooLarge) and
    an allowed type by their first bytes (UnsupportedType). Bytes that fail are deleted."""
    store = storage()
    size = store.size(key)
    if size is None:
        raise UploadMissing("The storage service has no bytes for this file yet.")
    limit = uploads_settings().uploads_direct_max_bytes
    try:
        if size > limit:
            raise FileTooLarge(f"The file exceeds {limit} bytes.")
        head = b"".join(store.read(key, 0, 15)) if size else b""
        content_type = _allowed(head)
    except DomainError:
        store.delete(key)
        raise
    return Checked(key, size, content_type)


def complete_direct_upload(
    session: Session, actor: Actor, *, file_id: uuid.UUID, checked: Checked
) -> UploadsFile:
    """Moves the caller's checked direct upload to PENDING (the job hashes it) in one
    conditional UPDATE; NotAwaitingUpload if another completion won."""
    now = utcnow()
    done = session.execute(
        update(UploadsFile)
        .where(
            UploadsFile.id == file_id,
            UploadsFile.owner_id == actor.user_id,
            UploadsFile.status == AWAITING_UPLOAD,
            UploadsFile.storage_key == checked.key,
        )
        .values(
            status=PENDING, size=checked.size, content_type=checked.content_type, updated_at=now
        )
        .execution_options(synchronize_session=False)
    )
    if not done.rowcount:  # type: ignore[attr-defined]
        raise NotAwaitingUpload("This file was confirmed already.")
    _queue_after_commit(session, file_id)
    file = get_file(session, actor, file_id=file_id)
    session.refresh(file)
    return file


# ---- the metadata job (the worker) --------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A file a worker owns until its lease expires: attempt `attempt` at its metadata."""

    file_id: uuid.UUID
    attempt: int
    key: str
    content_type: str
    size: int | None
    sha256: str | None


@dataclass(frozen=True)
class Findings:
    size: int
    sha256: str
    width: int | None = None
    height: int | None = None
    page_count: int | None = None
    stripped_key: str | None = None
    stripped: Stored | None = None


def claim_file(
    session: Session, *, file_id: uuid.UUID, now: datetime | None = None
) -> Claim | None:
    """Moves a PENDING file (or a PROCESSING one whose lease expired) to PROCESSING in one
    conditional UPDATE and returns the claim; None when it is not claimable."""
    config = uploads_settings()
    now = now or utcnow()
    row = claim_row(
        session,
        UploadsFile,
        file_id,
        ready=(PENDING,),
        running=PROCESSING,
        max_attempts=config.uploads_max_attempts,
        lease_seconds=config.uploads_lease_seconds,
        now=now,
        returning=(
            UploadsFile.storage_key,
            UploadsFile.content_type,
            UploadsFile.size,
            UploadsFile.sha256,
        ),
    )
    if row is None:
        return None
    attempt, key, content_type, size, sha256 = row
    return Claim(file_id, attempt, key, str(content_type), size, sha256)


def extract_metadata(claim: Claim) -> Findings:
    """Reads the claimed file once from storage (into a temporary file, hashing it) and finds its
    metadata: dimensions and a metadata-free copy of an image, the page count of a PDF. Raises
    Unreadable for a file that is not what its first bytes announced."""
    store = storage()
    digest = hashlib.sha256()
    size = 0
    with tempfile.TemporaryFile() as copy:
        for chunk in store.read(claim.key):
            digest.update(chunk)
            size += len(chunk)
            copy.write(chunk)
        if claim.sha256 is not None and digest.hexdigest() != claim.sha256:
            raise Unreadable("the stored bytes no longer match their checksum")
        copy.seek(0)
        if claim.content_type == PDF:
            return Findings(size, digest.hexdigest(), page_count=_pdf_pages(copy))
        width, height, stripped_key, stripped = _image(copy, claim)
        return Findings(size, digest.hexdigest(), width, height, None, stripped_key, stripped)


def _pdf_pages(copy: IO[bytes]) -> int:
    from pypdf import PdfReader

    try:
        return len(PdfReader(copy).pages)
    except Exception as error:  # pypdf raises many kinds for broken files
        raise Unreadable(f"not a readable PDF ({type(error).__name__})") from error


def _image(copy: IO[bytes], claim: Claim) -> tuple[int, int, str, Stored]:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    limit = uploads_settings().uploads_max_image_pixels
    pil_format = PIL_FORMATS[claim.content_type]
    try:
        # Opening reads the header only; nothing is decoded before the pixel count is checked.
        with Image.open(copy, formats=[pil_format]) as image:
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
            if width * height * frames > limit:
                raise Unreadable(
                    f"{width}x{height} pixels in {frames} frame(s) exceed UPLOADS_MAX_IMAGE_PIXELS "
                    f"({limit}): not decoded"
                )
            with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as out:
                if frames > 1:
                    # Every frame is kept; Pillow writes metadata only when it is passed in.
                    shown = [frame.copy() for frame in ImageSequence.Iterator(image)]
                    for frame in shown:
                        frame.info = _kept_info(frame.info)
                    shown[0].save(
                        out,
                        format=pil_format,
                        save_all=True,
                        append_images=shown[1:],
                        **_animation(image.info),
                    )
                else:
                    # The orientation tag goes with the EXIF, so the pixels are turned first.
                    upright = ImageOps.exif_transpose(image) or image
                    clean = upright.copy()
                    clean.info = _kept_info(image.info)
                    clean.save(out, format=pil_format, **_encoding(pil_format, image.info))
                out.seek(0)
                key = f"uploads/{claim.file_id}/stripped-{claim.attempt}"
                stored = storage().write(key, chunks_of(out))  # type: ignore[arg-type]
    except Unreadable:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
    ) as error:
        raise Unreadable(f"not a readable {pil_format} image ({type(error).__name__})") from error
    return width, height, key, stored


def _kept_info(info: dict[Any, Any]) -> dict[Any, Any]:
    """What a metadata-free copy keeps of an image's info: how it is drawn, nothing about it."""
    return {name: info[name] for name in ("transparency", "duration", "loop") if name in info}


def _animation(info: dict[Any, Any]) -> dict[str, Any]:
    return {name: info[name] for name in ("duration", "loop") if name in info}


def _encoding(pil_format: str, info: dict[Any, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if pil_format in ("JPEG", "WEBP"):
        options["quality"] = 90
    if "icc_profile" in info:  # colour, not metadata about the picture's origin
        options["icc_profile"] = info["icc_profile"]
    return options


def record_findings(session: Session, claim: Claim, findings: Findings) -> bool:
    """Marks the claimed attempt DONE with its findings; False when the claim was lost (lease
    expired and re-claimed, or the file deleted meanwhile): the caller discards its copy."""
    now = utcnow()
    done = session.execute(
        update(UploadsFile)
        .where(*_this_attempt(claim))  # type: ignore[arg-type]
        .values(
            status=DONE,
            size=findings.size,
            sha256=findings.sha256,
            width=findings.width,
            height=findings.height,
            page_count=findings.page_count,
            stripped_key=findings.stripped_key,
            stripped_size=findings.stripped.size if findings.stripped else None,
            stripped_sha256=findings.stripped.sha256 if findings.stripped else None,
            failure_reason=None,
            lease_expires_at=None,
            processed_at=now,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def discard(findings: Findings) -> None:
    """Deletes what a lost attempt wrote."""
    if findings.stripped_key:
        storage().delete(findings.stripped_key)


def record_failure(session: Session, claim: Claim, reason: str, *, permanent: bool) -> str | None:
    """Records a failed attempt: FAILED for an unreadable file or after the last allowed attempt,
    else PENDING again for the sweep. Returns the new status (None when the claim was lost)."""
    config = uploads_settings()
    now = utcnow()
    status = FAILED if permanent or claim.attempt >= config.uploads_max_attempts else PENDING
    done = session.execute(
        update(UploadsFile)
        .where(*_this_attempt(claim))  # type: ignore[arg-type]
        .values(
            status=status,
            failure_reason=reason[:300],
            lease_expires_at=None,
            processed_at=now if status == FAILED else None,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if not done.rowcount:  # type: ignore[attr-defined]
        return None
    log.info(
        "uploads-metadata-failed", file=str(claim.file_id), attempt=claim.attempt, status=status
    )
    return status


def _this_attempt(claim: Claim) -> tuple[object, ...]:
    return (
        UploadsFile.id == claim.file_id,
        UploadsFile.status == PROCESSING,
        UploadsFile.attempts == claim.attempt,
    )


def drop_abandoned_uploads(
    session: Session, *, now: datetime | None = None, limit: int = 500
) -> int:
    """Deletes direct uploads still AWAITING_UPLOAD UPLOADS_DIRECT_ABANDON_SECONDS after they
    were prepared (their presigned URL long expired, never confirmed), and, after commit, any
    bytes a client sent to their keys: nothing waits forever, nothing stays stored unowned.
    Returns how many went."""
    cutoff = (now or utcnow()) - timedelta(
        seconds=uploads_settings().uploads_direct_abandon_seconds
    )
    abandoned = select(UploadsFile.id, UploadsFile.storage_key).where(
        UploadsFile.status == AWAITING_UPLOAD, UploadsFile.created_at <= cutoff
    )
    rows = session.execute(abandoned.limit(limit)).all()
    if not rows:
        return 0
    session.execute(
        delete(UploadsFile)
        .where(UploadsFile.id.in_([row.id for row in rows]), UploadsFile.status == AWAITING_UPLOAD)
        .execution_options(synchronize_session=False)
    )
    delete_after_commit(session, [row.storage_key for row in rows])
    return len(rows)


#: How old the newest object of a folder with no row must be before the stray sweep deletes it:
#: an upload through the API stores its bytes first and commits its row right after.
STRAY_GRACE = timedelta(hours=1)


def drop_stray_objects(session: Session, *, now: datetime | None = None) -> int:
    """Deletes every object under `uploads/<id>/` for which no file row exists (its owner's
    account was deleted: the rows cascade, the objects stay) and nothing was written for
    STRAY_GRACE. Returns how many folders went."""
    return drop_stray_folders(
        session, "uploads", UploadsFile.id, before=(now or utcnow()) - STRAY_GRACE
    )


def stale_file_ids(
    session: Session, *, now: datetime | None = None, limit: int = 500
) -> list[uuid.UUID]:
    """What the sweep queues again: PENDING files that waited past the grace for their job, and
    PROCESSING files whose lease expired (their worker died). One whose lease expired on its last
    allowed attempt becomes FAILED instead."""
    config = uploads_settings()
    now = now or utcnow()
    expired = and_(UploadsFile.status == PROCESSING, UploadsFile.lease_expires_at < now)
    session.execute(
        update(UploadsFile)
        .where(expired, UploadsFile.attempts >= config.uploads_max_attempts)
        .values(
            status=FAILED,
            failure_reason="the worker stopped during the last attempt (lease expired)",
            lease_expires_at=None,
            processed_at=now,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    overdue = now - timedelta(seconds=config.uploads_sweep_grace_seconds)
    waiting = and_(UploadsFile.status == PENDING, UploadsFile.updated_at <= overdue)
    query = select(UploadsFile.id).where(or_(waiting, expired)).limit(limit)
    return list(session.scalars(query))
