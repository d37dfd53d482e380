"""Handlers for the synthetic operations of bench/spec_growth.py: every name is one no-op."""

from __future__ import annotations

from typing import Any


def _no_content(**_kwargs: Any) -> tuple[None, int]:
    return None, 204


def __getattr__(name: str) -> Any:
    if name.startswith("create_filler"):
        return _no_content
    raise AttributeError(name)
