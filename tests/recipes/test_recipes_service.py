"""Recipe rules: filters (all diets must match), ownership, list replacement, no N+1."""

from __future__ import annotations

import pytest

from core.db import transaction
from services import recipes
from tests.factories.identity import actor_of, make_user
from tests.factories.recipes import make_recipe


def titles(**filters):  # type: ignore[no-untyped-def]
    with transaction(write=True) as session:
        return sorted(
            recipe.title for recipe in recipes.list_recipes(session, limit=100, **filters).items
        )


def test_filters(user):
    make_recipe(user, title="Aglio e olio", cuisine="Italian", diets=["Vegan", "vegetarian"])
    make_recipe(
        user,
        title="Carbonara",
        diets=[],
        ingredients=[{"quantity": 2, "unit": "piece", "item": "Egg yolks"}],
    )
    make_recipe(
        make_user(),
        title="Dal",
        cuisine="indian",
        diets=["vegan", "gluten-free"],
        ingredients=[{"quantity": 250, "unit": "g", "item": "red lentils"}],
    )

    assert titles(cuisine="ITALIAN") == ["Aglio e olio", "Carbonara"]
    assert titles(diets=["vegan"]) == ["Aglio e olio", "Dal"]
    assert titles(diets=["vegan", "gluten-free"]) == ["Dal"]
    assert titles(diets=["vegan", "vegetarian", "gluten-free"]) == []
    assert titles(ingredient="YOLK") == ["Carbonara"]
    assert titles(ingredient="garlic") == ["Aglio e olio"]
    assert titles(q="carbo") == ["Carbonara"]
    assert titles(author_id=user.id) == ["Aglio e olio", "Carbonara"]
    assert titles(ingredient="100%") == []


def test_tags_are_stored_lower_case_and_sorted(user):
    recipe = make_recipe(user, cuisine=" Thai ", diets=["Vegan", "Dairy-Free"])
    assert recipe.cuisine == "thai"
    assert [diet.diet for diet in recipe.diets] == ["dairy-free", "vegan"]


def test_blank_diets_are_dropped_not_stored_empty(user):
    assert [diet.diet for diet in make_recipe(user, diets=["Vegan", "  "]).diets] == ["vegan"]


def test_update_replaces_lists_whole(user):
    recipe = make_recipe(user)
    with transaction(write=True) as session:
        recipes.update_recipe(
            session,
            actor_of(user),
            recipe_id=recipe.id,
            changes={
                "ingredients": [{"quantity": 1, "unit": "kg", "item": "potatoes"}],
                "diets": ["vegan"],
                "cuisine": "Irish",
            },
        )
    with transaction(write=True) as session:
        stored = recipes.get_recipe(session, recipe_id=recipe.id)
        assert recipes.ingredient_lines(stored) == [
            {"quantity": 1, "unit": "kg", "item": "potatoes"}
        ]
        assert [diet.diet for diet in stored.diets] == ["vegan"]
        assert (stored.cuisine, stored.version) == ("irish", 2)


def test_only_the_author_or_an_admin_may_change_a_recipe(user):
    recipe = make_recipe(user)
    with pytest.raises(recipes.RecipeForbidden), transaction(write=True) as session:
        recipes.delete_recipe(session, actor_of(make_user()), recipe_id=recipe.id)
    with transaction(write=True) as session:
        recipes.update_recipe(
            session, actor_of(make_user(role="ADMIN")), recipe_id=recipe.id, changes={"servings": 3}
        )
        recipes.delete_recipe(session, actor_of(user), recipe_id=recipe.id)
    with pytest.raises(recipes.RecipeNotFound), transaction(write=True) as session:
        recipes.get_recipe(session, recipe_id=recipe.id)


def test_scaling_a_stored_recipe(user):
    recipe = make_recipe(user)
    assert recipes.ingredient_lines(recipe, servings=6) == [
        {"quantity": 600, "unit": "g", "item": "spaghetti"},
        {"quantity": 12, "unit": "piece", "item": "garlic cloves"},
        {"quantity": 9, "unit": "tbsp", "item": "olive oil"},
        {"quantity": None, "unit": "pinch", "item": "chili flakes"},
    ]


@pytest.mark.parametrize("count", [2, 20])
def test_listing_a_page_costs_the_same_statements_whatever_its_size(user, count, statement_counter):
    for number in range(count):
        make_recipe(user, title=f"Recipe {number}")
    with statement_counter() as counted, transaction(write=True) as session:
        page = recipes.list_recipes(session, limit=50)
        lines = [recipes.ingredient_lines(recipe) for recipe in page.items]
        diets = [[diet.diet for diet in recipe.diets] for recipe in page.items]
    assert len(lines) == len(diets) == count
    assert len(counted.selects) == 3  # recipes, then their ingredients and diets in one query each
