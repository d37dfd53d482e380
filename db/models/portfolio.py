"""Portfolio: immutable numbered versions of one public document, and a pointer to the latest."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base


class PortfolioState(Base):
    """One row (id 1): the current version number. Publishing locks it, so versions never race."""

    __tablename__ = "portfolio_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    current_version: Mapped[int] = mapped_column(default=0)


class PortfolioVersion(Base):
    __tablename__ = "portfolio_versions"

    number: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(String(500), default="")
    author_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("identity_users.id", ondelete="SET NULL")
    )
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
