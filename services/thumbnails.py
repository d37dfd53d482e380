"""Thumbnails: smaller copies of a user's uploaded image, rendered by a background job.

    create_job                      asks for the thumbnails of one of the caller's uploaded
                                    images (one job per file; the sizes are THUMBNAILS_SIZES at
                                    that moment); the job is queued after commit
    get_job, list_jobs, retry_job, delete_job, served_thumbnail
                                    the owner's jobs (someone else's are JobNotFound)
    claim_job, clean_earlier_runs, opened_original, is_current, render, record_image,
    finish_job, record_failure, release_lost, drop_orphans, stale_job_ids, drop_stray_objects
                                    the job: one conditional UPDATE claims it under a lease and
                                    starts a new generation; each size is rendered with no
                                    transaction open, written whole under a key of that
                                    generation, and made visible by committing its row, fenced by
                                    the generation and by its file still existing

States: PENDING -> RUNNING -> DONE, or FAILED with `last_error` (an image that cannot be decoded,
one over THUMBNAILS_MAX_IMAGE_PIXELS, or THUMBNAILS_MAX_ATTEMPTS attempts that crashed). A FAILED
job can be retried (PENDING again, attempts from 0). Re-running a job keeps every thumbnail whose
stored bytes still match the size and SHA-256 its row records: only missing or damaged ones are
rendered again. An animated image is thumbnailed from its first frame.

Deleting the uploaded file (uploads.delete_file) sets the job's `file_id` to NULL in the same
statement (the foreign key's ON DELETE SET NULL); a cascade would drop the rows and leave their
objects stored forever. From then on the job is an orphan: hidden from the API, and deleted with
every object under `thumbnails/<job id>/` (all generations, those a killed worker wrote included)
by whoever holds it: the worker running it, at its next fenced write (the fence fails, it deletes
what it just wrote, then the job, see release_lost); the worker claiming it (claim_job); or the
periodic sweep, once no live lease protects it (drop_orphans). The objects go after the row's
delete commits, so nothing visible ever names a missing object; a worker still rendering finds
its fence failed and deletes its own write. On PostgreSQL the SET NULL locks the job row, so it
and a worker's fenced write are ordered: either the write commits first (and its row goes with
the job) or it sees the NULL and fails.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from core.after_commit import AfterCommit
from core.db import utcnow
from core.errors import Conflict, NotFound, RuleViolated
from core.leases import claim_row
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404, insert_ignoring_duplicates
from core.security import Actor
from core.settings import SettingsSection, get_settings, positive_int, seconds_within, setting
from core.storage import Stored, chunks_of, delete_after_commit, drop_stray_folders, storage
from db.base import new_id
from db.models.thumbnails import ThumbnailsImage as ThumbnailsImage  # re-exported for handlers
from db.models.thumbnails import ThumbnailsJob as ThumbnailsJob
from services import uploads

log = structlog.get_logger("trellis.thumbnails")

PENDING, RUNNING, DONE, FAILED = "PENDING", "RUNNING", "DONE", "FAILED"
#: What a thumbnail is saved as, by the original's type: an animated GIF's first frame is a PNG.
OUTPUT = {
    uploads.PNG: ("PNG", "image/png", "png"),
    uploads.JPEG: ("JPEG", "image/jpeg", "jpg"),
    uploads.GIF: ("PNG", "image/png", "png"),
    uploads.WEBP: ("WEBP", "image/webp", "webp"),
}
MAX_SIZE = 4096


def _sizes(raw: str) -> tuple[int, ...]:
    sizes = sorted({int(item) for item in raw.split(",") if item.strip()})
    if not sizes or sizes[0] < 1 or sizes[-1] > MAX_SIZE or len(sizes) > 8:
        raise ValueError(f"one to eight sizes from 1 to {MAX_SIZE}")
    return tuple(sizes)


def _directory(raw: str) -> Path | None:
    return Path(raw) if raw else None


@dataclass(frozen=True)
class ThumbnailsSettings(SettingsSection):
    """Settings of the thumbnails domain (the images are stored by core.storage)."""

    thumbnails_sizes: tuple[int, ...] = setting(
        "THUMBNAILS_SIZES",
        (64, 256, 1024),
        "Sizes a job renders (comma-separated pixels, 1-4096): each thumbnail fits in a square "
        "of that side, aspect ratio kept, never enlarged. A job keeps the sizes it was asked with.",
        shown="64,256,1024",
        parse=_sizes,
    )
    thumbnails_max_image_pixels: int = setting(
        "THUMBNAILS_MAX_IMAGE_PIXELS",
        50_000_000,
        "Originals with more pixels (width x height, read from the header) are not decoded: the "
        "job is FAILED (a decompression bomb guard).",
        parse=positive_int,
    )
    thumbnails_max_attempts: int = setting(
        "THUMBNAILS_MAX_ATTEMPTS",
        3,
        "Job attempts that crash (storage unreachable, a worker killed) before FAILED.",
        parse=positive_int,
    )
    thumbnails_lease_seconds: float = setting(
        "THUMBNAILS_LEASE_SECONDS",
        300.0,
        "How long a worker owns a job it runs; after that the sweep hands it to another.",
        parse=seconds_within(86400),
    )
    thumbnails_sweep_grace_seconds: float = setting(
        "THUMBNAILS_SWEEP_GRACE_SECONDS",
        60.0,
        "The periodic sweep re-queues a PENDING job once it has waited this long.",
        parse=seconds_within(86400, zero=True),
    )
    thumbnails_test_pause_dir: Path | None = setting(
        "THUMBNAILS_TEST_PAUSE_DIR",
        None,
        "Tests only (leave unset): a worker writes `<job>.paused` here after storing the second "
        "size's bytes, before making them visible, and waits for `<job>.resume`.",
        parse=_directory,
    )


def thumbnails_settings() -> ThumbnailsSettings:
    return get_settings().section(ThumbnailsSettings)


class JobNotFound(NotFound, type="/problems/thumbnails/job-not-found"): ...


class FileNotFound(NotFound, type="/problems/thumbnails/file-not-found"): ...


class ThumbnailNotFound(NotFound, type="/problems/thumbnails/thumbnail-not-found"): ...


class NotAnImage(RuleViolated, type="/problems/thumbnails/not-an-image"): ...


class JobExists(Conflict, type="/problems/thumbnails/job-exists"): ...


class JobNotFailed(Conflict, type="/problems/thumbnails/job-not-failed"): ...


class Unrenderable(Exception):
    """The original cannot be decoded (broken, or over the pixel limit): the job fails for good,
    with this message as its `last_error`."""


rendering = AfterCommit("thumbnails-render")


# ---- the API's side --------------------------------------------------------------------------


def create_job(session: Session, actor: Actor, *, file_id: uuid.UUID) -> ThumbnailsJob:
    """Asks for the thumbnails of the caller's uploaded image (FileNotFound for someone else's,
    NotAnImage for a PDF or a direct upload not completed): one job per file, so a second
    request (concurrent ones included) is JobExists naming the first. The file is locked against
    deletion until commit: a concurrent delete_file either finishes first (FileNotFound) or
    waits and sets the new job's file_id to NULL (an orphan, swept like any other)."""
    try:
        file = uploads.get_file_to_refer_to(session, actor, file_id=file_id)
    except uploads.FileNotFound as error:
        raise FileNotFound("No such uploaded file.") from error
    if file.content_type not in OUTPUT or file.status == uploads.AWAITING_UPLOAD:
        raise NotAnImage(
            "Thumbnails are made of uploaded PNG, JPEG, GIF and WebP images only; "
            f"this file is {file.content_type or 'not uploaded yet'}."
        )
    job_id = new_id()
    sizes = ",".join(str(size) for size in thumbnails_settings().thumbnails_sizes)
    now = utcnow()
    inserted = insert_ignoring_duplicates(
        session,
        ThumbnailsJob,
        id=job_id,
        owner_id=actor.user_id,
        file_id=file_id,
        file_name=file.name,
        sizes=sizes,
        status=PENDING,
        attempts=0,
        generation=0,
        created_at=now,
        updated_at=now,
    )
    if not inserted:
        existing = session.scalar(select(ThumbnailsJob.id).where(ThumbnailsJob.file_id == file_id))
        raise JobExists("This file has a thumbnail job already.", job_id=str(existing))
    rendering.queue(session, job_id)
    return get_job(session, actor, job_id=job_id)


