"""Uploads on S3 storage (moto in server mode on loopback): the API streams to the bucket, and
large files go straight to it and back with presigned URLs."""

from __future__ import annotations

import hashlib
import uuid

import httpx

from core.storage import storage
from jobs.uploads import process
from tests.factories.identity import auth_headers
from tests.factories.uploads import image_bytes, pdf_bytes
from tests.problems import assert_problem

URL = "/api/v1/uploads/files"


def test_an_upload_streams_to_the_bucket_and_back(client, user, s3_storage):
    headers = auth_headers(user)
    content = pdf_bytes(2)
    created = client.post(URL, files={"file": ("doc.pdf", content)}, headers=headers).json()
    key = f"uploads/{created['id']}/original"
    assert storage().size(key) == len(content)
    part = client.get(f"{URL}/{created['id']}/content", headers={**headers, "Range": "bytes=0-7"})
    assert (part.status_code, part.content) == (206, content[:8])
    assert client.delete(f"{URL}/{created['id']}", headers=headers).status_code == 204
    assert storage().size(key) is None


def test_a_direct_upload_goes_to_the_bucket_and_is_checked_on_completion(
    client,
    user,
    s3_storage,
):
    headers = auth_headers(user)
    content = image_bytes("PNG", (30, 20))
    prepared = client.post(
        "/api/v1/uploads/direct-uploads", json={"name": "big.png"}, headers=headers
    )
    assert prepared.status_code == 201, prepared.text
    file, upload = prepared.json()["file"], prepared.json()["upload"]
    assert (file["status"], file["sha256"]) == ("AWAITING_UPLOAD", None)
    complete = f"{URL}/{file['id']}/completions"
    early = client.post(complete, headers=headers)
    assert_problem(early, 422, "/problems/uploads/upload-missing")
    sent = httpx.post(upload["url"], data=upload["fields"], files={"file": ("big.png", content)})
    assert sent.status_code < 300, sent.text
    done = client.post(complete, headers=headers)
    assert done.status_code == 200, done.text
    assert (done.json()["status"], done.json()["content_type"]) == ("PENDING", "image/png")
    assert_problem(
        client.post(complete, headers=headers), 409, "/problems/uploads/not-awaiting-upload"
    )
    assert process(uuid.UUID(file["id"])) == "done"
    found = client.get(f"{URL}/{file['id']}", headers=headers).json()
    assert found["sha256"] == hashlib.sha256(content).hexdigest()
    assert (found["metadata"]["width"], found["metadata"]["height"]) == (30, 20)
    link = client.get(f"{URL}/{file['id']}/download-url", headers=headers)
    fetched = httpx.get(link.json()["url"])
    assert fetched.content == content
    assert fetched.headers["content-disposition"].startswith('attachment; filename="big.png"')


def test_a_direct_upload_of_a_refused_type_is_deleted(client, user, s3_storage):
    headers = auth_headers(user)
    prepared = client.post(
        "/api/v1/uploads/direct-uploads", json={"name": "x.png"}, headers=headers
    ).json()
    upload = prepared["upload"]
    httpx.post(upload["url"], data=upload["fields"], files={"file": ("x.png", b"MZ\x90\0 exe")})
    response = client.post(f"{URL}/{prepared['file']['id']}/completions", headers=headers)
    assert_problem(response, 415, "/problems/uploads/unsupported-type")
    assert storage().size(f"uploads/{prepared['file']['id']}/original") is None
    found = client.get(f"{URL}/{prepared['file']['id']}", headers=headers).json()
    assert found["status"] == "AWAITING_UPLOAD"
