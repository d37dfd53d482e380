from __future__ import annotations

from typing import Any

from services import ops


def get_health() -> Any:
    return ops.health_json()


def get_readiness() -> Any:
    report = ops.readiness()
    status = 200 if report["status"] != "fail" else 503
    return report, status
