"""Hot statements run on the DBAPI cursor of the unit of work, compiled once per dialect.

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
`sqlalchemy.exc.DBAPIError`, a lost connection invalidating the pool). A `CompiledSelect` takes
SELECTs only; a `CompiledWrite` runs an INSERT, UPDATE or DELETE the same way (a create's few
statements cost more in SQLAlchemy's execution than in the database), given every value it binds:
Python-side column defaults are not applied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Delete, Insert, Select, Update
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import InvalidRequestError, StatementError
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter

from core.db import READ_ONLY, autocommit_connection, committed_alone


@dataclass(frozen=True, slots=True)
class _Compiled:
    compiled: SQLCompiler
    #: The bound parameters' processors by name (UUIDs as hex on SQLite, naive UTC datetimes).
    binds: Mapping[str, Callable[[Any], Any]]
    #: (column index, its type's result processor) for the columns that have one.
    results: tuple[tuple[int, Callable[[Any], Any]], ...]
    #: IN lists (`expanding` parameters) are rendered per call, for their number of values.
    expanding: bool
    #: The bound names without a value of their own: each call must give them.
    required: frozenset[str]
    #: Whether the statement answers rows (a SELECT, or RETURNING): known here, since asking
    #: the cursor (`description`) builds its column objects on every call.
    returns_rows: bool
    #: For a statement sent with named parameters and nothing rendered per call (PostgreSQL's
    #: psycopg): (name in the SQL, name given, processor or None, the bind for its own value)
    #: per bound name, which `_bound` fills in directly. SQLAlchemy's `construct_params` walks
    #: the same bindings with checks for cases these statements do not have. None: use it.
    plan: tuple[tuple[str, str, Callable[[Any], Any] | None, BindParameter[Any]], ...] | None


class _CompiledStatement:
    """A statement compiled once per dialect and run on the unit of work's DBAPI cursor."""

    __slots__ = ("_by_dialect", "statement", "variants")
    #: The statement classes a subclass takes.
    _takes: tuple[type, ...] = ()

    def __init__(self, statement: Any, *, variants: Mapping[str, Any] | None = None) -> None:
        """`variants`: by dialect name, the statement to run there instead, with the same
        columns (an `= ANY(:array)` on PostgreSQL where other engines need an IN list)."""
        for each in (statement, *(variants or {}).values()):
            if not isinstance(each, self._takes):
                raise TypeError(f"{type(self).__name__} runs {self._kinds()} statements only")
        self.statement = statement
        self.variants = dict(variants or {})
        self._by_dialect: dict[str, _Compiled] = {}

    @classmethod
    def _kinds(cls) -> str:
        return ", ".join(kind.__name__.upper() for kind in cls._takes)

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
            for index, column in enumerate(statement.exported_columns)
            if (processor := column.type.dialect_impl(dialect).result_processor(dialect, None))
        )
        expanding = any(bind.expanding for bind in compiled.binds.values())
        required = frozenset(
            name
            for bind, name in compiled.bind_names.items()
            if bind.value is None and bind.callable is None
        )
        returns_rows = isinstance(statement, Select) or bool(compiled.effective_returning)
        entry = _Compiled(
            compiled, binds, results, expanding, required, returns_rows, self._plan(compiled, binds)
        )
        self._by_dialect[dialect.name] = entry
        return entry

    def _entry(self, connection: Connection) -> _Compiled:
        dialect = connection.dialect
        return self._by_dialect.get(dialect.name) or self._compile(dialect)

    @staticmethod
    def _plan(
        compiled: SQLCompiler, binds: Mapping[str, Callable[[Any], Any]]
    ) -> tuple[tuple[str, str, Callable[[Any], Any] | None, BindParameter[Any]], ...] | None:
        if (
            compiled.positiontup is not None
            or compiled.post_compile_params
            or compiled.literal_execute_params
        ):
            return None
        plan: dict[str, tuple[str, str, Callable[[Any], Any] | None, BindParameter[Any]]] = {}
        for bind, name in compiled.bind_names.items():
            # Two binds of one name (a value used twice) are one parameter, sent once.
            plan.setdefault(
                name, (compiled.escaped_bind_names.get(name, name), name, binds.get(name), bind)
            )
        return tuple(plan.values())

    @classmethod
    def _bound(cls, entry: _Compiled, params: Mapping[str, Any] | None) -> tuple[str, Any]:
        """The SQL to send and its values, processed and in the driver's paramstyle. A value its
        type refuses (a naive datetime for a UTC column) raises StatementError, as it does
        through `session.execute`."""
        try:
            return cls._processed_values(entry, params)
        except Exception as error:
            raise StatementError(str(error), entry.compiled.string, params, error) from error

    @staticmethod
    def _processed_values(entry: _Compiled, params: Mapping[str, Any] | None) -> tuple[str, Any]:
        compiled = entry.compiled
        if entry.plan is not None:
            given = params or {}
            bound = {}
            for sent, name, process, bind in entry.plan:
                if name in given:
                    value = given[name]
                elif bind.required:  # as construct_params refuses it
                    raise InvalidRequestError(f"A value is required for bind parameter {name!r}")
                else:  # the bind's own value, or its callable's (computed only when needed)
                    value = bind.effective_value
                bound[sent] = value if process is None else process(value)
            return compiled.string, bound
        processors = entry.binds
        if entry.expanding:
            state = compiled.construct_expanded_state(params)
            statement, values, order = state.statement, state.parameters, state.positiontup
            processors = {**processors, **state.processors}
        else:
            statement, values = compiled.string, compiled.construct_params(params)
            order = compiled.positiontup
        if order is not None:  # a positional paramstyle (SQLite's qmark)
            return statement, tuple(
                processors[name](values[name]) if name in processors else values[name]
                for name in order
            )
        return statement, {
            name: processors[name](value) if name in processors else value
            for name, value in values.items()
        }

    @staticmethod
    def _processed(entry: _Compiled, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
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


def _connection(source: Session | Connection) -> Connection:
    return source.connection() if isinstance(source, Session) else source


class CompiledSelect(_CompiledStatement):
    """A SELECT run without SQLAlchemy's per-call execution machinery (see the module)."""

    __slots__ = ()
    _takes = (Select,)

    def rows(
        self, source: Session | Connection, params: Mapping[str, Any] | None = None
    ) -> list[tuple[Any, ...]]:
        """The statement's rows with `params` bound, in the session's transaction (or on a
        connection: core.db.read_connection)."""
        connection = _connection(source)
        entry = self._entry(connection)
        statement, bound = self._bound(entry, params)
        return self._processed(entry, _run(connection, statement, bound, entry.returns_rows))


class CompiledWrite(_CompiledStatement):
    """An INSERT, UPDATE or DELETE built once, run like a CompiledSelect in the session's
    transaction: `run` one set of values (the RETURNING rows, if any), `run_many` several
    (executemany, which psycopg sends as one pipeline).

    Every value is the caller's: a column default SQLAlchemy computes in Python is applied by
    its execution context, which this skips, so the statement must bind each column it writes
    (`.values(column=bindparam(...))`) and each call must give every bound name (else
    TypeError, before anything is sent)."""

    __slots__ = ()
    _takes = (Insert, Update, Delete)

    def _checked(self, connection: Connection, values: Mapping[str, Any]) -> _Compiled:
        entry = self._entry(connection)
        # A bound name without a value of its own: the caller's, or a column default's (an
        # `onupdate` timestamp) that only SQLAlchemy's execution context would have computed.
        if not values.keys() >= entry.required:
            missing = entry.required - values.keys()
            raise TypeError(f"no value given for {', '.join(sorted(missing))}")
        return entry

    def run(
        self, session: Session | Connection, values: Mapping[str, Any]
    ) -> list[tuple[Any, ...]]:
        """Runs the statement with `values`; its RETURNING rows (none without RETURNING)."""
        connection = _connection(session)
        entry = self._checked(connection, values)
        statement, bound = self._bound(entry, values)
        return self._processed(entry, _run(connection, statement, bound, entry.returns_rows))

    def run_alone(self, session: Session, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Runs the statement as the whole unit of work of `session`: for a write that is one
        statement (on PostgreSQL, WITH clauses that write make several changes one statement,
        applied together or not at all). The statement says it changed something by returning
        rows.

        On PostgreSQL, in a session that has not begun, it runs on a connection that commits it
        as it runs (core.db `autocommit_connection`): one round trip, where BEGIN, the statement
        and COMMIT are three. If it returned rows, the unit of work has ended (core.db
        `committed_alone`: its after-commit listeners run, so the kept answers are dropped before
        the request answers) and any later write in it raises core.db `UnitOfWorkEnded`; if not,
        the session is as it was, and the caller may go on in it. In a session already begun (an
        object added to it begins it), or on SQLite, it runs in the session's transaction, as
        `run` does."""
        if session.in_transaction() or session.info.get(READ_ONLY):
            return self.run(session, values)  # a read unit's guard refuses it there
        with autocommit_connection() as connection:
            if connection is None:
                return self.run(session, values)
            rows = self.run(connection, values)
        if rows:
            committed_alone(session)
        return rows

    def run_many(self, session: Session, many: Sequence[Mapping[str, Any]]) -> None:
        """Runs the statement once per set of values, in order (no RETURNING)."""
        if not many:
            return
        connection = _connection(session)
        entry = self._checked(connection, many[0])
        for values in many[1:]:
            if values.keys() != many[0].keys():
                raise TypeError("every set of values names the same columns")
        bound = [self._bound(entry, values)[1] for values in many]
        _run(connection, entry.compiled.string, bound, False, many=True)


def _run(
    connection: Connection, statement: str, bound: Any, returns_rows: bool, *, many: bool = False
) -> list[tuple[Any, ...]]:
    dispatch = connection.dispatch
    cursor = connection.connection.cursor()
    try:
        # The listeners take no execution context (None), as for a driver-level statement.
        dispatch.before_cursor_execute(connection, cursor, statement, bound, None, many)
        if many:
            cursor.executemany(statement, bound)
        else:
            cursor.execute(statement, bound)
        dispatch.after_cursor_execute(connection, cursor, statement, bound, None, many)
        return list(cursor.fetchall()) if returns_rows else []
    except connection.dialect.loaded_dbapi.Error as error:
        # SQLAlchemy's own handling: DBAPIError, and a lost connection invalidates the pool.
        connection._handle_dbapi_exception(error, statement, bound, cursor, None)
    finally:
        cursor.close()
