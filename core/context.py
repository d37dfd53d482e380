"""Request-scoped values shared by middleware, logging and error rendering."""

from __future__ import annotations

import contextvars

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "trellis_request_id", default=None
)
