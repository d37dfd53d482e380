from __future__ import annotations

from typing import Any

from starlette.responses import Response

from core import metrics
from services import ops


def get_health() -> dict[str, Any]:
    return ops.health_json()


def get_metrics() -> Response:
    body, content_type = metrics.render()
    return Response(body, media_type=content_type)


def get_readiness() -> tuple[dict[str, Any], int]:
    report = ops.readiness()
    return report, 200 if report["status"] != "fail" else 503
