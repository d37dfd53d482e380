from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, NoContent, created, page_json, with_etag
from handlers._versioned import change_under_if_match, delete_under_if_match
from services import recipes
from services.recipes import Recipe


def _recipe_json(recipe: Recipe, servings: int | None = None) -> dict[str, Any]:
    return {
        "id": str(recipe.id),
        "author_id": str(recipe.author_id),
        "title": recipe.title,
        "description": recipe.description,
        "servings": servings or recipe.servings,
        "cuisine": recipe.cuisine,
        "diets": [diet.diet for diet in recipe.diets],
        "ingredients": recipes.ingredient_lines(recipe, servings),
        "steps": list(recipe.steps),
        "created_at": recipe.created_at.isoformat(),
        "updated_at": recipe.updated_at.isoformat(),
    }


def _with_etag(recipe: Recipe) -> Answer:
    return with_etag(_recipe_json(recipe), recipe.version)


def list_recipes(
    cuisine: str | None = None,
    diet: list[str] | None = None,
    ingredient: str | None = None,
    q: str | None = None,
    author_id: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = recipes.list_recipes(
            session,
            cuisine=cuisine,
            diets=diet,
            ingredient=ingredient,
            q=q,
            author_id=uuid.UUID(author_id) if author_id else None,
            limit=limit,
            cursor=cursor,
        )
        return page_json(page, _recipe_json)


@idempotent
def create_recipe(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        recipe = recipes.create_recipe(session, current_actor(), **body)
        return created(_recipe_json(recipe), recipe.version, "recipes", recipe.id)


def get_recipe(recipe_id: str, servings: int | None = None) -> Answer:
    with transaction(write=False) as session:
        recipe = recipes.get_recipe(session, recipe_id=uuid.UUID(recipe_id))
        return with_etag(_recipe_json(recipe, servings), recipe.version)


def update_recipe(recipe_id: str, body: dict[str, Any]) -> Answer:
    return change_under_if_match(
        recipes.update_recipe, _with_etag, recipe_id=uuid.UUID(recipe_id), changes=body
    )


def delete_recipe(recipe_id: str) -> NoContent:
    return delete_under_if_match(recipes.delete_recipe, recipe_id=uuid.UUID(recipe_id))
