"""Which Starlette routes a request tried: for tests that prove a request is routed without
trying the routes before its own."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.routing import Route


def routes_tried(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of every Route whose `matches` runs from now on (to the test's end)."""
    tried: list[str] = []
    matches = Route.matches

    def counting(self: Route, scope: Any) -> Any:
        tried.append(self.path)
        return matches(self, scope)

    monkeypatch.setattr(Route, "matches", counting)
    return tried
