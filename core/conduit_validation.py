"""Request bodies of the RealWorld Conduit facade, checked as every API's are, worded as RealWorld
backends word their errors.

RealWorld frontends print each entry of `{"errors": {"<field>": ["<message>"]}}` as "<field>
<message>" ("email can't be blank"). The facade's bodies go through the same compiled schemas as
every other body (core.validation); only the wording of each failure differs, taken from the
failing keyword, as the RealWorld reference backend words it:

    missing, null, empty or only spaces (a required value)   can't be blank
    a string shorter or longer than its schema allows        is too short (minimum is 8 characters)
                                                             is too long (maximum is 40 characters)
    a list with more items than allowed                      is too long (maximum is 20 items)
    anything else (a malformed email or URL, a wrong type)   is invalid

At most MAX_ERRORS failures are read (core.validation.failures reads them from a bounded copy of
the body), and each message is kept once per field, so an answer stays small and cheap whatever
the body holds. core.problems.conduit_errors keys them by the field's name.
"""

from __future__ import annotations

import copy
from itertools import islice
from typing import Any

import jsonschema_rs

from core.validation import (
    MAX_ERRORS,
    CompiledJSONBodyValidator,
    ValidationProblem,
    compiled,
    failures,
    validator_map,
)

BLANK = "can't be blank"
INVALID = "is invalid"
_Kind = jsonschema_rs.ValidationErrorKind


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _count(limit: int, unit: str) -> str:
    return f"{limit} {unit}" if limit == 1 else f"{limit} {unit}s"


def realworld_message(error: Any) -> str:
    """The RealWorld wording of one jsonschema-rs validation error."""
    kind = error.kind
    if isinstance(kind, _Kind.Required | _Kind.MinProperties) or _blank(error.instance):
        return BLANK
    if isinstance(kind, _Kind.MinLength):
        return f"is too short (minimum is {_count(kind.limit, 'character')})"
    if isinstance(kind, _Kind.MaxLength):
        return f"is too long (maximum is {_count(kind.limit, 'character')})"
    if isinstance(kind, _Kind.MaxItems):
        return f"is too long (maximum is {_count(kind.limit, 'item')})"
    return INVALID


def realworld_errors(validator: Any, instance: Any, prefix: str = "body") -> list[dict[str, str]]:
    """`{"field", "message"}` for each failing field of `instance`, each message once per field."""
    errors: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for error in islice(failures(validator, instance), MAX_ERRORS):
        path = [prefix, *(str(part) for part in error.instance_path)]
        if isinstance(error.kind, _Kind.Required):
            path.append(error.kind.property)  # name the missing field, not its parent
        entry = (".".join(path), realworld_message(error))
        if entry not in seen:
            seen.add(entry)
            errors.append({"field": entry[0], "message": entry[1]})
    return errors


class ConduitBodyValidator(CompiledJSONBodyValidator):
    def _validate(self, body: Any) -> None:
        if body is None and not self._nullable:
            raise ValidationProblem([{"field": "body", "message": BLANK}])
        errors = realworld_errors(compiled(self._schema), body)
        if errors:
            raise ValidationProblem(errors)
        # Strings with NUL characters (PostgreSQL text cannot hold them) pass the schema.
        self._refuse_nuls(body)


def conduit_validator_map() -> dict[str, Any]:
    """core.validation's validators, with the facade's wording for JSON bodies."""
    validators = validator_map()
    body = copy.copy(validators["body"])  # a MediaTypeDict: `*/*json` matches application/json
    body["*/*json"] = ConduitBodyValidator
    validators["body"] = body
    return validators
