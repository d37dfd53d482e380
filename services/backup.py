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

Restorable blind: the manifest also holds the fingerprints of the secrets the data depends on
(core.fingerprints: `API_KEY_PEPPER`, the JWT signing keys by id; never the secrets), and `verify`
names each one the restoring machine's configuration does not match.

Private: the backup directory is 0700 and every file in it 0600. With `BACKUP_ENCRYPTION_KEY`
set, the image is encrypted with AES-256-GCM in chunks of 1 MiB (a random 8-byte nonce prefix
per file, the chunk's index after it; the last chunk is marked in the authenticated data, so a
truncated file fails to decrypt) and the plain image never stays on disk. The manifest stays
readable (counts and digests only) so a backup can be checked without the key.

Retention: `create_backup(..., keep=N)` then removes all but the newest N backups of the parent.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from core import fingerprints
from core.db import private_file
from core.errors import Conflict
from core.settings import SettingsSection, get_settings, setting

Progress = Callable[[str], None]
MANIFEST = "manifest.json"
FORMAT_VERSION = 2
#: Format 1 manifests (no secrets, never encrypted) still restore.
READABLE_FORMATS = (1, 2)
BACKUP_NAME = re.compile(r"trellis-\d{8}T\d{12}Z")
ENCRYPTION = "aes-256-gcm-chunked-v1"
MAGIC = b"TRELLIS-BACKUP-AES256GCM-1\n"
CHUNK = 1 << 20


class BackupError(Conflict, type="/problems/ops/backup", title="Backup or restore refused"): ...


