"""The facade as the RealWorld project's current backend specification pages have it, where they
are newer than the 2.0.0 document: lists without bodies, errors in the reference backend's words,
nullable profile fields, and every answer the facade gives listed in its contract."""

from __future__ import annotations

from typing import Any

import pytest

from core.settings import get_settings
from tests.conduit.test_conduit_api import API, create_article, errors, register, token
from tests.factories.identity import PASSWORD

BLANK = ["can't be blank"]
SUMMARY = {
    "slug",
    "title",
    "description",
    "tagList",
    "createdAt",
    "updatedAt",
    "favorited",
    "favoritesCount",
    "author",
}


def test_lists_leave_the_body_out_and_one_article_keeps_it(client):
    jake, finn = register(client, "jake"), register(client, "finn")
    article = create_article(client, jake)
    client.post(f"{API}/profiles/jake/follow", headers=token(finn))
    for url in (f"{API}/articles", f"{API}/articles?author=jake", f"{API}/articles/feed"):
        listed = client.get(url, headers=token(finn))
        assert listed.status_code == 200, listed.text
        items = listed.json()["articles"]
        assert [set(item) for item in items] == [SUMMARY], url
    one = client.get(f"{API}/articles/{article['slug']}").json()["article"]
    assert one["body"] == "You have to *believe*" and set(one) == SUMMARY | {"body"}


def test_lists_carry_bodies_for_older_clients_when_configured(client, monkeypatch):
    # CONDUIT_LIST_BODIES=true: what the 2.0.0 document and its legacy Postman suite expect.
    monkeypatch.setenv("CONDUIT_LIST_BODIES", "true")
    get_settings.cache_clear()
    try:
        jake = register(client, "jake")
        create_article(client, jake)
        for url in (f"{API}/articles", f"{API}/articles?author=jake"):
            (item,) = client.get(url).json()["articles"]
            assert set(item) == SUMMARY | {"body"}, url
            assert item["body"] == "You have to *believe*"
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def _sign_up(client: Any, **user: Any) -> Any:
    fields = {"username": "jake", "email": "jake@example.com", "password": PASSWORD, **user}
    body = {"user": {k: v for k, v in fields.items() if v is not ...}}
    return client.post(f"{API}/users", json=body)


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ({"username": ""}, {"username": BLANK}),
        ({"username": ...}, {"username": BLANK}),
        ({"username": "   "}, {"username": BLANK}),
        ({"email": ""}, {"email": BLANK}),
        ({"email": None}, {"email": BLANK}),
        ({"email": "jake-at-example.com"}, {"email": ["is invalid"]}),
        ({"password": ""}, {"password": BLANK}),
        ({"password": ...}, {"password": BLANK}),
        ({"password": "short"}, {"password": ["is too short (minimum is 8 characters)"]}),
        ({"password": "p" * 129}, {"password": ["is too long (maximum is 128 characters)"]}),
        ({"username": "j" * 41}, {"username": ["is too long (maximum is 40 characters)"]}),
        ({"username": "", "email": ""}, {"username": BLANK, "email": BLANK}),
    ],
)
def test_sign_up_refusals_in_the_reference_backends_words(client, user, expected):
    assert errors(_sign_up(client, **user), 422) == expected


def test_taken_email_and_username_have_already_been_taken(client):
    register(client, "jake")
    taken = _sign_up(client, email="JAKE@example.com", username="other")
    assert errors(taken, 409) == {"email": ["has already been taken"]}
    taken = _sign_up(client, email="other@example.com", username="Jake")
    assert errors(taken, 409) == {"username": ["has already been taken"]}


def test_an_article_needs_a_title_a_description_and_a_body(client):
    jake = register(client, "jake")
    made = create_article(client, jake)
    url = f"{API}/articles/{made['slug']}"
    complete = {"title": "Dragons", "description": "Ever wonder how?", "body": "Believe."}
    for field in ("title", "description", "body"):
        for value in ("", "  \n", None, ...):
            article = {k: v for k, v in {**complete, field: value}.items() if v is not ...}
            refused = client.post(f"{API}/articles", json={"article": article}, headers=token(jake))
            assert errors(refused, 422) == {field: BLANK}, (field, value)
            if value is not ...:  # an edit cannot blank what creation requires either
                edit = {"article": {field: value}}
                assert errors(client.put(url, json=edit, headers=token(jake)), 422) == {
                    field: BLANK
                }
    too_long = {**complete, "title": "t" * 201}
    refused = client.post(f"{API}/articles", json={"article": too_long}, headers=token(jake))
    assert errors(refused, 422) == {"title": ["is too long (maximum is 200 characters)"]}
    assert client.get(f"{API}/articles").json()["articlesCount"] == 1
    assert client.get(url).json()["article"] == made


