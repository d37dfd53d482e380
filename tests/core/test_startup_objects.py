"""What startup builds is kept out of the garbage collector's full collections (core.app)."""

from __future__ import annotations

import gc

from starlette.testclient import TestClient

from core.app import create_app


def test_a_served_app_freezes_what_startup_built_and_releases_it_on_shutdown():
    gc.unfreeze()
    app = create_app()
    with TestClient(app):
        # The contract's documents and validators alone are tens of thousands of objects.
        assert gc.get_freeze_count() > 20_000
        tracked = {id(item) for item in gc.get_objects()}
        assert id(app.router) not in tracked
    assert gc.get_freeze_count() == 0
    assert any(item is app.router for item in gc.get_objects())
