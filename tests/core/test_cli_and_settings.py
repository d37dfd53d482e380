from __future__ import annotations

import os
import stat
import typing
from dataclasses import dataclass

import pytest

import cli
from ci import assemble_docs
from core.db import transaction
from core.settings import (
    MissingSettings,
    Settings,
    SettingsSection,
    declared,
    get_settings,
    load_settings,
    missing_in_production,
    required_in_production,
    setting,
)
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
        identity.log_in(session, login=identity.PasswordLogin("admin@example.com", password, "t"))


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


def test_empty_variables_mean_the_default(monkeypatch):
    monkeypatch.setenv("JWT_ISSUER", "")
    monkeypatch.setenv("LOG_LEVEL", " ")
    settings = load_settings()
    assert settings.jwt_issuer == "trellis"
    assert settings.log_level == "INFO"


def test_a_malformed_number_names_its_variable(monkeypatch):
    monkeypatch.setenv("DB_POOL_SIZE", "ten")
    with pytest.raises(ValueError, match="DB_POOL_SIZE must be a whole number"):
        load_settings()


def test_every_literal_default_has_its_field_type():
    kinds = typing.get_type_hints(Settings)
    for item, declaration in declared(Settings):
        if not callable(declaration.default):
            kind = kinds[item.name]
            # isinstance() takes `tuple` but not `tuple[str, ...]`
            kind = tuple if typing.get_origin(kind) is tuple else kind
            assert isinstance(declaration.default, kind), item.name


def test_the_values_env_example_shows_read_back_as_the_defaults(monkeypatch):
    literal = [(item, d) for item, d in declared(Settings) if not callable(d.default)]
    for _item, declaration in literal:
        monkeypatch.setenv(declaration.env, declaration.shown_value())
    settings = load_settings()
    assert len(literal) > 25
    for item, declaration in literal:
        assert getattr(settings, item.name) == declaration.default, declaration.env


@pytest.fixture
def registry(monkeypatch):
    """Sections defined by a test register into a copy of the registry, dropped afterwards."""
    monkeypatch.setattr(SettingsSection, "registry", list(SettingsSection.registry))


def _widgets_section(*envs):
    @dataclass(frozen=True)
    class WidgetsSettings(SettingsSection):
        """Settings of the widgets domain."""

        max_per_user: int = setting(envs[0], 3, "Widgets one user may own.")
        label: str = setting(envs[1], "widget", "What the UI calls a widget.")

    WidgetsSettings.__module__ = "services.widgets.settings"
    return WidgetsSettings


@pytest.fixture
def fresh_settings():
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.usefixtures("registry", "fresh_settings")
def test_a_domain_section_is_read_from_its_variables_once_per_settings(monkeypatch):
    widgets = _widgets_section("WIDGETS_MAX_PER_USER", "WIDGETS_LABEL")
    monkeypatch.setenv("WIDGETS_MAX_PER_USER", "7")
    settings = get_settings()
    assert settings.section(widgets).max_per_user == 7
    assert settings.section(widgets).label == "widget"
    monkeypatch.setenv("WIDGETS_MAX_PER_USER", "9")
    assert get_settings().section(widgets).max_per_user == 7
    get_settings.cache_clear()
    assert get_settings().section(widgets).max_per_user == 9


@pytest.mark.usefixtures("registry")
def test_a_domain_section_is_documented_after_the_platform_settings():
    _widgets_section("WIDGETS_MAX_PER_USER", "WIDGETS_LABEL")
    env_example = assemble_docs.env_example()
    heading = "# --- Settings of the widgets domain\n"
    assert f"{heading}# Widgets one user may own.\nWIDGETS_MAX_PER_USER=3\n" in env_example
    assert env_example.index("PORT=8000") < env_example.index("WIDGETS_LABEL=widget")
    table = assemble_docs.settings_table()
    assert "| `WIDGETS_LABEL` | `widget` | What the UI calls a widget. |\n" in table


@pytest.mark.usefixtures("registry")
@pytest.mark.parametrize(
    ("envs", "message"),
    [(("MAX_WIDGETS", "WIDGETS_LABEL"), "start WIDGETS_"), (("PORT", "WIDGETS_L"), "start")],
)
def test_a_domain_variable_outside_its_prefix_is_refused(envs, message):
    _widgets_section(*envs)
    with pytest.raises(assemble_docs.SliceError, match=message):
        assemble_docs.documented()


@pytest.mark.usefixtures("registry")
def test_a_variable_declared_twice_is_refused():
    _widgets_section("WIDGETS_MAX_PER_USER", "WIDGETS_LABEL")
    _widgets_section("WIDGETS_MAX_PER_USER", "WIDGETS_NAME")
    with pytest.raises(
        assemble_docs.SliceError, match=r"more than once: \['WIDGETS_MAX_PER_USER'\]"
    ):
        assemble_docs.documented()


PRODUCTION_REQUIRES = ["DATABASE_URL", "REDIS_URL", "JWT_SIGNING_KEYS", "API_KEY_PEPPER"]


def _production_without(monkeypatch, tmp_path, *unset):
    monkeypatch.setenv("TRELLIS_ENV", "production")
    monkeypatch.setenv("TRELLIS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setenv("JWT_SIGNING_KEYS", "k1:" + "s" * 40)
    monkeypatch.setenv("API_KEY_PEPPER", "p" * 40)
    for name in unset:
        monkeypatch.setenv(name, "")  # empty counts as unset


@pytest.mark.parametrize("command", [["serve"], ["worker"], ["migrate"]])
def test_production_refuses_to_start_naming_each_missing_setting(
    command, monkeypatch, tmp_path, capsys
):
    _production_without(monkeypatch, tmp_path, *PRODUCTION_REQUIRES)
    assert cli.main(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: TRELLIS_ENV=production requires these settings")
    assert err.index(": DATABASE_URL, REDIS_URL, JWT_SIGNING_KEYS, API_KEY_PEPPER (") > 0
    assert not list(tmp_path.iterdir()), "nothing is written before refusing"


def test_production_names_only_what_is_missing(monkeypatch, tmp_path, capsys):
    _production_without(monkeypatch, tmp_path, "API_KEY_PEPPER", "DATABASE_URL")
    assert cli.main(["migrate"]) == 2
    assert "unset: DATABASE_URL, API_KEY_PEPPER (see" in capsys.readouterr().err
    with pytest.raises(MissingSettings) as raised:
        load_settings()
    assert raised.value.names == ["DATABASE_URL", "API_KEY_PEPPER"]


def test_production_with_every_required_setting_loads(monkeypatch, tmp_path):
    _production_without(monkeypatch, tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    assert load_settings().production
    assert missing_in_production() == []


def test_what_production_requires_is_declared_on_the_settings():
    assert required_in_production()[:4] == PRODUCTION_REQUIRES
    assert missing_in_production({"TRELLIS_ENV": "development"}) == []


def test_production_takes_key_pairs_instead_of_signing_keys(monkeypatch, tmp_path):
    # JWT_PRIVATE_KEY_FILES replaces JWT_SIGNING_KEYS: neither unset is reported while it is set.
    _production_without(monkeypatch, tmp_path, "JWT_SIGNING_KEYS")
    assert missing_in_production() == ["JWT_SIGNING_KEYS"]
    monkeypatch.setenv("JWT_PRIVATE_KEY_FILES", "k1:/nonexistent.pem")
    assert missing_in_production() == []
