"""Opaque keyset cursors.

A cursor carries the sort key of the last item of a page (values + id), base64url-encoded JSON
with an HMAC so clients cannot forge positions; `keyset_after` turns it into a row-value
comparison `(sort, id) > (:v, :id)` that uses the (owner, sort, id) index on both engines.

`KeysetPages` is the lean way for a list read on every request: its SELECT is built once (per
shape of filters, by the service) with its values bound, and each page runs as a
core.compiled.CompiledSelect, so a request neither builds a statement nor pays for
`session.execute` (its cache key, execution context and Row objects were most of a list-20
request's CPU: bench/task_request.py). `paginate` serves any ordering of a statement built per
request; when its columns are plain mapped attributes it reads a row's sort key from them and
parses cursor values by their column types. `paginate_by_creation` is its common case,
`(created_at, id)` newest first (or oldest first for threads), which needs an index ending in
`(created_at, id)`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

import orjson
from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Integer,
    Select,
    bindparam,
    literal,
    tuple_,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from core.compiled import CompiledSelect
from core.errors import BadRequest
from core.settings import get_settings

T = TypeVar("T")


class Created(Protocol):
    created_at: datetime
    id: Any


C = TypeVar("C", bound=Created)


class InvalidCursor(BadRequest):
    type = "/problems/invalid-cursor"
    title = "Invalid cursor"


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next: str | None


def _key() -> bytes:
    return next(iter(get_settings().jwt_signing_keys.values())).encode()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value if value is None or isinstance(value, int | str) else str(value)


def encode_cursor(kind: str, values: Sequence[Any]) -> str:
    payload = orjson.dumps([kind, [_plain(v) for v in values]])
    mac = hmac.new(_key(), payload, hashlib.sha256).digest()[:12]
    return base64.urlsafe_b64encode(payload + mac).decode().rstrip("=")


def decode_cursor(cursor: str, kind: str, parsers: Sequence[Callable[[Any], Any]]) -> list[Any]:
    """The values of a cursor made by `encode_cursor` for the same kind of list, parsed."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload, mac = raw[:-12], raw[-12:]
        expected = hmac.new(_key(), payload, hashlib.sha256).digest()[:12]
        if not hmac.compare_digest(mac, expected):
            raise ValueError("bad mac")
        found_kind, values = orjson.loads(payload)
        if found_kind != kind or not isinstance(values, list) or len(values) != len(parsers):
            raise ValueError("other list")
        return [parse(value) for parse, value in zip(parsers, values, strict=True)]
    except (ValueError, TypeError, orjson.JSONDecodeError) as exc:
        raise InvalidCursor("The cursor is malformed or belongs to another list.") from exc


def keyset_after(
    columns: Sequence[Any], values: Sequence[Any], descending: bool
) -> ColumnElement[bool]:
    """Rows strictly after the cursor position in the list's order (`values`: the position's
    values, or bound parameters standing for them)."""
    left = tuple_(*columns)
    right = tuple_(
        *(
            value if isinstance(value, BindParameter) else literal(value, column.type)
            for column, value in zip(columns, values, strict=True)
        )
    )
    return left < right if descending else left > right


def parse_datetime(value: Any) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("naive datetime in cursor")
    return parsed


def _parser(column: Any) -> Callable[[Any], Any]:
    """How to read back a cursor value of `column`: by the Python type its column type stores."""
    column_type = column.type
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    python_type = column_type.python_type
    return parse_datetime if python_type is datetime else python_type


