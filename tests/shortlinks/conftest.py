from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from services import shortlinks
from services.shortlinks import clicks

# The process's own flusher thread must not write in the middle of a test that counts statements
# or pending clicks: tests flush when they mean to (a test proves the thread with its own buffer).
os.environ.setdefault("SHORTLINKS_CLICK_FLUSH_SECONDS", "3600")


@pytest.fixture(autouse=True)
def _empty_click_buffer() -> Iterator[None]:
    """Clicks a test counted and did not flush must not reach the next test's tables, nor links
    it read reach the next test's redirects."""
    clicks.BUFFER.take()
    shortlinks.forget_hops()
    yield
    clicks.BUFFER.take()
    shortlinks.forget_hops()
