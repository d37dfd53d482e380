"""Settings, read once from the environment.

Every setting is documented in `.env.example` and the README's configuration table. The embedded
defaults need no services at all: SQLite under `var/`, in-process rate limits and an SQLite job
store. Secrets are never defaulted to a fixed value: when `JWT_SIGNING_KEYS` is unset, a random key
is generated once and kept in `var/jwt-signing.key` (mode 0600), which suits a developer machine and
is refused when `TRELLIS_ENV=production`.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return default if raw in (None, "") else int(raw)


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str) -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    return tuple(item.strip() for item in raw.split(",") if item.strip())


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


def _signing_keys(var_dir: Path, production: bool) -> dict[str, str]:
    """Parses `kid1:secret1,kid2:secret2`; the first key signs, all of them verify."""
    raw = os.environ.get("JWT_SIGNING_KEYS", "").strip()
    if raw:
        keys: dict[str, str] = {}
        for entry in raw.split(","):
            kid, sep, secret = entry.strip().partition(":")
            if not sep or not kid or len(secret) < 32:
                raise ValueError("JWT_SIGNING_KEYS entries must be kid:secret with 32+ chars")
            keys[kid] = secret
        return keys
    if production:
        raise ValueError("JWT_SIGNING_KEYS must be set when TRELLIS_ENV=production")
    made = f"dev-{secrets.token_hex(4)}:{secrets.token_urlsafe(48)}"
    kid, _, secret = _dev_secret(var_dir, "jwt-signing.key", made).partition(":")
    return {kid: secret}


def _api_key_pepper(var_dir: Path, production: bool) -> str:
    """The HMAC key API key secrets are hashed with; changing it invalidates every key."""
    raw = os.environ.get("API_KEY_PEPPER", "").strip()
    if raw:
        if len(raw) < 32:
            raise ValueError("API_KEY_PEPPER must have 32+ characters")
        return raw
    if production:
        raise ValueError("API_KEY_PEPPER must be set when TRELLIS_ENV=production")
    return _dev_secret(var_dir, "api-key-pepper.key", secrets.token_urlsafe(48))


@dataclass(frozen=True)
class Settings:
    env: str
    var_dir: Path
    database_url: str
    db_pool_size: int
    redis_url: str | None
    jwt_signing_keys: dict[str, str] = field(repr=False)
    jwt_issuer: str
    jwt_audience: str
    access_token_ttl_seconds: int
    conduit_token_ttl_seconds: int
    refresh_token_ttl_seconds: int
    max_body_bytes: int
    login_limit_per_account: str
    login_limit_per_address: str
    api_key_pepper: str = field(repr=False)
    api_key_rate_limit_per_minute: int
    api_key_failures_per_address: str
    session_idle_timeout_seconds: int
    session_absolute_timeout_seconds: int
    session_cookie_insecure_localhost: bool
    oauth_discovery_url: str
    oauth_client_id: str
    oauth_client_secret: str = field(repr=False)
    oauth_redirect_uri: str
    oauth_scopes: str
    idempotency_ttl_seconds: int
    cors_origins: tuple[str, ...]
    trusted_proxies: tuple[str, ...]
    log_level: str
    log_json: bool
    host: str
    port: int

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def load_settings() -> Settings:
    """Builds settings from the current environment (tests call it after changing variables)."""
    env = _env("TRELLIS_ENV", "development")
    var_dir = Path(_env("TRELLIS_VAR_DIR", str(PROJECT_ROOT / "var")))
    database_url = _env("DATABASE_URL", f"sqlite:///{var_dir / 'trellis.db'}")
    return Settings(
        env=env,
        var_dir=var_dir,
        database_url=database_url,
        db_pool_size=_int("DB_POOL_SIZE", 10),
        redis_url=os.environ.get("REDIS_URL") or None,
        jwt_signing_keys=_signing_keys(var_dir, env == "production"),
        jwt_issuer=_env("JWT_ISSUER", "trellis"),
        jwt_audience=_env("JWT_AUDIENCE", "trellis-api"),
        access_token_ttl_seconds=_int("ACCESS_TOKEN_TTL_SECONDS", 15 * 60),
        conduit_token_ttl_seconds=_int("CONDUIT_TOKEN_TTL_SECONDS", 7 * 24 * 60 * 60),
        refresh_token_ttl_seconds=_int("REFRESH_TOKEN_TTL_SECONDS", 30 * 24 * 3600),
        max_body_bytes=_int("MAX_BODY_BYTES", 1024 * 1024),
        login_limit_per_account=_env("LOGIN_LIMIT_PER_ACCOUNT", "10/minute"),
        login_limit_per_address=_env("LOGIN_LIMIT_PER_ADDRESS", "30/minute"),
        api_key_pepper=_api_key_pepper(var_dir, env == "production"),
        api_key_rate_limit_per_minute=_int("API_KEY_RATE_LIMIT_PER_MINUTE", 600),
        api_key_failures_per_address=_env("API_KEY_FAILURES_PER_ADDRESS", "20/minute"),
        session_idle_timeout_seconds=_int("SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60),
        session_absolute_timeout_seconds=_int("SESSION_ABSOLUTE_TIMEOUT_SECONDS", 12 * 3600),
        session_cookie_insecure_localhost=_bool("SESSION_COOKIE_INSECURE_LOCALHOST", False),
        oauth_discovery_url=_env(
            "OAUTH_DISCOVERY_URL", "https://accounts.google.com/.well-known/openid-configuration"
        ),
        oauth_client_id=_env("OAUTH_CLIENT_ID", ""),
        oauth_client_secret=_env("OAUTH_CLIENT_SECRET", ""),
        oauth_redirect_uri=_env(
            "OAUTH_REDIRECT_URI", "http://127.0.0.1:8000/api/v1/oauth/callback"
        ),
        oauth_scopes=_env("OAUTH_SCOPES", "openid email profile"),
        idempotency_ttl_seconds=_int("IDEMPOTENCY_TTL_SECONDS", 24 * 3600),
        cors_origins=_list("CORS_ORIGINS"),
        trusted_proxies=_list("TRUSTED_PROXIES"),
        log_level=_env("LOG_LEVEL", "INFO").upper(),
        log_json=_bool("LOG_JSON", True),
        host=_env("HOST", "127.0.0.1"),
        port=_int("PORT", 8000),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
