from __future__ import annotations

import os
import stat

import pytest

import cli
from core.db import transaction
from core.settings import load_settings
from services import identity
from tests.factories.identity import make_user


def test_migrate_command_is_idempotent(capsys):
    assert cli.main(["migrate"]) == 0
    assert "latest revision" in capsys.readouterr().out


def test_dev_admin_is_created_once_with_a_random_password(capsys):
    assert cli.main(["dev-admin"]) == 0
    first = capsys.readouterr().out
    assert "Password (shown once):" in first
    password = first.split("Password (shown once): ")[1].split()[0]
    assert len(password) >= 20
    assert cli.main(["dev-admin"]) == 0
    assert "Password" not in capsys.readouterr().out.split("(")[0]
    with transaction(write=True) as session:
        identity.log_in(session, email="admin@example.com", password=password, client_address="t")


def test_create_admin_promotes_an_existing_user(capsys, monkeypatch):
    monkeypatch.setenv("TRELLIS_ADMIN_PASSWORD", "a strong admin password")
    user = make_user(email="ops@example.com")
    assert cli.main(["create-admin", "--email", "ops@example.com"]) == 0
    assert "Promoted admin ops@example.com" in capsys.readouterr().out
    with transaction(write=False) as session:
        assert session.get(type(user), user.id).role == "ADMIN"


def test_create_admin_generates_a_password_when_none_is_given(capsys, monkeypatch):
    monkeypatch.delenv("TRELLIS_ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli.main(["create-admin", "--email", "new-admin@example.com"]) == 0
    out = capsys.readouterr().out
    assert "Created admin new-admin@example.com" in out
    assert "Password (shown once):" in out


def test_create_admin_refuses_a_short_password(capsys, monkeypatch):
    monkeypatch.setenv("TRELLIS_ADMIN_PASSWORD", "short")
    assert cli.main(["create-admin", "--email", "x@example.com"]) == 2
    assert "8 to 128" in capsys.readouterr().err


def test_generated_signing_key_is_private_and_stable(tmp_path, monkeypatch):
    monkeypatch.delenv("JWT_SIGNING_KEYS")
    monkeypatch.setenv("TRELLIS_VAR_DIR", str(tmp_path))
    first = load_settings().jwt_signing_keys
    assert load_settings().jwt_signing_keys == first
    key_file = tmp_path / "jwt-signing.key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


def test_production_refuses_a_generated_signing_key(tmp_path, monkeypatch):
    monkeypatch.delenv("JWT_SIGNING_KEYS")
    monkeypatch.setenv("TRELLIS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("TRELLIS_ENV", "production")
    with pytest.raises(ValueError, match="JWT_SIGNING_KEYS"):
        load_settings()


@pytest.mark.parametrize("value", ["nokid", "k1:short", ":" + "x" * 40])
def test_malformed_signing_keys_are_refused(monkeypatch, value):
    monkeypatch.setenv("JWT_SIGNING_KEYS", value)
    with pytest.raises(ValueError, match="kid:secret"):
        load_settings()


def test_settings_parse_lists_and_booleans(monkeypatch):
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example, https://b.example,")
    monkeypatch.setenv("LOG_JSON", "no")
    monkeypatch.setenv("DB_POOL_SIZE", "")
    settings = load_settings()
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.log_json is False
    assert settings.db_pool_size == 10
