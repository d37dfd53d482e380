"""Hot read statements run on the DBAPI cursor of the unit of work, compiled once per dialect.

`session.execute(select)` spends most of a small read's CPU outside the database: the statement's
cache key computed on each call, the ORM's execution context, SQLAlchemy's Result and Row
objects. A `CompiledSelect` wraps a SELECT built once (at import or cached per shape); it compiles
it on first use with each dialect, then runs it on the session's own connection (same
transaction) with its bound values in order, and returns plain tuples with the columns' result
processing applied (on SQLite, `UTCDateTime` columns come back as strings and UUIDs as hex: the
types' own processors turn them into values, as `session.execute` would).

What stays as with `session.execute`: the connection's `before_cursor_execute` and
`after_cursor_execute` listeners see the statement (core.db's guard against writes in read
transactions, statement logs), and a driver error goes through SQLAlchemy's handling (wrapped in
`sqlalchemy.exc.DBAPIError`, a lost connection invalidating the pool). Only SELECTs are taken.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler


@dataclass(frozen=True, slots=True)
class _Compiled:
    compiled: SQLCompiler
    #: The bound parameters' processors by name (UUIDs as hex on SQLite, naive UTC datetimes).
    binds: Mapping[str, Callable[[Any], Any]]
    #: (column index, its type's result processor) for the columns that have one.
    results: tuple[tuple[int, Callable[[Any], Any]], ...]
    #: IN lists (`expanding` parameters) are rendered per call, for their number of values.
    expanding: bool


class CompiledSelect:
    """A SELECT run without SQLAlchemy's per-call execution machinery (see the module)."""

    __slots__ = ("_by_dialect", "statement", "variants")

    def __init__(
        self,
        statement: Select[*tuple[Any, ...]],
        *,
        variants: Mapping[str, Select[*tuple[Any, ...]]] | None = None,
    ) -> None:
        """`variants`: by dialect name, the statement to run there instead, selecting the same
        columns (an `= ANY(:array)` on PostgreSQL where other engines need an IN list)."""
        for each in (statement, *(variants or {}).values()):
            if not isinstance(each, Select):
                raise TypeError("CompiledSelect runs SELECT statements only")
        self.statement = statement
        self.variants = dict(variants or {})
        self._by_dialect: dict[str, _Compiled] = {}

    def _compile(self, dialect: Dialect) -> _Compiled:
        statement = self.variants.get(dialect.name, self.statement)
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        binds = {
            name: processor
            for bind, name in compiled.bind_names.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }
        results = tuple(
            (index, processor)
            for index, column in enumerate(statement.selected_columns)
            if (processor := column.type.dialect_impl(dialect).result_processor(dialect, None))
        )
        expanding = any(bind.expanding for bind in compiled.binds.values())
        entry = _Compiled(compiled, binds, results, expanding)
        self._by_dialect[dialect.name] = entry
        return entry

    def rows(
        self, source: Session | Connection, params: Mapping[str, Any] | None = None
    ) -> list[tuple[Any, ...]]:
        """The statement's rows with `params` bound, in the session's transaction (or on a
        connection: core.db.read_connection)."""
        connection = source.connection() if isinstance(source, Session) else source
        dialect = connection.dialect
        entry = self._by_dialect.get(dialect.name) or self._compile(dialect)
        compiled = entry.compiled
        processors = entry.binds
        if entry.expanding:
            state = compiled.construct_expanded_state(params)
            statement, values, order = state.statement, state.parameters, state.positiontup
            processors = {**processors, **state.processors}
        else:
            statement, values = compiled.string, compiled.construct_params(params)
            order = compiled.positiontup
        bound: Any
        if order is not None:  # a positional paramstyle (SQLite's qmark)
            bound = tuple(
                processors[name](values[name]) if name in processors else values[name]
                for name in order
            )
        else:
            bound = {
                name: processors[name](value) if name in processors else value
                for name, value in values.items()
            }
        rows = _run(connection, statement, bound)
        if not entry.results:
            return rows
        # Only the columns whose type processes its values (datetimes, UUIDs on SQLite).
        processed = []
        for row in rows:
            processing = list(row)
            for index, process in entry.results:
                processing[index] = process(processing[index])
            processed.append(tuple(processing))
        return processed


def _run(connection: Connection, statement: str, bound: Any) -> list[tuple[Any, ...]]:
    dispatch = connection.dispatch
    cursor = connection.connection.cursor()
    try:
        # The listeners take no execution context (None), as for a driver-level statement.
        dispatch.before_cursor_execute(connection, cursor, statement, bound, None, False)
        cursor.execute(statement, bound)
        dispatch.after_cursor_execute(connection, cursor, statement, bound, None, False)
        return list(cursor.fetchall())
    except connection.dialect.loaded_dbapi.Error as error:
        # SQLAlchemy's own handling: DBAPIError, and a lost connection invalidates the pool.
        connection._handle_dbapi_exception(error, statement, bound, cursor, None)
    finally:
        cursor.close()
