"""Thumbnails: jobs asked for through the service, for images stored as uploads store them."""

from __future__ import annotations

import io
import uuid

from PIL import Image

from core.db import transaction
from core.storage import storage
from db.models.identity import User
from db.models.thumbnails import ThumbnailsJob
from services import thumbnails
from tests.factories.identity import actor_of
from tests.factories.uploads import image_bytes, make_uploads_file


def make_thumbnails_job(
    owner: User, content: bytes | None = None, *, name: str = "photo.png"
) -> ThumbnailsJob:
    """An uploaded image (a 40x30 PNG by default) and its job, PENDING."""
    file = make_uploads_file(
        owner, image_bytes("PNG", (40, 30)) if content is None else content, name=name
    )
    with transaction(write=True) as session:
        return thumbnails.create_job(session, actor_of(owner), file_id=file.id)


def job_state(job_id: uuid.UUID | str) -> ThumbnailsJob:
    """The job as committed, its thumbnails loaded (by ascending size)."""
    with transaction(write=False) as session:
        job = session.get(ThumbnailsJob, uuid.UUID(str(job_id)))
        assert job is not None
        _ = list(job.images)
        session.expunge_all()
        return job


def stored_image(key: str) -> Image.Image:
    data = b"".join(storage().read(key))
    return Image.open(io.BytesIO(data))
