"""The contract and the code agree: our stand-in for a compile-time check of a spec-first API."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import handlers
from core.resolver import handler_path, snake_case
from core.spec import CONDUIT_SPEC, MAIN_SPEC, ROOT_SPEC, iter_operations, load_spec

SPECS = {
    "main": load_spec(MAIN_SPEC),
    "root": load_spec(ROOT_SPEC),
    "conduit": load_spec(CONDUIT_SPEC),
}
OPERATIONS = [
    (name, path, method, op)
    for name, spec in SPECS.items()
    for path, method, op in iter_operations(spec)
]
IDS = [f"{name}:{op['operationId']}" for name, _, _, op in OPERATIONS]
LOWER_CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")


def _resolve(tag, operation_id):
    module_name, _, function = handler_path(tag, operation_id).rpartition(".")
    return getattr(importlib.import_module(module_name), function, None)


def test_operation_ids_are_unique_across_every_spec():
    ids = [op["operationId"] for *_, op in OPERATIONS]
    assert len(ids) == len(set(ids))


def _resolved(spec, node):
    target = node
    while isinstance(target, dict) and "$ref" in target:
        target = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return target


@pytest.mark.parametrize(("spec", "path", "method", "operation"), OPERATIONS, ids=IDS)
def test_operation_is_complete(spec, path, method, operation):
    document = SPECS[spec]
    assert LOWER_CAMEL.match(operation["operationId"])
    assert len(operation.get("tags", [])) == 1, "exactly one tag"
    assert operation.get("summary"), "a summary"
    assert "security" in operation, "an explicit security ([] marks it public)"
    assert callable(_resolve(operation["tags"][0], operation["operationId"]))
    responses = {status: _resolved(document, r) for status, r in operation["responses"].items()}
    for status, response in responses.items():
        if status.startswith("2") and "content" in response:
            for media in response["content"].values():
                assert "example" in media or "examples" in media, f"{status} needs an example"
        if status.startswith(("4", "5")) and spec == "main":
            assert "application/problem+json" in response["content"], f"{status} is a problem"
    if spec != "main":
        return
    parameters = [_resolved(document, p) for p in operation.get("parameters", [])]
    needed = set()
    if operation["security"] != []:
        needed.add("401")
    if operation.get("x-roles"):
        needed.add("403")
    if "{" in path:
        needed |= {"400", "404"}
    if parameters or "requestBody" in operation:
        needed.add("400")
    if "requestBody" in operation:
        needed.add("413")  # the byte cap answers before validation
    schemes = {name for alternative in operation["security"] for name in alternative}
    if "apiKeyAuth" in schemes:
        needed.add("429")  # the key's rate limit, or too many bad keys from one address
    if method in {"post", "put", "patch", "delete"} and schemes & {"apiKeyAuth", "sessionCookie"}:
        needed.add("403")  # a read-only key's scope, or CSRF
    assert needed <= set(responses), f"missing shared errors {needed - set(responses)}"


def test_every_public_handler_is_referenced_by_an_operation():
    referenced = {handler_path(op["tags"][0], op["operationId"]) for *_, op in OPERATIONS}
    for module_info in pkgutil.iter_modules(handlers.__path__):
        if module_info.name.startswith("_"):  # shared wire shapes, not a tag's module
            continue
        module = importlib.import_module(f"handlers.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            assert f"handlers.{module_info.name}.{name}" in referenced, (
                f"handlers.{module_info.name}.{name} is not an operation (make it private)"
            )


def test_paths_are_prefixed_by_their_tag_domain():
    for name, path, _method, op in OPERATIONS:
        if name == "main":
            assert path.strip("/").split("/")[0] == op["tags"][0]


def test_snake_case():
    assert snake_case("createTokenRevocation") == "create_token_revocation"
    assert snake_case("getHealth") == "get_health"
