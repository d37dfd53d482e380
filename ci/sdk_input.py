"""The document the Python SDK is generated from: generated/openapi.yaml with each request body
that offers JSON reduced to JSON alone.

The SDK speaks JSON. The token endpoint also takes the RFC 6749 form for standard OAuth clients,
and given a body with two media types openapi-python-client emits a union annotated with `Unset`
without importing it (the module fails at import). Leaving the form out of the SDK's input keeps
the SDK importable and changes nothing a JSON client can call.

    python -m ci.sdk_input IN OUT
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

JSON = "application/json"


def json_only(document: dict[str, Any]) -> dict[str, Any]:
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            content = operation.get("requestBody", {}).get("content", {})
            if JSON in content and len(content) > 1:
                operation["requestBody"]["content"] = {JSON: content[JSON]}
    return document


def main(source: str, target: str) -> None:
    document = yaml.safe_load(Path(source).read_text())
    Path(target).write_text(yaml.safe_dump(json_only(document), sort_keys=False))


if __name__ == "__main__":
    main(*sys.argv[1:3])
