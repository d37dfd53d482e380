"""Access tokens signed with key pairs (JWT_PRIVATE_KEY_FILES): EdDSA or RS256 by the key's type,
rotation by listing several keys, the public keys at /.well-known/jwks.json; HS256 stays the
default (issue 18 point 5)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from core import tokens
from core.settings import get_settings
from tests.factories.identity import PASSWORD, make_user, token_login
from tests.live import serve

JWKS = "/.well-known/jwks.json"
ME = "/api/v1/identity/users/me"


def write_key(directory: Path, name: str, kind: str) -> Path:
    key = (
        ed25519.Ed25519PrivateKey.generate()
        if kind == "ed25519"
        else rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    path = directory / f"{name}.pem"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return path


@pytest.fixture
def key_files(tmp_path) -> dict[str, Path]:
    return {
        "ed-new": write_key(tmp_path, "ed", "ed25519"),
        "rsa-old": write_key(tmp_path, "rsa", "rsa"),
    }


def _configure(monkeypatch, value: str | None) -> None:  # type: ignore[no-untyped-def]
    if value is None:
        monkeypatch.delenv("JWT_PRIVATE_KEY_FILES", raising=False)
    else:
        monkeypatch.setenv("JWT_PRIVATE_KEY_FILES", value)
    get_settings.cache_clear()
    tokens.forget_verified_tokens()


@pytest.fixture
def key_pairs(monkeypatch, key_files) -> Iterator[dict[str, Path]]:
    _configure(monkeypatch, ",".join(f"{kid}:{path}" for kid, path in key_files.items()))
    yield key_files
    _configure(monkeypatch, None)


def _header(token: str) -> dict[str, str]:
    return dict(jwt.get_unverified_header(token))


def test_hs256_is_the_default_and_publishes_no_key(client, user):
    assert _header(token_login(user).access_token)["alg"] == "HS256"
    response = client.get(JWKS)
    assert response.status_code == 200
    assert response.json() == {"keys": []}


def test_the_first_key_signs_eddsa_and_tokens_work(client, key_pairs, user):
    access = token_login(user).access_token
    assert _header(access) == {"alg": "EdDSA", "kid": "ed-new", "typ": "JWT"}
    assert client.get(ME, headers={"Authorization": f"Bearer {access}"}).status_code == 200


def test_every_listed_key_verifies_so_rotation_keeps_old_tokens(client, monkeypatch, key_files):
    _configure(monkeypatch, f"rsa-old:{key_files['rsa-old']}")
    user = make_user()
    old = token_login(user).access_token
    assert _header(old)["alg"] == "RS256"
    _configure(
        monkeypatch, f"ed-new:{key_files['ed-new']},rsa-old:{key_files['rsa-old']}"
    )  # the new key first
    try:
        assert client.get(ME, headers={"Authorization": f"Bearer {old}"}).status_code == 200
        keys = client.get(JWKS).json()["keys"]
        assert [(k["kid"], k["alg"], k["kty"]) for k in keys] == [
            ("ed-new", "EdDSA", "OKP"),
            ("rsa-old", "RS256", "RSA"),
        ]
        assert all("d" not in k and "p" not in k for k in keys)  # no private part
        _configure(monkeypatch, f"ed-new:{key_files['ed-new']}")  # the old key retired
        assert client.get(ME, headers={"Authorization": f"Bearer {old}"}).status_code == 401
    finally:
        _configure(monkeypatch, None)


def test_a_token_with_another_algorithm_than_its_key_is_refused(client, key_pairs, user):
    claims = jwt.decode(token_login(user).access_token, options={"verify_signature": False})
    private = serialization.load_pem_private_key(key_pairs["ed-new"].read_bytes(), None)
    public = private.public_key().public_bytes(  # type: ignore[union-attr]
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    forged = [
        # The published public key used as an HMAC secret (the algorithm-confusion attack).
        jwt.encode(claims, public, algorithm="HS256", headers={"kid": "ed-new"}),
        # The HS256 keys no longer verify once key pairs are configured.
        jwt.encode(claims, "s" * 48, algorithm="HS256", headers={"kid": "test-k1"}),
        jwt.encode(claims, None, algorithm="none", headers={"kid": "ed-new"}),
    ]
    for token in forged:
        assert client.get(ME, headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_a_key_of_another_kind_is_refused_at_startup(tmp_path, monkeypatch):
    path = tmp_path / "ec.pem"
    from cryptography.hazmat.primitives.asymmetric import ec

    path.write_bytes(
        ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    _configure(monkeypatch, f"ec:{path}")
    try:
        with pytest.raises(ValueError, match="neither Ed25519 nor RSA"):
            tokens.signing_keys()
    finally:
        _configure(monkeypatch, None)


@pytest.fixture
def live_server_with_key_pairs(key_files) -> Iterator[str]:
    setting = ",".join(f"{kid}:{path}" for kid, path in key_files.items())
    with serve({"JWT_PRIVATE_KEY_FILES": setting}) as base:
        yield base


def test_a_jwks_client_verifies_a_token_from_a_live_server(live_server_with_key_pairs):
    base = live_server_with_key_pairs
    user = make_user()
    with httpx.Client(base_url=base, timeout=10) as http:
        login = {"grant_type": "PASSWORD", "email": user.email, "password": PASSWORD}
        access = http.post("/api/v1/identity/tokens", json=login).json()["access_token"]
    jwks = jwt.PyJWKClient(f"{base}{JWKS}")
    key = jwks.get_signing_key_from_jwt(access)
    claims = jwt.decode(
        access,
        key.key,
        algorithms=["EdDSA", "RS256"],
        audience=get_settings().jwt_audience,
        issuer=get_settings().jwt_issuer,
    )
    assert key.key_id == "ed-new"
    assert claims["sub"] == str(user.id)
    uuid.UUID(claims["sid"])
