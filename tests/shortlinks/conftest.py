from __future__ import annotations

from collections.abc import Iterator

import pytest

from services import shortlinks
from services.shortlinks import clicks


@pytest.fixture(autouse=True)
def _empty_click_buffer() -> Iterator[None]:
    """Clicks a test counted and did not flush must not reach the next test's tables, nor links
    it read reach the next test's redirects."""
    clicks.BUFFER.take()
    shortlinks.forget_hops()
    yield
    clicks.BUFFER.take()
    shortlinks.forget_hops()
