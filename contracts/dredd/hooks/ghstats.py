"""GitHub stats: the live server asks contracts/ghstats_provider.py (ci/live-server.sh starts it on
127.0.0.1 and points GHSTATS_BASE_URL at it), so the example username answers its recorded
stats; each answer must also say where it came from (Cache-Status, Age), which Dredd does not
check."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import status_of


@hooks.after_each
def says_where_it_came_from(transaction):
    if "/ghstats/" not in transaction["fullPath"] or status_of(transaction) != 200:
        return
    headers = {name.lower() for name in (transaction.get("real") or {}).get("headers", {})}
    if not {"cache-status", "age"} <= headers:
        transaction["fail"] = "a ghstats answer without Cache-Status and Age"
