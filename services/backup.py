"""Backup and restore of the whole database, with a manifest that proves a restore is faithful.

A backup is a directory holding the database image and `manifest.json`: the engine, the migration
revision, the image's SHA-256, and per table the row count and a SHA-256 of its rows in primary-key
order. The manifest is computed from exactly the data in the image:

- PostgreSQL: one REPEATABLE READ transaction exports its snapshot; `pg_dump --snapshot` dumps that
  snapshot (custom format) while the same transaction computes the manifest. Writes in flight are
  either wholly in both or in neither.
- SQLite: the online backup API copies a consistent image (safe while the app writes); the manifest
  is computed from the copy.

Restore goes only into an empty database (pg_restore in one transaction; SQLite via the backup API
into a new file), and `verify` recomputes the manifest of the target and lists every difference.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from core.errors import Conflict

Progress = Callable[[str], None]
MANIFEST = "manifest.json"
FORMAT_VERSION = 1


class BackupError(Conflict, type="/problems/ops/backup", title="Backup or restore refused"): ...


def _quiet(_message: str) -> None:
    """The default progress sink: say nothing."""


# ---- manifest ---------------------------------------------------------------------------------


def _canonical(value: Any) -> Any:
    """orjson fallback for driver types it does not know; deterministic for one engine."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def table_manifest(connection: Connection, progress: Progress = _quiet) -> dict[str, Any]:
    """{table: {"rows": n, "sha256": digest}} for every table, rows in primary-key order."""
    inspector = inspect(connection)
    names = sorted(inspector.get_table_names())
    tables: dict[str, Any] = {}
    for position, name in enumerate(names, start=1):
        columns = [column["name"] for column in inspector.get_columns(name)]
        key = inspector.get_pk_constraint(name).get("constrained_columns") or columns
        order = ", ".join(_quote(connection, column) for column in key)
        select = ", ".join(_quote(connection, column) for column in columns)
        digest = hashlib.sha256()
        rows = 0
        result = connection.exec_driver_sql(
            f"SELECT {select} FROM {_quote(connection, name)} ORDER BY {order}"  # noqa: S608
        )
        for row in result:
            digest.update(orjson.dumps(list(row), default=_canonical))
            digest.update(b"\n")
            rows += 1
        tables[name] = {"rows": rows, "sha256": digest.hexdigest()}
        progress(f"  [{position}/{len(names)}] {name}: {rows} rows")
    return tables


def _revision(tables: dict[str, Any], connection: Connection) -> str | None:
    if "alembic_version" not in tables:
        return None
    value = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return str(value) if value is not None else None


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Backup:
    directory: Path
    manifest: dict[str, Any]


# ---- engines ----------------------------------------------------------------------------------


def _engine_name(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"Unsupported database for backup: {backend}.")
    return backend


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return Path(database)


def _pg_tool(name: str) -> str:
    """pg_dump/pg_restore from PG_BIN, the PATH, or Debian's versioned directories."""
    candidates = [Path(os.environ["PG_BIN"]) / name] if os.environ.get("PG_BIN") else []
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    candidates += sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise BackupError(f"{name} is not installed (Debian package postgresql-client).")


