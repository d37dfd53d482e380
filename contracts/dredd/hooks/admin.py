"""Admin fixtures: the example account id becomes an account created for the transaction."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, replace_path, unique_email

EXAMPLE_USER = "3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a"


UPDATE_ACCOUNT = (
    "/admin/users/{user_id} > Change an account's role or disable it (admin)"
    " > 200 > application/json"
)


@hooks.before(UPDATE_ACCOUNT)
def a_real_account(transaction):
    account = {"email": unique_email(), "password": "correct horse battery", "display_name": "D"}
    created = api("POST", "/identity/users", json=account).json()
    replace_path(transaction, EXAMPLE_USER, created["id"])
