"""Recipes fixtures: the example recipe id becomes a recipe created through the API."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import use_a_created_row

EXAMPLE_RECIPE = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
FIXTURE = {
    "title": "Dredd fixture",
    "servings": 2,
    "ingredients": [{"quantity": 200, "unit": "g", "item": "spaghetti"}],
    "steps": ["Boil."],
}


@hooks.before_each
def real_recipe(transaction):
    use_a_created_row(transaction, EXAMPLE_RECIPE, "/recipes", FIXTURE)
