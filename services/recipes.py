"""Recipes: anyone signed in reads them; their author (or an admin) edits and deletes them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.concurrency import versioned_delete, versioned_write
from core.errors import Forbidden, NotFound
from core.import_targets import Column, ImportTarget, comma_list, integer, line_list, number
from core.pagination import Page, paginate_by_creation
from core.rows import assign, get_or_404
from core.security import Actor
from core.slugs import normalize_tag, normalize_tags
from db.models.recipes import Recipe as Recipe  # re-exported for handlers
from db.models.recipes import RecipeDiet, RecipeIngredient
from services.recipe_units import UNIT_FAMILY, UNSCALED, scale_line

#: The units an ingredient line may name (the contract's Unit enum).
UNITS = frozenset(unit for unit in UNIT_FAMILY if unit) | UNSCALED
EDITABLE = ("title", "description", "servings", "steps")  # and cuisine, stored lower-case


class RecipeNotFound(NotFound, type="/problems/recipes/not-found"): ...


class RecipeForbidden(Forbidden, type="/problems/recipes/forbidden"): ...


def _set_lists(recipe: Recipe, fields: dict[str, Any]) -> None:
    if "ingredients" in fields:
        recipe.ingredients = [
            RecipeIngredient(
                position=position, quantity=line["quantity"], unit=line["unit"], item=line["item"]
            )
            for position, line in enumerate(fields["ingredients"])
        ]
    if "diets" in fields:
        recipe.diets = [RecipeDiet(diet=diet) for diet in normalize_tags(fields["diets"])]


def _cuisine(value: str | None) -> str | None:
    return normalize_tag(value) if value is not None else None


def create_recipe(session: Session, actor: Actor, **fields: Any) -> Recipe:
    """Publishes a recipe by the caller; cuisine and diets are stored lower-case."""
    recipe = _new_recipe(actor, fields)
    session.add(recipe)
    session.flush()
    return recipe


def create_recipes(session: Session, actor: Actor, bodies: Sequence[dict[str, Any]]) -> int:
    """Publishes many recipes at once (a CSV import's batch) under the rules of create_recipe."""
    session.add_all(_new_recipe(actor, body) for body in bodies)
    session.flush()
    return len(bodies)


def ingredient_cell(cell: str) -> list[dict[str, Any]]:
    """A CSV cell of ingredient lines, one per line: `[quantity] [unit] item`, e.g.
    `200 g spaghetti`, `1/2 cup milk`, `2 eggs`, `pinch chili flakes`, `salt`."""
    lines = []
    for line in line_list(cell):
        words = line.split()
        quantity = None
        if words and words[0][:1].isdigit():
            quantity = number(words.pop(0))
        unit = None
        if len(words) > 1 and words[0].lower() in UNITS:
            unit = words.pop(0).lower()
        lines.append({"quantity": quantity, "unit": unit, "item": " ".join(words)})
    return lines


def _new_recipe(actor: Actor, fields: dict[str, Any]) -> Recipe:
    recipe = Recipe(
        id=uuid.uuid4(),
        author_id=actor.user_id,
        title=fields["title"],
        description=fields.get("description", ""),
        servings=fields["servings"],
        cuisine=_cuisine(fields.get("cuisine")),
        steps=list(fields["steps"]),
        version=1,
    )
    _set_lists(recipe, {"diets": fields.get("diets", []), "ingredients": fields["ingredients"]})
    return recipe


IMPORT_TARGET = ImportTarget(
    name="recipes",
    operation_id="createRecipe",
    description=(
        "Recipes you publish. `ingredients` holds one ingredient per line of its cell "
        "(`[quantity] [unit] item`: `200 g spaghetti`, `1/2 cup milk`, `salt`), `steps` one step "
        "per line, `diets` is comma separated."
    ),
    columns=(
        Column("title"),
        Column("description"),
        Column("servings", parse=integer),
        Column("cuisine"),
        Column("diets", parse=comma_list),
        Column(
            "ingredients",
            parse=ingredient_cell,
            description="One per line: [quantity] [unit] item.",
        ),
        Column("steps", parse=line_list, description="One per line."),
    ),
    insert=create_recipes,
)


def get_recipe(session: Session, *, recipe_id: uuid.UUID, lock: bool = False) -> Recipe:
    """Any recipe: everyone signed in reads them all."""
    return get_or_404(
        session, Recipe, recipe_id, missing=RecipeNotFound("No such recipe."), lock=lock
    )


def _editable(session: Session, actor: Actor, recipe_id: uuid.UUID) -> Recipe:
    recipe = get_recipe(session, recipe_id=recipe_id, lock=True)
    if not (actor.is_admin or recipe.author_id == actor.user_id):
        raise RecipeForbidden("Only the author or an admin may change this recipe.")
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
    recipe = _editable(session, actor, recipe_id)
    with versioned_write(session, recipe, if_match=if_match):
        assign(recipe, changes, EDITABLE)
        if "cuisine" in changes:
            recipe.cuisine = _cuisine(changes["cuisine"])
        # New lines reuse the old primary keys (recipe, position): delete the old ones first.
        if "ingredients" in changes:
            recipe.ingredients.clear()
        if "diets" in changes:
            recipe.diets.clear()
        session.flush()
        _set_lists(recipe, changes)
    return recipe


def delete_recipe(
    session: Session, actor: Actor, *, recipe_id: uuid.UUID, if_match: str | None = None
) -> None:
    """Deletes a recipe (author or admin; guarded by If-Match when given)."""
    versioned_delete(session, _editable(session, actor, recipe_id), if_match=if_match)


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
        query = query.where(Recipe.cuisine == normalize_tag(cuisine))
    for diet in {normalize_tag(diet) for diet in diets or []}:
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
    return paginate_by_creation(session, query, kind="recipes", limit=limit, cursor=cursor)


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
