"""The RealWorld Conduit facade at /conduit/api: every operation, the RealWorld error format, and
one blog behind two contracts."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import jwt
import pytest
from starlette.testclient import TestClient

from core.settings import get_settings
from core.tokens import ALGORITHM
from tests.factories.blog import make_post
from tests.factories.identity import (
    PASSWORD,
    auth_headers,
    conduit_headers,
    issued_earlier,
    make_user,
)

API = "/conduit/api"
TIMESTAMP = re.compile(
    r"^\d{4,}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d+(?:[+-][0-2]\d:[0-5]\d|Z)$"
)


def register(client, username: str, email: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    body = {
        "user": {
            "username": username,
            "email": email or f"{username}@example.com",
            "password": PASSWORD,
        }
    }
    response = client.post(f"{API}/users", json=body)
    assert response.status_code == 201, response.text
    return response.json()["user"]


def token(user: dict) -> dict[str, str]:
    return {"Authorization": f"Token {user['token']}"}


def errors(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"errors"} and body["errors"]
    assert all(isinstance(v, list) and v for v in body["errors"].values())
    return body["errors"]


def create_article(client, user: dict, title: str = "How to train your dragon", tags=("dragons",)):  # type: ignore[no-untyped-def]
    body = {
        "article": {
            "title": title,
            "description": "Ever wonder how?",
            "body": "You have to *believe*",
            "tagList": list(tags),
        }
    }
    response = client.post(f"{API}/articles", json=body, headers=token(user))
    assert response.status_code == 201, response.text
    return response.json()["article"]


def test_register_answers_the_user_with_a_token(client):
    user = register(client, "jake")
    assert user == {
        "email": "jake@example.com",
        "token": user["token"],
        "username": "jake",
        "bio": None,
        "image": None,
    }
    me = client.get(f"{API}/user", headers=token(user))
    assert me.status_code == 200 and me.json()["user"]["username"] == "jake"


def test_register_refuses_a_taken_email_or_username(client):
    register(client, "jake")
    assert errors(
        client.post(
            f"{API}/users",
            json={"user": {"username": "other", "email": "JAKE@example.com", "password": PASSWORD}},
        ),
        409,
    ) == {"email": ["has already been taken"]}
    assert errors(
        client.post(
            f"{API}/users",
            json={"user": {"username": "Jake", "email": "new@example.com", "password": PASSWORD}},
        ),
        409,
    ) == {"username": ["has already been taken"]}
    # the refused registration left no account behind
    assert (
        client.post(
            f"{API}/users/login", json={"user": {"email": "new@example.com", "password": PASSWORD}}
        ).status_code
        == 401
    )


def test_login(client):
    register(client, "jake")
    ok = client.post(
        f"{API}/users/login", json={"user": {"email": "jake@example.com", "password": PASSWORD}}
    )
    assert ok.status_code == 200 and ok.json()["user"]["token"]
    bad = client.post(
        f"{API}/users/login",
        json={"user": {"email": "jake@example.com", "password": "wrong password"}},
    )
    assert errors(bad, 401) == {"credentials": ["invalid"]}
    unknown = client.post(
        f"{API}/users/login", json={"user": {"email": "nobody@example.com", "password": PASSWORD}}
    )
    assert errors(unknown, 401) == {"credentials": ["invalid"]}


def _expired(token: str) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    claims["exp"] = claims["iat"] - 60
    kid, secret = next(iter(get_settings().jwt_signing_keys.items()))
    return jwt.encode(claims, secret, algorithm=ALGORITHM, headers={"kid": kid})


def test_current_user_needs_a_token_missing_and_invalid_told_apart(client):
    response = client.get(f"{API}/user")
    assert errors(response, 401) == {"token": ["is missing"]}
    assert response.headers["www-authenticate"].startswith("Token")
    user = register(client, "jake")
    for authorization in (
        "Token nope",
        "Basic nope",
        f"Token {_expired(user['token'])}",
        f"Token {user['token']}x",
    ):
        refused = client.get(f"{API}/user", headers={"Authorization": authorization})
        assert errors(refused, 401) == {"token": ["is invalid"]}, authorization


def test_bearer_is_taken_as_well_as_token(client):
    # Frontends generated from the RealWorld OpenAPI document send Bearer; the project's own
    # reference backend accepts both schemes.
    user = register(client, "jake")
    for scheme in ("Token", "Bearer", "bearer"):
        answer = client.get(f"{API}/user", headers={"Authorization": f"{scheme} {user['token']}"})
        assert answer.status_code == 200, scheme
        assert answer.json()["user"]["username"] == "jake"
    errors(client.get(f"{API}/user", headers={"Authorization": "Bearer nope"}), 401)


def test_update_user(client):
    user = register(client, "jake")
    changed = client.put(
        f"{API}/user",
        json={
            "user": {
                "bio": "I like to skateboard",
                "image": "https://i.example/jake.png",
                "username": "jacob",
                "email": "jacob@example.com",
                "password": "a new password",
            }
        },
        headers=token(user),
    )
    assert changed.status_code == 200, changed.text
    assert {k: changed.json()["user"][k] for k in ("bio", "username", "email")} == {
        "bio": "I like to skateboard",
        "username": "jacob",
        "email": "jacob@example.com",
    }
    login = client.post(
        f"{API}/users/login",
        json={"user": {"email": "jacob@example.com", "password": "a new password"}},
    )
    assert login.status_code == 200
    other = register(client, "finn")
    assert errors(
        client.put(
            f"{API}/user", json={"user": {"email": "jacob@example.com"}}, headers=token(other)
        ),
        422,
    ) == {"email": ["has already been taken"]}
    assert errors(
        client.put(f"{API}/user", json={"user": {"username": "JACOB"}}, headers=token(other)),
        422,
    ) == {"username": ["has already been taken"]}


def test_a_new_password_ends_other_logins_but_keeps_the_token_that_set_it(client):
    user = register(client, "jake")
    mine = issued_earlier(user["token"])  # the frontend signed in a while ago
    other = client.post(
        f"{API}/users/login", json={"user": {"email": user["email"], "password": PASSWORD}}
    ).json()["user"]["token"]
    changed = client.put(
        f"{API}/user",
        json={"user": {"password": "a new password"}},
        headers={"Authorization": f"Token {mine}"},
    )
    assert changed.status_code == 200
    errors(client.get(f"{API}/user", headers={"Authorization": f"Token {other}"}), 401)
    assert client.get(f"{API}/user", headers={"Authorization": f"Token {mine}"}).status_code == 200
    assert client.get(f"{API}/user", headers=token(changed.json()["user"])).status_code == 200


def test_profiles_and_follows(client):
    register(client, "jake")
    finn = register(client, "finn")
    anonymous = client.get(f"{API}/profiles/jake")
    assert anonymous.json() == {
        "profile": {"username": "jake", "bio": None, "image": None, "following": False}
    }
    followed = client.post(f"{API}/profiles/jake/follow", headers=token(finn))
    assert followed.status_code == 200 and followed.json()["profile"]["following"] is True
    assert (
        client.get(f"{API}/profiles/jake", headers=token(finn)).json()["profile"]["following"]
        is True
    )
    unfollowed = client.delete(f"{API}/profiles/jake/follow", headers=token(finn))
    assert unfollowed.json()["profile"]["following"] is False
    assert errors(client.get(f"{API}/profiles/nobody"), 404) == {"profile": ["not found"]}


def test_article_lifecycle(client):
    jake, finn = register(client, "jake"), register(client, "finn")
    article = create_article(client, jake)
    assert article["slug"] == "how-to-train-your-dragon"
    assert article["tagList"] == ["dragons"] and article["favoritesCount"] == 0
    assert TIMESTAMP.match(article["createdAt"]) and TIMESTAMP.match(article["updatedAt"])
    assert article["author"] == {"username": "jake", "bio": None, "image": None, "following": False}
    again = create_article(client, jake)  # same title: a free slug, never a 409
    assert again["slug"] != article["slug"]
    read = client.get(f"{API}/articles/{article['slug']}")
    assert read.status_code == 200 and read.json()["article"]["body"] == "You have to *believe*"
    updated = client.put(
        f"{API}/articles/{article['slug']}",
        json={"article": {"title": "Did you train your dragon?", "tagList": ["training"]}},
        headers=token(jake),
    )
    assert (
        updated.status_code == 200
        and updated.json()["article"]["title"] == "Did you train your dragon?"
    )
    assert updated.json()["article"]["slug"] == article["slug"]
    assert errors(
        client.put(
            f"{API}/articles/{article['slug']}",
            json={"article": {"title": "mine"}},
            headers=token(finn),
        ),
        403,
    ) == {"article": ["forbidden"]}
    errors(client.delete(f"{API}/articles/{article['slug']}", headers=token(finn)), 403)
    deleted = client.delete(f"{API}/articles/{article['slug']}", headers=token(jake))
    # No body and no Content-Type: frontends that trust the label would parse nothing as JSON.
    assert deleted.status_code == 204 and "content-type" not in deleted.headers
    assert errors(client.get(f"{API}/articles/{article['slug']}"), 404) == {
        "article": ["not found"]
    }
    errors(
        client.post(
            f"{API}/articles", json={"article": {"title": "x", "description": "y", "body": "z"}}
        ),
        401,
    )
    assert errors(
        client.post(f"{API}/articles", json={"article": {"title": ""}}, headers=token(jake)), 422
    ) == {
        "title": ["can't be blank"],
        "description": ["can't be blank"],
        "body": ["can't be blank"],
    }


def test_list_articles_with_filters_paging_and_counts(client):
    jake, finn = register(client, "jake"), register(client, "finn")
    for i in range(3):
        create_article(client, jake, title=f"Jake {i}", tags=("dragons",))
    finns = create_article(client, finn, title="Finn", tags=("adventure",))
    client.post(f"{API}/articles/{finns['slug']}/favorite", headers=token(jake))
    everything = client.get(f"{API}/articles").json()
    assert everything["articlesCount"] == 4
    assert [a["title"] for a in everything["articles"]] == ["Finn", "Jake 2", "Jake 1", "Jake 0"]
    page = client.get(f"{API}/articles", params={"limit": 2, "offset": 1}).json()
    assert [a["title"] for a in page["articles"]] == ["Jake 2", "Jake 1"] and page[
        "articlesCount"
    ] == 4
    assert client.get(f"{API}/articles", params={"tag": "adventure"}).json()["articlesCount"] == 1
    assert client.get(f"{API}/articles", params={"author": "jake"}).json()["articlesCount"] == 3
    favorited = client.get(
        f"{API}/articles", params={"favorited": "jake"}, headers=token(jake)
    ).json()
    assert [a["title"] for a in favorited["articles"]] == ["Finn"] and favorited["articles"][0][
        "favorited"
    ] is True
    assert client.get(f"{API}/articles", params={"author": "nobody"}).json() == {
        "articles": [],
        "articlesCount": 0,
    }


def test_feed_holds_followed_authors_only(client):
    jake, finn, anna = register(client, "jake"), register(client, "finn"), register(client, "anna")
    create_article(client, jake, title="Jake's")
    create_article(client, anna, title="Anna's")
    client.post(f"{API}/profiles/jake/follow", headers=token(finn))
    feed = client.get(f"{API}/articles/feed", headers=token(finn)).json()
    assert [a["title"] for a in feed["articles"]] == ["Jake's"] and feed["articlesCount"] == 1
    assert feed["articles"][0]["author"]["following"] is True


def test_favorites(client):
    jake, finn = register(client, "jake"), register(client, "finn")
    article = create_article(client, jake)
    favorited = client.post(f"{API}/articles/{article['slug']}/favorite", headers=token(finn))
    assert favorited.status_code == 200
    assert (
        favorited.json()["article"]["favorited"],
        favorited.json()["article"]["favoritesCount"],
    ) == (True, 1)
    twice = client.post(f"{API}/articles/{article['slug']}/favorite", headers=token(finn))
    assert twice.json()["article"]["favoritesCount"] == 1
    removed = client.delete(f"{API}/articles/{article['slug']}/favorite", headers=token(finn))
    assert (
        removed.json()["article"]["favorited"],
        removed.json()["article"]["favoritesCount"],
    ) == (False, 0)


def test_comments(client):
    jake, finn, anna = register(client, "jake"), register(client, "finn"), register(client, "anna")
    article = create_article(client, jake)
    url = f"{API}/articles/{article['slug']}/comments"
    made = client.post(url, json={"comment": {"body": "Thank you so much!"}}, headers=token(finn))
    assert made.status_code == 201, made.text
    comment = made.json()["comment"]
    assert isinstance(comment["id"], int) and comment["author"]["username"] == "finn"
    assert TIMESTAMP.match(comment["createdAt"])
    listed = client.get(url).json()["comments"]
    assert [c["body"] for c in listed] == ["Thank you so much!"]
    assert errors(client.delete(f"{url}/{comment['id']}", headers=token(anna)), 403) == {
        "comment": ["forbidden"]
    }
    deleted = client.delete(f"{url}/{comment['id']}", headers=token(finn))
    assert deleted.status_code == 204 and "content-type" not in deleted.headers
    assert client.get(url).json() == {"comments": []}
    assert errors(client.delete(f"{url}/{comment['id']}", headers=token(finn)), 404) == {
        "comment": ["not found"]
    }


def test_tags(client):
    jake = register(client, "jake")
    create_article(client, jake, title="A", tags=("dragons", "training"))
    create_article(client, jake, title="B", tags=("dragons",))
    assert client.get(f"{API}/tags").json() == {"tags": ["dragons", "training"]}


def test_one_blog_behind_two_contracts(client):
    jake = register(client, "jake")
    create_article(client, jake, title="From Conduit")
    # the Conduit user is a Trellis account, and the article is a published blog post
    login = client.post(
        "/api/v1/identity/tokens",
        json={"grant_type": "PASSWORD", "email": "jake@example.com", "password": PASSWORD},
    )
    assert login.status_code == 200
    post = client.get("/api/v1/blog/posts/from-conduit").json()
    assert post["status"] == "PUBLISHED" and post["author"]["username"] == "jake"
    # and a post published through the main API is a Conduit article
    author = make_user()
    created = client.post(
        "/api/v1/blog/posts",
        json={"title": "From Trellis", "body": "Hi", "status": "PUBLISHED"},
        headers=auth_headers(author),
    )
    assert created.status_code == 201, created.text
    titles = [a["title"] for a in client.get(f"{API}/articles").json()["articles"]]
    assert titles == ["From Trellis", "From Conduit"]


@pytest.fixture
def cors_app(monkeypatch) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    from core.app import create_app

    monkeypatch.setenv("CORS_ORIGINS", "https://conduit.example")
    get_settings.cache_clear()
    with TestClient(create_app()) as test_client:
        yield test_client
    monkeypatch.undo()
    get_settings.cache_clear()


def test_cors_lets_a_configured_frontend_call_the_facade(cors_app):
    preflight = cors_app.options(
        f"{API}/articles",
        headers={
            "Origin": "https://conduit.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type,x-requested-with",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://conduit.example"
    allowed_headers = {
        h.strip().lower() for h in preflight.headers["access-control-allow-headers"].split(",")
    }
    assert {"authorization", "content-type", "x-requested-with"} <= allowed_headers
    allowed_methods = set(preflight.headers["access-control-allow-methods"].split(", "))
    assert {"GET", "POST", "PUT", "DELETE"} <= allowed_methods
    answer = cors_app.get(f"{API}/tags", headers={"Origin": "https://conduit.example"})
    assert answer.headers["access-control-allow-origin"] == "https://conduit.example"
    foreign = cors_app.get(f"{API}/tags", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in foreign.headers


def test_twenty_concurrent_favorites_through_conduit_count_twenty(live_server):
    article = make_post(make_user())
    fans = [conduit_headers(make_user()) for _ in range(20)]
    barrier = threading.Barrier(len(fans))

    def favorite_once(headers: dict[str, str]) -> int:
        with httpx.Client(base_url=live_server, timeout=60) as http:
            barrier.wait(timeout=60)
            answer = http.post(f"{API}/articles/{article.slug}/favorite", headers=headers)
            return answer.status_code

    with ThreadPoolExecutor(max_workers=len(fans)) as pool:
        statuses = list(pool.map(favorite_once, fans))
    assert statuses == [200] * len(fans)
    with httpx.Client(base_url=live_server) as http:
        seen = http.get(f"{API}/articles/{article.slug}").json()["article"]
    assert seen["favoritesCount"] == len(fans)


# The RealWorld Conduit API 2.0.0: every operation and its success status, as its spec has them.
REALWORLD_OPERATIONS = {
    ("POST", "/users/login"): "200",
    ("POST", "/users"): "201",
    ("GET", "/user"): "200",
    ("PUT", "/user"): "200",
    ("GET", "/profiles/{username}"): "200",
    ("POST", "/profiles/{username}/follow"): "200",
    ("DELETE", "/profiles/{username}/follow"): "200",
    ("GET", "/articles/feed"): "200",
    ("GET", "/articles"): "200",
    ("POST", "/articles"): "201",
    ("GET", "/articles/{slug}"): "200",
    ("PUT", "/articles/{slug}"): "200",
    ("DELETE", "/articles/{slug}"): "204",
    ("GET", "/articles/{slug}/comments"): "200",
    ("POST", "/articles/{slug}/comments"): "201",
    ("DELETE", "/articles/{slug}/comments/{id}"): "204",
    ("POST", "/articles/{slug}/favorite"): "200",
    ("DELETE", "/articles/{slug}/favorite"): "200",
    ("GET", "/tags"): "200",
}


def test_the_published_facade_contract_is_the_realworld_api(client):
    spec = client.get(f"{API}/openapi.json")
    assert spec.status_code == 200 and spec.json()["openapi"] == "3.0.3"
    published = {
        (method.upper(), path): next(code for code in operation["responses"] if code < "300")
        for path, item in spec.json()["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "delete"}
    }
    assert published == REALWORLD_OPERATIONS
    assert f"{API}/openapi.json" in client.get("/docs").text  # browsable beside the main API
