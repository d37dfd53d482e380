from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import update

from core.db import transaction, utcnow
from core.storage import storage
from db.models.thumbnails import ThumbnailsJob
from jobs.thumbnails import process
from services import thumbnails
from tests.factories.identity import actor_of
from tests.factories.thumbnails import job_state, make_thumbnails_job, stored_image
from tests.factories.uploads import animated_gif, image_bytes, make_uploads_file, pdf_bytes

LATER = timedelta(seconds=301)


def test_a_job_renders_every_size_upright_without_exif_and_never_enlarged(user, configure):
    configure(THUMBNAILS_SIZES="16,8,64")
    job = make_thumbnails_job(user, image_bytes("JPEG", (40, 20), exif=True), name="cam.jpg")
    assert process(job.id) == "done"
    done = job_state(job.id)
    assert (done.status, done.sizes, done.attempts, done.last_error) == ("DONE", "8,16,64", 1, None)
    # EXIF orientation 6: the 40x20 pixels stand upright as 20x40.
    found = [(image.size, image.width, image.height) for image in done.images]
    assert found == [(8, 4, 8), (16, 8, 16), (64, 20, 40)]
    for image in done.images:
        data = b"".join(storage().read(image.storage_key))
        assert (len(data), hashlib.sha256(data).hexdigest()) == (image.byte_size, image.sha256)
        assert b"TrellisCam" not in data
        opened = stored_image(image.storage_key)
        assert (opened.format, image.content_type) == ("JPEG", "image/jpeg")
        assert not opened.getexif()


def test_an_animated_gif_is_thumbnailed_from_its_first_frame_as_png(user, configure):
    configure(THUMBNAILS_SIZES="4")
    job = make_thumbnails_job(user, animated_gif(3), name="spin.gif")
    assert process(job.id) == "done"
    (image,) = job_state(job.id).images
    opened = stored_image(image.storage_key)
    assert (opened.format, opened.size, image.content_type) == ("PNG", (4, 3), "image/png")
    assert getattr(opened, "n_frames", 1) == 1
    assert opened.convert("RGB").getpixel((1, 1)) == (255, 0, 0)


def test_images_over_the_pixel_limits_fail_with_a_reason_not_a_crash(user, configure, monkeypatch):
    configure(THUMBNAILS_MAX_IMAGE_PIXELS=399)
    job = make_thumbnails_job(user, image_bytes("PNG", (20, 20)))
    assert process(job.id) == "failed"
    failed = job_state(job.id)
    assert failed.last_error == (
        "20x20 pixels exceed THUMBNAILS_MAX_IMAGE_PIXELS (399): not decoded"
    )
    assert (failed.images, failed.finished_at is not None) == ([], True)
    # Pillow's own decompression-bomb guard (an error at twice its limit) is a reason too.
    configure(THUMBNAILS_MAX_IMAGE_PIXELS=50_000_000)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 150)
    other = make_thumbnails_job(user, image_bytes("PNG", (20, 20)), name="b.png")
    assert process(other.id) == "failed"
    assert job_state(other.id).last_error == "not a readable PNG image (DecompressionBombError)"