def _libpq(url: URL) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for the PostgreSQL tools; the password travels in the environment."""
    args = ["--host", url.host or "127.0.0.1", "--port", str(url.port or 5432)]
    if url.username:
        args += ["--username", url.username]
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if completed.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {completed.stderr.strip()[-2000:]}")


@contextlib.contextmanager
def _connection(url: str) -> Iterator[Connection]:
    engine = create_engine(url, hide_parameters=True, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


# ---- backup -----------------------------------------------------------------------------------


def create_backup(url: str, parent: Path, progress: Progress = _quiet) -> Backup:
    """Writes a new backup directory under `parent` and returns it with its manifest."""
    engine = _engine_name(url)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    directory = parent / f"trellis-{stamp}"
    directory.mkdir(parents=True)
    progress(f"Backing up {engine} database into {directory}")
    if engine == "sqlite":
        image = directory / "database.sqlite3"
        _sqlite_copy(_sqlite_path(url), image, progress)
        tables, revision = _manifest_of(f"sqlite:///{image}", progress)
    else:
        image = directory / "database.dump"
        tables, revision = _pg_dump(url, image, progress)
    manifest: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "engine": engine,
        "created_at": datetime.now(UTC).isoformat(),
        "alembic_revision": revision,
        "image": {"file": image.name, "bytes": image.stat().st_size, "sha256": _file_sha256(image)},
        "tables": tables,
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    rows = sum(table["rows"] for table in tables.values())
    progress(
        f"Backup complete: {len(tables)} tables, {rows} rows, {manifest['image']['bytes']} bytes"
    )
    return Backup(directory, manifest)


def _sqlite_copy(source: Path, target: Path, progress: Progress) -> None:
    if not source.exists():
        raise BackupError(f"No SQLite database at {source}.")
    progress(f"  copying {source.name} with the SQLite online backup API")
    _sqlite_backup(source, target, journal_mode="DELETE")


def _sqlite_backup(source: Path, target: Path, *, journal_mode: str) -> None:
    with (
        contextlib.closing(sqlite3.connect(source, timeout=30)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        # One step: the copy is a single consistent read of the source, even under writes.
        src.backup(dst)
        dst.execute(f"PRAGMA journal_mode={journal_mode}")


def _manifest_of(url: str, progress: Progress) -> tuple[dict[str, Any], str | None]:
    progress("  computing the manifest")
    with _connection(url) as connection, connection.begin():
        tables = table_manifest(connection, progress)
        return tables, _revision(tables, connection)


def _pg_dump(url: str, image: Path, progress: Progress) -> tuple[dict[str, Any], str | None]:
    parsed = make_url(url)
    args, env = _libpq(parsed)
    pg_dump = _pg_tool("pg_dump")
    with _connection(url) as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
            progress(f"  pg_dump (custom format) of snapshot {snapshot}")
            _run(
                [
                    pg_dump,
                    *args,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={image}",
                    str(parsed.database),
                ],
                env,
            )
            progress("  computing the manifest from the same snapshot")
            tables = table_manifest(connection, progress)
            return tables, _revision(tables, connection)


# ---- restore and verify -----------------------------------------------------------------------


def read_manifest(directory: Path) -> dict[str, Any]:
    """The manifest of a backup directory, refused if missing or of an unknown format."""
    path = directory / MANIFEST
    if not path.is_file():
        raise BackupError(f"{directory} is not a backup: {MANIFEST} is missing.")
    manifest: dict[str, Any] = json.loads(path.read_text())
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore_backup(directory: Path, url: str, progress: Progress = _quiet) -> dict[str, Any]:
    """Restores a backup into an empty database of the same engine; returns the manifest."""
    manifest = read_manifest(directory)
    engine = _engine_name(url)
    if manifest["engine"] != engine:
        raise BackupError(f"This is a {manifest['engine']} backup; the target is {engine}.")
    image = directory / manifest["image"]["file"]
    progress(f"Checking {image.name} against the manifest")
    if not image.is_file() or _file_sha256(image) != manifest["image"]["sha256"]:
        raise BackupError(f"{image} is missing or does not match its manifest checksum.")
    if engine == "sqlite":
        target = _sqlite_path(url)
        if target.exists() and target.stat().st_size > 0:
            raise BackupError(f"Refusing to overwrite {target}: restore into a new database.")
        target.parent.mkdir(parents=True, exist_ok=True)
        progress(f"Restoring into {target}")
        _sqlite_backup(image, target, journal_mode="WAL")
    else:
        with _connection(url) as connection:
            existing = inspect(connection).get_table_names()
        if existing:
            raise BackupError(
                f"Refusing to restore into a database that has {len(existing)} tables: "
                "create an empty database first."
            )
        parsed = make_url(url)
        args, env = _libpq(parsed)
        progress(f"Restoring into database {parsed.database} with pg_restore")
        _run(
            [
                _pg_tool("pg_restore"),
                *args,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={parsed.database}",
                str(image),
            ],
            env,
        )
    progress("Restore complete")
    return manifest


def verify(directory: Path, url: str, progress: Progress = _quiet) -> list[str]:
    """Every difference between a backup's manifest and the database at `url` (empty = equal)."""
    expected = read_manifest(directory)
    progress("Verifying the restored database against the manifest")
    actual, revision = _manifest_of(url, progress)
    problems = []
    if revision != expected["alembic_revision"]:
        problems.append(f"migration revision {revision} != {expected['alembic_revision']}")
    for name in sorted(set(expected["tables"]) | set(actual)):
        want, got = expected["tables"].get(name), actual.get(name)
        if want is None:
            problems.append(f"{name}: table not in the backup")
        elif got is None:
            problems.append(f"{name}: table missing")
        elif want != got:
            problems.append(
                f"{name}: {got['rows']} rows (sha256 {got['sha256'][:12]}) "
                f"!= {want['rows']} rows (sha256 {want['sha256'][:12]})"
            )
    return problems
