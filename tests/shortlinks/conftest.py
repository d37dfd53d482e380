from __future__ import annotations

from collections.abc import Iterator

import pytest

from services.shortlinks import clicks


@pytest.fixture(autouse=True)
def _empty_click_buffer() -> Iterator[None]:
    """Clicks a test counted and did not flush must not reach the next test's tables."""
    clicks.BUFFER.take()
    yield
    clicks.BUFFER.take()
