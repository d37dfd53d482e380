from __future__ import annotations

import hashlib
import uuid

import pytest

from core.storage import storage
from jobs.thumbnails import process
from tests.factories.identity import auth_headers
from tests.factories.thumbnails import job_state, make_thumbnails_job
from tests.factories.uploads import image_bytes, make_uploads_file, pdf_bytes
from tests.problems import assert_problem
from tests.support.pages import every_api_item

URL = "/api/v1/thumbnails/jobs"


def test_ask_follow_list_download_and_delete(client, user, configure):
    configure(THUMBNAILS_SIZES="8,32")
    headers = auth_headers(user)
    upload = client.post(
        "/api/v1/uploads/files",
        files={"file": ("harbour.jpg", image_bytes("JPEG", (40, 30)))},
        headers=headers,
    ).json()
    asked = client.post(URL, json={"file_id": upload["id"]}, headers=headers)
    assert asked.status_code == 202
    job = asked.json()
    assert asked.headers["location"] == f"{URL}/{job['id']}"
    assert (job["status"], job["sizes"], job["thumbnails"]) == ("PENDING", [8, 32], [])
    assert process(uuid.UUID(job["id"])) == "done"
    done = client.get(f"{URL}/{job['id']}", headers=headers).json()
    assert (done["status"], done["attempts"], done["file_name"]) == ("DONE", 1, "harbour.jpg")
    assert [(t["size"], t["width"], t["height"]) for t in done["thumbnails"]] == [
        (8, 8, 6),
        (32, 32, 24),
    ]
    listed = every_api_item(client, URL, headers, limit=1, status="DONE", file_id=upload["id"])
    assert [item["id"] for item in listed] == [job["id"]]
    assert client.get(URL, params={"status": "FAILED"}, headers=headers).json()["items"] == []
    small = client.get(f"{URL}/{job['id']}/content?size=32", headers=headers)
    assert small.status_code == 200
    assert small.headers["content-type"] == "image/jpeg"
    assert small.headers["etag"] == f'"{hashlib.sha256(small.content).hexdigest()}"'
    assert small.headers["etag"] == f'"{done["thumbnails"][1]["sha256"]}"'
    assert 'filename="harbour-32.jpg"' in small.headers["content-disposition"]
    part = client.get(
        f"{URL}/{job['id']}/content?size=32", headers={**headers, "Range": "bytes=0-9"}
    )
    assert (part.status_code, part.content) == (206, small.content[:10])
    beyond = client.get(
        f"{URL}/{job['id']}/content?size=32", headers={**headers, "Range": "bytes=99999-"}
    )
    assert_problem(beyond, 416, "/problems/range-not-satisfiable")
    keys = [image.storage_key for image in job_state(job["id"]).images]
    assert client.delete(f"{URL}/{job['id']}", headers=headers).status_code == 204
    assert_problem(
        client.get(f"{URL}/{job['id']}", headers=headers), 404, "/problems/thumbnails/job-not-found"
    )
    assert [storage().size(key) for key in keys] == [None, None]
    assert client.get(f"/api/v1/uploads/files/{upload['id']}", headers=headers).status_code == 200


def test_a_failed_job_is_retried_and_others_are_not(client, user, configure):
    headers = auth_headers(user)
    configure(THUMBNAILS_MAX_IMAGE_PIXELS=100, THUMBNAILS_SIZES="8,16")
    job = make_thumbnails_job(user)
    not_yet = client.post(f"{URL}/{job.id}/retries", headers=headers)
    assert_problem(not_yet, 409, "/problems/thumbnails/job-not-failed")
    missing = client.get(f"{URL}/{job.id}/content?size=64", headers=headers)
    assert_problem(missing, 404, "/problems/thumbnails/thumbnail-not-found")
    process(job.id)
    failed = client.get(f"{URL}/{job.id}", headers=headers).json()
    assert (failed["status"], failed["attempts"]) == ("FAILED", 1)
    assert "THUMBNAILS_MAX_IMAGE_PIXELS" in failed["last_error"]
    configure(THUMBNAILS_MAX_IMAGE_PIXELS=50_000_000)
    retried = client.post(f"{URL}/{job.id}/retries", headers=headers)
    assert retried.status_code == 200
    assert (retried.json()["status"], retried.json()["attempts"]) == ("PENDING", 0)
    again = client.post(f"{URL}/{job.id}/retries", headers=headers)
    assert_problem(again, 409, "/problems/thumbnails/job-not-failed")
    assert process(job.id) == "done"
    done = client.get(f"{URL}/{job.id}", headers=headers).json()
    assert (done["status"], done["last_error"], len(done["thumbnails"])) == ("DONE", None, 2)


def test_asking_for_a_pdf_twice_or_for_someone_elses_file(client, user, user_factory):
    headers = auth_headers(user)
    pdf = make_uploads_file(user, pdf_bytes(1), name="doc.pdf")
    answer = client.post(URL, json={"file_id": str(pdf.id)}, headers=headers)
    assert_problem(answer, 422, "/problems/thumbnails/not-an-image")
    theirs = make_uploads_file(user_factory())
    answer = client.post(URL, json={"file_id": str(theirs.id)}, headers=headers)
    assert_problem(answer, 404, "/problems/thumbnails/file-not-found")
    job = make_thumbnails_job(user)
    answer = client.post(URL, json={"file_id": str(job.file_id)}, headers=headers)
    assert assert_problem(answer, 409, "/problems/thumbnails/job-exists")["job_id"] == str(job.id)
    assert client.post(URL, json={"file_id": str(job.file_id)}).status_code == 401


def test_someone_elses_job_is_not_found_whatever_the_operation(client, user, user_factory):
    job = make_thumbnails_job(user_factory())
    headers = auth_headers(user)
    for method, path in [
        ("GET", f"{URL}/{job.id}"),
        ("DELETE", f"{URL}/{job.id}"),
        ("POST", f"{URL}/{job.id}/retries"),
        ("GET", f"{URL}/{job.id}/content?size=64"),
    ]:
        answer = client.request(method, path, headers=headers)
        assert_problem(answer, 404, "/problems/thumbnails/job-not-found")
    assert client.get(URL, headers=headers).json()["items"] == []
    assert client.get(f"{URL}/{job.id}").status_code == 401


@pytest.mark.parametrize("count", [1, 4])
def test_listing_costs_the_same_statements_whatever_the_page_size(
    client, user, count, statement_counter, configure
):
    configure(THUMBNAILS_SIZES="4,8")
    for n in range(count):
        job = make_thumbnails_job(user, name=f"{n}.png")
        process(job.id)
    with statement_counter() as counted:
        response = client.get(URL, params={"limit": 50}, headers=auth_headers(user))
    items = response.json()["items"]
    assert [len(item["thumbnails"]) for item in items] == [2] * count
    assert len([s for s in counted.selects if "thumbnails_" in s]) == 2
