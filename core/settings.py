"""Settings: each declared once, read once from the environment.

A setting is one `setting(...)` field: its environment variable, its default and what it means.
That one declaration gives the typed field of its dataclass, the way `load_section` reads it
(by the field's type: `str`, `str | None`, `int`, `bool`, `Path`, `tuple[str, ...]` as a
comma-separated list; or by the setting's own `parse`), and its entry in `.env.example` and in the
README's configuration table, which `make generate` writes (ci/assemble_docs.py) and `make lint`
holds in step. An empty variable counts as unset.

    Settings                     the platform's settings: `get_settings().<field>`, loaded once
    <Slug>Settings(SettingsSection)
                                 a domain's own settings, declared in its own files (for example
                                 services/widgets/settings.py), named `WIDGETS_...`, and read
                                 with `get_settings().section(WidgetsSettings).<field>`

A domain adds settings without editing this file: a frozen dataclass subclassing `SettingsSection`
whose fields are `setting(...)`s. Subclassing registers it; ci/assemble_docs.py imports every
module under `services/` and `jobs/` to find the sections it documents.

The embedded defaults need no services at all: SQLite under `var/`, in-process rate limits and an
SQLite job store. Secrets are never defaulted to a fixed value: when `JWT_SIGNING_KEYS` (or
`API_KEY_PEPPER`) is unset, a random key is generated once into `var/` (mode 0600), which suits a
developer machine and is refused when `TRELLIS_ENV=production`.

A setting declared `required_in_production=True` must be set when `TRELLIS_ENV=production`:
loading refuses with one `MissingSettings` error naming every such variable left unset (not only
the first one met), and `trellis` prints it and exits before doing anything.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import pkgutil
import secrets
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, TypeVar
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_TRUE = {"1", "true", "yes", "on"}

#: The values of a section read so far, for defaults computed from earlier fields.
Loaded = Mapping[str, Any]


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, its default and what it means."""

    env: str
    default: Any
    help: str
    #: What .env.example shows when the default is computed (a callable) or not literal.
    shown: str | None = None
    #: The README's default column when nothing is shown (a generated secret, a closed feature).
    unset: str = "unset"
    #: Reads a non-empty value instead of the field type's reader (may raise ValueError).
    parse: Callable[[str], Any] | None = None
    #: `TRELLIS_ENV=production` refuses to start while this variable is unset...
    required_in_production: bool = False
    #: ...unless this other variable is set (it replaces this one).
    unless_set: str | None = None

    def default_value(self, loaded: Loaded) -> Any:
        return self.default(loaded) if callable(self.default) else self.default

    def shown_value(self) -> str:
        """The value .env.example assigns: the default as the variable would spell it."""
        if self.shown is not None:
            return self.shown
        value = self.default
        if callable(value) or value is None:
            return ""
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, tuple):
            return ",".join(value)
        return str(value)


def setting(
    env: str,
    default: Any,
    help: str,
    *,
    shown: str | None = None,
    unset: str = "unset",
    parse: Callable[[str], Any] | None = None,
    secret: bool = False,
    required_in_production: bool = False,
    unless_set: str | None = None,
) -> Any:
    """A dataclass field read from `env`; `default` may be a function of the fields before it."""
    declared = Setting(
        env,
        default,
        help,
        shown=shown,
        unset=unset,
        parse=parse,
        required_in_production=required_in_production,
        unless_set=unless_set,
    )
    return field(repr=not secret, metadata={"setting": declared})


class SettingsSection:
    """Base of every settings dataclass; subclassing registers it for the documentation."""

    registry: ClassVar[list[type[SettingsSection]]] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        SettingsSection.registry.append(cls)


S = TypeVar("S", bound=SettingsSection)


def declared(cls: type[SettingsSection]) -> Iterator[tuple[dataclasses.Field[Any], Setting]]:
    """(field, declaration) for every setting of a section, in declaration order."""
    for item in dataclasses.fields(cls):  # type: ignore[arg-type]
        if "setting" in item.metadata:
            yield item, item.metadata["setting"]


def _read(kind: Any, raw: str, env: str) -> Any:
    if kind is bool:
        return raw.strip().lower() in _TRUE
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{env} must be a whole number, not {raw!r}") from None
    if kind == tuple[str, ...]:
        return tuple(item.strip() for item in raw.split(",") if item.strip())
    if kind is Path:
        return Path(raw)
    if kind in (str, str | None):
        return raw
    raise TypeError(f"{env}: no reader for {kind}; give the setting a parse function")


