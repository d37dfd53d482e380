"""Cutting the bundle into route-group parts: each holds only what its own operations use."""

from __future__ import annotations

from typing import Any

from core.spec import MAIN_SPEC, load_spec, split_by_route_group


def _ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"#/components/{kind}/{name}"}


def _get(tag: str, schema: dict[str, Any], security: list[Any] | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "tags": [tag],
        "responses": {"200": {"content": {"application/json": {"schema": schema}}}},
    }
    if security is not None:
        operation["security"] = security
    return {"get": operation}


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "security": [{"bearer": []}],
    "tags": [{"name": "a"}, {"name": "c"}],
    "paths": {
        "/a/{id}": _get("a", _ref("schemas", "A")),
        "/a/x": _get("a", {"type": "object"}, security=[{"key": []}]),
        "/c": _get("c", _ref("schemas", "C"), security=[]),
    },
    "components": {
        "schemas": {
            "A": {"properties": {"b": _ref("schemas", "B"), "$ref": {"type": "string"}}},
            "B": {"type": "string"},
            "C": {"type": "integer"},
            "Unused": {"type": "null"},
        },
        "securitySchemes": {"bearer": {"type": "http"}, "key": {"type": "apiKey"}},
    },
}


def test_a_part_keeps_the_components_its_operations_reach_and_no_other():
    parts = {tuple(groups): part for groups, part in split_by_route_group(SPEC)}
    a = parts[("a/x", "a/*")]
    assert a["components"] == {
        "schemas": {name: SPEC["components"]["schemas"][name] for name in ("A", "B")},
        "securitySchemes": SPEC["components"]["securitySchemes"],
    }
    assert [tag["name"] for tag in a["tags"]] == ["a"]
    c = parts[("c",)]
    assert c["components"]["schemas"] == {"C": SPEC["components"]["schemas"]["C"]}
    # the document's default security still applies to a part: its scheme stays
    assert c["components"]["securitySchemes"] == {"bearer": {"type": "http"}}
    assert c["info"] is SPEC["info"]


def test_a_domain_is_one_part_with_concrete_groups_before_templated_ones():
    parts = split_by_route_group(SPEC)
    assert [groups for groups, _ in parts] == [["a/x", "a/*"], ["c"]]
    assert list(parts[0][1]["paths"]) == ["/a/x", "/a/{id}"]


def test_a_large_domain_is_cut_into_parts_of_bounded_size():
    spec = {**SPEC, "paths": {f"/big/p{n}": _get("a", {}) for n in range(30)}}
    sizes = [len(part["paths"]) for _, part in split_by_route_group(spec, max_paths=12)]
    assert sizes == [12, 12, 6]


def test_published_parts_do_not_carry_the_whole_contract():
    bundle = load_spec(MAIN_SPEC)
    total = sum(len(items) for items in bundle["components"].values())
    parts = split_by_route_group(bundle)
    for groups, part in parts:
        kept = sum(len(items) for items in part["components"].values())
        assert kept < total / 2, groups
    tasks = next(part for groups, part in parts if "tasks" in groups)
    assert "Task" in tasks["components"]["schemas"]
    assert not any(name.startswith("Recipe") for name in tasks["components"]["schemas"])
