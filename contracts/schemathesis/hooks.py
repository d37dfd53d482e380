"""Schemathesis CLI hooks (SCHEMATHESIS_HOOKS=contracts.schemathesis.hooks), as in pytest."""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis import GenerationMode


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Only the server mints cursors: a schema-valid random one is rightly a 400."""
    positive = case.meta is None or case.meta.generation.mode == GenerationMode.POSITIVE
    if positive and case.query and "cursor" in case.query:
        del case.query["cursor"]
