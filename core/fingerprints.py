"""Fingerprints of the secrets stored data depends on: safe to write down, enough to compare.

Some stored data is only usable with the secret it was written with: API keys are stored as
HMACs keyed by `API_KEY_PEPPER` (another pepper refuses every key), and tokens and cursors are
signed with a `JWT_SIGNING_KEYS` key named by its id. A database restored on a machine with other
secrets looks healthy and silently refuses every such credential, so the secrets' fingerprints
travel with the data (the `core_secret_fingerprints` table, `trellis migrate` records them; a
backup's manifest) and are compared with the running configuration (`/ready`, `trellis restore
--verify`).

A fingerprint is HMAC-SHA256 of a fixed label keyed by the secret, cut to 16 hex digits: equal
secrets give equal fingerprints, and it gives nothing to start a guess from (the secrets are 32+
random characters; the label is not a secret). Names are the setting's variable, or
`JWT_SIGNING_KEYS:<kid>` per signing key. A signing key id no longer configured is not a
mismatch (keys are rotated away); the same id with another secret is.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

from core.settings import Settings

LABEL = b"trellis secret fingerprint v1"
PEPPER = "API_KEY_PEPPER"
SIGNING_KEY = "JWT_SIGNING_KEYS:"


def fingerprint(secret: str) -> str:
    """The fingerprint of one secret (16 hex digits)."""
    return hmac.new(secret.encode(), LABEL, hashlib.sha256).hexdigest()[:16]


def current(settings: Settings) -> dict[str, str]:
    """{name: fingerprint} of the secrets the running configuration holds."""
    found = {PEPPER: fingerprint(settings.api_key_pepper)}
    for kid, secret in settings.jwt_signing_keys.items():
        found[f"{SIGNING_KEY}{kid}"] = fingerprint(secret)
    return found


def mismatches(recorded: Mapping[str, str], now: Mapping[str, str]) -> list[str]:
    """One line per secret whose recorded fingerprint the running configuration does not match."""
    problems = []
    for name, expected in sorted(recorded.items()):
        actual = now.get(name)
        if actual is None and name.startswith(SIGNING_KEY):
            continue  # rotated away: tokens it signed have expired or are refused by design
        if actual != expected:
            shown = f"JWT_SIGNING_KEYS key id {name.removeprefix(SIGNING_KEY)!r}"
            label = shown if name.startswith(SIGNING_KEY) else name
            problems.append(
                f"{label} is not the secret the data was written with "
                f"(fingerprint {actual or 'missing'} != {expected})"
            )
    return problems
