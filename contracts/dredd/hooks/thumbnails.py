"""Thumbnails fixtures: the example file id becomes an image uploaded through the API, the example
job id a job asked for through the API. Downloads and retries are skipped with reasons."""

from __future__ import annotations

import base64

import dredd_hooks as hooks

from contracts.dredd.support import api, body_of, replace_path, set_body, skip, status_of

JOB_ID = "2c7e9a14-5b3d-4f8e-a1c6-9d0b7e3f5a28"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAFElEQVR4nGPkEpFjgAEmBiSAwgEACTQAQo8LbRIAAAAASUVORK5CYII="
)
BINARY_REASON = (
    "the body is the thumbnail's bytes, which Dredd compares as text with the example; downloads "
    "are proven by tests/thumbnails/test_thumbnails_api.py"
)
RETRY_REASON = (
    "a retry answers 200 only for a FAILED job, which needs a worker to fail one first; proven by "
    "tests/thumbnails/test_thumbnails_api.py"
)


def _uploaded_image() -> str:
    return str(api("POST", "/uploads/files", files={"file": ("dredd.png", PNG)}).json()["id"])


@hooks.before_each
def thumbnails_fixtures(transaction):
    path, method = transaction["fullPath"], transaction["request"]["method"]
    if "/thumbnails/" not in path or status_of(transaction) >= 300:
        return
    bare = path.split("?")[0]
    if bare.endswith("/content"):
        skip(transaction, BINARY_REASON)
        return
    if bare.endswith("/retries"):
        skip(transaction, RETRY_REASON)
        return
    if method == "POST" and bare.endswith("/thumbnails/jobs"):
        set_body(transaction, {**body_of(transaction), "file_id": _uploaded_image()})
        return
    if JOB_ID in path:
        made = api("POST", "/thumbnails/jobs", json={"file_id": _uploaded_image()})
        replace_path(transaction, JOB_ID, made.json()["id"])
