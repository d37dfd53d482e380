"""The contract and the code agree: our stand-in for a compile-time check of a spec-first API."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import handlers
from ci import assemble_spec
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
    # An operation's fast path (core.app.fast_paths) is a handler of that operation too.
    referenced |= {op["x-fast-path"] for *_, op in OPERATIONS if "x-fast-path" in op}
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


MAIN_PATHS = list(SPECS["main"]["paths"])


def test_every_path_file_names_exactly_one_published_path():
    files = sorted(file.name for file in (assemble_spec.SPEC / "paths").glob("*.yaml"))
    assert sorted(assemble_spec.path_of(name) for name in files) == sorted(MAIN_PATHS)
    assert all(assemble_spec.file_of(assemble_spec.path_of(name)) == name for name in files)


def test_the_bundle_lists_the_assembled_tags_and_paths_in_order():
    assembled = assemble_spec.assemble()
    assert assembled["tags"] == SPECS["main"]["tags"]
    assert list(assembled["paths"]) == MAIN_PATHS


def _first_difference(path, other):
    return next((a, b) for a, b in zip(path.split("/"), other.split("/"), strict=True) if a != b)


def test_a_literal_segment_routes_before_a_template_that_would_take_it():
    # Connexion adds routes in document order and Starlette takes the first match.
    for index, path in enumerate(MAIN_PATHS):
        for later in MAIN_PATHS[index + 1 :]:
            if len(path.split("/")) != len(later.split("/")):
                continue
            pairs = zip(path.split("/"), later.split("/"), strict=True)
            if all(a == b or "{" in a + b for a, b in pairs):
                mine, theirs = _first_difference(path, later)
                assert not mine.startswith("{"), f"{path} is listed before {later}"
                assert theirs.startswith("{")


@pytest.mark.parametrize(
    "name",
    [
        "tasks__x.yaml",
        "Tasks.yaml",
        "tasks_Items.yaml",
        "tasks_items_.yaml",
        "{task_id}.yaml",
        "tasks_{TaskId}.yaml",
        "tasks_{task-id}.yaml",
    ],
)
def test_path_file_names_that_do_not_map_to_one_path_are_refused(name):
    with pytest.raises(assemble_spec.LayoutError):
        assemble_spec.path_of(name)


def test_an_underscore_separates_segments_except_inside_a_template():
    assert assemble_spec.path_of("tasks_my_items.yaml") == "/tasks/my/items"
    assert assemble_spec.path_of("a-b_{c_d}_e.yaml") == "/a-b/{c_d}/e"


def _slice_tree(root):
    (root / "tags").mkdir()
    (root / "paths").mkdir()
    (root / "components" / "schemas" / "common").mkdir(parents=True)
    (root / "openapi.yaml").write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\n")
    (root / "tags" / "widgets.yaml").write_text("description: Widgets.\n")
    (root / "paths" / "widgets.yaml").write_text("get: {}\n")
    (root / "paths" / "widgets_{widget_id}.yaml").write_text("get: {}\n")
    (root / "paths" / "widgets_mine.yaml").write_text("get: {}\n")
    return root


def test_a_slice_tree_assembles_into_tags_and_routing_ordered_paths(tmp_path):
    assembled = assemble_spec.assemble(_slice_tree(tmp_path))
    assert assembled["tags"] == [{"name": "widgets", "description": "Widgets."}]
    assert list(assembled["paths"]) == ["/widgets", "/widgets/mine", "/widgets/{widget_id}"]
    assert assembled["paths"]["/widgets/{widget_id}"] == {"$ref": "paths/widgets_{widget_id}.yaml"}


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("tags/gadgets.yaml", "description: Gadgets.\n", "tags without a path"),
        ("paths/gadgets.yaml", "get: {}\n", "paths without a spec/tags"),
        ("components/schemas/gadgets/Gadget.yaml", "type: object\n", "under common/ or a tag"),
        ("components/schemas/widgets/Problem.yaml", "type: object\n", "is also"),
        ("tags/sprockets.yaml", "name: sprockets\ndescription: S.\n", "no name"),
    ],
)
def test_a_slice_tree_that_breaks_the_layout_is_refused(tmp_path, file, text, message):
    root = _slice_tree(tmp_path)
    (root / "components" / "schemas" / "common" / "Problem.yaml").write_text("type: object\n")
    (root / "components" / "schemas" / "widgets").mkdir()
    (root / file).parent.mkdir(parents=True, exist_ok=True)
    (root / file).write_text(text)
    with pytest.raises(assemble_spec.LayoutError, match=message):
        assemble_spec.assemble(root)
