"""Thumbnails: one job per uploaded image, and the thumbnails it made visible.

The job row is the truth: its status (PENDING -> RUNNING -> DONE or FAILED), attempts, lease,
`last_error` and timestamps, and the sizes it renders (fixed when it was asked for). `generation`
counts every claim and is never reset, so each run writes its objects under keys of its own.
A thumbnail is visible only once its `thumbnails_images` row has committed; the object it names
was written whole before that. Deleting the uploaded file sets `file_id` to NULL (not a cascade,
which would drop the rows and leave their objects stored): see services.thumbnails.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamped, new_id


class ThumbnailsJob(Timestamped, Base):
    __tablename__ = "thumbnails_jobs"
    __table_args__ = (
        UniqueConstraint("file_id", name="uq_thumbnails_jobs_file"),
        Index("ix_thumbnails_jobs_owner_created", "owner_id", "created_at", "id"),
        Index("ix_thumbnails_jobs_status_updated", "status", "updated_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    #: NULL once the uploaded file is deleted: the job is then an orphan that the worker holding
    #: it or the sweep deletes, with everything stored under `thumbnails/<job id>/`.
    file_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("uploads_files.id", ondelete="SET NULL")
    )
    file_name: Mapped[str] = mapped_column(String(255))
    sizes: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    generation: Mapped[int] = mapped_column(default=0)
    lease_expires_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(300))
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    images: Mapped[list[ThumbnailsImage]] = relationship(
        order_by="ThumbnailsImage.size", viewonly=True
    )


class ThumbnailsImage(Timestamped, Base):
    __tablename__ = "thumbnails_images"
    __table_args__ = (UniqueConstraint("job_id", "size", name="uq_thumbnails_images_job_size"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("thumbnails_jobs.id", ondelete="CASCADE"))
    size: Mapped[int]
    width: Mapped[int]
    height: Mapped[int]
    content_type: Mapped[str] = mapped_column(String(50))
    storage_key: Mapped[str] = mapped_column(String(200))
    byte_size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
