"""Identity fixtures: unique sign-ups, a throwaway account for self-service edits, real tokens."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    body_of,
    set_body,
    skip,
    throwaway_user,
    unique_email,
)

PASSWORD = "correct horse battery staple"


@hooks.before("/identity/users > Sign up > 201 > application/json")
def sign_up_with_a_fresh_email(transaction):
    body = body_of(transaction)
    body["email"] = unique_email()
    set_body(transaction, body)


@hooks.before("/identity/users/me > Update my account > 200 > application/json")
def edit_a_throwaway_account(transaction):
    # The example may change the password: never the admin's, which the other hooks use.
    _email, tokens = throwaway_user(PASSWORD)
    body = body_of(transaction)
    if "password" in body:
        body["current_password"] = PASSWORD
    set_body(transaction, body)
    transaction["request"]["headers"]["Authorization"] = f"Bearer {tokens['access_token']}"


@hooks.before("/identity/tokens > Log in or refresh > 200 > application/json")
def log_in_as_the_admin(transaction):
    set_body(
        transaction, {"grant_type": "PASSWORD", "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}
    )


@hooks.before("/identity/token-revocations > Log out > 204")
def revoke_a_real_refresh_token(transaction):
    _email, tokens = throwaway_user(PASSWORD)
    set_body(transaction, {"refresh_token": tokens["refresh_token"]})


@hooks.before("/identity/tokens > Log in or refresh > 401 > application/problem+json")
def log_in_with_a_wrong_password(transaction):
    wrong = {"grant_type": "PASSWORD", "email": ADMIN_EMAIL, "password": "not-the-password"}
    set_body(transaction, wrong)


@hooks.before("/identity/users/me/security-events > My security log > 200 > application/json")
def read_a_fresh_accounts_log(transaction):
    # The example starts with the LOGGED_IN a new account's first login writes; the admin's own
    # newest event depends on what the transactions before this one did to it.
    _email, tokens = throwaway_user(PASSWORD)
    transaction["request"]["headers"]["Authorization"] = f"Bearer {tokens['access_token']}"


MAILED_CODE_REASON = (
    "the code arrives by email only; the flow runs against a real SMTP server in "
    "tests/identity/test_recovery_api.py"
)


@hooks.before("/identity/password-reset-confirmations > Set a new password with a reset code > 204")
def a_mailed_reset_code_is_needed(transaction):
    skip(transaction, MAILED_CODE_REASON)


@hooks.before(
    "/identity/email-verification-confirmations > Confirm an email address with its code > 204"
)
def a_mailed_verification_code_is_needed(transaction):
    skip(transaction, MAILED_CODE_REASON)
