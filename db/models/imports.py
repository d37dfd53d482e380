"""Imports: CSV files a user uploaded for a target domain, imported in the background.

The import row is the truth about an import: its status (PENDING -> RUNNING -> DONE or FAILED),
how far the worker got (`checked_rows`, `imported_rows`, committed with each batch, so a worker
that dies resumes after the last committed batch), its attempts and lease. The file itself is kept
in `imports_chunks` (the bytes in fixed-size pieces, read back one at a time, so a worker's
memory does not grow with the file) and the rows that failed in `imports_errors`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, new_id


class Import(Timestamped, Base):
    __tablename__ = "imports_imports"
    __table_args__ = (
        # The same bytes uploaded twice by one user for one target are one import (unless the
        # first FAILED: then the file may be tried again).
        Index(
            "uq_imports_imports_owner_target_checksum",
            "owner_id",
            "target",
            "checksum",
            unique=True,
            postgresql_where=text("status <> 'FAILED'"),
            sqlite_where=text("status <> 'FAILED'"),
        ),
        Index("ix_imports_imports_owner_created", "owner_id", "created_at", "id"),
        Index("ix_imports_imports_status_updated", "status", "updated_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    target: Mapped[str] = mapped_column(String(40))
    policy: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(255))
    #: SHA-256 of the uploaded bytes, hex.
    checksum: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int]
    encoding: Mapped[str] = mapped_column(String(20))
    delimiter: Mapped[str] = mapped_column(String(1))
    #: The header as written, one entry per column of the file.
    header: Mapped[list[str]] = mapped_column(JSON)
    total_rows: Mapped[int]
    status: Mapped[str] = mapped_column(String(8), default="PENDING")
    #: ALL_OR_NOTHING imports check every row first; this records that the check passed.
    validated: Mapped[bool] = mapped_column(default=False)
    checked_rows: Mapped[int] = mapped_column(default=0)
    imported_rows: Mapped[int] = mapped_column(default=0)
    invalid_rows: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    lease_expires_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(300))
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class ImportChunk(Base):
    __tablename__ = "imports_chunks"

    import_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("imports_imports.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ImportRowError(Base):
    __tablename__ = "imports_errors"
    __table_args__ = (Index("ix_imports_errors_import_line", "import_id", "line", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    import_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("imports_imports.id", ondelete="CASCADE")
    )
    #: The file line the row starts on (the header is line 1).
    line: Mapped[int]
    #: The column at fault, as the header names it; null for the row as a whole.
    column: Mapped[str | None] = mapped_column(String(100))
    message: Mapped[str] = mapped_column(String(500))
