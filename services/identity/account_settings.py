"""Settings of the mailed identity flows: password reset, email verification, invitations."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, get_settings, setting

UNVERIFIED_MODES = ("allow", "read-only", "block")


def _on_off(raw: str) -> bool:
    value = raw.strip().lower()
    if value not in ("on", "off"):
        raise ValueError("IDENTITY_ACCOUNT_CACHE must be on or off")
    return value == "on"


def _unverified_mode(raw: str) -> str:
    value = raw.strip().lower()
    if value not in UNVERIFIED_MODES:
        raise ValueError("IDENTITY_UNVERIFIED_ACCOUNTS must be allow, read-only or block")
    return value


@dataclass(frozen=True)
class AccountFlowSettings(SettingsSection):
    """Identity: password reset, email verification, invitations and the security log."""

    reset_token_ttl_seconds: int = setting(
        "IDENTITY_RESET_TOKEN_TTL_SECONDS", 30 * 60, "A password-reset token works this long."
    )
    verification_token_ttl_seconds: int = setting(
        "IDENTITY_VERIFICATION_TOKEN_TTL_SECONDS",
        48 * 3600,
        "An email-verification token works this long.",
    )
    invitation_ttl_seconds: int = setting(
        "IDENTITY_INVITATION_TTL_SECONDS",
        7 * 24 * 3600,
        "An invitation (a password-setting token mailed by an admin) works this long.",
    )
    mail_limit_per_address: str = setting(
        "IDENTITY_MAIL_LIMIT_PER_ADDRESS",
        "10/hour",
        "Reset and verification requests per client address before 429.",
    )
    mail_limit_per_account: str = setting(
        "IDENTITY_MAIL_LIMIT_PER_ACCOUNT",
        "3/hour",
        "Reset or verification emails per email address; past it requests are answered "
        "alike but send nothing (so the answer never tells whether the account exists).",
    )
    unverified_accounts: str = setting(
        "IDENTITY_UNVERIFIED_ACCOUNTS",
        "allow",
        "What an account whose email is not verified may do: `allow` (everything), "
        "`read-only` (safe methods only, plus logout and verification) or `block` (no login).",
        parse=_unverified_mode,
    )
    login_failed_window_seconds: int = setting(
        "IDENTITY_LOGIN_FAILED_WINDOW_SECONDS",
        3600,
        "Failed logins of one account within this window share one LOGIN_FAILED event, "
        "which counts them.",
    )
    account_cache: bool = setting(
        "IDENTITY_ACCOUNT_CACHE",
        True,
        "`on` or `off`. On, with `REDIS_URL` set: the per-request account and login check is "
        "answered from an in-process cache until a change to the account or its logins is "
        "heard on a Redis pub/sub channel (while the process's listener is not subscribed: "
        "while the account's epoch in Redis is unchanged); without Redis the database is read "
        "on every request either way.",
        shown="on",
        parse=_on_off,
    )
    account_cache_max_age_seconds: int = setting(
        "IDENTITY_ACCOUNT_CACHE_MAX_AGE_SECONDS",
        30,
        "A cached account check is read again from the database after this long, even when its "
        "epoch is unchanged: the bound on staleness should an epoch renewal be lost (Redis "
        "unreachable just after a change committed).",
    )
    link_base_url: str | None = setting(
        "IDENTITY_LINK_BASE_URL",
        None,
        "Front-end page the emails link to, with the token in the fragment "
        "(`<url>#token=...`); unset: the emails carry the code alone.",
    )


def flow_settings() -> AccountFlowSettings:
    return get_settings().section(AccountFlowSettings)