def load_section(cls: type[S]) -> S:
    """Reads every setting of `cls` from the current environment (tests call it after changes)."""
    kinds = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for item, declaration in declared(cls):
        raw = os.environ.get(declaration.env, "")
        if not raw.strip():
            values[item.name] = declaration.default_value(values)
        elif declaration.parse is not None:
            values[item.name] = declaration.parse(raw)
        else:
            values[item.name] = _read(kinds[item.name], raw, declaration.env)
    return cls(**values)


def _dev_secret(var_dir: Path, filename: str, make: str) -> str:
    """A development secret generated once into var/ (mode 0600) and read back afterwards."""
    key_file = var_dir / filename
    if not key_file.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process won the race: read what it wrote
            return key_file.read_text().strip()
        with os.fdopen(fd, "w") as handle:
            handle.write(make)
    return key_file.read_text().strip()


class MissingSettings(ValueError):
    """Production was asked for while settings it requires are unset; names every one."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        super().__init__(
            "TRELLIS_ENV=production requires these settings, which are unset: "
            + ", ".join(names)
            + " (see .env.example)"
        )


def discover_sections(packages: tuple[str, ...] = ("services", "jobs")) -> None:
    """Imports every module of `packages`, so every domain's section is registered."""
    for name in packages:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            importlib.import_module(module.name)


def setting_value(env: str) -> Any:
    """The current value of the setting named by its variable (`MAX_BODY_BYTES`), platform or
    domain section; used where the contract names a setting (an operation's body cap)."""
    settings = get_settings()
    for _ in range(2):
        for cls in SettingsSection.registry:
            for item, declaration in declared(cls):
                if declaration.env == env:
                    source = settings if cls is Settings else settings.section(cls)
                    return getattr(source, item.name)
        discover_sections()
    raise KeyError(f"no setting is named {env}")


def required_in_production() -> list[str]:
    """Every variable production requires, in declaration order (registered sections)."""
    return [
        declaration.env
        for cls in SettingsSection.registry
        for _, declaration in declared(cls)
        if declaration.required_in_production
    ]