def get_job(session: Session, actor: Actor, *, job_id: uuid.UUID) -> ThumbnailsJob:
    """The caller's job with its thumbnails; someone else's is JobNotFound, like a missing one,
    and so is one whose file was deleted."""
    mine = and_(ThumbnailsJob.owner_id == actor.user_id, ThumbnailsJob.file_id.is_not(None))
    return get_or_404(session, ThumbnailsJob, job_id, where=mine, missing=JobNotFound())


def list_jobs(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    file_id: uuid.UUID | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[ThumbnailsJob]:
    """The caller's jobs (in one status, of one file, if given), newest first, a keyset page at a
    time, their thumbnails loaded in one more statement whatever the page size."""
    query = select(ThumbnailsJob).where(
        ThumbnailsJob.owner_id == actor.user_id, ThumbnailsJob.file_id.is_not(None)
    )
    if status is not None:
        query = query.where(ThumbnailsJob.status == status)
    if file_id is not None:
        query = query.where(ThumbnailsJob.file_id == file_id)
    return paginate_by_creation(
        session,
        query,
        kind=f"thumbnails-jobs:{status or ''}:{file_id or ''}",
        limit=limit,
        cursor=cursor,
        load=lambda picked: picked.options(selectinload(ThumbnailsJob.images)),
    )


def retry_job(session: Session, actor: Actor, *, job_id: uuid.UUID) -> ThumbnailsJob:
    """Makes the caller's FAILED job PENDING again with a fresh set of attempts, in one
    conditional UPDATE (JobNotFailed for any other status, so two retries queue it once); the
    job is queued after commit and keeps what it rendered correctly before."""
    retried = session.execute(
        update(ThumbnailsJob)
        .where(
            ThumbnailsJob.id == job_id,
            ThumbnailsJob.owner_id == actor.user_id,
            ThumbnailsJob.file_id.is_not(None),
            ThumbnailsJob.status == FAILED,
        )
        .values(status=PENDING, attempts=0, finished_at=None, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    job = get_job(session, actor, job_id=job_id)
    if not retried.rowcount:  # type: ignore[attr-defined]
        raise JobNotFailed(f"Only a FAILED job can be retried; this one is {job.status}.")
    session.refresh(job)
    rendering.queue(session, job_id)
    return job


def delete_job(session: Session, actor: Actor, *, job_id: uuid.UUID) -> None:
    """Deletes the caller's job and its thumbnails; the job row is locked first, so a worker
    still running it cannot make one more thumbnail visible, and every object under the job's
    folder (unseen leftovers of killed runs included) leaves storage after commit."""
    job = get_or_404(
        session,
        ThumbnailsJob,
        job_id,
        where=and_(ThumbnailsJob.owner_id == actor.user_id, ThumbnailsJob.file_id.is_not(None)),
        missing=JobNotFound(),
        lock=True,
    )
    session.delete(job)
    session.flush()
    delete_after_commit(session, [], folders=[job_folder(job_id)])


@dataclass(frozen=True)
class Served:
    key: str
    size: int
    sha256: str
    content_type: str
    name: str


def served_thumbnail(session: Session, actor: Actor, *, job_id: uuid.UUID, size: int) -> Served:
    """The caller's thumbnail of one size, once visible (ThumbnailNotFound before, and for a size
    the job does not make)."""
    job = get_job(session, actor, job_id=job_id)
    image = session.scalar(
        select(ThumbnailsImage).where(
            ThumbnailsImage.job_id == job.id, ThumbnailsImage.size == size
        )
    )
    if image is None:
        raise ThumbnailNotFound(f"This job has no {size} pixel thumbnail (yet).")
    stem = job.file_name.rsplit(".", 1)[0] or "thumbnail"
    extension = image.storage_key.rsplit(".", 1)[-1]
    return Served(
        image.storage_key,
        image.byte_size,
        image.sha256,
        image.content_type,
        f"{stem}-{size}.{extension}",
    )


# ---- the job (the worker) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    key: str
    byte_size: int
    sha256: str


@dataclass(frozen=True)
class Claim:
    """A job a worker owns until its lease expires: run `generation` of it."""

    job_id: uuid.UUID
    generation: int
    attempt: int
    sizes: tuple[int, ...]
    original_key: str
    content_type: str
    original_sha256: str | None
    recorded: dict[int, Kept]


@dataclass(frozen=True)
class Rendered:
    size: int
    width: int
    height: int
    content_type: str
    key: str
    stored: Stored


def job_folder(job_id: uuid.UUID) -> str:
    """Where every object of a job lives, whatever run wrote it."""
    return f"thumbnails/{job_id}"


def image_key(job_id: uuid.UUID, size: int, generation: int, extension: str) -> str:
    return f"{job_folder(job_id)}/{size}-g{generation}.{extension}"


def claim_job(session: Session, *, job_id: uuid.UUID, now: datetime | None = None) -> Claim | None:
    """Moves a PENDING job (or a RUNNING one whose lease expired) to RUNNING in one conditional
    UPDATE that also starts its next generation; None when it is not claimable (DONE, FAILED,
    deleted, or held by a live worker), and when its file is gone: the orphan is then deleted
    (release_lost)."""
    config = thumbnails_settings()
    now = now or utcnow()
    row = claim_row(
        session,
        ThumbnailsJob,
        job_id,
        ready=(PENDING,),
        running=RUNNING,
        max_attempts=config.thumbnails_max_attempts,
        lease_seconds=config.thumbnails_lease_seconds,
        now=now,
        values={
            "generation": ThumbnailsJob.generation + 1,
            "started_at": func.coalesce(ThumbnailsJob.started_at, now),
        },
        returning=(ThumbnailsJob.generation, ThumbnailsJob.sizes, ThumbnailsJob.file_id),
    )
    if row is None:
        return None
    attempt, generation, sizes, file_id = row
    file = None if file_id is None else session.get(uploads.UploadsFile, file_id)
    if file is None:
        _delete_orphan(session, ThumbnailsJob.id == job_id, ThumbnailsJob.generation == generation)
        return None
    if file.content_type is None:
        return None
    recorded = {
        image.size: Kept(image.storage_key, image.byte_size, image.sha256)
        for image in session.scalars(
            select(ThumbnailsImage).where(ThumbnailsImage.job_id == job_id)
        )
    }
    return Claim(
        job_id,
        generation,
        attempt,
        tuple(int(size) for size in sizes.split(",")),
        file.storage_key,
        file.content_type,
        file.sha256,
        recorded,
    )


def clean_earlier_runs(claim: Claim) -> None:
    """Deletes what earlier generations wrote and never made visible (a worker killed between
    writing an object and committing its row): every key of theirs that no row names."""
    extension = OUTPUT[claim.content_type][2]
    named = {kept.key for kept in claim.recorded.values()}
    store = storage()
    for generation in range(1, claim.generation):
        for size in claim.sizes:
            key = image_key(claim.job_id, size, generation, extension)
            if key not in named:
                store.delete(key)


def is_current(claim: Claim, size: int) -> bool:
    """Whether the thumbnail of `size` is recorded and its stored bytes still match the size and
    SHA-256 of its row (then it is kept, not rendered again)."""
    kept = claim.recorded.get(size)
    if kept is None:
        return False
    store = storage()
    if store.size(kept.key) != kept.byte_size:
        return False
    digest = hashlib.sha256()
    for chunk in store.read(kept.key):
        digest.update(chunk)
    return digest.hexdigest() == kept.sha256


@contextmanager
def opened_original(claim: Claim) -> Iterator[Any]:
    """The original's first frame, decoded and turned upright by its EXIF orientation, with no
    metadata kept. Raises Unrenderable for an image over THUMBNAILS_MAX_IMAGE_PIXELS (checked from
    the header, before decoding) or one that is not what its type says."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    limit = thumbnails_settings().thumbnails_max_image_pixels
    pil_format = uploads.PIL_FORMATS[claim.content_type]
    digest = hashlib.sha256()
    with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as copy:
        for chunk in storage().read(claim.original_key):
            digest.update(chunk)
            copy.write(chunk)
        if claim.original_sha256 is not None and digest.hexdigest() != claim.original_sha256:
            raise Unrenderable("the stored original no longer matches its checksum")
        copy.seek(0)
        try:
            with Image.open(copy, formats=[pil_format]) as image:
                width, height = image.size
                if width * height > limit:
                    raise Unrenderable(
                        f"{width}x{height} pixels exceed THUMBNAILS_MAX_IMAGE_PIXELS ({limit}): "
                        "not decoded"
                    )
                image.seek(0)  # an animation's first frame
                upright = ImageOps.exif_transpose(image) or image
                mode = _mode(upright, OUTPUT[claim.content_type][0])
                base = upright.convert(mode) if upright.mode != mode else upright.copy()
                icc = image.info.get("icc_profile")
        except Unrenderable:
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
            raise Unrenderable(
                f"not a readable {pil_format} image ({type(error).__name__})"
            ) from error
    base.info = {"icc_profile": icc} if icc else {}
    yield base


def _mode(image: Any, pil_format: str) -> str:
    if pil_format == "JPEG":
        return image.mode if image.mode in ("RGB", "L") else "RGB"
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return str(image.mode)
    return "RGBA"


def render(claim: Claim, base: Any, size: int) -> Rendered:
    """Scales the upright original to fit a `size` square (never enlarged) and writes it whole
    under this generation's key, which no row names yet: nothing is visible before
    record_image commits."""
    from PIL import Image

    pil_format, content_type, extension = OUTPUT[claim.content_type]
    width, height = base.size
    scale = min(1.0, size / width, size / height)
    fitted = (max(1, round(width * scale)), max(1, round(height * scale)))
    thumb = base.resize(fitted, Image.Resampling.LANCZOS) if fitted != base.size else base.copy()
    options: dict[str, Any] = {"quality": 85} if pil_format in ("JPEG", "WEBP") else {}
    if "icc_profile" in base.info:  # colour, not metadata about the picture's origin
        options["icc_profile"] = base.info["icc_profile"]
    thumb.info = {}
    with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as out:
        thumb.save(out, format=pil_format, **options)
        out.seek(0)
        key = image_key(claim.job_id, size, claim.generation, extension)
        stored = storage().write(key, chunks_of(out))  # type: ignore[arg-type]
    rendered = Rendered(size, fitted[0], fitted[1], content_type, key, stored)
    _pause_for_tests(claim, size)
    return rendered


def _pause_for_tests(claim: Claim, size: int) -> None:
    """THUMBNAILS_TEST_PAUSE_DIR: holds the second size between its write and its commit, so a
    test can kill the worker there (it waits for the file saying so, then SIGKILLs)."""
    folder = thumbnails_settings().thumbnails_test_pause_dir
    if folder is None or len(claim.sizes) < 2 or size != claim.sizes[1]:
        return
    (folder / f"{claim.job_id}.paused").touch()
    while not (folder / f"{claim.job_id}.resume").exists():
        time.sleep(0.05)


def _this_run(claim: Claim) -> tuple[Any, ...]:
    return (
        ThumbnailsJob.id == claim.job_id,
        ThumbnailsJob.status == RUNNING,
        ThumbnailsJob.generation == claim.generation,
        ThumbnailsJob.file_id.is_not(None),
    )


def _delete_orphan(session: Session, *conditions: Any) -> list[uuid.UUID]:
    """Deletes the orphaned jobs (file deleted) meeting `conditions`, their thumbnails' rows with
    them, and every object under their folders after commit. Returns their ids."""
    gone = list(
        session.scalars(
            delete(ThumbnailsJob)
            .where(ThumbnailsJob.file_id.is_(None), *conditions)
            .returning(ThumbnailsJob.id)
            .execution_options(synchronize_session=False)
        )
    )
    if gone:
        delete_after_commit(session, [], folders=[job_folder(job_id) for job_id in gone])
        log.info("thumbnails-orphans-deleted", jobs=len(gone))
    return gone


def release_lost(session: Session, claim: Claim) -> bool:
    """After this run's fence failed: if it failed because the file was deleted while this run
    still held the job (same generation, so no other worker does), deletes the job and, after
    commit, everything stored under it. False when another worker holds it now, or it is gone."""
    return bool(
        _delete_orphan(
            session,
            ThumbnailsJob.id == claim.job_id,
            ThumbnailsJob.generation == claim.generation,
        )
    )


def drop_orphans(session: Session, *, now: datetime | None = None, limit: int = 500) -> int:
    """The sweep's share of orphans: deletes jobs whose file was deleted and that no worker holds
    under a live lease (one that does deletes its job itself), with everything stored under them
    after commit. Returns how many went."""
    now = now or utcnow()
    unheld = or_(ThumbnailsJob.status != RUNNING, ThumbnailsJob.lease_expires_at < now)
    picked = select(ThumbnailsJob.id).where(ThumbnailsJob.file_id.is_(None), unheld).limit(limit)
    ids = list(session.scalars(picked))
    if not ids:
        return 0
    return len(_delete_orphan(session, ThumbnailsJob.id.in_(ids), unheld))


def drop_stray_objects(session: Session, *, now: datetime | None = None) -> int:
    """The hourly sweep's share: deletes everything under `thumbnails/<job>/` when the job's row
    is gone without it (deleting an account cascades to its jobs' rows) and nothing was written
    there for uploads.STRAY_GRACE. Orphans (file deleted) still have their row: drop_orphans's.
    Returns how many folders went."""
    return drop_stray_folders(
        session, "thumbnails", ThumbnailsJob.id, before=(now or utcnow()) - uploads.STRAY_GRACE
    )


def record_image(session: Session, claim: Claim, rendered: Rendered) -> bool:
    """Makes a rendered thumbnail visible by committing its row (replacing the row of a damaged
    one, whose object is deleted after commit), only while this run still holds the job: False
    when the claim was lost (lease expired and re-claimed, the job deleted, or its file)."""
    held = session.execute(
        update(ThumbnailsJob)
        .where(*_this_run(claim))
        .values(updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if not held.rowcount:  # type: ignore[attr-defined]
        return False
    image = session.scalar(
        select(ThumbnailsImage).where(
            ThumbnailsImage.job_id == claim.job_id, ThumbnailsImage.size == rendered.size
        )
    )
    if image is None:
        image = ThumbnailsImage(job_id=claim.job_id, size=rendered.size)
        session.add(image)
    elif image.storage_key != rendered.key:
        delete_after_commit(session, [image.storage_key])
    image.width, image.height = rendered.width, rendered.height
    image.content_type = rendered.content_type
    image.storage_key = rendered.key
    image.byte_size, image.sha256 = rendered.stored.size, rendered.stored.sha256
    session.flush()
    return True


def discard(rendered: Rendered) -> None:
    """Deletes what a lost run wrote."""
    storage().delete(rendered.key)


def finish_job(session: Session, claim: Claim) -> bool:
    """Marks this run's job DONE; False when the claim was lost."""
    now = utcnow()
    done = session.execute(
        update(ThumbnailsJob)
        .where(*_this_run(claim))
        .values(
            status=DONE, last_error=None, lease_expires_at=None, finished_at=now, updated_at=now
        )
        .execution_options(synchronize_session=False)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def record_failure(session: Session, claim: Claim, reason: str, *, permanent: bool) -> str | None:
    """Records a failed run: FAILED for an unrenderable original or after the last allowed
    attempt, else PENDING again for the sweep. Returns the new status (None when the claim was
    lost)."""
    config = thumbnails_settings()
    now = utcnow()
    status = FAILED if permanent or claim.attempt >= config.thumbnails_max_attempts else PENDING
    done = session.execute(
        update(ThumbnailsJob)
        .where(*_this_run(claim))
        .values(
            status=status,
            last_error=reason[:300],
            lease_expires_at=None,
            finished_at=now if status == FAILED else None,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if not done.rowcount:  # type: ignore[attr-defined]
        return None
    log.info("thumbnails-failed", job=str(claim.job_id), attempt=claim.attempt, status=status)
    return status


def stale_job_ids(
    session: Session, *, now: datetime | None = None, limit: int = 500
) -> list[uuid.UUID]:
    """What the sweep queues again: PENDING jobs that waited past the grace, and RUNNING jobs
    whose lease expired (their worker died). One whose lease expired on its last allowed attempt
    becomes FAILED instead."""
    config = thumbnails_settings()
    now = now or utcnow()
    expired = and_(ThumbnailsJob.status == RUNNING, ThumbnailsJob.lease_expires_at < now)
    session.execute(
        update(ThumbnailsJob)
        .where(expired, ThumbnailsJob.attempts >= config.thumbnails_max_attempts)
        .values(
            status=FAILED,
            last_error="the worker stopped during the last attempt (lease expired)",
            lease_expires_at=None,
            finished_at=now,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    overdue = now - timedelta(seconds=config.thumbnails_sweep_grace_seconds)
    waiting = and_(ThumbnailsJob.status == PENDING, ThumbnailsJob.updated_at <= overdue)
    query = select(ThumbnailsJob.id).where(or_(waiting, expired)).limit(limit)
    return list(session.scalars(query))
