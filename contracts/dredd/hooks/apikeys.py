"""API key fixtures: the example key id becomes a key created for the transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import dredd_hooks as hooks

from contracts.dredd.support import api, body_of, replace_path, set_body, throwaway_user

EXAMPLE_KEY = "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a"


def _as_throwaway_user(transaction) -> dict[str, str]:  # type: ignore[no-untyped-def]
    # The admin's own keys fill up with every contract run (at most 50 active): a fresh owner.
    _email, tokens = throwaway_user()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    transaction["request"]["headers"].update(headers)
    return headers


def _real_key(transaction):  # type: ignore[no-untyped-def]
    headers = _as_throwaway_user(transaction)
    body = {"name": "dredd", "scope": "READ_ONLY"}
    created = api("POST", "/apikeys/keys", json=body, headers=headers).json()
    replace_path(transaction, EXAMPLE_KEY, created["id"])


# The hook loader finds hooks by the attributes the decorators set on each function: one
# function per transaction.
@hooks.before("/apikeys/keys/{key_id} > Get one of my API keys > 200 > application/json")
def read_a_real_key(transaction):
    _real_key(transaction)


@hooks.before("/apikeys/keys/{key_id} > Rename or revoke an API key > 200 > application/json")
def revoke_a_real_key(transaction):
    _real_key(transaction)


@hooks.before(
    "/apikeys/keys/{key_id}/events > Read an API key's audit trail > 200 > application/json"
)
def read_a_real_keys_events(transaction):
    _real_key(transaction)


@hooks.before("/apikeys/keys > Create an API key > 201 > application/json")
def expire_in_the_future(transaction):
    # The example's fixed expiry would one day lie in the past (422).
    _as_throwaway_user(transaction)
    body = body_of(transaction)
    body["expires_at"] = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    set_body(transaction, body)
