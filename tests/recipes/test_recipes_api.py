"""Recipes over HTTP: each operation's happy path and every documented error."""

from __future__ import annotations

import pytest

from tests.factories.identity import auth_headers, make_user
from tests.factories.recipes import PASTA_LINES, make_recipe
from tests.problems import assert_problem
from tests.support.answers import assert_created

URL = "/api/v1/recipes"
NEW = {
    "title": "Pancakes",
    "servings": 4,
    "cuisine": "American",
    "diets": ["Vegetarian"],
    "ingredients": [
        {"quantity": 250, "unit": "g", "item": "flour"},
        {"quantity": 500, "unit": "ml", "item": "milk"},
        {"quantity": 2, "unit": None, "item": "eggs"},
        {"quantity": None, "unit": "to_taste", "item": "maple syrup"},
    ],
    "steps": ["Whisk.", "Fry."],
}


def test_create_recipe(client, user):
    body = assert_created(client.post(URL, json=NEW, headers=auth_headers(user)), URL)
    assert body["author_id"] == str(user.id)
    assert (body["cuisine"], body["diets"]) == ("american", ["vegetarian"])
    assert body["ingredients"] == NEW["ingredients"]
    assert body["description"] == ""


def test_create_recipe_errors(client, user):
    headers = auth_headers(user)
    for bad in (
        {**NEW, "servings": 0},
        {**NEW, "ingredients": []},
        {**NEW, "ingredients": [{"quantity": -1, "unit": "g", "item": "salt"}]},
        {**NEW, "ingredients": [{"quantity": 0, "unit": "g", "item": "salt"}]},
        {**NEW, "ingredients": [{"quantity": 1, "unit": "stone", "item": "salt"}]},
        {**NEW, "diets": ["vegan", "vegan"]},
    ):
        assert_problem(client.post(URL, json=bad, headers=headers), 400, "/problems/validation")
    key = {**headers, "Idempotency-Key": "recipe-1"}
    assert client.post(URL, json=NEW, headers=key).status_code == 201
    assert_problem(
        client.post(URL, json={**NEW, "title": "Other"}, headers=key),
        422,
        "/problems/idempotency-key-reused",
    )


def test_list_recipes_with_repeated_diet_filter(client, user):
    make_recipe(user, title="Aglio e olio", diets=["vegan", "vegetarian"])
    make_recipe(user, title="Dal", diets=["vegan", "gluten-free"])
    response = client.get(
        URL, params=[("diet", "vegan"), ("diet", "gluten-free")], headers=auth_headers(user)
    )
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Dal"]
    page = client.get(URL, params={"limit": 1}, headers=auth_headers(user)).json()
    rest = client.get(URL, params={"limit": 1, "cursor": page["next"]}, headers=auth_headers(user))
    assert [item["title"] for item in rest.json()["items"]] == ["Aglio e olio"]


def test_get_recipe_scaled(client, user):
    recipe = make_recipe(user)
    response = client.get(f"{URL}/{recipe.id}", params={"servings": 6}, headers=auth_headers(user))
    assert response.status_code == 200
    body = response.json()
    assert body["servings"] == 6
    assert body["ingredients"] == [
        {"quantity": 600, "unit": "g", "item": "spaghetti"},
        {"quantity": 12, "unit": "piece", "item": "garlic cloves"},
        {"quantity": 9, "unit": "tbsp", "item": "olive oil"},
        {"quantity": None, "unit": "pinch", "item": "chili flakes"},
    ]
    assert response.headers["etag"] == '"1"'
    plain = client.get(f"{URL}/{recipe.id}", headers=auth_headers(user)).json()
    assert (plain["servings"], plain["ingredients"]) == (2, PASTA_LINES)


def test_update_recipe(client, user):
    recipe = make_recipe(user)
    response = client.patch(
        f"{URL}/{recipe.id}",
        json={"servings": 4, "steps": ["Just boil."]},
        headers={**auth_headers(user), "If-Match": '"1"'},
    )
    assert response.status_code == 200
    assert (response.json()["servings"], response.json()["steps"]) == (4, ["Just boil."])
    assert response.headers["etag"] == '"2"'


@pytest.mark.parametrize(("method", "body"), [("PATCH", {"servings": 3}), ("DELETE", None)])
def test_only_the_author_changes_a_recipe(client, user, method, body):
    recipe = make_recipe(user)
    path = f"{URL}/{recipe.id}"
    refused = client.request(method, path, json=body, headers=auth_headers(make_user()))
    assert_problem(refused, 403, "/problems/recipes/forbidden")
    assert client.get(path, headers=auth_headers(user)).json()["servings"] == 2


def test_delete_recipe(client, user):
    recipe = make_recipe(user)
    path = f"{URL}/{recipe.id}"
    headers = auth_headers(user)
    assert client.delete(path, headers=headers).status_code == 204
    assert_problem(client.delete(path, headers=headers), 404, "/problems/recipes/not-found")


def test_scaling_may_exceed_the_input_bounds(client, user):
    """1,000,000 pieces for 1 serving is valid input; 300 servings of it is a valid answer."""
    recipe = make_recipe(
        user,
        servings=1,
        ingredients=[{"quantity": 1000000, "unit": "piece", "item": "rice grains"}],
    )
    response = client.get(
        f"{URL}/{recipe.id}", params={"servings": 300}, headers=auth_headers(user)
    )
    assert response.status_code == 200
    assert response.json()["ingredients"][0]["quantity"] == 300000000
