"""The token endpoint as standard OAuth 2.0 clients speak to it (RFC 6749 §4.3 and §6): a
form-encoded request with `grant_type=password` (`username` is the account's email) or
`grant_type=refresh_token`. The same logins and rotations as the JSON request; only the names
differ, and the errors carry RFC 6749 §5.2 codes (`oauth_error`, rendered by core.problems).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from core.errors import BadRequest
from services.identity.accounts import PasswordLogin, log_in
from services.identity.token_families import TokenPair, refresh

PASSWORD_GRANT = "password"  # noqa: S105 (a grant type's name, RFC 6749 §4.3.2)
REFRESH_GRANT = "refresh_token"


class UnsupportedGrantType(BadRequest, type="/problems/identity/unsupported-grant-type"):
    oauth_error = "unsupported_grant_type"


class InvalidTokenRequest(BadRequest, type="/problems/identity/invalid-token-request"):
    oauth_error = "invalid_request"


def grant_tokens(
    session: Session,
    *,
    form: Mapping[str, str],
    client_address: str,
    user_agent: str | None = None,
) -> TokenPair:
    """A password login or a refresh-token rotation, asked for in RFC 6749's words."""
    grant = form["grant_type"]
    if grant == PASSWORD_GRANT:
        _require(form, "username", "password")
        login = PasswordLogin(
            email=form["username"],
            password=form["password"],
            client_address=client_address,
            user_agent=user_agent,
        )
        return log_in(session, login=login)
    if grant == REFRESH_GRANT:
        _require(form, "refresh_token")
        return refresh(session, refresh_token=form["refresh_token"])
    raise UnsupportedGrantType("Only the password and refresh_token grants are supported.")


def _require(form: Mapping[str, str], *names: str) -> None:
    missing = [name for name in names if not form.get(name)]
    if missing:
        raise InvalidTokenRequest(f"Missing for this grant: {', '.join(missing)}.")
