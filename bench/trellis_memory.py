"""Trellis's framework-only endpoints: fixed data behind the real Connexion stack and schemas."""

from __future__ import annotations

from typing import Any

from bench import memory


def list_bench_tasks(limit: int = 20) -> dict[str, Any]:
    return memory.page(limit)


def create_bench_task(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    return memory.created(body), 201


def get_bench_task(task_id: str) -> dict[str, Any]:
    return memory.one(task_id)
