"""Uploads: files a user stored, where their bytes live, and the metadata job's state.

The row is the truth about a file: its sniffed type, size and SHA-256 (null while a direct upload
awaits its bytes), and the metadata job's status (AWAITING_UPLOAD -> PENDING -> PROCESSING ->
DONE or FAILED), attempts, lease and findings. The bytes live in core.storage under
`storage_key`; the image's metadata-free copy under `stripped_key`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, new_id


class UploadsFile(Timestamped, Base):
    __tablename__ = "uploads_files"
    __table_args__ = (
        Index("ix_uploads_files_owner_created", "owner_id", "created_at", "id"),
        Index("ix_uploads_files_status_updated", "status", "updated_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    lease_expires_at: Mapped[datetime | None]
    failure_reason: Mapped[str | None] = mapped_column(String(300))
    width: Mapped[int | None]
    height: Mapped[int | None]
    page_count: Mapped[int | None]
    stripped_key: Mapped[str | None] = mapped_column(String(200))
    stripped_size: Mapped[int | None] = mapped_column(BigInteger)
    stripped_sha256: Mapped[str | None] = mapped_column(String(64))
    processed_at: Mapped[datetime | None]
