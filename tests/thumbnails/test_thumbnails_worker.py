"""A real `trellis worker` process killed (SIGKILL) in the middle of a job: what it wrote but had
not committed stays invisible, and the next worker completes the job, keeping what was visible."""

from __future__ import annotations

import uuid
from datetime import timedelta

from core.db import transaction, utcnow
from core.jobs import queue
from core.storage import storage
from jobs.thumbnails import process
from services import thumbnails
from tests.factories.identity import auth_headers
from tests.factories.thumbnails import job_state
from tests.factories.uploads import image_bytes
from tests.support.job_workers import wait_until

URL = "/api/v1/thumbnails/jobs"


def test_a_worker_killed_mid_job_leaves_nothing_half_visible_and_the_next_completes_it(
    client, user, start_worker, configure, tmp_path
):
    configure(THUMBNAILS_SIZES="8,16,32", THUMBNAILS_TEST_PAUSE_DIR=tmp_path)
    queue.flush()
    headers = auth_headers(user)
    upload = client.post(
        "/api/v1/uploads/files",
        files={"file": ("kill.png", image_bytes("PNG", (40, 30)))},
        headers=headers,
    ).json()
    job_id = client.post(URL, json={"file_id": upload["id"]}, headers=headers).json()["id"]
    worker = start_worker()
    # The worker stops once the 16 px thumbnail is stored and before its row commits.
    wait_until(lambda: (tmp_path / f"{job_id}.paused").exists(), timeout=60)
    worker.kill()
    worker.wait()
    running = client.get(f"{URL}/{job_id}", headers=headers).json()
    assert (running["status"], [t["size"] for t in running["thumbnails"]]) == ("RUNNING", [8])
    unseen = f"thumbnails/{job_id}/16-g1.png"
    assert storage().size(unseen) is not None  # written whole, but no row names it
    hidden = client.get(f"{URL}/{job_id}/content?size=16", headers=headers)
    assert hidden.status_code == 404
    kept = job_state(job_id).images[0]

    configure(THUMBNAILS_TEST_PAUSE_DIR="")
    later = utcnow() + timedelta(seconds=thumbnails.thumbnails_settings().thumbnails_lease_seconds)
    with transaction(write=True) as session:  # the sweep, once the dead worker's lease expired
        assert [str(stale) for stale in thumbnails.stale_job_ids(session, now=later)] == [job_id]
    assert process(uuid.UUID(job_id), now=later) == "done"
    done = client.get(f"{URL}/{job_id}", headers=headers).json()
    assert (done["status"], done["attempts"]) == ("DONE", 2)
    assert [t["size"] for t in done["thumbnails"]] == [8, 16, 32]
    images = job_state(job_id).images
    assert (images[0].storage_key, images[0].sha256) == (kept.storage_key, kept.sha256)
    assert images[1].storage_key == f"thumbnails/{job_id}/16-g2.png"
    assert storage().size(unseen) is None  # the dead run's leftover is deleted
    for size in (8, 16, 32):
        answer = client.get(f"{URL}/{job_id}/content?size={size}", headers=headers)
        assert answer.status_code == 200
