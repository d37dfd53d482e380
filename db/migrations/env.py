"""Alembic environment: the URL comes from the config (set by core.migrations) or DATABASE_URL."""

from __future__ import annotations

from alembic import context

import db.models  # noqa: F401  (registers every table on Base.metadata)
from core.db import make_engine
from core.settings import get_settings
from db.base import Base

config = context.config
target_metadata = Base.metadata


#: Indexes only PostgreSQL has (created by migrations, not expressible in the models): prefix
#: `pgix_`. Autogenerate and `alembic check` leave them alone.
PG_ONLY_INDEX_PREFIX = "pgix_"


def _include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    return not (type_ == "index" and (name or "").startswith(PG_ONLY_INDEX_PREFIX))


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(
        url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(_url())
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=connection.dialect.name == "sqlite",
                compare_type=True,
                include_object=_include_object,
            )
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
