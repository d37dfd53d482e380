from __future__ import annotations

from typing import Any

from core.db import transaction
from db.models.identity import User
from db.models.recipes import Recipe
from services import recipes
from tests.factories.identity import actor_of

PASTA_LINES = [
    {"quantity": 200, "unit": "g", "item": "spaghetti"},
    {"quantity": 4, "unit": "piece", "item": "garlic cloves"},
    {"quantity": 3, "unit": "tbsp", "item": "olive oil"},
    {"quantity": None, "unit": "pinch", "item": "chili flakes"},
]


def make_recipe(author: User, *, title: str = "Spaghetti aglio e olio", **fields: Any) -> Recipe:
    values: dict[str, Any] = {
        "servings": 2,
        "cuisine": "italian",
        "diets": ["vegan", "vegetarian"],
        "ingredients": PASTA_LINES,
        "steps": ["Boil the pasta.", "Fry the garlic, toss."],
        **fields,
    }
    with transaction(write=True) as session:
        return recipes.create_recipe(session, actor_of(author), title=title, **values)
