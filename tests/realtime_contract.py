"""The realtime contract in tests: every message a test receives on a socket is checked against
the messages the AsyncAPI document (generated/asyncapi.yaml, assembled from spec/asyncapi.yaml and
spec/asyncapi/<slug>.yaml) lets the server send on that channel.

    messages = ChannelContract("presenceRoom")
    message = messages.check(websocket.receive_json())    # raises when it fits no message
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jsonschema
import yaml

from core.sockets import ASYNCAPI_SPEC


@cache
def document() -> dict[str, Any]:
    return yaml.safe_load(ASYNCAPI_SPEC.read_text())  # type: ignore[no-any-return]


def _resolve(node: Any, root: dict[str, Any]) -> Any:
    """The node with every local `$ref` replaced by what it points to."""
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = root
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            return _resolve(target, root)
        return {key: _resolve(value, root) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolve(item, root) for item in node]
    return node


class ChannelContract:
    """The payload schemas of what the server sends (or, `action="receive"`, accepts) on a
    channel, by the message's `type`."""

    def __init__(self, channel: str, *, action: str = "send") -> None:
        root = document()
        self.channel = channel
        self.schemas: dict[str, dict[str, Any]] = {}
        for operation in root["operations"].values():
            if operation["action"] != action:
                continue
            if operation["channel"]["$ref"] != f"#/channels/{channel}":
                continue
            for message in _resolve(operation["messages"], root):
                payload = message["payload"]
                self.schemas[payload["properties"]["type"]["const"]] = payload
        assert self.schemas, f"the AsyncAPI document has no {action} messages on {channel}"

    def check(self, message: Any) -> dict[str, Any]:
        """The message, once it matches the schema of its `type` (else an AssertionError)."""
        assert isinstance(message, dict), f"not a JSON object: {message!r}"
        schema = self.schemas.get(message.get("type"))  # type: ignore[arg-type]
        assert schema is not None, f"{self.channel} has no message of type {message.get('type')!r}"
        jsonschema.validate(
            message, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        return message
