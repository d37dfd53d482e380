"""A real `trellis worker` process runs the metadata jobs of files uploaded through the API
(the SQLite job file, or Redis)."""

from __future__ import annotations

from sqlalchemy import func, select

from core.db import transaction
from core.jobs import queue
from db.models.uploads import UploadsFile
from tests.factories.identity import auth_headers
from tests.factories.uploads import image_bytes, pdf_bytes
from tests.support.job_workers import wait_until


def _unfinished() -> int:
    with transaction(write=False) as session:
        query = select(func.count()).select_from(UploadsFile)
        return session.scalar(query.where(UploadsFile.status.in_(("PENDING", "PROCESSING"))))


def test_a_worker_process_extracts_metadata_of_uploaded_files(client, user, start_worker):
    queue.flush()
    headers = auth_headers(user)
    sent = {
        "photo.jpg": image_bytes("JPEG", (64, 48), exif=True),
        "doc.pdf": pdf_bytes(2),
        "broken.pdf": b"%PDF-1.4\n%%EOF",
    }
    ids = {}
    for name, content in sent.items():
        response = client.post(
            "/api/v1/uploads/files", files={"file": (name, content)}, headers=headers
        )
        ids[name] = response.json()["id"]
    start_worker()
    wait_until(lambda: _unfinished() == 0, timeout=60)
    found = {
        name: client.get(f"/api/v1/uploads/files/{file_id}", headers=headers).json()
        for name, file_id in ids.items()
    }
    assert (found["photo.jpg"]["status"], found["photo.jpg"]["metadata"]["width"]) == ("DONE", 64)
    assert (found["doc.pdf"]["status"], found["doc.pdf"]["metadata"]["page_count"]) == ("DONE", 2)
    assert found["broken.pdf"]["status"] == "FAILED"
    assert found["broken.pdf"]["failure_reason"].startswith("not a readable PDF")
    stripped = client.get(
        f"/api/v1/uploads/files/{ids['photo.jpg']}/content",
        params={"variant": "STRIPPED"},
        headers=headers,
    )
    assert stripped.status_code == 200
    assert len(stripped.content) == found["photo.jpg"]["stripped_size"]
    assert b"TrellisCam" not in stripped.content
