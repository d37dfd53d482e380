"""Recipes: anyone signed in reads them; their author (or an admin) edits and deletes them."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.concurrency import bump_version, check_if_match
from core.errors import Forbidden, NotFound
from core.pagination import Page, paginate, parse_datetime
from core.security import Actor
from db.models.recipes import Recipe, RecipeDiet, RecipeIngredient
from services.recipe_units import scale_line

EDITABLE = ("title", "description", "servings", "cuisine", "steps")


class RecipeNotFound(NotFound):
    type = "/problems/recipes/not-found"


class RecipeForbidden(Forbidden):
    type = "/problems/recipes/forbidden"


def _tag(value: str | None) -> str | None:
    return value.strip().lower() if value is not None else None


def _set_lists(recipe: Recipe, fields: dict[str, Any]) -> None:
    if "ingredients" in fields:
        recipe.ingredients = [
            RecipeIngredient(
                position=position, quantity=line["quantity"], unit=line["unit"], item=line["item"]
            )
            for position, line in enumerate(fields["ingredients"])
        ]
    if "diets" in fields:
        diets = sorted({_tag(diet) or "" for diet in fields["diets"]})
        recipe.diets = [RecipeDiet(diet=diet) for diet in diets]


def create_recipe(session: Session, actor: Actor, **fields: Any) -> Recipe:
    """Publishes a recipe by the caller; cuisine and diets are stored lower-case."""
    recipe = Recipe(
        id=uuid.uuid4(),
        author_id=actor.user_id,
        title=fields["title"],
        description=fields.get("description", ""),
        servings=fields["servings"],
        cuisine=_tag(fields.get("cuisine")),
        steps=list(fields["steps"]),
        version=1,
    )
    _set_lists(recipe, {"diets": fields.get("diets", []), "ingredients": fields["ingredients"]})
    session.add(recipe)
    session.flush()
    return recipe


def get_recipe(session: Session, *, recipe_id: uuid.UUID, lock: bool = False) -> Recipe:
    query = select(Recipe).where(Recipe.id == recipe_id)
    recipe = session.scalars(query.with_for_update() if lock else query).first()
    if recipe is None:
        raise RecipeNotFound("No such recipe.")
    return recipe


def _editable(session: Session, actor: Actor, recipe_id: uuid.UUID, if_match: str | None) -> Recipe:
    recipe = get_recipe(session, recipe_id=recipe_id, lock=True)
    if not (actor.is_admin or recipe.author_id == actor.user_id):
        raise RecipeForbidden("Only the author or an admin may change this recipe.")
    check_if_match(if_match, recipe.version)
    return recipe


def update_recipe(
    session: Session,
    actor: Actor,
    *,
    recipe_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> Recipe:
    """Replaces fields (lists whole) under the row lock; a stale If-Match changes nothing."""
    recipe = _editable(session, actor, recipe_id, if_match)
    for field in EDITABLE:
        if field in changes:
            value = changes[field]
            setattr(recipe, field, _tag(value) if field == "cuisine" else value)
    # New lines reuse the old primary keys (recipe, position): delete the old ones first.
    if "ingredients" in changes:
        recipe.ingredients.clear()
    if "diets" in changes:
        recipe.diets.clear()
    session.flush()
    _set_lists(recipe, changes)
    bump_version(recipe)
    session.flush()
    return recipe


def delete_recipe(
    session: Session, actor: Actor, *, recipe_id: uuid.UUID, if_match: str | None = None
) -> None:
    session.delete(_editable(session, actor, recipe_id, if_match))
    session.flush()


def list_recipes(
    session: Session,
    *,
    cuisine: str | None = None,
    diets: list[str] | None = None,
    ingredient: str | None = None,
    q: str | None = None,
    author_id: uuid.UUID | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[Recipe]:
    """Recipes newest first; every requested diet must be present on a recipe."""
    query = select(Recipe)
    if cuisine:
        query = query.where(Recipe.cuisine == _tag(cuisine))
    for diet in {_tag(diet) for diet in diets or []}:
        query = query.where(
            select(RecipeDiet.recipe_id)
            .where(RecipeDiet.recipe_id == Recipe.id, RecipeDiet.diet == diet)
            .exists()
        )
    if ingredient:
        query = query.where(
            select(RecipeIngredient.recipe_id)
            .where(
                RecipeIngredient.recipe_id == Recipe.id,
                func.lower(RecipeIngredient.item).contains(ingredient.lower(), autoescape=True),
            )
            .exists()
        )
    if q:
        query = query.where(func.lower(Recipe.title).contains(q.lower(), autoescape=True))
    if author_id:
        query = query.where(Recipe.author_id == author_id)
    return paginate(
        session,
        query,
        kind="recipes",
        columns=(Recipe.created_at, Recipe.id),
        key=lambda recipe: (recipe.created_at, recipe.id),
        parsers=(parse_datetime, uuid.UUID),
        limit=limit,
        cursor=cursor,
        descending=True,
    )


def ingredient_lines(recipe: Recipe, servings: int | None = None) -> list[dict[str, Any]]:
    """The ingredient lines as stored, or scaled from the recipe's servings to `servings`."""
    factor = Decimal(servings) / Decimal(recipe.servings) if servings else None
    lines = []
    for line in recipe.ingredients:
        quantity, unit = line.quantity, line.unit
        if factor is not None:
            quantity, unit = scale_line(quantity, unit, factor)
        elif quantity is not None and float(quantity).is_integer():
            quantity = int(quantity)
        lines.append({"quantity": quantity, "unit": unit, "item": line.item})
    return lines
