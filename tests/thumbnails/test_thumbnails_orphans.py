"""Deleting the uploaded file of a thumbnail job, before, while and after the job runs: the job
and every object it stored go, and nothing is left in storage (local disk and S3)."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select

from core.db import transaction, utcnow
from core.storage import LocalStorage, S3Storage, storage
from db.models.identity import User
from db.models.thumbnails import ThumbnailsJob
from jobs.thumbnails import process, sweep_stray_thumbnails, sweep_thumbnails
from services import thumbnails
from tests.factories.identity import actor_of, auth_headers, make_user
from tests.factories.thumbnails import job_state, make_thumbnails_job
from tests.factories.uploads import image_bytes, make_uploads_file
from tests.problems import assert_problem
from tests.support.job_workers import wait_until
from tests.support.locks import until_a_transaction_waits_for_a_lock

URL = "/api/v1/thumbnails/jobs"


def stored_keys() -> list[str]:
    store = storage()
    if isinstance(store, S3Storage):
        listed = store.client.list_objects_v2(Bucket=store.bucket)
        return sorted(item["Key"] for item in listed.get("Contents", []))
    assert isinstance(store, LocalStorage)
    found = store.root.rglob("*") if store.root.exists() else []
    return sorted(str(path.relative_to(store.root)) for path in found if path.is_file())


def job_exists(job_id: uuid.UUID | str) -> bool:
    with transaction(write=False) as session:
        return session.get(ThumbnailsJob, uuid.UUID(str(job_id))) is not None


def test_deleting_the_file_of_a_done_job_hides_it_and_the_sweep_deletes_every_object(
    client, user, configure
):
    configure(THUMBNAILS_SIZES="8,16")
    headers = auth_headers(user)
    job = make_thumbnails_job(user)
    assert process(job.id) == "done"
    storage().write(f"thumbnails/{job.id}/16-g7.png", [b"a killed run's unseen write"])
    assert len([key for key in stored_keys() if key.startswith("thumbnails/")]) == 3
    deleted = client.delete(f"/api/v1/uploads/files/{job.file_id}", headers=headers)
    assert deleted.status_code == 204
    assert job_state(job.id).file_id is None
    for answer in (
        client.get(f"{URL}/{job.id}", headers=headers),
        client.get(f"{URL}/{job.id}/content?size=8", headers=headers),
        client.delete(f"{URL}/{job.id}", headers=headers),
        client.post(f"{URL}/{job.id}/retries", headers=headers),
    ):
        assert_problem(answer, 404, "/problems/thumbnails/job-not-found")
    assert client.get(URL, headers=headers).json()["items"] == []
    assert sweep_thumbnails.call_local() == 0
    assert not job_exists(job.id)
    assert stored_keys() == []


def test_a_job_whose_file_was_deleted_before_it_ran_is_deleted_by_its_worker(user):
    job = make_thumbnails_job(user)
    with transaction(write=True) as session:
        thumbnails.uploads.delete_file(session, actor_of(user), file_id=job.file_id)
    assert process(job.id) == "skipped"
    assert not job_exists(job.id)
    assert stored_keys() == []


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_deleting_the_file_while_the_job_runs_leaves_no_object(
    backend, client, user, configure, tmp_path, request
):
    if backend == "s3":
        request.getfixturevalue("s3_storage")
    configure(THUMBNAILS_SIZES="8,16,32", THUMBNAILS_TEST_PAUSE_DIR=tmp_path)
    headers = auth_headers(user)
    upload = client.post(
        "/api/v1/uploads/files",
        files={"file": ("race.png", image_bytes("PNG", (40, 30)))},
        headers=headers,
    ).json()
    job_id = client.post(URL, json={"file_id": upload["id"]}, headers=headers).json()["id"]
    outcome: list[str] = []
    worker = threading.Thread(target=lambda: outcome.append(process(uuid.UUID(job_id))))
    worker.start()
    try:
        # The worker made the 8 px thumbnail visible and wrote the 16 px one, not yet visible.
        wait_until(lambda: (tmp_path / f"{job_id}.paused").exists(), timeout=30)
        assert [
            t["size"] for t in client.get(f"{URL}/{job_id}", headers=headers).json()["thumbnails"]
        ] == [8]
        deleted = client.delete(f"/api/v1/uploads/files/{upload['id']}", headers=headers)
        assert deleted.status_code == 204
        with transaction(write=True) as session:  # the sweep leaves a live worker's job alone
            assert thumbnails.drop_orphans(session) == 0
    finally:
        (tmp_path / f"{job_id}.resume").touch()
        worker.join(timeout=30)
    assert outcome == ["lost"]
    assert not job_exists(job_id)
    assert stored_keys() == []


def test_the_sweep_deletes_an_orphan_once_the_lease_of_its_dead_worker_expired(user):
    job = make_thumbnails_job(user)
    with transaction(write=True) as session:
        claim = thumbnails.claim_job(session, job_id=job.id)
    assert claim is not None
    with thumbnails.opened_original(claim) as base:  # then the worker dies before recording
        rendered = thumbnails.render(claim, base, claim.sizes[0])
    with transaction(write=True) as session:
        thumbnails.uploads.delete_file(session, actor_of(user), file_id=job.file_id)
    later = utcnow() + timedelta(seconds=thumbnails.thumbnails_settings().thumbnails_lease_seconds)
    with transaction(write=True) as session:
        assert thumbnails.drop_orphans(session) == 0
    assert storage().size(rendered.key) is not None
    with transaction(write=True) as session:
        assert thumbnails.drop_orphans(session, now=later + timedelta(seconds=1)) == 1
    assert not job_exists(job.id)
    assert stored_keys() == []


def test_asking_for_thumbnails_of_a_file_being_deleted_is_404_and_changes_nothing(client, user):
    # The delete has run, uncommitted, when the request checks the file: the request waits for it
    # (on PostgreSQL its lock on the file; on SQLite the writer's lock) and then finds no file,
    # where it used to see the file, insert its job and fail the foreign key (a 500).
    headers = auth_headers(user)
    file = make_uploads_file(user, image_bytes("PNG", (40, 30)))
    answers: list = []
    with transaction(write=True) as session:
        thumbnails.uploads.delete_file(session, actor_of(user), file_id=file.id)
        asking = threading.Thread(
            target=lambda: answers.append(
                client.post(URL, json={"file_id": str(file.id)}, headers=headers)
            )
        )
        asking.start()
        until_a_transaction_waits_for_a_lock()
    asking.join(timeout=30)
    assert_problem(answers[0], 404, "/problems/thumbnails/file-not-found")
    with transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(ThumbnailsJob)) == 0
    assert stored_keys() == []


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_deleting_an_account_leaves_no_object_once_the_stray_sweeps_ran(backend, user, request):
    if backend == "s3":
        request.getfixturevalue("s3_storage")
    job = make_thumbnails_job(user)
    assert process(job.id) == "done"
    kept = make_thumbnails_job(make_user())
    assert process(kept.id) == "done"
    kept_keys = [key for key in stored_keys() if str(kept.id) in key or str(kept.file_id) in key]
    with transaction(write=True) as session:  # rows cascade (files, jobs, thumbnails): objects stay
        session.execute(delete(User).where(User.id == user.id))
    assert not job_exists(job.id)
    assert len(stored_keys()) > len(kept_keys)
    later = utcnow() + thumbnails.uploads.STRAY_GRACE + timedelta(seconds=1)
    with transaction(write=False) as session:
        assert thumbnails.drop_stray_objects(session) == 0  # nothing old enough yet
        assert thumbnails.drop_stray_objects(session, now=later) == 1
        assert thumbnails.uploads.drop_stray_objects(session, now=later) == 1
    assert stored_keys() == sorted(kept_keys)
    assert sweep_stray_thumbnails.call_local() == 0
