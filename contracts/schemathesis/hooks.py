"""Schemathesis CLI hooks (SCHEMATHESIS_HOOKS=contracts.schemathesis.hooks), as in pytest."""

from __future__ import annotations

import uuid
from typing import Any

import schemathesis
from hypothesis import strategies as st
from schemathesis import GenerationMode

# Hypothesis's own uuids() draws from a true random source, which derandomized (replayable) runs
# reject as flaky; build UUIDs from drawn integers instead. Imported by the pytest run as well.
UUIDS = st.integers(min_value=0, max_value=2**128 - 1).map(
    lambda n: str(uuid.UUID(int=n, version=4))
)
schemathesis.openapi.format("uuid", UUIDS)


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Only the server mints cursors: a schema-valid random one is rightly a 400."""
    positive = case.meta is None or case.meta.generation.mode == GenerationMode.POSITIVE
    if positive and case.query and "cursor" in case.query:
        del case.query["cursor"]
