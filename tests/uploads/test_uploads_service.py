from __future__ import annotations

import io
import threading
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import delete, select, update

from core.db import transaction, utcnow
from core.storage import storage
from db.base import new_id
from db.models.identity import User
from db.models.uploads import UploadsFile
from jobs.uploads import process, sweep_stray_uploads
from services import uploads
from services.uploads import DONE, FAILED
from tests.factories.identity import actor_of, make_user
from tests.factories.uploads import MAKE, animated_gif, image_bytes, make_uploads_file, pdf_bytes
from tests.support.locks import until_a_transaction_waits_for_a_lock


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (image_bytes("PNG"), "image/png"),
        (image_bytes("JPEG"), "image/jpeg"),
        (image_bytes("GIF"), "image/gif"),
        (image_bytes("WEBP"), "image/webp"),
        (pdf_bytes(), "application/pdf"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
        (b"RIFF\0\0\0\0WAVE", None),
        (b"", None),
    ],
)
def test_the_type_comes_from_the_first_bytes(head, expected):
    assert uploads.sniff_type(head[:64]) == expected


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ada\\photo.jpg", "photo.jpg"),
        ("tab\tand\nnewline\0.png", "tabandnewline.png"),
        ("..", "upload"),
        (None, "upload"),
        ("é" * 300, "é" * 255),
    ],
)
def test_a_file_name_loses_directories_and_control_characters(raw, kept):
    assert uploads.clean_name(raw) == kept


def _processed(user, content, name="f"):
    file = make_uploads_file(user, content, name=name)
    outcome = process(file.id)
    with transaction(write=False) as session:
        return outcome, uploads.get_file(session, actor_of(user), file_id=file.id)


def test_an_image_gets_its_dimensions_and_a_copy_without_exif(user):
    content = image_bytes("JPEG", (40, 30), exif=True)
    assert Image.open(io.BytesIO(content)).getexif()[MAKE] == "TrellisCam"
    outcome, file = _processed(user, content)
    assert (outcome, file.status, file.width, file.height) == ("done", DONE, 40, 30)
    stripped = b"".join(storage().read(file.stripped_key))
    assert file.stripped_size == len(stripped)
    copy = Image.open(io.BytesIO(stripped))
    assert copy.format == "JPEG"
    assert dict(copy.getexif()) == {}
    assert b"Exif" not in stripped and b"TrellisCam" not in stripped
    assert copy.size == (30, 40)  # turned upright by the orientation tag before it went


@pytest.mark.parametrize("kind", ["PNG", "WEBP"])
def test_exif_is_stripped_from_png_and_webp_too(user, kind):
    _, file = _processed(user, image_bytes(kind, exif=True))
    stripped = b"".join(storage().read(file.stripped_key))
    assert file.status == DONE
    assert dict(Image.open(io.BytesIO(stripped)).getexif()) == {}
    assert b"TrellisCam" not in stripped


def test_an_animated_gif_keeps_its_frames(user):
    _, file = _processed(user, animated_gif(3))
    copy = Image.open(io.BytesIO(b"".join(storage().read(file.stripped_key))))
    assert (file.status, file.width, file.height, copy.n_frames) == (DONE, 6, 4, 3)


def test_a_pdf_gets_its_page_count_and_no_derivative(user):
    outcome, file = _processed(user, pdf_bytes(4))
    assert (outcome, file.status, file.page_count, file.stripped_key) == ("done", DONE, 4, None)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.7\nnot really a pdf", "not a readable PDF"),
        (image_bytes("PNG")[:40], "not a readable PNG image"),
        (b"\xff\xd8\xff\xe0 garbage", "not a readable JPEG image"),
    ],
)
def test_a_broken_file_fails_with_a_reason_and_stays_downloadable(user, content, reason):
    outcome, file = _processed(user, content)
    assert (outcome, file.status) == ("failed", FAILED)
    assert file.failure_reason.startswith(reason)
    assert b"".join(storage().read(file.storage_key)) == content


def test_an_image_over_the_pixel_limit_is_not_decoded(user, monkeypatch):
    monkeypatch.setenv("UPLOADS_MAX_IMAGE_PIXELS", "1000")
    from core.settings import get_settings

    get_settings.cache_clear()
    outcome, file = _processed(user, image_bytes("PNG", (100, 100)))
    assert (outcome, file.status, file.width) == ("failed", FAILED, None)
    assert "exceed UPLOADS_MAX_IMAGE_PIXELS (1000)" in file.failure_reason


def test_a_file_is_claimed_by_one_worker_at_a_time_and_a_lost_claim_records_nothing(user):
    file = make_uploads_file(user)
    with transaction(write=True) as session:
        first = uploads.claim_file(session, file_id=file.id)
    with transaction(write=True) as session:
        assert uploads.claim_file(session, file_id=file.id) is None
    later = utcnow() + timedelta(hours=1)  # the first worker's lease has expired
    with transaction(write=True) as session:
        second = uploads.claim_file(session, file_id=file.id, now=later)
    assert (first.attempt, second.attempt) == (1, 2)
    findings = uploads.extract_metadata(first)
    with transaction(write=True) as session:
        assert uploads.record_findings(session, first, findings) is False
    uploads.discard(findings)
    assert storage().size(findings.stripped_key) is None
    assert process(file.id) == "skipped"


