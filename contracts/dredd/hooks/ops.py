"""Ops: the Prometheus exposition changes with every request, so it is checked by its shape."""

from __future__ import annotations

import dredd_hooks as hooks


@hooks.before_each_validation
def metrics_by_shape(transaction):
    if transaction["fullPath"] != "/metrics" or int(transaction["expected"]["statusCode"]) != 200:
        return
    real = transaction.get("real") or {}
    content_type = real.get("headers", {}).get("content-type", "")
    body = real.get("body", "")
    if not content_type.startswith("text/plain"):
        transaction["fail"] = f"/metrics answered {content_type!r}, not text/plain"
    elif "# TYPE trellis_http_requests_total counter" not in body:
        transaction["fail"] = "/metrics lacks trellis_http_requests_total"
    # The example is one possible exposition; exact text and media-type parameters vary.
    transaction["expected"]["body"] = body
    transaction["expected"]["headers"].pop("Content-Type", None)
