"""Realtime: the short-lived, single-use tickets a WebSocket handshake may present."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class RealtimeTicket(Base):
    """Kept in the database, so the app process that redeems it need not be the one that
    issued it."""

    __tablename__ = "realtime_tickets"

    #: SHA-256 of the ticket (the ticket itself is shown once, never stored).
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), index=True
    )
    #: The login of the credential that asked for it (rechecked while the socket lives).
    login_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
