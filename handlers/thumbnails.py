from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import StreamingResponse

import jobs.thumbnails  # noqa: F401 - installs the function that queues jobs after commit
from core.db import transaction
from core.downloads import stream_object
from core.http import header, iso
from core.security import current_actor
from core.storage import storage
from core.wire import Answer, NoContent, api_path, page_json
from services import thumbnails
from services.thumbnails import ThumbnailsImage, ThumbnailsJob


def _image_json(image: ThumbnailsImage) -> dict[str, Any]:
    return {
        "size": image.size,
        "width": image.width,
        "height": image.height,
        "content_type": image.content_type,
        "byte_size": image.byte_size,
        "sha256": image.sha256,
    }


def _job_json(job: ThumbnailsJob) -> dict[str, Any]:
    return {
        "id": str(job.id),
        "file_id": str(job.file_id),
        "file_name": job.file_name,
        "status": job.status,
        "sizes": [int(size) for size in job.sizes.split(",")],
        "attempts": job.attempts,
        "last_error": job.last_error,
        "thumbnails": [_image_json(image) for image in job.images],
        "created_at": iso(job.created_at),
        "updated_at": iso(job.updated_at),
        "started_at": iso(job.started_at),
        "finished_at": iso(job.finished_at),
    }


def list_thumbnails_jobs(
    status: str | None = None,
    file_id: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = thumbnails.list_jobs(
            session,
            current_actor(),
            status=status,
            file_id=uuid.UUID(file_id) if file_id else None,
            limit=limit,
            cursor=cursor,
        )
        return page_json(page, _job_json)


def create_thumbnails_job(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        job = thumbnails.create_job(session, current_actor(), file_id=uuid.UUID(body["file_id"]))
        return _job_json(job), 202, {"Location": api_path("thumbnails", "jobs", job.id)}


def get_thumbnails_job(job_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        job = thumbnails.get_job(session, current_actor(), job_id=uuid.UUID(job_id))
        return _job_json(job)


def delete_thumbnails_job(job_id: str) -> NoContent:
    with transaction(write=True) as session:
        thumbnails.delete_job(session, current_actor(), job_id=uuid.UUID(job_id))
    return None, 204


def retry_thumbnails_job(job_id: str) -> dict[str, Any]:
    with transaction(write=True) as session:
        job = thumbnails.retry_job(session, current_actor(), job_id=uuid.UUID(job_id))
        return _job_json(job)


def download_thumbnail(job_id: str, size: int) -> StreamingResponse:
    with transaction(write=False) as session:
        served = thumbnails.served_thumbnail(
            session, current_actor(), job_id=uuid.UUID(job_id), size=size
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
