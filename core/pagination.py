"""Opaque keyset cursors.

A cursor carries the sort key of the last item of a page (values + id), base64url-encoded JSON
with an HMAC so clients cannot forge positions; `keyset_after` turns it into a row-value
comparison `(sort, id) > (:v, :id)` that uses the (owner, sort, id) index on both engines.

`paginate` serves any ordering; when its columns are plain mapped attributes it reads a row's
sort key from them and parses cursor values by their column types. `paginate_by_creation` is the
common case, `(created_at, id)` newest first (or oldest first for threads), which needs an index
ending in `(created_at, id)`.
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
from sqlalchemy import ColumnElement, Select, literal, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

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
    """Rows strictly after the cursor position in the list's order."""
    left = tuple_(*columns)
    right = tuple_(
        *(literal(value, column.type) for column, value in zip(columns, values, strict=True))
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
    more = len(items) > limit
    items = items[:limit]
    return Page(items, encode_cursor(kind, key(items[-1])) if more else None)


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
