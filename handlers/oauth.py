from __future__ import annotations

from typing import Any

from starlette.responses import Response

from core.db import transaction
from core.http import client_address, cookie, header
from handlers import _wire as wire
from services import identity, oauth, sessions


def start_oauth_login(result: str = "TOKENS") -> tuple[None, int, dict[str, str]]:
    with transaction(write=True) as session:
        location = oauth.begin_login(session, result=result)
    return None, 302, {"Location": location, "Cache-Control": "no-store"}


def finish_oauth_login(
    state: str, code: str | None = None, error: str | None = None, **_echoed: Any
) -> Response | dict[str, Any]:
    with transaction(write=True) as session:
        login = oauth.finish_login(session, state=state, code=code, error=error)
        if login.result == "TOKENS":
            return wire.token_pair_json(identity.issue_tokens(session, login.user))
        started = sessions.start_session_for(
            session,
            login.user,
            client_address=client_address(),
            user_agent=header("user-agent"),
            presented_token=cookie(sessions.SESSION_COOKIE),
        )
        return wire.started_session_response(started)
