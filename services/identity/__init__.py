"""Identity: accounts, token logins and the authentication of every request by access token.

    accounts        signup, password login, the caller's account, admin bootstrap
    token_families  access + refresh token pairs, rotation, reuse detection, logout
    token_endpoint  the same logins asked for in OAuth 2.0's words (a form-encoded request)
    authentication  the bearer and Conduit-token info functions, the per-request account check
    account_cache   that check answered in process until a change is heard on Redis pub/sub
                    (or, while not listening, while the account's epoch in Redis holds)
    security_log    the account's security events (in the audit trail), failed logins rolled up
    recovery        sign-up's verification mail, password reset, email verification, invitations

Other domains use it as `from services import identity` and the names below.
"""

from db.models.identity import User
from services.identity.accounts import (
    EmailTaken,
    InvalidCredentials,
    PasswordLogin,
    UserNotFound,
    WrongPassword,
    authenticate_password,
    create_user,
    email_key,
    ensure_admin,
    find_admin,
    get_user,
    list_users,
    log_in,
    set_email_and_password,
    update_user,
)
from services.identity.authentication import (
    AccountState,
    account_state,
    authenticate_bearer,
    authenticate_conduit_token,
    token_holder,
)
from services.identity.recovery import (
    InvalidResetToken,
    InvalidVerificationToken,
    invite,
    oauth_linked,
    oauth_unlinked,
    request_password_reset,
    request_verification,
    reset_password,
    sign_up,
    verify_email,
)
from services.identity.security_log import list_security_events
from services.identity.security_log import record as record_security_event
from services.identity.token_endpoint import (
    InvalidTokenRequest,
    UnsupportedGrantType,
    grant_tokens,
)
from services.identity.token_families import (
    REFRESH_PREFIX,
    InvalidRefreshToken,
    RefreshTokenReused,
    TokenPair,
    end_every_login,
    issue_tokens,
    log_out,
    purge_expired_refresh_tokens,
    refresh,
    renew_lasting_login,
    start_lasting_login,
)

__all__ = [
    "REFRESH_PREFIX",
    "AccountState",
    "EmailTaken",
    "InvalidCredentials",
    "InvalidRefreshToken",
    "InvalidResetToken",
    "InvalidTokenRequest",
    "InvalidVerificationToken",
    "PasswordLogin",
    "RefreshTokenReused",
    "TokenPair",
    "UnsupportedGrantType",
    "User",
    "UserNotFound",
    "WrongPassword",
    "account_state",
    "authenticate_bearer",
    "authenticate_conduit_token",
    "authenticate_password",
    "create_user",
    "email_key",
    "end_every_login",
    "ensure_admin",
    "find_admin",
    "get_user",
    "grant_tokens",
    "invite",
    "issue_tokens",
    "list_security_events",
    "list_users",
    "log_in",
    "log_out",
    "oauth_linked",
    "oauth_unlinked",
    "purge_expired_refresh_tokens",
    "record_security_event",
    "refresh",
    "renew_lasting_login",
    "request_password_reset",
    "request_verification",
    "reset_password",
    "set_email_and_password",
    "sign_up",
    "start_lasting_login",
    "token_holder",
    "update_user",
    "verify_email",
]
