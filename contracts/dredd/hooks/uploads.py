"""Uploads fixtures: the upload example gets a real multipart body (a PDF header is all the type
sniffer needs, and it is ASCII, which Dredd's string bodies keep intact); the example file id
becomes a file uploaded through the API. Downloads and direct transfers are skipped with reasons."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, replace_path, run, skip, status_of

EXAMPLE_ID = "6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a"
BOUNDARY = "dredd-boundary"
PDF = "%PDF-1.4\n%%EOF\n"
MULTIPART = (
    f"--{BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="file"; filename="dredd.pdf"\r\n'
    "Content-Type: application/pdf\r\n\r\n"
    f"{PDF}\r\n--{BOUNDARY}--\r\n"
)

BINARY_REASON = (
    "the body is the file's bytes, which Dredd compares as text with the example; downloads, "
    "ranges and their headers are proven by tests/uploads/test_uploads_api.py"
)
S3_REASON = (
    "direct transfers need S3 storage and the live gate runs with local storage (answering the "
    "documented 409); they are proven against moto by tests/uploads/test_uploads_s3.py"
)


@hooks.before_each
def uploads_fixtures(transaction):
    path, method = transaction["fullPath"], transaction["request"]["method"]
    if "/uploads/" not in path or status_of(transaction) >= 300:
        return
    if "/direct-uploads" in path or "/completions" in path or "/download-url" in path:
        skip(transaction, S3_REASON)
        return
    bare = path.split("?")[0]
    if bare.endswith("/content"):
        skip(transaction, BINARY_REASON)
        return
    if method == "POST" and bare.endswith("/uploads/files"):
        run(transaction)
        transaction["request"]["body"] = MULTIPART
        headers = transaction["request"]["headers"]
        headers["Content-Type"] = f"multipart/form-data; boundary={BOUNDARY}"
        headers.pop("Content-Length", None)
        return
    if EXAMPLE_ID in path:
        made = api("POST", "/uploads/files", files={"file": ("dredd.pdf", PDF.encode())})
        replace_path(transaction, EXAMPLE_ID, made.json()["id"])