def test_a_broken_image_fails_for_good(user):
    job = make_thumbnails_job(user, b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    assert process(job.id) == "failed"
    assert job_state(job.id).last_error.startswith("not a readable PNG image")
    assert process(job.id) == "skipped"


def test_a_crash_is_retried_by_the_sweep_then_fails_after_the_last_attempt(user, configure):
    configure(THUMBNAILS_MAX_ATTEMPTS=2, THUMBNAILS_SWEEP_GRACE_SECONDS=0)
    job = make_thumbnails_job(user)
    with transaction(write=False) as session:
        key = session.get(thumbnails.uploads.UploadsFile, job.file_id).storage_key
    storage().delete(key)
    assert process(job.id) == "pending"
    assert job_state(job.id).last_error == "the thumbnail job crashed (FileNotFoundError)"
    with transaction(write=True) as session:
        assert thumbnails.stale_job_ids(session) == [job.id]
    assert process(job.id) == "failed"
    assert process(job.id) == "skipped"


def test_a_rerun_keeps_correct_thumbnails_and_renders_only_damaged_ones(user, configure):
    configure(THUMBNAILS_SIZES="8,16,32")
    job = make_thumbnails_job(user)
    process(job.id)
    first = {image.size: image for image in job_state(job.id).images}
    storage().delete(first[16].storage_key)
    storage().write(first[32].storage_key, [b"not the thumbnail"])
    with transaction(write=True) as session:  # as if the run had failed after these losses
        session.execute(update(ThumbnailsJob).values(status="FAILED"))
    with transaction(write=True) as session:
        retried = thumbnails.retry_job(session, actor_of(user), job_id=job.id)
        assert (retried.status, retried.attempts) == ("PENDING", 0)
    assert process(job.id) == "done"
    again = {image.size: image for image in job_state(job.id).images}
    assert (again[8].storage_key, again[8].sha256) == (first[8].storage_key, first[8].sha256)
    assert again[8].storage_key.endswith("/8-g1.png")
    assert again[16].storage_key.endswith("/16-g2.png")
    assert again[32].storage_key.endswith("/32-g2.png")
    assert storage().size(first[32].storage_key) is None  # the damaged object is deleted
    data = b"".join(storage().read(again[32].storage_key))
    assert hashlib.sha256(data).hexdigest() == again[32].sha256


def test_a_job_is_claimed_by_one_worker_and_a_lost_run_makes_nothing_visible(user):
    job = make_thumbnails_job(user)
    with transaction(write=True) as session:
        claim = thumbnails.claim_job(session, job_id=job.id)
    assert claim is not None
    with transaction(write=True) as session:
        assert thumbnails.claim_job(session, job_id=job.id) is None  # its lease is live
    with transaction(write=True) as session:  # the lease ran out: another worker takes it over
        successor = thumbnails.claim_job(session, job_id=job.id, now=utcnow() + LATER)
    assert successor is not None and successor.generation == claim.generation + 1
    with thumbnails.opened_original(claim) as base:
        rendered = thumbnails.render(claim, base, claim.sizes[0])
    with transaction(write=True) as session:
        assert not thumbnails.record_image(session, claim, rendered)
    with transaction(write=True) as session:
        assert not thumbnails.finish_job(session, claim)
        assert thumbnails.record_failure(session, claim, "late", permanent=True) is None
    assert job_state(job.id).images == []
    thumbnails.clean_earlier_runs(successor)
    assert storage().size(rendered.key) is None


def test_asking_needs_an_image_of_my_own_and_only_once(user, user_factory):
    actor = actor_of(user)
    pdf = make_uploads_file(user, pdf_bytes(1), name="doc.pdf")
    theirs = make_uploads_file(user_factory())
    with transaction(write=True) as session, pytest.raises(thumbnails.NotAnImage):
        thumbnails.create_job(session, actor, file_id=pdf.id)
    with transaction(write=True) as session, pytest.raises(thumbnails.FileNotFound):
        thumbnails.create_job(session, actor, file_id=theirs.id)
    job = make_thumbnails_job(user)
    with transaction(write=True) as session, pytest.raises(thumbnails.JobExists) as exists:
        thumbnails.create_job(session, actor, file_id=job.file_id)
    assert exists.value.extensions == {"job_id": str(job.id)}


def test_concurrent_requests_for_one_file_make_one_job(user):
    file = make_uploads_file(user)
    barrier = threading.Barrier(6)

    def ask(_: int) -> str:
        barrier.wait(timeout=30)
        try:
            with transaction(write=True) as session:
                thumbnails.create_job(session, actor_of(user), file_id=file.id)
        except thumbnails.JobExists:
            return "exists"
        return "created"

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = sorted(pool.map(ask, range(6)))
    assert outcomes == ["created"] + ["exists"] * 5


def test_workers_racing_for_one_job_claim_it_once(user):
    job = make_thumbnails_job(user)
    barrier = threading.Barrier(4)

    def claim(_: int) -> int | None:
        barrier.wait(timeout=30)
        with transaction(write=True) as session:
            won = thumbnails.claim_job(session, job_id=job.id)
        return None if won is None else won.generation

    with ThreadPoolExecutor(max_workers=4) as pool:
        generations = list(pool.map(claim, range(4)))
    assert sorted(generations, key=lambda g: g is None) == [1, None, None, None]
    assert job_state(job.id).attempts == 1
