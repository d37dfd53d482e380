"""CSV import targets: how a domain lets users create its records in bulk from a CSV file.

A domain joins the import registry in its own slice, without editing a shared file: a module
under `services/` declares

    IMPORT_TARGET = ImportTarget(
        name="tasks",
        operation_id="createTask",          # its request body schema is the row schema
        columns=(Column("title"), Column("due_at"), Column("tags", parse=comma_list)),
        insert=create_tasks,                # (session, actor, bodies) -> rows created
    )

and `targets()` finds it by importing every module under `services/` (as the settings sections
are found). A row becomes the JSON body its create operation would receive: each non-empty cell
is read by its column's `parse` (an empty cell is left out, so the operation's default applies);
the body is then checked against the create operation's request schema taken from the bundled
contract (generated/openapi.yaml), so an imported record can never be one the create operation
would refuse; then by the target's `check` (the domain's rules the schema cannot state, raising a
DomainError); then valid bodies are handed in batches to `insert`, the domain's bulk-create
service function, which applies the same rules as its single create.

A column's `parse` raises ValueError with a message meant for the user when a cell cannot be read.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from core.errors import DomainError
from core.security import Actor
from core.spec import MAIN_SPEC, iter_operations, load_spec
from core.validation import request_body_errors

Body = dict[str, Any]
Insert = Callable[[Session, Actor, Sequence[Body]], int]
Check = Callable[[Session, Actor, Body], None]


def text(cell: str) -> str:
    """The cell as written (surrounding spaces kept: they may matter in a body)."""
    return cell


def integer(cell: str) -> int:
    try:
        return int(cell.strip())
    except ValueError:
        raise ValueError(f"{cell.strip()!r} is not a whole number") from None


def number(cell: str) -> float:
    """A decimal number; `1/2`-style fractions are accepted too."""
    value = cell.strip()
    try:
        if "/" in value:
            top, _, bottom = value.partition("/")
            return float(Decimal(top) / Decimal(bottom))
        return float(Decimal(value))
    except (InvalidOperation, ZeroDivisionError):
        raise ValueError(f"{value!r} is not a number") from None


def boolean(cell: str) -> bool:
    value = cell.strip().lower()
    if value in ("true", "yes", "1"):
        return True
    if value in ("false", "no", "0"):
        return False
    raise ValueError(f"{cell.strip()!r} is not true or false")


def comma_list(cell: str) -> list[str]:
    """`a, b, c` -> ["a", "b", "c"] (empty items dropped)."""
    return [item.strip() for item in cell.split(",") if item.strip()]


def line_list(cell: str) -> list[str]:
    """One item per line of the cell (a quoted cell may hold line breaks); blank lines dropped."""
    return [line.strip() for line in re.split(r"\r\n|\r|\n", cell) if line.strip()]


@dataclass(frozen=True)
class Column:
    """A CSV column (header matched case-insensitively) and the body property it fills."""

    name: str
    parse: Callable[[str], Any] = text
    field: str = ""
    description: str = ""

    @property
    def property(self) -> str:
        return self.field or self.name


@dataclass(frozen=True)
class ImportTarget:
    """What a domain declares to accept CSV imports (see the module docstring)."""

    name: str
    operation_id: str
    columns: tuple[Column, ...]
    insert: Insert
    check: Check | None = None
    description: str = ""
    _schema: list[Body] = field(default_factory=list, repr=False, compare=False)

    def column(self, header: str) -> Column | None:
        wanted = header.strip().lower()
        return next((c for c in self.columns if c.name.lower() == wanted), None)

    @property
    def schema(self) -> Body:
        """The create operation's request body schema, `$ref`s resolved, from the contract."""
        if not self._schema:
            self._schema.append(request_schema(self.operation_id))
        return self._schema[0]

    def required_columns(self) -> list[str]:
        """Columns every file must have: properties the schema requires and gives no default."""
        properties = self.schema.get("properties", {})
        return [
            column.name
            for column in self.columns
            if column.property in self.schema.get("required", [])
            and "default" not in properties.get(column.property, {})
        ]

    def body(self, cells: Iterable[tuple[Column, str]]) -> tuple[Body, list[tuple[str, str]]]:
        """The create body a row's cells make, and (column, message) for each cell that could
        not be read."""
        body: Body = {}
        errors: list[tuple[str, str]] = []
        for column, cell in cells:
            if cell == "" or cell.isspace():
                continue
            try:
                body[column.property] = column.parse(cell)
            except ValueError as error:
                errors.append((column.name, str(error)))
        return body, errors

    def schema_errors(self, body: Body) -> list[tuple[str | None, str]]:
        """(column, message) for every way `body` breaks the create operation's schema."""
        by_property = {column.property: column.name for column in self.columns}
        found = []
        for error in request_body_errors(self.schema, body):
            path = error["field"].split(".")[1:]  # "body.ingredients.0.unit"
            column = by_property.get(path[0]) if path else None
            where = ".".join(path[1:])
            message = f"{where}: {error['message']}" if where else error["message"]
            found.append((column, message))
        return found

    def validate(
        self, session: Session, actor: Actor, cells: Iterable[tuple[Column, str]]
    ) -> tuple[Body, list[tuple[str | None, str]]]:
        """The row's body and its errors: unreadable cells, then the schema, then the domain's
        own rules (`check`)."""
        body, unreadable = self.body(cells)
        if unreadable:
            return body, list(unreadable)
        errors = self.schema_errors(body)
        if not errors and self.check is not None:
            try:
                self.check(session, actor, body)
            except DomainError as error:
                errors.append((None, error.detail))
        return body, errors


def _resolve(node: Any, components: Body, seen: tuple[str, ...] = ()) -> Any:
    if isinstance(node, list):
        return [_resolve(item, components, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/"):
        if ref in seen:
            raise ValueError(f"import targets need a non-recursive schema ({ref})")
        target: Any = {"components": components}
        for part in ref[2:].split("/"):
            target = target[part]
        return _resolve(target, components, (*seen, ref))
    return {key: _resolve(value, components, seen) for key, value in node.items()}


def request_schema(operation_id: str) -> Body:
    """The JSON request body schema of an operation of the bundled main contract."""
    spec = load_spec(MAIN_SPEC)
    for _, _, operation in iter_operations(spec):
        if operation.get("operationId") == operation_id:
            content = operation["requestBody"]["content"]["application/json"]
            resolved: Body = _resolve(content["schema"], spec.get("components", {}))
            return resolved
    raise KeyError(f"no operation {operation_id} in the contract")


def _checked(target: ImportTarget) -> ImportTarget:
    properties = target.schema.get("properties", {})
    for column in target.columns:
        if column.property not in properties:
            raise ValueError(
                f"import target {target.name}: column {column.name} fills {column.property}, "
                f"which {target.operation_id}'s body does not have"
            )
    return target


@lru_cache(maxsize=1)
def targets() -> dict[str, ImportTarget]:
    """Every IMPORT_TARGET declared by a module under services/, by name."""
    found: dict[str, ImportTarget] = {}
    package = importlib.import_module("services")
    for info in pkgutil.walk_packages(package.__path__, "services."):
        declared = getattr(importlib.import_module(info.name), "IMPORT_TARGET", None)
        if isinstance(declared, ImportTarget):
            if declared.name in found:
                raise ValueError(f"two import targets are named {declared.name}")
            found[declared.name] = _checked(declared)
    return dict(sorted(found.items()))
