"""Imports every model module so `Base.metadata` is complete for Alembic, tests and backups.

A new domain only adds `db/models/<domain>.py`; nothing here needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
