"""Every model module is imported here so `Base.metadata` is complete for Alembic and tests."""

from db.models import core, identity, tasks

__all__ = ["core", "identity", "tasks"]
