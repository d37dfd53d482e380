"""Chat fixtures: the example item id is replaced by an item created through the API."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import use_a_created_row

EXAMPLE_ID = "3d6f1c2a-8b4e-4f5a-9c7d-2e1b0a9f8e7d"


@hooks.before_each
def real_item(transaction):
    use_a_created_row(transaction, EXAMPLE_ID, "/chat/items", {"name": "Dredd fixture"})
