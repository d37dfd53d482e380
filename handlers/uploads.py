from __future__ import annotations

import uuid
from typing import Any

from starlette.datastructures import UploadFile
from starlette.responses import StreamingResponse

import jobs.uploads  # noqa: F401 - installs the dispatcher that queues metadata jobs after commit
from core.db import transaction
from core.downloads import stream_object
from core.errors import BadRequest
from core.http import header, iso
from core.security import current_actor
from core.storage import storage
from core.wire import Answer, NoContent, api_path, page_json
from services import uploads
from services.uploads import UploadsFile


def _file_json(file: UploadsFile) -> dict[str, Any]:
    return {
        "id": str(file.id),
        "name": file.name,
        "content_type": file.content_type,
        "size": file.size,
        "sha256": file.sha256,
        "status": file.status,
        "failure_reason": file.failure_reason,
        "metadata": {"width": file.width, "height": file.height, "page_count": file.page_count},
        "stripped_size": file.stripped_size,
        "created_at": iso(file.created_at),
        "updated_at": iso(file.updated_at),
        "processed_at": iso(file.processed_at),
    }


def list_uploads_files(
    content_type: str | None = None,
    status: str | None = None,
    q: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = uploads.list_files(
            session,
            current_actor(),
            content_type=content_type,
            status=status,
            q=q,
            limit=limit,
            cursor=cursor,
        )
        return page_json(page, _file_json)


def create_uploads_file(file: UploadFile | None = None) -> Answer:
    if not isinstance(file, UploadFile):  # a plain form field named `file` passes the schema
        raise BadRequest(
            "The `file` part must be a file.",
            errors=[{"field": "body.file", "message": "Must be a file part."}],
        )
    # The bytes go to storage before the transaction opens, so no lock is held while they stream.
    with (
        uploads.staged_upload(name=file.filename, stream=file.file) as staged,
        transaction(write=True) as session,
    ):
        record = uploads.record_upload(session, current_actor(), staged=staged)
        return _file_json(record), 201, {"Location": api_path("uploads", "files", record.id)}


def get_uploads_file(file_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        file = uploads.get_file(session, current_actor(), file_id=uuid.UUID(file_id))
        return _file_json(file)


def delete_uploads_file(file_id: str) -> NoContent:
    with transaction(write=True) as session:
        uploads.delete_file(session, current_actor(), file_id=uuid.UUID(file_id))
    return None, 204


def download_uploads_file(file_id: str, variant: str = "ORIGINAL") -> StreamingResponse:
    with transaction(write=False) as session:
        served = uploads.served_variant(
            session, current_actor(), file_id=uuid.UUID(file_id), variant=variant
        )
    return stream_object(
        storage(),
        served.key,
        size=served.size,
        etag=served.sha256,
        content_type=served.content_type,
        filename=served.name,
        range_header=header("Range"),
        if_range=header("If-Range"),
    )


def get_uploads_download_url(file_id: str, variant: str = "ORIGINAL") -> dict[str, Any]:
    with transaction(write=False) as session:
        presigned = uploads.download_url(
            session, current_actor(), file_id=uuid.UUID(file_id), variant=variant
        )
    return {"url": presigned.url, "expires_at": iso(presigned.expires_at)}


def create_uploads_direct_upload(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        file, presigned = uploads.prepare_direct_upload(session, current_actor(), name=body["name"])
        answer = {
            "file": _file_json(file),
            "upload": {
                "method": "POST",
                "url": presigned.url,
                "fields": presigned.fields,
                "expires_at": iso(presigned.expires_at),
            },
        }
        return answer, 201, {"Location": api_path("uploads", "files", file.id)}


def create_uploads_file_completion(file_id: str) -> dict[str, Any]:
    # Three steps, not one transaction: the bytes are checked in storage with no lock held.
    actor, wanted = current_actor(), uuid.UUID(file_id)
    with transaction(write=False) as session:
        key = uploads.awaiting_upload(session, actor, file_id=wanted)
    checked = uploads.check_uploaded(key)
    with transaction(write=True) as session:
        file = uploads.complete_direct_upload(session, actor, file_id=wanted, checked=checked)
        return _file_json(file)
