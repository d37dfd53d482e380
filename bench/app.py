"""The benchmarked Trellis server: the real app, plus a `bench` domain answering fixed data.

The `bench` domain is an ordinary Trellis API (same Connexion configuration, validators, security,
middleware and dispatch) whose spec reuses the published Task schemas; its handlers skip the
database, so its cost is the framework's alone.

    uvicorn bench.app:create_bench_app --factory --workers N
"""

from __future__ import annotations

import copy
from typing import Any

from starlette.applications import Starlette

from core.app import create_app
from core.spec import MAIN_SPEC, load_spec

BEARER = [{"bearerAuth": []}]


def _json(schema: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}


def _operation(operation_id: str, ok: str, schema: str, **extra: Any) -> dict[str, Any]:
    return {
        "tags": ["trellis_memory"],
        "operationId": operation_id,
        "security": BEARER,
        "responses": {
            ok: {"description": "Fixed data.", "content": _json(schema)},
            "400": {"$ref": "#/components/responses/BadRequest"},
            "401": {"$ref": "#/components/responses/Unauthorized"},
        },
        **extra,
    }


def memory_spec() -> dict[str, Any]:
    spec = copy.deepcopy(load_spec(MAIN_SPEC))
    task_id = {"name": "task_id", "in": "path", "required": True}
    task_id["schema"] = {"type": "string", "format": "uuid"}
    spec["paths"] = {
        "/bench/tasks": {
            "get": _operation(
                "listBenchTasks",
                "200",
                "TaskList",
                parameters=[{"$ref": "#/components/parameters/Limit"}],
            ),
            "post": _operation(
                "createBenchTask",
                "201",
                "Task",
                requestBody={"required": True, "content": _json("TaskCreate")},
            ),
        },
        "/bench/tasks/{task_id}": {
            "get": _operation("getBenchTask", "200", "Task", parameters=[task_id])
        },
    }
    return spec


def create_bench_app() -> Starlette:
    app = create_app()
    app.router.default.add(memory_spec(), package="bench")  # type: ignore[attr-defined]
    return app
