from __future__ import annotations

import time
import uuid

import jwt
import pytest

from core.db import transaction
from core.settings import get_settings
from core.tokens import CONDUIT, decode_access_token, issue_access_token
from services.identity import start_lasting_login
from tests.factories.identity import PASSWORD, issued_earlier, make_user, token_login
from tests.problems import assert_problem

ME = "/api/v1/identity/users/me"
SECRET = "s" * 48


def claims(user, **overrides):
    """The claims of a token of a live login of `user`, with some changed (None: left out)."""
    now = int(time.time())
    login = jwt.decode(token_login(user).access_token, options={"verify_signature": False})
    base = {
        "sub": str(user.id),
        "sid": login["sid"],
        "role": user.role,
        "iss": "trellis",
        "aud": "trellis-api",
        "iat": now,
        "nbf": now,
        "exp": now + 600,
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def call(client, token):
    return client.get(ME, headers={"Authorization": f"Bearer {token}"})


def test_valid_token_from_rotated_out_key_still_verifies(client, user):
    # test-k0 is the second configured key: verify-only, as during a rotation
    token = jwt.encode(claims(user), "o" * 48, algorithm="HS256", headers={"kid": "test-k0"})
    assert call(client, token).status_code == 200


@pytest.mark.parametrize(
    "case",
    [
        "alg_none",
        "wrong_key",
        "wrong_alg",
        "expired",
        "not_yet_valid",
        "wrong_audience",
        "wrong_issuer",
        "unknown_kid",
        "no_kid",
        "no_exp",
        "garbage",
        "bad_sub",
        "no_sid",
        "bad_sid",
        "unknown_sid",
        "someone_elses_sid",
    ],
)
def test_bad_tokens_are_401(client, user, case):
    kid = {"kid": "test-k1"}
    if case == "alg_none":
        token = jwt.encode(claims(user), None, algorithm="none", headers=kid)
    elif case == "wrong_key":
        token = jwt.encode(claims(user), "x" * 48, algorithm="HS256", headers=kid)
    elif case == "wrong_alg":
        token = jwt.encode(claims(user), SECRET * 2, algorithm="HS512", headers=kid)
    elif case == "expired":
        token = jwt.encode(
            claims(user, exp=int(time.time()) - 60), SECRET, algorithm="HS256", headers=kid
        )
    elif case == "not_yet_valid":
        token = jwt.encode(
            claims(user, nbf=int(time.time()) + 600), SECRET, algorithm="HS256", headers=kid
        )
    elif case == "wrong_audience":
        token = jwt.encode(claims(user, aud="other"), SECRET, algorithm="HS256", headers=kid)
    elif case == "wrong_issuer":
        token = jwt.encode(claims(user, iss="evil"), SECRET, algorithm="HS256", headers=kid)
    elif case == "unknown_kid":
        token = jwt.encode(claims(user), SECRET, algorithm="HS256", headers={"kid": "nope"})
    elif case == "no_kid":
        token = jwt.encode(claims(user), SECRET, algorithm="HS256")
    elif case == "no_exp":
        token = jwt.encode(claims(user, exp=None), SECRET, algorithm="HS256", headers=kid)
    elif case == "bad_sub":
        token = jwt.encode(claims(user, sub="not-a-uuid"), SECRET, algorithm="HS256", headers=kid)
    elif case == "someone_elses_sid":
        other = claims(make_user())["sid"]
        token = jwt.encode(claims(user, sid=other), SECRET, algorithm="HS256", headers=kid)
    elif case in ("no_sid", "bad_sid", "unknown_sid"):
        sid = {"no_sid": None, "bad_sid": 12, "unknown_sid": str(uuid.uuid4())}[case]
        token = jwt.encode(claims(user, sid=sid), SECRET, algorithm="HS256", headers=kid)
    else:
        token = "not.a.jwt"
    response = call(client, token)
    assert_problem(response, 401, "/problems/unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_token_of_unknown_user_is_401(client):
    token = jwt.encode(
        {
            "sub": str(uuid.uuid4()),
            "sid": str(uuid.uuid4()),
            "role": "USER",
            "iss": "trellis",
            "aud": "trellis-api",
            "iat": int(time.time()),
            "nbf": int(time.time()),
            "exp": int(time.time()) + 60,
        },
        SECRET,
        algorithm="HS256",
        headers={"kid": "test-k1"},
    )
    response = call(client, token)
    assert response.status_code == 401
    # Refused at authentication, like any other credential that names no usable account.
    assert response.json()["type"] == "/problems/unauthorized"
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_signing_uses_the_first_configured_key(user):

    token, ttl = issue_access_token(user_id=user.id, role="USER", login_id=uuid.uuid4())
    assert jwt.get_unverified_header(token)["kid"] == "test-k1"
    assert ttl == get_settings().access_token_ttl_seconds == 900


def test_verified_tokens_are_remembered_but_never_past_their_expiry(user, monkeypatch):
    from core import tokens

    tokens.forget_verified_tokens()
    token, _ = tokens.issue_access_token(user_id=user.id, role=user.role, login_id=uuid.uuid4())
    calls = []
    verify = tokens._verify
    monkeypatch.setattr(tokens, "_verify", lambda value: calls.append(value) or verify(value))

    first = tokens.decode_access_token(token)
    assert tokens.decode_access_token(token) == first
    assert len(calls) == 1  # the second request reused the verification

    now = time.time()
    monkeypatch.setattr(tokens.time, "time", lambda: now + 3600)  # past `exp`
    tokens.decode_access_token(token)
    assert len(calls) == 2  # an expired entry is verified again, never trusted


def test_a_password_change_ends_the_access_tokens_of_other_logins_only(client, user):
    mine = issued_earlier(token_login(user).access_token)
    other = issued_earlier(token_login(user).access_token)
    assert call(client, other).status_code == 200
    changed = client.patch(
        ME,
        json={"password": "a whole new secret", "current_password": PASSWORD},
        headers={"Authorization": f"Bearer {mine}"},
    )
    assert changed.status_code == 200
    assert call(client, other).status_code == 401
    assert call(client, mine).status_code == 200  # the login that made the change goes on
    assert call(client, token_login(user).access_token).status_code == 200  # a new login


def test_conduit_tokens_are_long_lived_and_refused_by_the_main_api(client, user):
    with transaction(write=True) as session:
        token = start_lasting_login(session, user, kind=CONDUIT)
    payload = jwt.decode(token, options={"verify_signature": False})
    assert payload["aud"] == "trellis-api:conduit"
    assert payload["exp"] - payload["iat"] == get_settings().conduit_token_ttl_seconds
    assert payload["exp"] - payload["iat"] == 7 * 24 * 60 * 60
    assert decode_access_token(token) is None  # the main API's audience only
    assert decode_access_token(token, kinds=(CONDUIT,)) is not None
    assert call(client, token).status_code == 401
    facade = client.get("/conduit/api/user", headers={"Authorization": f"Token {token}"})
    assert facade.status_code == 200
