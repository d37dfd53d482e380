"""Policy for every transaction: which ones run, and with which credentials."""

from __future__ import annotations

import os
import uuid

import dredd_hooks as hooks

from contracts.dredd.support import SKIPPED, admin_token, run, skip, status_of

ERROR_REASON = (
    "error responses are exercised by Schemathesis (negative data) and the per-operation API "
    "tests; Dredd only replays documented examples"
)

NOT_MODIFIED_REASON = (
    "a 304 needs the ETag of an earlier answer; conditional GETs are tested in tests/portfolio"
)


@hooks.before_each
def choose(transaction):
    status = status_of(transaction)
    headers = transaction["request"]["headers"]
    if "Idempotency-Key" in headers:
        # A key names one logical operation; the contract gives no example to reuse.
        headers["Idempotency-Key"] = str(uuid.uuid4())
    if status < 300:
        run(transaction)
        headers["Authorization"] = f"Bearer {admin_token()}"
    elif status == 401:
        # The same example without credentials must be refused as documented.
        run(transaction)
        headers.pop("Authorization", None)
    elif status == 304:
        skip(transaction, NOT_MODIFIED_REASON)
    else:
        skip(transaction, ERROR_REASON)


@hooks.after_all
def report(_transactions):
    """Appends every deliberate skip and its reason to $DREDD_SKIPS (printed by run.sh)."""
    with open(os.environ["DREDD_SKIPS"], "a", encoding="utf-8") as out:
        for name, reason in sorted(SKIPPED.items()):
            out.write(f"skip {name}: {reason}\n")