def test_the_sweep_requeues_waiting_and_abandoned_files_and_gives_up_after_the_last_attempt(user):
    waiting = make_uploads_file(user)
    abandoned = make_uploads_file(user)
    done = make_uploads_file(user)
    process(done.id)
    with transaction(write=True) as session:
        uploads.claim_file(session, file_id=abandoned.id)
    later = utcnow() + timedelta(hours=1)
    with transaction(write=True) as session:
        assert set(uploads.stale_file_ids(session, now=later)) == {waiting.id, abandoned.id}
    for _ in range(2):  # attempts 2 and 3 are abandoned too
        with transaction(write=True) as session:
            assert uploads.claim_file(session, file_id=abandoned.id, now=later)
        later += timedelta(hours=1)
    with transaction(write=True) as session:
        assert set(uploads.stale_file_ids(session, now=later)) == {waiting.id}
        file = uploads.get_file(session, actor_of(user), file_id=abandoned.id)
        assert (file.status, file.attempts) == (FAILED, 3)
        assert "lease expired" in file.failure_reason


def test_a_crash_is_retried_then_fails(user):
    file = make_uploads_file(user)
    storage().delete(file.storage_key)  # what a storage outage looks like to the job
    assert [process(file.id) for _ in range(3)] == ["pending", "pending", "failed"]
    assert process(file.id) == "skipped"
    with transaction(write=False) as session:
        file = uploads.get_file(session, actor_of(user), file_id=file.id)
    assert (file.status, file.attempts) == (FAILED, 3)
    assert file.failure_reason == "the metadata job crashed (FileNotFoundError)"


def test_deleting_a_file_is_owner_only_and_removes_its_bytes_after_commit(user):
    file = make_uploads_file(user)
    with pytest.raises(uploads.FileNotFound), transaction(write=True) as session:
        uploads.delete_file(session, actor_of(make_user()), file_id=file.id)
    with transaction(write=True) as session:
        uploads.delete_file(session, actor_of(user), file_id=file.id)
        assert storage().size(file.storage_key) is not None  # not before the commit
    assert storage().size(file.storage_key) is None


def test_a_delete_racing_an_uncommitted_delete_finds_nothing(user):
    file = make_uploads_file(user)
    first_deleted, release = threading.Event(), threading.Event()
    results: dict[str, object] = {}

    def first() -> None:
        with transaction(write=True) as session:
            uploads.delete_file(session, actor_of(user), file_id=file.id)
            first_deleted.set()
            assert release.wait(10)

    def second() -> None:
        try:
            with transaction(write=True) as session:
                uploads.delete_file(session, actor_of(user), file_id=file.id)
            results["second"] = "deleted"
        except uploads.FileNotFound:
            results["second"] = "not found"

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    assert first_deleted.wait(10)
    threads[1].start()
    # The second delete waits for the first one's row lock: one that read the row before
    # deleting it (not one conditional DELETE) would report a second success here.
    until_a_transaction_waits_for_a_lock()
    release.set()
    for thread in threads:
        thread.join(10)
    assert results["second"] == "not found"


def test_the_sweep_drops_direct_uploads_never_confirmed_and_their_bytes(user):
    prepared = utcnow()
    rows = []
    for name in ("sent.png", "never-sent.png", "recent.png"):
        file_id = new_id()
        key = uploads.original_key(file_id)
        rows.append(
            UploadsFile(
                id=file_id,
                owner_id=user.id,
                name=name,
                storage_key=key,
                status=uploads.AWAITING_UPLOAD,
                created_at=prepared,
                updated_at=prepared,
            )
        )
    sent, never_sent, recent = rows
    with transaction(write=True) as session:
        session.add_all(rows)
        session.flush()
        session.execute(  # prepared two days ago, all but the recent one
            update(UploadsFile)
            .where(UploadsFile.id.in_([sent.id, never_sent.id]))
            .values(created_at=prepared - timedelta(days=2))
        )
    storage().write(sent.storage_key, [b"bytes a client sent, never confirmed"])
    storage().write(recent.storage_key, [b"still on its way"])
    kept = make_uploads_file(user)
    with transaction(write=True) as session:
        assert uploads.drop_abandoned_uploads(session) == 2
        assert storage().size(sent.storage_key) is not None  # deleted only once this commits
    with transaction(write=False) as session:
        left = set(session.scalars(select(UploadsFile.id)))
    assert left == {recent.id, kept.id}
    assert storage().size(sent.storage_key) is None
    assert storage().size(recent.storage_key) is not None
    assert storage().size(kept.storage_key) is not None


def test_deleting_an_account_leaves_no_object_once_the_stray_sweep_ran(user):
    other = make_user()
    mine = make_uploads_file(user)
    assert process(mine.id) == "done"  # its stripped copy is stored beside the original
    theirs = make_uploads_file(other)
    with transaction(write=True) as session:  # the rows cascade; no code of uploads runs
        session.execute(delete(User).where(User.id == user.id))
    assert storage().size(uploads.original_key(mine.id)) is not None
    with transaction(write=False) as session:  # within the grace: an upload may be committing
        assert uploads.drop_stray_objects(session) == 0
    later = utcnow() + uploads.STRAY_GRACE + timedelta(seconds=1)
    with transaction(write=False) as session:
        assert uploads.drop_stray_objects(session, now=later) == 1
    assert list(storage().listed(f"uploads/{mine.id}")) == []
    assert [item.key for item in storage().listed("uploads")] == [uploads.original_key(theirs.id)]
    assert sweep_stray_uploads.call_local() == 0
