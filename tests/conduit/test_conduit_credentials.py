"""The facade cannot widen a credential: a main-API token gets no longer life through it and
cannot use the RealWorld rule that changes email and password without the current password; the
facade takes no input the main API refuses, and shows neither API a stored value it would refuse."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import jwt
import pytest
from sqlalchemy import update

from core.db import transaction
from core.spec import CONDUIT_SPEC, MAIN_SPEC, load_spec
from core.tokens import CONDUIT, MAIN, decode_access_token
from db.models.blog import BlogProfile
from services import blog
from tests.conduit.test_conduit_api import API, errors, register, token
from tests.factories.blog import make_post, username_of
from tests.factories.identity import PASSWORD, auth_headers, make_user

FACADE_LOGIN_REQUIRED = {
    "token": ["can't change email or password: sign in with /users/login first"]
}


def _claims(token_: str) -> dict[str, Any]:
    return jwt.decode(token_, options={"verify_signature": False})


def test_a_main_api_token_is_answered_back_unchanged(client):
    user = make_user()
    headers = auth_headers(user)
    presented = headers["Authorization"].removeprefix("Bearer ")
    for scheme in ("Token", "Bearer"):
        answered = client.get(f"{API}/user", headers={"Authorization": f"{scheme} {presented}"})
        assert answered.status_code == 200, answered.text
        assert answered.json()["user"]["token"] == presented
    changed = client.put(
        f"{API}/user",
        json={"user": {"bio": "Still me"}},
        headers={"Authorization": f"Token {presented}"},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["user"]["token"] == presented
    assert decode_access_token(presented, kinds=(MAIN,)) is not None  # still a main-API token


def test_a_facade_token_is_renewed_as_a_facade_token(client):
    jake = register(client, "jake")
    renewed = client.get(f"{API}/user", headers=token(jake)).json()["user"]["token"]
    assert decode_access_token(renewed, kinds=(CONDUIT,)) is not None
    assert _claims(renewed)["exp"] >= _claims(jake["token"])["exp"]


@pytest.mark.parametrize(
    "change",
    [{"password": "a brand new secret"}, {"email": "elsewhere@example.com"}],
)
def test_a_main_api_token_cannot_change_email_or_password_without_the_current_one(client, change):
    user = make_user(email="main@example.com")
    refused = client.put(f"{API}/user", json={"user": {**change, "bio": "x"}}, headers=_token(user))
    assert errors(refused, 403) == FACADE_LOGIN_REQUIRED
    # nothing changed: the old credentials still log in, the bio was not written either
    login = {"user": {"email": "main@example.com", "password": PASSWORD}}
    assert client.post(f"{API}/users/login", json=login).status_code == 200
    assert client.get(f"{API}/user", headers=_token(user)).json()["user"]["bio"] is None


def test_a_main_api_token_may_resend_the_accounts_own_email(client):
    # RealWorld settings pages send the whole form, email included, to change a bio.
    user = make_user(email="main@example.com")
    changed = client.put(
        f"{API}/user",
        json={"user": {"email": "MAIN@example.com", "bio": "Hello"}},
        headers=_token(user),
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["user"]["bio"] == "Hello"


def test_a_facade_token_changes_email_and_password_without_the_current_one(client):
    jake = register(client, "jake")
    changed = client.put(
        f"{API}/user",
        json={"user": {"email": "jacob@example.com", "password": "a brand new secret"}},
        headers=token(jake),
    )
    assert changed.status_code == 200, changed.text
    login = {"user": {"email": "jacob@example.com", "password": "a brand new secret"}}
    assert client.post(f"{API}/users/login", json=login).status_code == 200


def _token(user: Any) -> dict[str, str]:
    return {"Authorization": auth_headers(user)["Authorization"].replace("Bearer", "Token")}


@pytest.mark.parametrize(
    "image",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x.png"],
)
def test_the_facade_refuses_images_the_main_api_refuses(client, image):
    jake = register(client, "jake")
    refused = client.put(f"{API}/user", json={"user": {"image": image}}, headers=token(jake))
    assert errors(refused, 422) == {"image": ["is invalid"]}
    main = client.patch(
        "/api/v1/blog/profiles/me", json={"image": image}, headers=auth_headers(make_user())
    )
    assert main.status_code == 400


def test_a_stored_image_neither_api_accepts_is_answered_as_null(client):
    author = make_user()
    post = make_post(author)
    username = username_of(author)
    with transaction(write=True) as session:  # as the facade stored it before it checked
        session.execute(
            update(BlogProfile)
            .where(BlogProfile.user_id == author.id)
            .values(image="javascript:alert(document.cookie)")
        )
    seen = [
        client.get(f"{API}/profiles/{username}").json()["profile"]["image"],
        client.get(f"{API}/user", headers=_token(author)).json()["user"]["image"],
        client.get(f"{API}/articles/{post.slug}").json()["article"]["author"]["image"],
        client.get(f"{API}/articles").json()["articles"][0]["author"]["image"],
        client.get(f"/api/v1/blog/profiles/{username}").json()["image"],
        client.get(f"/api/v1/blog/posts/{post.slug}").json()["author"]["image"],
    ]
    assert seen == [None] * len(seen)


def _request_schema(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    schema = spec["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    return _resolved(spec, schema)


def _resolved(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


# facade (path, method, wrapper, field) -> main API (path, method, field)
SAME_FIELDS = [
    (("/users", "post", "user", "email"), ("/identity/users", "post", "email")),
    (("/users", "post", "user", "password"), ("/identity/users", "post", "password")),
    (("/user", "put", "user", "password"), ("/identity/users/me", "patch", "password")),
    (("/user", "put", "user", "username"), ("/blog/profiles/me", "patch", "username")),
    (("/user", "put", "user", "bio"), ("/blog/profiles/me", "patch", "bio")),
    (("/user", "put", "user", "image"), ("/blog/profiles/me", "patch", "image")),
    (("/articles", "post", "article", "title"), ("/blog/posts", "post", "title")),
    (("/articles", "post", "article", "description"), ("/blog/posts", "post", "description")),
    (("/articles", "post", "article", "body"), ("/blog/posts", "post", "body")),
    (
        ("/articles/{slug}/comments", "post", "comment", "body"),
        ("/blog/posts/{slug}/comments", "post", "body"),
    ),
]


@pytest.mark.parametrize(("facade", "main"), SAME_FIELDS, ids=lambda f: "/".join(f))
def test_the_facade_takes_the_main_apis_lengths(facade, main):
    conduit_spec, main_spec = load_spec(CONDUIT_SPEC), load_spec(MAIN_SPEC)
    path, method, wrapper, field = facade
    outer = _request_schema(conduit_spec, path, method)
    ours = _resolved(conduit_spec, outer["properties"][wrapper])["properties"][field]
    theirs = _request_schema(main_spec, main[0], main[1])["properties"][main[2]]
    assert ours.get("maxLength") == theirs.get("maxLength"), (facade, main)
    assert ours.get("format") == theirs.get("format")


def test_the_facade_and_the_main_api_accept_the_same_images():
    conduit_spec, main_spec = load_spec(CONDUIT_SPEC), load_spec(MAIN_SPEC)
    outer = _request_schema(conduit_spec, "/user", "put")
    ours = _resolved(conduit_spec, outer["properties"]["user"])["properties"]["image"]
    theirs = _request_schema(main_spec, "/blog/profiles/me", "patch")["properties"]["image"]
    checks = [jsonschema_rs.Draft4Validator({"pattern": s["pattern"]}) for s in (ours, theirs)]
    samples = [
        "https://example.com/a.png",
        "http://example.com/a b.png",
        "HTTPS://example.com/a.png",
        "javascript:alert(1)",
        " https://example.com/a.png",
        "https://example.com/a.png\n",
        "ftp://example.com/a.png",
        "https://",
    ]
    for sample in samples:
        verdicts = {check.is_valid(sample) for check in checks}
        verdicts.add(blog.shown_image(sample) == sample)
        assert len(verdicts) == 1, sample
