from __future__ import annotations

import uuid
from typing import Any

from core.concurrency import etag
from core.db import transaction
from core.http import header
from core.idempotency import idempotent
from core.security import current_actor
from services import recipes


def _recipe_json(recipe: Any, servings: int | None = None) -> dict[str, Any]:
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


def list_recipes(
    cuisine: str | None = None,
    diet: list[str] | None = None,
    ingredient: str | None = None,
    q: str | None = None,
    author_id: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction() as session:
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
        return {"items": [_recipe_json(recipe) for recipe in page.items], "next": page.next}


@idempotent
def create_recipe(body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    with transaction() as session:
        recipe = recipes.create_recipe(session, current_actor(), **body)
        headers = {"ETag": etag(recipe.version), "Location": f"/api/v1/recipes/{recipe.id}"}
        return _recipe_json(recipe), 201, headers


def get_recipe(
    recipe_id: str, servings: int | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    with transaction() as session:
        recipe = recipes.get_recipe(session, recipe_id=uuid.UUID(recipe_id))
        return _recipe_json(recipe, servings), 200, {"ETag": etag(recipe.version)}


def update_recipe(
    recipe_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int, dict[str, str]]:
    with transaction() as session:
        recipe = recipes.update_recipe(
            session,
            current_actor(),
            recipe_id=uuid.UUID(recipe_id),
            changes=body,
            if_match=header("If-Match"),
        )
        return _recipe_json(recipe), 200, {"ETag": etag(recipe.version)}


def delete_recipe(recipe_id: str) -> tuple[None, int]:
    with transaction() as session:
        recipes.delete_recipe(
            session, current_actor(), recipe_id=uuid.UUID(recipe_id), if_match=header("If-Match")
        )
    return None, 204