def test_many_bad_items_make_one_message_each_per_field(client):
    jake = register(client, "jake")
    article = {"title": "Tags", "description": "d", "body": "b", "tagList": [""] * 20_000}
    refused = client.post(f"{API}/articles", json={"article": article}, headers=token(jake))
    assert errors(refused, 422) == {"tagList": ["is too long (maximum is 20 items)", *BLANK]}
    assert len(refused.content) < 200


def test_a_comment_needs_a_body(client):
    jake = register(client, "jake")
    url = f"{API}/articles/{create_article(client, jake)['slug']}/comments"
    for body in ({"body": ""}, {"body": " "}, {"body": None}, {}):
        refused = client.post(url, json={"comment": body}, headers=token(jake))
        assert errors(refused, 422) == {"body": BLANK}, body
    assert client.get(url).json() == {"comments": []}


def test_authentication_errors_in_realworld_form(client):
    jake, finn = register(client, "jake"), register(client, "finn")
    article = create_article(client, jake)
    assert errors(client.post(f"{API}/articles", json={"article": {}}), 401) == {
        "token": ["is missing"]
    }
    bad = {"Authorization": "Token not.a.token"}
    assert errors(client.get(f"{API}/articles/feed", headers=bad), 401) == {"token": ["is invalid"]}
    wrong = {"user": {"email": "jake@example.com", "password": "not the password"}}
    assert errors(client.post(f"{API}/users/login", json=wrong), 401) == {
        "credentials": ["invalid"]
    }
    url = f"{API}/articles/{article['slug']}"
    assert errors(client.delete(url, headers=token(finn)), 403) == {"article": ["forbidden"]}
    comment = client.post(
        f"{url}/comments", json={"comment": {"body": "Mine."}}, headers=token(jake)
    ).json()["comment"]
    refused = client.delete(f"{url}/comments/{comment['id']}", headers=token(finn))
    assert errors(refused, 403) == {"comment": ["forbidden"]}


def test_bio_and_image_set_empty_are_stored_and_answered_as_null(client):
    jake = register(client, "jake")
    filled = {"bio": "I like to skateboard", "image": "https://example.com/jake.png"}
    answered = client.put(f"{API}/user", json={"user": filled}, headers=token(jake))
    assert {k: answered.json()["user"][k] for k in filled} == filled
    for cleared in ("", None):
        for field in ("bio", "image"):
            client.put(f"{API}/user", json={"user": filled}, headers=token(jake))
            answered = client.put(
                f"{API}/user", json={"user": {field: cleared}}, headers=token(jake)
            )
            assert answered.status_code == 200, answered.text
            assert answered.json()["user"][field] is None
            profile = client.get(f"{API}/profiles/jake").json()["profile"]
            assert profile[field] is None
            # stored as null, not as "": the main API reads the same row
            main = client.get("/api/v1/blog/profiles/jake").json()
            assert main[field] is None, (field, cleared)


@pytest.mark.parametrize("field", ["username", "email", "password"])
@pytest.mark.parametrize("value", ["", None])
def test_username_email_and_password_cannot_be_blanked(client, field, value):
    jake = register(client, "jake")
    refused = client.put(f"{API}/user", json={"user": {field: value}}, headers=token(jake))
    assert errors(refused, 422) == {field: BLANK}
    me = client.get(f"{API}/user", headers=token(jake)).json()["user"]
    assert (me["username"], me["email"]) == ("jake", "jake@example.com")


def test_an_empty_update_is_refused(client):
    jake = register(client, "jake")
    assert errors(client.put(f"{API}/user", json={"user": {}}, headers=token(jake)), 422) == {
        "user": BLANK
    }


def test_failed_logins_are_throttled_with_429_in_realworld_form(client):
    register(client, "jake")
    wrong = {"user": {"email": "jake@example.com", "password": "not the password"}}
    limit = int(get_settings().login_limit_per_account.split("/")[0])
    for _ in range(limit):
        errors(client.post(f"{API}/users/login", json=wrong), 401)
    right = {"user": {"email": "jake@example.com", "password": PASSWORD}}
    throttled = client.post(f"{API}/users/login", json=right)
    retry_after = throttled.headers["retry-after"]
    assert errors(throttled, 429) == {"requests": [f"are too many; retry in {retry_after} seconds"]}


def test_bodies_over_the_cap_and_bodies_not_json_in_realworld_form(client):
    cap = get_settings().max_body_bytes
    oversized = b'{"user": {"email": "' + b"x" * cap + b'"}}'
    for extra in ({}, {"Transfer-Encoding": "chunked"}):
        # by Content-Length before any app runs, or while a body without one streams in
        headers = {"Content-Type": "application/json", **extra}
        content: Any = oversized if not extra else iter([oversized[:1000], oversized[1000:]])
        response = client.post(f"{API}/users/login", content=content, headers=headers)
        assert errors(response, 413) == {"body": [f"is too large (maximum is {cap} bytes)"]}
    response = client.post(
        f"{API}/users", content=b"user=jake", headers={"Content-Type": "text/plain"}
    )
    assert errors(response, 415) == {"body": ["must be JSON (Content-Type: application/json)"]}