def missing_in_production(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The variables production requires that `environ` leaves unset or empty ([] outside it)."""
    if environ.get("TRELLIS_ENV", "").strip() != "production":
        return []

    def given(name: str | None) -> bool:
        return name is not None and bool(environ.get(name, "").strip())

    return [
        declaration.env
        for cls in SettingsSection.registry
        for _, declaration in declared(cls)
        if declaration.required_in_production
        and not given(declaration.env)
        and not given(declaration.unless_set)
    ]


def _refuse_in_production(loaded: Loaded, env: str) -> None:
    if loaded["env"] == "production":
        raise ValueError(f"{env} must be set when TRELLIS_ENV=production")


def _frontend_url(value: str) -> str:
    """The front end's login page: absolute http(s), no fragment (the callback adds its own)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.fragment:
        raise ValueError("OAUTH_FRONTEND_URL must be an absolute http(s) URL without a fragment")
    return value


def http_base_url(env: str) -> Callable[[str], str]:
    """A parser for a provider's base URL: absolute http(s), no query; the trailing / removed."""

    def parse(raw: str) -> str:
        value = raw.strip().rstrip("/")
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
            raise ValueError(f"{env} must be an http(s) URL without a query, not {raw!r}")
        return value

    return parse


def _signing_keys(raw: str) -> dict[str, str]:
    """Parses `kid1:secret1,kid2:secret2`; the first key signs, all of them verify."""
    keys: dict[str, str] = {}
    for entry in raw.strip().split(","):
        kid, sep, secret = entry.strip().partition(":")
        if not sep or not kid or len(secret) < 32:
            raise ValueError("JWT_SIGNING_KEYS entries must be kid:secret with 32+ chars")
        keys[kid] = secret
    return keys


def _private_key_files(raw: str) -> dict[str, Path]:
    """Parses `kid1:/path/one.pem,kid2:/path/two.pem`; the first key signs, all of them verify."""
    files: dict[str, Path] = {}
    for entry in raw.strip().split(","):
        kid, sep, path = entry.strip().partition(":")
        if not sep or not kid or not path.strip():
            raise ValueError("JWT_PRIVATE_KEY_FILES entries must be kid:path-to-PEM")
        if not Path(path.strip()).is_file():
            raise ValueError(f"JWT_PRIVATE_KEY_FILES: no file for {kid}")
        files[kid] = Path(path.strip())
    return files


def _dev_signing_keys(loaded: Loaded) -> dict[str, str]:
    if loaded.get("jwt_private_key_files"):
        return {}  # key pairs sign and verify: no shared secret is needed
    _refuse_in_production(loaded, "JWT_SIGNING_KEYS")
    made = f"dev-{secrets.token_hex(4)}:{secrets.token_urlsafe(48)}"
    kid, _, secret = _dev_secret(loaded["var_dir"], "jwt-signing.key", made).partition(":")
    return {kid: secret}


def _api_key_pepper(raw: str) -> str:
    """The HMAC key API key secrets are hashed with; changing it invalidates every key."""
    raw = raw.strip()
    if len(raw) < 32:
        raise ValueError("API_KEY_PEPPER must have 32+ characters")
    return raw


def _api_key_rate_ceiling(raw: str) -> int:
    """A per-minute maximum within the spec's bounds for a key's limit (1 to 100000)."""
    value = int(raw)
    if not 1 <= value <= 100_000:
        raise ValueError("API_KEY_MAX_RATE_LIMIT_PER_MINUTE must be between 1 and 100000")
    return value


def _dev_api_key_pepper(loaded: Loaded) -> str:
    _refuse_in_production(loaded, "API_KEY_PEPPER")
    return _dev_secret(loaded["var_dir"], "api-key-pepper.key", secrets.token_urlsafe(48))


def positive_int(raw: str) -> int:
    """A setting's parser for a whole number of at least 1 (attempts, pixels, batch sizes)."""
    value = int(raw)
    if value < 1:
        raise ValueError("must be at least 1")
    return value


def seconds_within(most: float, *, zero: bool = False) -> Callable[[str], float]:
    """A setting's parser for a number of seconds (fractions allowed) above 0 (from 0 with
    `zero`) and at most `most`."""

    def parse(raw: str) -> float:
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"expected a number of seconds, not {raw!r}") from None
        if value < 0 or value > most or (value == 0 and not zero):
            lowest = "0" if zero else "above 0"
            raise ValueError(f"seconds must be {lowest} and at most {most:g}, not {raw!r}")
        return value

    return parse


def _ports(raw: str) -> tuple[int, ...]:
    ports = tuple(int(item) for item in raw.split(",") if item.strip())
    if not ports or any(not 0 < port < 65536 for port in ports):
        raise ValueError(f"OUTBOUND_ALLOWED_PORTS must list ports 1-65535, not {raw!r}")
    return ports


def _tests_only_loopback(raw: str) -> bool:
    """OUTBOUND_ALLOW_LOOPBACK: a test setting that production refuses outright."""
    value = raw.strip().lower() in _TRUE
    if value and os.environ.get("TRELLIS_ENV", "").strip() == "production":
        raise ValueError("OUTBOUND_ALLOW_LOOPBACK is for tests; TRELLIS_ENV=production refuses it")
    return value


