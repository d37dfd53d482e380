"""operationId -> handler: `createTask` tagged `tasks` resolves to `handlers.tasks.create_task`."""

from __future__ import annotations

import re
from typing import Any

from connexion.resolver import Resolution, Resolver

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def snake_case(operation_id: str) -> str:
    return _CAMEL_BOUNDARY.sub("_", operation_id).lower()


def handler_path(tag: str, operation_id: str, package: str = "handlers") -> str:
    return f"{package}.{tag}.{snake_case(operation_id)}"


class TagResolver(Resolver):  # type: ignore[misc]
    """Keeps the spec's operationId (logs, metrics and idempotency use it), finds the handler."""

    def __init__(self, package: str = "handlers") -> None:
        super().__init__()
        self.package = package

    def resolve(self, operation: Any) -> Resolution:
        operation_id = operation.operation_id
        tags = operation._operation.get("tags") or [""]
        function = self.resolve_function_from_operation_id(
            handler_path(tags[0], operation_id, self.package)
        )
        return Resolution(function, operation_id)
