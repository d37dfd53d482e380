from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import Response

from core.db import transaction
from core.http import cookie, header, response_with_cookies, scheme_and_host
from core.security import current_actor, current_credential
from core.wire import page_json
from handlers import _wire as wire
from services import sessions


def _current_session_id() -> uuid.UUID:
    # Only the session cookie scheme is accepted by the operations on the current session.
    session_id = current_credential().session_id
    assert session_id is not None
    return session_id


def _secure_cookies() -> bool:
    return sessions.secure_cookies_for(*scheme_and_host())


def create_session(body: dict[str, Any]) -> Response:
    with transaction(write=True) as session:
        started = sessions.start_session(
            session,
            login=wire.password_login(body),
            user_agent=header("user-agent"),
            presented_token=cookie(sessions.SESSION_COOKIE),
        )
        return wire.started_session_response(started)


def list_sessions(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    session_id = current_credential().session_id
    current_id = str(session_id) if session_id else None
    with transaction(write=False) as session:
        page = sessions.list_sessions(session, current_actor(), limit=limit, cursor=cursor)
        return page_json(page, lambda row: wire.session_json(row, current_id))


def get_current_session() -> dict[str, Any]:
    current_id = _current_session_id()
    with transaction(write=False) as session:
        row = sessions.get_session(session, current_actor(), session_id=current_id)
        token = cookie(sessions.SESSION_COOKIE) or ""
        current = wire.session_json(row, str(current_id))
        return {**current, "csrf_token": sessions.csrf_token_for(token)}


def delete_current_session() -> Response:
    current_id = _current_session_id()
    with transaction(write=True) as session:
        sessions.revoke_session(session, current_actor(), session_id=current_id)
    clear = sessions.cookie_headers(None, expires_at=None, secure=_secure_cookies())
    return response_with_cookies(None, 204, clear)


def revoke_all_sessions() -> Response:
    credential = current_credential()
    with transaction(write=True) as session:
        sessions.revoke_all_sessions(session, current_actor())
    clear = []
    if credential.scheme == "session":
        clear = sessions.cookie_headers(None, expires_at=None, secure=_secure_cookies())
    return response_with_cookies(None, 204, clear)


def revoke_session(session_id: str) -> tuple[None, int]:
    with transaction(write=True) as session:
        sessions.revoke_session(session, current_actor(), session_id=uuid.UUID(session_id))
        return None, 204
