from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import Response

from core.db import transaction
from core.http import client_address, cookie, header, iso, response_with_cookies, scheme_and_host
from core.security import current_actor, current_credential
from services import sessions


def _session_json(row: Any, current_id: str | None) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "current": str(row.id) == current_id,
        "created_at": iso(row.created_at),
        "last_seen_at": iso(row.last_seen_at),
        "idle_expires_at": iso(sessions.idle_expires_at(row)),
        "expires_at": iso(row.expires_at),
        "user_agent": row.user_agent,
        "client_address": row.client_address,
    }


def _secure_cookies() -> bool:
    return sessions.secure_cookies_for(*scheme_and_host())


def create_session(body: dict[str, Any]) -> Response:
    with transaction() as session:
        started = sessions.start_session(
            session,
            email=body["email"],
            password=body["password"],
            client_address=client_address(),
            user_agent=header("user-agent"),
            presented_token=cookie(sessions.SESSION_COOKIE),
        )
        data = {**_session_json(started.row, str(started.row.id)), "csrf_token": started.csrf_token}
        cookies = sessions.cookie_headers(
            started.token, expires_at=started.row.expires_at, secure=_secure_cookies()
        )
        return response_with_cookies(data, 201, cookies)


def list_sessions(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    current_id = current_credential().get("session_id")
    with transaction() as session:
        page = sessions.list_sessions(session, current_actor(), limit=limit, cursor=cursor)
        return {"items": [_session_json(row, current_id) for row in page.items], "next": page.next}


def get_current_session() -> dict[str, Any]:
    current_id = current_credential()["session_id"]
    with transaction() as session:
        row = sessions.get_session(session, current_actor(), session_id=uuid.UUID(current_id))
        token = cookie(sessions.SESSION_COOKIE) or ""
        return {**_session_json(row, current_id), "csrf_token": sessions.csrf_token_for(token)}


def delete_current_session() -> Response:
    current_id = current_credential()["session_id"]
    with transaction() as session:
        sessions.revoke_session(session, current_actor(), session_id=uuid.UUID(current_id))
    clear = sessions.cookie_headers(None, expires_at=None, secure=_secure_cookies())
    return response_with_cookies(None, 204, clear)


def revoke_all_sessions() -> Response:
    credential = current_credential()
    with transaction() as session:
        sessions.revoke_all_sessions(session, current_actor())
    clear = []
    if credential.get("scheme") == "session":
        clear = sessions.cookie_headers(None, expires_at=None, secure=_secure_cookies())
    return response_with_cookies(None, 204, clear)


def revoke_session(session_id: str) -> tuple[None, int]:
    with transaction() as session:
        sessions.revoke_session(session, current_actor(), session_id=uuid.UUID(session_id))
        return None, 204
