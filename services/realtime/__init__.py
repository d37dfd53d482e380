"""Realtime: handshake tickets for WebSockets, and the limits every socket runs under.

A ticket is for a client that cannot put its credential in the handshake (a browser page holding
a token in memory may, with the `bearer.` subprotocol; one behind a proxy that drops subprotocols
may not): it asks POST /realtime/tickets with its usual credential and presents the ticket once,
within REALTIME_TICKET_SECONDS. Tickets live in the database, so any app process redeems them;
the delete that redeems one is the single-use guarantee (two redemptions: one gets the row).
core.sockets calls `redeem_ticket` and `recheck_ticket_holder` by name.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from core.credentials import Credential
from core.db import transaction, utcnow
from core.security import Actor
from core.settings import get_settings
from core.sockets import Limits
from db.models.realtime import RealtimeTicket
from services import identity
from services.realtime.settings import RealtimeSettings

TICKET_PREFIX = "rtt_"


@dataclass(frozen=True)
class IssuedTicket:
    ticket: str
    expires_at: datetime


def _hash(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


def settings() -> RealtimeSettings:
    return get_settings().section(RealtimeSettings)


def socket_limits(**overrides: Any) -> Limits:
    """The limits of a socket under the REALTIME_* settings, with a route's own `overrides`."""
    current = settings()
    limits = Limits(
        messages_per_second=current.messages_per_second,
        burst=current.message_burst,
        queue=current.socket_queue,
        recheck_seconds=current.recheck_seconds,
    )
    return replace(limits, **overrides)


def issue_ticket(session: Session, actor: Actor, *, login_id: uuid.UUID | None) -> IssuedTicket:
    """A new single-use handshake ticket acting for `actor`; expired tickets are swept away."""
    now = utcnow()
    session.execute(delete(RealtimeTicket).where(RealtimeTicket.expires_at <= now))
    ticket = TICKET_PREFIX + secrets.token_urlsafe(32)
    expires_at = now + timedelta(seconds=settings().ticket_seconds)
    session.add(
        RealtimeTicket(
            token_hash=_hash(ticket),
            user_id=actor.user_id,
            login_id=login_id,
            created_at=now,
            expires_at=expires_at,
        )
    )
    session.flush()
    return IssuedTicket(ticket, expires_at)


def redeem_ticket(ticket: str) -> Credential | None:
    """The holder of a live ticket, spending it; None when it is unknown, spent or expired, or
    its account can no longer sign in (blocking: the database)."""
    with transaction(write=True) as session:
        row = session.execute(
            delete(RealtimeTicket)
            .where(RealtimeTicket.token_hash == _hash(ticket))
            .returning(
                RealtimeTicket.user_id,
                RealtimeTicket.login_id,
                RealtimeTicket.created_at,
                RealtimeTicket.expires_at,
            )
        ).first()
    if row is None or row.expires_at <= utcnow():
        return None
    state = identity.account_state(
        row.user_id, issued_at=int(row.created_at.timestamp()), login_id=row.login_id
    )
    if state is None:
        return None
    return Credential(
        user_id=row.user_id,
        role=state.role,
        scheme="ticket",
        login_id=row.login_id,
        read_only=state.read_only,
    )


def recheck_ticket_holder(credential: Credential) -> Credential | None:
    """The holder of a socket opened with a ticket, if the account is still enabled and its
    password was not changed from another login since (blocking: the database)."""
    state = identity.account_state(credential.user_id, login_id=credential.login_id)
    if state is None:
        return None
    return replace(credential, role=state.role, read_only=state.read_only)
