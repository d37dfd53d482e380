"""Tables owned by core: stored responses for Idempotency-Key replays, the audit trail."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base, new_id


class IdempotencyRecord(Base):
    __tablename__ = "core_idempotency_keys"
    __table_args__ = (UniqueConstraint("principal", "operation_id", "key"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    principal: Mapped[str] = mapped_column(String(64))
    operation_id: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int]
    response_body: Mapped[bytes] = mapped_column(LargeBinary)
    response_headers: Mapped[str] = mapped_column(String(2000), default="{}")
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)


class AuditEvent(Base):
    """Who did what to which account or credential: the audit trail admins read."""

    __tablename__ = "core_audit_events"
    __table_args__ = (Index("ix_core_audit_events_created", "created_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    actor_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(40), index=True)
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[str] = mapped_column(String(64), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SecretFingerprint(Base):
    """The fingerprint of a secret the stored data depends on (core.fingerprints)."""

    __tablename__ = "core_secret_fingerprints"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