def _encryption_key(raw: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(raw.strip().encode())
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise ValueError(
            "BACKUP_ENCRYPTION_KEY must be 32 bytes in URL-safe base64 (44 characters)"
        )
    return key


@dataclass(frozen=True)
class BackupSettings(SettingsSection):
    """Settings of the backup domain."""

    backup_encryption_key: bytes | None = setting(
        "BACKUP_ENCRYPTION_KEY",
        None,
        "Encrypts backup images (AES-256-GCM) when set: 32 random bytes in URL-safe base64 "
        "(`openssl rand -base64 32 | tr '+/' '-_'`). Restoring an encrypted backup needs the "
        "same key; keep it apart from the backups.",
        unset="unset (not encrypted)",
        parse=_encryption_key,
        secret=True,
    )


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


def create_backup(
    url: str, parent: Path, progress: Progress = _quiet, *, keep: int | None = None
) -> Backup:
    """Writes a new backup directory under `parent` and returns it with its manifest; with
    `keep`, then removes all but the newest `keep` backups there."""
    if keep is not None and keep < 1:
        raise BackupError("--keep must be at least 1: the backup just taken is kept.")
    engine = _engine_name(url)
    key = get_settings().section(BackupSettings).backup_encryption_key
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    directory = parent / f"trellis-{stamp}"
    parent.mkdir(parents=True, exist_ok=True)
    directory.mkdir(mode=0o700)
    progress(f"Backing up {engine} database into {directory}")
    with _private_umask():
        if engine == "sqlite":
            image = directory / "database.sqlite3"
            _sqlite_copy(_sqlite_path(url), image, progress)
            tables, revision = _manifest_of(f"sqlite:///{image}", progress)
        else:
            image = directory / "database.dump"
            tables, revision = _pg_dump(url, image, progress)
        encryption = None
        if key is not None:
            progress(f"  encrypting {image.name} ({ENCRYPTION})")
            sealed = image.with_name(image.name + ".enc")
            with image.open("rb") as plain, sealed.open("wb") as out:
                _encrypt(plain, out, key)
            image.unlink()
            image, encryption = sealed, ENCRYPTION
        manifest: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "engine": engine,
            "created_at": datetime.now(UTC).isoformat(),
            "alembic_revision": revision,
            "image": {
                "file": image.name,
                "bytes": image.stat().st_size,
                "sha256": _file_sha256(image),
                "encryption": encryption,
            },
            "secrets": fingerprints.current(get_settings()),
            "tables": tables,
        }
        (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    for path in directory.iterdir():
        path.chmod(0o600)
    rows = sum(table["rows"] for table in tables.values())
    progress(
        f"Backup complete: {len(tables)} tables, {rows} rows, {manifest['image']['bytes']} bytes"
        + (", encrypted" if encryption else "")
    )
    if keep is not None:
        for removed in prune(parent, keep):
            progress(f"Removed {removed.name} (--keep {keep})")
    return Backup(directory, manifest)


def prune(parent: Path, keep: int) -> list[Path]:
    """Removes all but the newest `keep` backups in `parent` (only directories named and made
    like ours: `trellis-<UTC timestamp>` holding a manifest); returns those removed."""
    ours = sorted(
        path
        for path in parent.iterdir()
        if path.is_dir() and BACKUP_NAME.fullmatch(path.name) and (path / MANIFEST).is_file()
    )
    removed = ours[:-keep] if len(ours) > keep else []
    for path in removed:
        shutil.rmtree(path)
    return removed


@contextlib.contextmanager
def _private_umask() -> Iterator[None]:
    """Files made inside (pg_dump's, SQLite's) are readable by their owner only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


# ---- encryption -------------------------------------------------------------------------------


def _chunk_nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _chunk_data(index: int, last: bool) -> bytes:
    return MAGIC + struct.pack(">I?", index, last)


def _encrypt(plain: BinaryIO, out: BinaryIO, key: bytes) -> None:
    aead, prefix = AESGCM(key), os.urandom(8)
    out.write(MAGIC + prefix)
    index, block = 0, plain.read(CHUNK)
    while True:
        following = plain.read(CHUNK)
        last = not following
        sealed = aead.encrypt(_chunk_nonce(prefix, index), block, _chunk_data(index, last))
        out.write(struct.pack(">I", len(sealed)) + sealed)
        if last:
            return
        index, block = index + 1, following


def _decrypt(sealed: BinaryIO, out: BinaryIO, key: bytes) -> None:
    if sealed.read(len(MAGIC)) != MAGIC:
        raise BackupError("The image is not an encrypted Trellis backup image.")
    aead, prefix = AESGCM(key), sealed.read(8)
    index, header = 0, sealed.read(4)
    while True:
        if len(header) != 4:
            raise BackupError("The encrypted image is truncated.")
        block = sealed.read(struct.unpack(">I", header)[0])
        header = sealed.read(4)
        last = not header
        try:
            out.write(aead.decrypt(_chunk_nonce(prefix, index), block, _chunk_data(index, last)))
        except InvalidTag:
            raise BackupError(
                "BACKUP_ENCRYPTION_KEY does not decrypt this backup (wrong key, or a damaged or "
                "truncated image)."
            ) from None
        if last:
            return
        index += 1


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
    if manifest.get("format") not in READABLE_FORMATS:
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
    with _plain_image(image, manifest["image"].get("encryption"), progress) as plain:
        _restore_image(plain, engine, url, progress)
    progress("Restore complete")
    return manifest


@contextlib.contextmanager
def _plain_image(image: Path, encryption: str | None, progress: Progress) -> Iterator[Path]:
    """The image itself, or its decryption in a private temporary directory removed afterwards."""
    if encryption is None:
        yield image
        return
    if encryption != ENCRYPTION:
        raise BackupError(f"Unknown backup encryption {encryption!r}.")
    key = get_settings().section(BackupSettings).backup_encryption_key
    if key is None:
        raise BackupError("This backup is encrypted: set BACKUP_ENCRYPTION_KEY to its key.")
    with tempfile.TemporaryDirectory(prefix="trellis-restore-") as scratch, _private_umask():
        plain = Path(scratch) / image.name.removesuffix(".enc")
        progress(f"Decrypting {image.name}")
        with image.open("rb") as sealed, plain.open("wb") as out:
            _decrypt(sealed, out, key)
        yield plain


def _restore_image(image: Path, engine: str, url: str, progress: Progress) -> None:
    if engine == "sqlite":
        target = _sqlite_path(url)
        if target.exists() and target.stat().st_size > 0:
            raise BackupError(f"Refusing to overwrite {target}: restore into a new database.")
        private_file(target)
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


def verify(directory: Path, url: str, progress: Progress = _quiet) -> list[str]:
    """Every difference between a backup's manifest and the database at `url`, and every secret
    the running configuration holds otherwise than the backup's data needs (empty = equal)."""
    expected = read_manifest(directory)
    progress("Verifying the restored database against the manifest")
    actual, revision = _manifest_of(url, progress)
    problems = [
        f"secrets: {problem}"
        for problem in fingerprints.mismatches(
            expected.get("secrets", {}), fingerprints.current(get_settings())
        )
    ]
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
