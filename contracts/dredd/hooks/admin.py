"""Admin fixtures: the example account id becomes an account created for the transaction;
invitations go to a fresh address."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, body_of, replace_path, set_body, unique_email

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


def _an_existing_account(transaction):
    account = {"email": unique_email(), "password": "correct horse battery", "display_name": "D"}
    created = api("POST", "/identity/users", json=account).json()
    replace_path(transaction, EXAMPLE_USER, created["id"])


@hooks.before("/admin/users/{user_id} > One account (admin) > 200 > application/json")
def read_an_existing_account(transaction):
    _an_existing_account(transaction)


@hooks.before(
    "/admin/users/{user_id}/security-events > An account's security log (admin)"
    " > 200 > application/json"
)
def read_an_existing_accounts_log(transaction):
    _an_existing_account(transaction)


@hooks.before("/admin/users > Invite a user by email (admin) > 201 > application/json")
def invite_a_fresh_address(transaction):
    body = body_of(transaction)
    body["email"] = unique_email()
    set_body(transaction, body)
