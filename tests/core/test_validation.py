from __future__ import annotations

from core.validation import compiled, to_json_schema


def test_fields_named_like_openapi_keywords_are_kept():
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["example"],
        "properties": {
            "deprecated": {"type": "boolean", "deprecated": True},
            "example": {"type": "string", "example": "an example"},
            "nullable": {"type": "string", "nullable": True},
            "x-id": {"type": "integer"},
        },
    }
    validator = compiled(schema)
    assert validator.is_valid({"deprecated": True, "example": "e", "nullable": None, "x-id": 1})
    assert not validator.is_valid({"example": 1})
    assert not validator.is_valid({"deprecated": True})


def test_openapi_keywords_are_still_stripped_inside_property_schemas():
    rewritten = to_json_schema(
        {"properties": {"example": {"type": "string", "example": "e", "x-internal": True}}}
    )
    assert rewritten == {"properties": {"example": {"type": "string"}}}
