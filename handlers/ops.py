from __future__ import annotations

from typing import Any

from starlette.responses import Response

from core import metrics
from services import ops


def get_health() -> Any:
    return ops.health_json()


def get_metrics() -> Any:
    body, content_type = metrics.render()
    return Response(body, media_type=content_type)


def get_readiness() -> Any:
    report = ops.readiness()
    status = 200 if report["status"] != "fail" else 503
    return report, status