def paginate(
    session: Session,
    query: Select[T],
    *,
    kind: str,
    columns: Sequence[Any],
    limit: int,
    cursor: str | None,
    descending: bool = False,
    key: Callable[[T], Sequence[Any]] | None = None,
    parsers: Sequence[Callable[[Any], Any]] | None = None,
    load: Callable[[Select[T]], Select[T]] | None = None,
    rows: bool = False,
) -> Page[T]:
    """One page of `query` in `columns` order after `cursor`: of its first column's values (an
    ORM entity's objects), or of its whole rows with `rows=True`.

    `key(row)` is a row's sort key and `parsers` turn cursor values back into column values; both
    default to what the columns say when they are mapped attributes (`Task.created_at`).
    `load(picked)`, if given, turns the ordered and limited statement that picks the page's rows
    into the one that reads them (in the same order), e.g. to compute columns for those rows only.
    """
    if key is None:
        names = [column.key for column in columns]
        key = lambda row: [getattr(row, name) for name in names]  # noqa: E731
    if parsers is None:
        parsers = [_parser(column) for column in columns]
    if cursor:
        query = query.where(keyset_after(columns, decode_cursor(cursor, kind, parsers), descending))
    order = [column.desc() if descending else column.asc() for column in columns]
    picked = query.order_by(*order).limit(limit + 1)
    result = session.execute(load(picked) if load else picked)
    items: list[Any] = list(result if rows else result.scalars())
    return page_of(items, limit, kind, key)


def page_of(items: list[T], limit: int, kind: str, key: Callable[[T], Sequence[Any]]) -> Page[T]:
    """The page of `items`, read `limit + 1` in the list's order: a cursor after its last item
    when there was one more."""
    if len(items) <= limit:
        return Page(items, None)
    return Page(items[:limit], encode_cursor(kind, key(items[limit - 1])))


class KeysetPages(Generic[T]):
    """Keyset pages of one SELECT in one order, compiled once: the first page and the pages after
    a cursor are each one CompiledSelect (see the module).

    `query` binds its values by name (`bindparam("owner_id")`), given to `page` as `params`;
    `columns` are the order's (the last one unique, the id); `row` turns a result tuple into an
    item (a NamedTuple's `_make`), and `key(item)` is its position in that order (default: the
    item's attributes named as the columns' keys). Cursors are those `paginate` makes for the
    same `kind` and values, so the two serve the same list interchangeably."""

    def __init__(
        self,
        query: Select[Any],
        *,
        kind: str,
        columns: Sequence[Any],
        row: Callable[[tuple[Any, ...]], T],
        descending: bool = False,
        key: Callable[[T], Sequence[Any]] | None = None,
        parsers: Sequence[Callable[[Any], Any]] | None = None,
    ) -> None:
        self.kind = kind
        self._row = row
        if key is None:
            names = [column.key for column in columns]
            key = lambda item: [getattr(item, name) for name in names]  # noqa: E731
        self._key = key
        self._parsers = parsers or [_parser(column) for column in columns]
        self._after_names = [f"after_{index}" for index in range(len(columns))]
        order = [column.desc() if descending else column.asc() for column in columns]
        limit = bindparam("limit", type_=Integer)
        position = [
            bindparam(name, type_=column.type)
            for name, column in zip(self._after_names, columns, strict=True)
        ]
        after = query.where(keyset_after(columns, position, descending))
        self._first = CompiledSelect(query.order_by(*order).limit(limit))
        self._after = CompiledSelect(after.order_by(*order).limit(limit))

    def page(
        self,
        source: Session | Connection,
        params: dict[str, Any],
        *,
        limit: int,
        cursor: str | None,
    ) -> Page[T]:
        """The page after `cursor` (the first without), `params` bound (the dict is extended)."""
        params["limit"] = limit + 1
        statement = self._first
        if cursor:
            values = decode_cursor(cursor, self.kind, self._parsers)
            params.update(zip(self._after_names, values, strict=True))
            statement = self._after
        items = [self._row(row) for row in statement.rows(source, params)]
        return page_of(items, limit, self.kind, self._key)


def paginate_by_creation(
    session: Session,
    query: Select[C],
    *,
    kind: str,
    limit: int,
    cursor: str | None,
    newest_first: bool = True,
    load: Callable[[Select[C]], Select[C]] | None = None,
) -> Page[C]:
    """`paginate` in `(created_at, id)` order of the query's entity (`select(Model)`)."""
    entity = query.column_descriptions[0]["entity"]
    return paginate(
        session,
        query,
        kind=kind,
        columns=(entity.created_at, entity.id),
        limit=limit,
        cursor=cursor,
        descending=newest_first,
        load=load,
    )
