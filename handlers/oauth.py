from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import Response

from core.db import transaction
from core.http import (
    client_address,
    cookie,
    header,
    iso,
    response_with_cookies,
    scheme_and_host,
)
from core.security import current_actor
from core.wire import page_json
from handlers import _wire as wire
from services import identity, oauth, sessions


def _secure_cookies() -> bool:
    return sessions.secure_cookies_for(*scheme_and_host())


def _browser_value(secure: bool) -> str | None:
    return cookie(oauth.browser_cookie(secure))


def start_oauth_login(result: str = "TOKENS") -> Response:
    secure = _secure_cookies()
    with transaction(write=True) as session:
        started = oauth.begin_login(session, result=result)
    response = response_with_cookies(
        None, 302, [oauth.browser_cookie_header(started.browser_value, secure=secure)]
    )
    response.headers["Location"] = started.location
    response.headers["Cache-Control"] = "no-store"
    return response


def _signed_in(session: Any, login: oauth.LoginResult, secure: bool) -> Response:
    """The login's answer (tokens or a new session), clearing the browser-binding cookie."""
    clear = oauth.browser_cookie_header(None, secure=secure)
    if login.result == "TOKENS":
        tokens = wire.token_pair_json(identity.issue_tokens(session, login.user))
        return response_with_cookies(tokens, 200, [clear])
    started = sessions.start_session_for(
        session,
        login.user,
        client_address=client_address(),
        user_agent=header("user-agent"),
        presented_token=cookie(sessions.SESSION_COOKIE),
    )
    response = wire.started_session_response(started)
    response.raw_headers.append((b"set-cookie", clear.encode("latin-1")))
    return response


def finish_oauth_login(
    state: str, code: str | None = None, error: str | None = None, **_echoed: Any
) -> Response | tuple[None, int, dict[str, str]]:
    secure = _secure_cookies()
    with transaction(write=True) as session:
        login = oauth.finish_login(
            session, state=state, code=code, error=error, browser_value=_browser_value(secure)
        )
        if login.redirect_to is not None:
            return None, 303, {"Location": login.redirect_to, "Cache-Control": "no-store"}
        return _signed_in(session, login, secure)


def complete_oauth_login(body: dict[str, Any]) -> Response:
    secure = _secure_cookies()
    with transaction(write=True) as session:
        login = oauth.exchange_login_code(
            session, code=body["code"], browser_value=_browser_value(secure)
        )
        return _signed_in(session, login, secure)


def _linked_identity_json(link: oauth.LinkedIdentity) -> dict[str, Any]:
    return {
        "id": str(link.id),
        "issuer": link.issuer,
        "subject": link.subject,
        "email": link.email,
        "created_at": iso(link.created_at),
    }


def list_linked_identities(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = oauth.list_linked_identities(session, current_actor(), limit=limit, cursor=cursor)
        return page_json(page, _linked_identity_json)


def unlink_identity(identity_id: str) -> tuple[None, int]:
    with transaction(write=True) as session:
        oauth.unlink_identity(session, current_actor(), identity_id=uuid.UUID(identity_id))
    return None, 204
