"""Imports fixtures: uploads are sent as real multipart bodies (Dredd has no file to send), each
with rows of its own (the same bytes twice would be a duplicate, 409), and the example import id
is replaced by an import uploaded through the API."""

from __future__ import annotations

import uuid

import dredd_hooks as hooks

from contracts.dredd.support import api, replace_path, status_of

EXAMPLE_ID = "0b8d3f5e-7a2c-4e1b-9d6f-3c5a7e9b1d2f"
BOUNDARY = "dredd-imports-boundary"


def _csv() -> str:
    return f"title,due_at\nDredd import {uuid.uuid4().hex},2026-03-01T17:00:00Z\n"


@hooks.before("/imports > Upload a CSV file to import > 202 > application/json")
def multipart_upload(transaction):
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="target"\r\n\r\ntasks\r\n',
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="dredd.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n{_csv()}\r\n",
        f"--{BOUNDARY}--\r\n",
    ]
    transaction["request"]["body"] = "".join(parts)
    transaction["request"]["headers"]["Content-Type"] = f"multipart/form-data; boundary={BOUNDARY}"


@hooks.before_each
def real_import(transaction):
    if EXAMPLE_ID not in transaction["fullPath"] or status_of(transaction) >= 300:
        return
    created = api(
        "POST",
        "/imports",
        data={"target": "tasks"},
        files={"file": ("dredd.csv", _csv().encode(), "text/csv")},
    )
    replace_path(transaction, EXAMPLE_ID, created.json()["id"])


@hooks.before_each_validation
def errors_by_shape(transaction):
    # The example lists two errors; the fixture's import has none: check the CSV's header line.
    path = transaction["fullPath"]
    if "/imports/" not in path or not path.endswith("/errors") or status_of(transaction) != 200:
        return
    body = (transaction.get("real") or {}).get("body", "")
    if not body.startswith("line,column,message\n"):
        transaction["fail"] = f"the error report does not start with its header line: {body[:80]!r}"
    transaction["expected"]["body"] = body
