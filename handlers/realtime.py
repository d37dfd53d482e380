from __future__ import annotations

from typing import Any

from core.db import transaction
from core.security import current_actor, current_credential
from core.sockets import PROTOCOL
from services import realtime


def create_realtime_ticket() -> tuple[dict[str, Any], int]:
    with transaction(write=True) as session:
        issued = realtime.issue_ticket(
            session, current_actor(), login_id=current_credential().login_id
        )
    body = {
        "ticket": issued.ticket,
        "expires_at": issued.expires_at.isoformat(),
        "subprotocols": [PROTOCOL, f"ticket.{issued.ticket}"],
    }
    return body, 201
