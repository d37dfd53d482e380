"""Recipes fixtures: the example recipe id becomes a recipe created through the API."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, replace_path, status_of

EXAMPLE_RECIPE = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
FIXTURE = {
    "title": "Dredd fixture",
    "servings": 2,
    "ingredients": [{"quantity": 200, "unit": "g", "item": "spaghetti"}],
    "steps": ["Boil."],
}


@hooks.before_each
def real_recipe(transaction):
    if EXAMPLE_RECIPE not in transaction["fullPath"] or status_of(transaction) >= 300:
        return
    created = api("POST", "/recipes", json=FIXTURE)
    replace_path(transaction, EXAMPLE_RECIPE, created.json()["id"])
    if transaction["request"]["method"] in ("PATCH", "DELETE"):
        transaction["request"]["headers"]["If-Match"] = created.headers["ETag"]
