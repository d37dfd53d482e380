"""Imports helpers: upload a CSV through the API, run its job in this process."""

from __future__ import annotations

import uuid
from typing import Any

from jobs.imports import execute
from tests.factories.identity import auth_headers

URL = "/api/v1/imports"


def upload(
    client: Any,
    user: Any,
    content: str | bytes,
    *,
    target: str = "tasks",
    policy: str | None = None,
    filename: str = "rows.csv",
) -> Any:
    """POST /imports with `content` as the file (str is sent as UTF-8)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fields = {"target": target, **({"policy": policy} if policy else {})}
    return client.post(
        URL,
        data=fields,
        files={"file": (filename, data, "text/csv")},
        headers=auth_headers(user),
    )


def run(import_id: str) -> str:
    """The import's job, run here as a worker would."""
    return execute(uuid.UUID(import_id))