def _mail_backend(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("console", "smtp"):
        raise ValueError("MAIL_BACKEND must be console or smtp")
    return value


@dataclass(frozen=True)
class Settings(SettingsSection):
    """Platform settings (core, identity and the domains that came first)."""

    env: str = setting(
        "TRELLIS_ENV", "development", "`development` or `production` (refuses generated secrets)."
    )
    var_dir: Path = setting(
        "TRELLIS_VAR_DIR",
        lambda _: PROJECT_ROOT / "var",
        "Where the SQLite database, the job store and generated development secrets live.",
        shown="./var",
    )
    database_url: str = setting(
        "DATABASE_URL",
        lambda loaded: f"sqlite:///{loaded['var_dir'] / 'trellis.db'}",
        "SQLite by default; production: `postgresql+psycopg://USER:PASSWORD@HOST:5432/DB`.",
        shown="sqlite:///./var/trellis.db",
        required_in_production=True,
    )
    db_pool_size: int = setting(
        "DB_POOL_SIZE",
        10,
        "Database connections each of a process's two pools keeps (PostgreSQL: one for "
        "transactions, one for statements that commit as they run, such as reads), and as many "
        "again under load; the handler thread pool is sized from it.",
    )
    redis_url: str | None = setting(
        "REDIS_URL",
        None,
        "Redis for shared rate limits, cookie sessions, the job queue and the account-check "
        "cache's epochs; unset = in-process limits, sessions in the database, an SQLite job "
        "store, the account read on every request.",
        required_in_production=True,
    )
    jwt_private_key_files: dict[str, Path] = setting(
        "JWT_PRIVATE_KEY_FILES",
        lambda _: {},
        "`kid:path` pairs, comma separated: PEM private keys (Ed25519, signed EdDSA; or RSA of "
        "2048+ bits, signed RS256), unencrypted. Set: access tokens are signed with the first, "
        "every listed key verifies (rotation), the public keys are served at "
        "`/.well-known/jwks.json`, and `JWT_SIGNING_KEYS` is not used. Unset: HS256.",
        unset="unset (HS256)",
        parse=_private_key_files,
    )
    jwt_signing_keys: dict[str, str] = setting(
        "JWT_SIGNING_KEYS",
        _dev_signing_keys,
        "`kid:secret` pairs, comma separated, secrets of 32+ characters (HS256); the first "
        "signs, all verify (key rotation). Unset in development: a random key generated once "
        "into `$TRELLIS_VAR_DIR/jwt-signing.key`; required in production unless "
        "`JWT_PRIVATE_KEY_FILES` is set.",
        unset="generated in dev",
        parse=_signing_keys,
        secret=True,
        required_in_production=True,
        unless_set="JWT_PRIVATE_KEY_FILES",
    )
    jwt_issuer: str = setting("JWT_ISSUER", "trellis", "Issuer of access tokens, checked on each.")
    jwt_audience: str = setting(
        "JWT_AUDIENCE", "trellis-api", "Audience of access tokens, checked on each."
    )
    access_token_ttl_seconds: int = setting(
        "ACCESS_TOKEN_TTL_SECONDS", 15 * 60, "Access-token lifetime."
    )
    conduit_token_ttl_seconds: int = setting(
        "CONDUIT_TOKEN_TTL_SECONDS",
        7 * 24 * 3600,
        "Lifetime of the tokens the Conduit facade (`/conduit/api`) hands out: RealWorld "
        "frontends keep one token and never refresh it. They work on the facade only, and a "
        "password change or a disabled account ends them at once.",
    )
    conduit_list_bodies: bool = setting(
        "CONDUIT_LIST_BODIES",
        False,
        "Conduit article lists carry each article's `body`, as the RealWorld 2.0.0 document and "
        "its legacy Postman suite expect. Off by default: the current RealWorld specification "
        "leaves bodies out of lists, and a list then reads no article text at all.",
    )
    refresh_token_ttl_seconds: int = setting(
        "REFRESH_TOKEN_TTL_SECONDS", 30 * 24 * 3600, "Refresh-token lifetime (30 days)."
    )
    max_body_bytes: int = setting(
        "MAX_BODY_BYTES", 1024 * 1024, "Requests with a larger body answer 413."
    )
    login_limit_per_account: str = setting(
        "LOGIN_LIMIT_PER_ACCOUNT",
        "10/minute",
        "Failed logins per account before 429 (`limits` syntax: N/second, N/minute, N/hour).",
    )
    login_limit_per_address: str = setting(
        "LOGIN_LIMIT_PER_ADDRESS", "30/minute", "Failed logins per client address before 429."
    )
    signup_limit_per_address: str = setting(
        "SIGNUP_LIMIT_PER_ADDRESS",
        "10/minute",
        "Sign-ups per client address before 429 (each one costs a password hash), on the main "
        "API and the Conduit facade together.",
    )
    api_key_pepper: str = setting(
        "API_KEY_PEPPER",
        _dev_api_key_pepper,
        "HMAC key of stored API key hashes (32+ characters; changing it invalidates every key). "
        "Unset in development: a random key generated once into "
        "`$TRELLIS_VAR_DIR/api-key-pepper.key`; required in production.",
        unset="generated in dev",
        parse=_api_key_pepper,
        secret=True,
        required_in_production=True,
    )
    api_key_rate_limit_per_minute: int = setting(
        "API_KEY_RATE_LIMIT_PER_MINUTE",
        600,
        "Requests per minute per API key when the key sets no limit of its own.",
    )
    api_key_max_rate_limit_per_minute: int = setting(
        "API_KEY_MAX_RATE_LIMIT_PER_MINUTE",
        6000,
        "The highest per-minute limit a user may give their own API key (422 above it); keys "
        "made with a higher one are held to it.",
        parse=_api_key_rate_ceiling,
    )
    api_key_failures_per_address: str = setting(
        "API_KEY_FAILURES_PER_ADDRESS",
        "20/minute",
        "Requests with an unknown, revoked or expired API key per client address before 429.",
    )
    session_idle_timeout_seconds: int = setting(
        "SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60, "A cookie session ends after this long unused."
    )
    session_absolute_timeout_seconds: int = setting(
        "SESSION_ABSOLUTE_TIMEOUT_SECONDS",
        12 * 3600,
        "A cookie session ends this long after login at the latest.",
    )
    session_cookie_insecure_localhost: bool = setting(
        "SESSION_COOKIE_INSECURE_LOCALHOST",
        False,
        "`1`: no Secure cookie attribute for plain http to localhost or 127.0.0.1 only "
        "(development).",
    )
    oauth_discovery_url: str = setting(
        "OAUTH_DISCOVERY_URL",
        "https://accounts.google.com/.well-known/openid-configuration",
        "Discovery document of the one OpenID Connect provider for login (authorization code "
        "flow with PKCE).",
    )
    oauth_client_id: str = setting(
        "OAUTH_CLIENT_ID",
        "",
        "Client id registered with the provider; empty = OAuth login off.",
        unset="empty (OAuth off)",
    )
    oauth_client_secret: str = setting(
        "OAUTH_CLIENT_SECRET", "", "Its client secret.", unset="empty", secret=True
    )
    oauth_redirect_uri: str = setting(
        "OAUTH_REDIRECT_URI",
        "http://127.0.0.1:8000/api/v1/oauth/callback",
        "Registered with the provider: this API's callback, or a front-end page that passes "
        "`code` and `state` to it.",
    )
    oauth_scopes: str = setting("OAUTH_SCOPES", "openid email profile", "Scopes asked at login.")
    oauth_frontend_url: str = setting(
        "OAUTH_FRONTEND_URL",
        "",
        "Front-end page the callback redirects to (303) after a login, with a one-time code in "
        "the fragment to exchange at `POST /oauth/logins`; empty = the callback answers "
        "JSON (API clients).",
        unset="empty (JSON)",
        parse=_frontend_url,
    )
    idempotency_ttl_seconds: int = setting(
        "IDEMPOTENCY_TTL_SECONDS", 24 * 3600, "How long an `Idempotency-Key` replays its answer."
    )
    cors_origins: tuple[str, ...] = setting(
        "CORS_ORIGINS",
        (),
        "Browser origins allowed by CORS, comma separated; empty = CORS closed.",
        unset="empty (closed)",
    )
    trusted_proxies: tuple[str, ...] = setting(
        "TRUSTED_PROXIES",
        (),
        "Proxy addresses whose `X-Forwarded-For` and `X-Forwarded-Proto` are trusted, comma "
        "separated.",
        unset="empty",
    )
    mail_backend: str = setting(
        "MAIL_BACKEND",
        "console",
        "Where email goes (core.mail): `console` logs each message (its body only outside "
        "production), `smtp` sends it through SMTP_HOST.",
        parse=_mail_backend,
    )
    mail_from: str = setting(
        "MAIL_FROM", "Trellis <no-reply@localhost>", "The From address of every email."
    )
    smtp_host: str = setting("SMTP_HOST", "127.0.0.1", "SMTP server (MAIL_BACKEND=smtp).")
    smtp_port: int = setting("SMTP_PORT", 25, "SMTP server port.")
    smtp_starttls: bool = setting(
        "SMTP_STARTTLS", False, "`1`: upgrade the SMTP connection with STARTTLS before sending."
    )
    smtp_username: str | None = setting("SMTP_USERNAME", None, "SMTP login name; unset: no login.")
    smtp_password: str = setting("SMTP_PASSWORD", "", "SMTP login password.", secret=True)
    smtp_timeout_seconds: int = setting(
        "SMTP_TIMEOUT_SECONDS", 10, "Connect and read timeout of each SMTP conversation."
    )
    log_level: str = setting(
        "LOG_LEVEL", "INFO", "Log level; request logs are INFO.", parse=str.upper
    )
    log_json: bool = setting(
        "LOG_JSON", True, "`1`: one JSON object per line; `0`: human-readable console logs."
    )
    host: str = setting("HOST", "127.0.0.1", "Address `trellis serve` listens on.")
    port: int = setting("PORT", 8000, "Port `trellis serve` listens on.")
    outbound_connect_timeout_seconds: float = setting(
        "OUTBOUND_CONNECT_TIMEOUT_SECONDS",
        3.0,
        "Calls to third parties (core.outbound): seconds to open a connection.",
        parse=seconds_within(3600),
    )
    outbound_read_timeout_seconds: float = setting(
        "OUTBOUND_READ_TIMEOUT_SECONDS",
        10.0,
        "Calls to third parties: seconds to wait for each read of an answer.",
        parse=seconds_within(3600),
    )
    outbound_total_timeout_seconds: float = setting(
        "OUTBOUND_TOTAL_TIMEOUT_SECONDS",
        20.0,
        "Calls to third parties: the deadline of one call, retries and redirects included "
        "(past it, 504 `/problems/upstream-timeout`).",
        parse=seconds_within(3600),
    )
    outbound_max_response_bytes: int = setting(
        "OUTBOUND_MAX_RESPONSE_BYTES",
        5_000_000,
        "Calls to third parties: the largest answer read (decoded bytes); larger is refused.",
    )
    outbound_retries: int = setting(
        "OUTBOUND_RETRIES",
        2,
        "Calls to third parties: retries of an idempotent call after a connection error or a "
        "502/503/504 answer (exponential backoff, full jitter).",
    )
    outbound_user_agent: str = setting(
        "OUTBOUND_USER_AGENT", "Trellis/1.0", "The User-Agent of calls to third parties."
    )
    outbound_dns: bool = setting(
        "OUTBOUND_DNS",
        True,
        "`0`: calls to third parties resolve no host name (only address literals and "
        "localhost), so nothing is looked up: tests, CI's live servers, air-gapped installs.",
    )
    outbound_allowed_ports: tuple[int, ...] = setting(
        "OUTBOUND_ALLOWED_PORTS",
        (80, 443),
        "The ports guarded outbound calls may connect to (comma-separated); a URL naming another "
        "answers 422 before anything connects, so a public host's internal services (SSH, "
        "mail, databases, admin ports) are out of reach. Loopback test servers are exempt.",
        shown="80,443",
        parse=_ports,
    )
    outbound_allow_loopback: bool = setting(
        "OUTBOUND_ALLOW_LOOPBACK",
        False,
        "Tests only (refused in production): guarded outbound calls may reach 127.0.0.1 and ::1, "
        "where the test servers replaying provider answers listen.",
        parse=_tests_only_loopback,
    )
    #: Domain sections read so far (see `section`); a fresh Settings starts with none.
    _sections: dict[type[SettingsSection], SettingsSection] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def section(self, cls: type[S]) -> S:
        """A domain's own settings, read from the environment on first use."""
        found = self._sections.get(cls)
        if found is None:
            found = self._sections[cls] = load_section(cls)
        return typing.cast(S, found)


#: Variables documented with the settings but read where they are used (or by Docker Compose).
READ_ELSEWHERE = (
    Setting(
        "ARGON2_MEMORY_KIB",
        None,
        "Development only: a lower argon2 memory cost (KiB) for fast tests (core.passwords).",
    ),
    Setting(
        "TRELLIS_ADMIN_PASSWORD",
        None,
        "`trellis create-admin` reads the new admin's password here.",
    ),
    Setting(
        "POSTGRES_PASSWORD",
        None,
        "Docker Compose only: the password of the bundled PostgreSQL (required by "
        "docker-compose.yml).",
    ),
)


def load_settings() -> Settings:
    """Builds settings from the current environment (tests call it after changing variables)."""
    missing = missing_in_production()
    if missing:
        raise MissingSettings(missing)
    return load_section(Settings)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
