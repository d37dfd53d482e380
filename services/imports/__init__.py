"""Imports: CSV files a user uploads to create records of another domain in bulk.

    create_import            the upload: checks the file (encoding, delimiter, header, every
                             record readable) and stores it with a PENDING import in the caller's
                             transaction; the job is queued after commit. The same bytes uploaded
                             again by the same user for the same target are DuplicateFile (409),
                             unless that earlier import FAILED
    get_import, list_imports, error_rows, list_row_errors, list_targets
                             what the owner reads (someone else's import is NotFound)
    delete_import            the owner deletes an import with its stored file and errors, unless
                             a worker is running it (ImportRunning)
    claim_import             worker: one conditional UPDATE moves a PENDING import (or a RUNNING
                             one whose lease expired) to RUNNING; of two workers one gets it
    read_rows, apply_batch, finish_pass, record_failure
                             worker: the records after the last committed batch; one batch checked
                             and inserted with the progress counters in one transaction, fenced by
                             the attempt number; the end of a pass; an unexpected failure
    stale_import_ids         the sweep: PENDING imports whose job may have been lost and RUNNING
                             ones whose worker died

Rows go through the target's rules (core.import_targets): the create operation's request schema
from the contract, then the domain's service. Policies: SKIP_INVALID imports the valid rows and
reports the others; ALL_OR_NOTHING checks every row first (pass 1) and imports only if none is
invalid (pass 2). Both report per-row errors (line, column, message).
"""

from __future__ import annotations

import io
import itertools
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, BinaryIO

import structlog
from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.after_commit import AfterCommit
from core.db import utcnow
from core.errors import Conflict, NotFound, RuleViolated
from core.import_targets import Column, ImportTarget, targets
from core.leases import claim_row
from core.pagination import Page, paginate, paginate_by_creation
from core.rows import get_or_404
from core.security import Actor
from core.settings import SettingsSection, get_settings, positive_int, seconds_within, setting
from db.models.identity import User
from db.models.imports import Import as Import  # re-exported for handlers
from db.models.imports import ImportChunk
from db.models.imports import ImportRowError as ImportRowError  # re-exported for handlers
from services.imports import reading

log = structlog.get_logger("trellis.imports")

PENDING, RUNNING, DONE, FAILED = "PENDING", "RUNNING", "DONE", "FAILED"
STATUSES = (PENDING, RUNNING, DONE, FAILED)
SKIP_INVALID, ALL_OR_NOTHING = "SKIP_INVALID", "ALL_OR_NOTHING"
CHUNK_BYTES = 256 * 1024


@dataclass(frozen=True)
class ImportsSettings(SettingsSection):
    """Settings of the imports domain."""

    imports_max_bytes: int = setting(
        "IMPORTS_MAX_BYTES",
        20 * 1024 * 1024,
        "The largest CSV upload (bytes, the multipart body included); larger answers 413 "
        "before the body is read.",
        parse=positive_int,
    )
    imports_batch_rows: int = setting(
        "IMPORTS_BATCH_ROWS",
        500,
        "Rows checked and inserted per transaction by the import worker.",
        parse=positive_int,
    )
    imports_max_error_rows: int = setting(
        "IMPORTS_MAX_ERROR_ROWS",
        1000,
        "Invalid rows whose errors are stored per import (every invalid row is counted).",
        parse=positive_int,
    )
    imports_max_attempts: int = setting(
        "IMPORTS_MAX_ATTEMPTS",
        3,
        "Times a worker may start an import (a worker that dies mid-import leaves it to the "
        "sweep) before it is FAILED.",
        parse=positive_int,
    )
    imports_lease_seconds: float = setting(
        "IMPORTS_LEASE_SECONDS",
        300.0,
        "How long a worker owns a running import without committing a batch; after that the "
        "sweep hands it to another worker, which resumes after the last committed batch.",
        parse=seconds_within(86400),
    )
    imports_sweep_grace_seconds: float = setting(
        "IMPORTS_SWEEP_GRACE_SECONDS",
        60.0,
        "The periodic sweep queues a PENDING import again once it has waited this long.",
        parse=seconds_within(86400, zero=True),
    )


def imports_settings() -> ImportsSettings:
    return get_settings().section(ImportsSettings)


class ImportNotFound(NotFound, type="/problems/imports/not-found"): ...


class UnknownTarget(RuleViolated, type="/problems/imports/unknown-target"): ...


class UnreadableFile(RuleViolated, type="/problems/imports/unreadable-file"): ...


class BadHeader(RuleViolated, type="/problems/imports/bad-header"): ...


class DuplicateFile(Conflict, type="/problems/imports/duplicate-file"): ...


class ImportRunning(Conflict, type="/problems/imports/running"): ...


# ---- dispatch: the import job, queued once the import row has committed -----------------------

#: Queues an import's job after commit; jobs/imports.py installs it (services cannot import jobs).
#: Without it, imports wait for the periodic sweep.
_run = AfterCommit("imports-run")


def set_dispatch(dispatch: Callable[[uuid.UUID], None]) -> None:
    _run.install(dispatch)


def _dispatch_after_commit(session: Session, import_id: uuid.UUID) -> None:
    _run.queue(session, import_id)


# ---- the owner's side ---------------------------------------------------------------------------


def target_of(name: str) -> ImportTarget:
    found = targets().get(name)
    if found is None:
        known = ", ".join(targets())
        raise UnknownTarget(f"No import target is named {name!r}; the targets are: {known}.")
    return found


def list_targets() -> list[ImportTarget]:
    """Every import target the domains declare."""
    return list(targets().values())


def _header_columns(target: ImportTarget, header: list[str]) -> list[Column]:
    columns, unknown, seen = [], [], set()
    for name in header:
        column = target.column(name)
        if column is None:
            unknown.append(name.strip())
            continue
        if column.name in seen:
            raise BadHeader(f"The header names column {column.name!r} twice.")
        seen.add(column.name)
        columns.append(column)
    if unknown:
        known = ", ".join(column.name for column in target.columns)
        raise BadHeader(
            f"Unknown columns for {target.name}: {', '.join(map(repr, unknown))}; "
            f"the columns are: {known}.",
            unknown_columns=unknown,
        )
    missing = [name for name in target.required_columns() if name not in seen]
    if missing:
        raise BadHeader(
            f"Required columns are missing: {', '.join(missing)}.", missing_columns=missing
        )
    return columns


def _scan(
    upload: BinaryIO, target: ImportTarget
) -> tuple[reading.Fingerprint, str, list[str], int]:
    """(fingerprint, delimiter, header, data rows) of the upload, every record read once."""
    found = reading.fingerprint(upload)
    upload.seek(0)
    if found.size == 0:
        raise UnreadableFile("The file is empty.")
    delimiter = reading.sniff_delimiter(reading.sample(upload, found.encoding))
    try:
        with reading.decoded(upload, found.encoding) as lines:
            rows = reading.records(lines, delimiter)
            first = next(rows, None)
            if first is None:
                raise UnreadableFile("The file has no header line.")
            header = first[1]
            _header_columns(target, header)
            total = sum(1 for _ in rows)
    except reading.Unreadable as error:
        raise UnreadableFile(f"The file is not readable CSV: {error}.") from None
    finally:
        upload.seek(0)
    if total == 0:
        raise UnreadableFile("The file has a header but no rows.")
    return found, delimiter, [name.strip() for name in header], total


def create_import(
    session: Session,
    actor: Actor,
    *,
    target: str,
    policy: str,
    filename: str,
    upload: BinaryIO,
) -> Import:
    """Checks the file and stores it as a PENDING import of the caller; the same bytes already
    imported (or importing) for this target by the caller are DuplicateFile."""
    chosen = target_of(target)
    found, delimiter, header, total = _scan(upload, chosen)
    _refuse_duplicate(session, actor, target, found.checksum)
    now = utcnow()
    row = Import(
        id=uuid.uuid4(),
        owner_id=actor.user_id,
        target=target,
        policy=policy,
        filename=_printable(filename)[:255] or "upload.csv",
        checksum=found.checksum,
        size_bytes=found.size,
        encoding=found.encoding,
        delimiter=delimiter,
        header=header,
        total_rows=total,
        status=PENDING,
        created_at=now,
        updated_at=now,
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        # A concurrent upload of the same bytes committed first.
        _refuse_duplicate(session, actor, target, found.checksum)
        raise
    seq = 0
    while piece := upload.read(CHUNK_BYTES):
        session.execute(insert(ImportChunk).values(import_id=row.id, seq=seq, data=piece))
        seq += 1
    _dispatch_after_commit(session, row.id)
    return row


def _printable(text: str) -> str:
    return "".join(char for char in text if char.isprintable())


def _refuse_duplicate(session: Session, actor: Actor, target: str, checksum: str) -> None:
    existing = session.scalar(
        select(Import.id).where(
            Import.owner_id == actor.user_id,
            Import.target == target,
            Import.checksum == checksum,
            Import.status != FAILED,
        )
    )
    if existing is not None:
        raise DuplicateFile(
            "You uploaded this file for this target already.", import_id=str(existing)
        )


def get_import(session: Session, actor: Actor, *, import_id: uuid.UUID) -> Import:
    """The caller's import; someone else's import is NotFound, like a missing one."""
    mine = Import.owner_id == actor.user_id
    return get_or_404(
        session, Import, import_id, where=mine, missing=ImportNotFound("No such import.")
    )


def list_imports(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    target: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[Import]:
    """The caller's imports (of one status and target, if given), newest first."""
    query = select(Import).where(Import.owner_id == actor.user_id)
    if status is not None:
        query = query.where(Import.status == status)
    if target is not None:
        query = query.where(Import.target == target)
    kind = f"imports:{status or ''}:{target or ''}"
    return paginate_by_creation(session, query, kind=kind, limit=limit, cursor=cursor)


def error_rows(session: Session, actor: Actor, *, import_id: uuid.UUID) -> list[ImportRowError]:
    """The stored errors of the caller's import, by line (at most IMPORTS_MAX_ERROR_ROWS rows'
    worth)."""
    get_import(session, actor, import_id=import_id)
    query = (
        select(ImportRowError)
        .where(ImportRowError.import_id == import_id)
        .order_by(ImportRowError.line, ImportRowError.id)
    )
    return list(session.scalars(query))


def list_row_errors(
    session: Session,
    actor: Actor,
    *,
    import_id: uuid.UUID,
    column: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[ImportRowError]:
    """The stored errors of the caller's import (of one column, if given), by line, one keyset
    page at a time."""
    get_import(session, actor, import_id=import_id)
    query = select(ImportRowError).where(ImportRowError.import_id == import_id)
    if column is not None:
        query = query.where(ImportRowError.column == column)
    return paginate(
        session,
        query,
        kind=f"imports-errors:{import_id}:{column or ''}",
        columns=(ImportRowError.line, ImportRowError.id),
        limit=limit,
        cursor=cursor,
    )


def delete_import(
    session: Session, actor: Actor, *, import_id: uuid.UUID, now: datetime | None = None
) -> None:
    """Deletes the caller's import with its stored file and errors (the records it created stay)
    in one conditional DELETE that spares an import RUNNING under a live lease (ImportRunning):
    a worker claiming it at the same moment either finds it gone or keeps it."""
    now = now or utcnow()
    unheld = or_(Import.status != RUNNING, Import.lease_expires_at < now)
    gone = session.execute(
        delete(Import)
        .where(Import.id == import_id, Import.owner_id == actor.user_id, unheld)
        .returning(Import.id)
        .execution_options(synchronize_session=False)
    ).first()
    if gone is None:
        get_import(session, actor, import_id=import_id)
        raise ImportRunning("A worker is running this import; delete it once it is DONE or FAILED.")


def progress(row: Import) -> int:
    """Percent done: the rows checked (SKIP_INVALID), or checked then imported (ALL_OR_NOTHING)."""
    if row.status in (DONE, FAILED):
        return 100
    if row.policy == SKIP_INVALID:
        return row.checked_rows * 100 // row.total_rows
    return (row.checked_rows + row.imported_rows) * 100 // (2 * row.total_rows)


# ---- the worker's side --------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """An import a worker owns until its lease expires: attempt `attempt`, at record `position`
    of the current pass (`checking`: ALL_OR_NOTHING's first pass, which inserts nothing)."""

    import_id: uuid.UUID
    attempt: int
    actor: Actor
    target: ImportTarget
    header: list[str]
    encoding: str
    delimiter: str
    checking: bool
    #: Whether this pass counts `checked_rows` (SKIP_INVALID's one pass, or the checking pass).
    counts_checks: bool
    position: int


def _lease(now: datetime) -> datetime:
    return now + timedelta(seconds=imports_settings().imports_lease_seconds)


def claim_import(
    session: Session, *, import_id: uuid.UUID, now: datetime | None = None
) -> Claim | None:
    """Moves a PENDING import (or a RUNNING one whose lease expired) to RUNNING in one
    conditional UPDATE; None when it is not claimable (finished, or another worker holds it)."""
    now = now or utcnow()
    config = imports_settings()
    row = claim_row(
        session,
        Import,
        import_id,
        ready=(PENDING,),
        running=RUNNING,
        max_attempts=config.imports_max_attempts,
        lease_seconds=config.imports_lease_seconds,
        now=now,
        values={"started_at": func.coalesce(Import.started_at, now)},
    )
    if row is None:
        return None
    imported = session.get_one(Import, import_id, populate_existing=True)
    role = session.scalar(select(User.role).where(User.id == imported.owner_id)) or "USER"
    checking = imported.policy == ALL_OR_NOTHING and not imported.validated
    counts_checks = checking or imported.policy == SKIP_INVALID
    return Claim(
        import_id=import_id,
        attempt=row[0],
        actor=Actor(user_id=imported.owner_id, role=role),
        target=target_of(imported.target),
        header=list(imported.header),
        encoding=imported.encoding,
        delimiter=imported.delimiter,
        checking=checking,
        counts_checks=counts_checks,
        position=imported.checked_rows
        if counts_checks
        else imported.imported_rows + imported.invalid_rows,
    )


def read_chunk(session: Session, *, import_id: uuid.UUID, seq: int) -> bytes | None:
    """Piece `seq` of an import's stored file, or None past its end."""
    return session.scalar(
        select(ImportChunk.data).where(ImportChunk.import_id == import_id, ImportChunk.seq == seq)
    )


class ClaimLost(Exception):
    """The worker's lease ran out and another attempt owns the import: stop, change nothing."""


@contextmanager
def read_rows(
    claim: Claim, fetch: Callable[[int], bytes | None]
) -> Iterator[Iterator[tuple[int, list[str]]]]:
    """The data records of the claimed import after its position, read from the stored file one
    piece at a time (`fetch(seq)`: piece `seq`, or None past the end)."""
    stream = io.BufferedReader(reading.ChunkStream(fetch), buffer_size=CHUNK_BYTES)
    with reading.decoded(stream, claim.encoding) as lines:
        rows = reading.records(lines, claim.delimiter)
        next(rows, None)  # the header
        yield itertools.islice(rows, claim.position, None)


def _fenced(claim: Claim) -> tuple[Any, ...]:
    return (
        Import.id == claim.import_id,
        Import.status == RUNNING,
        Import.attempts == claim.attempt,
    )


def apply_batch(session: Session, claim: Claim, batch: Sequence[tuple[int, list[str]]]) -> Claim:
    """Checks a batch of records and, outside ALL_OR_NOTHING's checking pass, creates the valid
    ones through the target's service; counts progress, stores errors and renews the lease in the
    same transaction. Raises ClaimLost when another attempt owns the import."""
    columns = [claim.target.column(name) for name in claim.header]
    bodies: list[dict[str, Any]] = []
    invalid: list[tuple[int, list[tuple[str | None, str]]]] = []
    for line, cells in batch:
        if len(cells) != len(columns):
            problems: list[tuple[str | None, str]] = [
                (None, f"The row has {len(cells)} fields; the header has {len(columns)}.")
            ]
        else:
            body, problems = claim.target.validate(
                session,
                claim.actor,
                zip(columns, cells, strict=False),  # type: ignore[arg-type]
            )
            if not problems and not claim.checking:
                bodies.append(body)
        if problems:
            invalid.append((line, problems))
    created = claim.target.insert(session, claim.actor, bodies) if bodies else 0
    now = utcnow()
    values: dict[str, Any] = {
        "imported_rows": Import.imported_rows + created,
        "invalid_rows": Import.invalid_rows + len(invalid),
        "lease_expires_at": _lease(now),
        "updated_at": now,
    }
    if claim.counts_checks:
        values["checked_rows"] = Import.checked_rows + len(batch)
    done = session.execute(
        update(Import)
        .where(*_fenced(claim))
        .values(**values)
        .returning(Import.invalid_rows)
        .execution_options(synchronize_session=False)
    ).first()
    if done is None:
        raise ClaimLost()
    room = imports_settings().imports_max_error_rows - (done[0] - len(invalid))
    stored = [
        {"import_id": claim.import_id, "line": line, "column": column, "message": message[:500]}
        for line, problems in invalid[: max(room, 0)]
        for column, message in problems
    ]
    if stored:
        session.execute(insert(ImportRowError), stored)
    return replace(claim, position=claim.position + len(batch))


def finish_pass(session: Session, claim: Claim) -> Claim | None:
    """Ends a pass over the file: ALL_OR_NOTHING's checking pass fails the import if a row was
    invalid, else starts the importing pass (returned); any other pass makes it DONE."""
    row = session.scalars(select(Import).where(*_fenced(claim)).with_for_update()).first()
    if row is None:
        raise ClaimLost()
    now = utcnow()
    row.updated_at = now
    if claim.checking and row.invalid_rows == 0:
        row.validated = True
        row.lease_expires_at = _lease(now)
        session.flush()
        return replace(claim, checking=False, counts_checks=False, position=0)
    row.status = DONE
    if claim.checking:
        row.status = FAILED
        row.last_error = (
            f"{row.invalid_rows} of {row.total_rows} rows are invalid: nothing was imported "
            "(ALL_OR_NOTHING)."
        )
    row.finished_at = now
    row.lease_expires_at = None
    session.flush()
    return None


def record_failure(session: Session, claim: Claim, error: BaseException) -> str | None:
    """An attempt stopped by an unexpected error: queued again, or FAILED after
    IMPORTS_MAX_ATTEMPTS attempts. Returns the new status (None when the claim was lost)."""
    now = utcnow()
    final = claim.attempt >= imports_settings().imports_max_attempts
    status = FAILED if final else PENDING
    done = session.execute(
        update(Import)
        .where(*_fenced(claim))
        .values(
            status=status,
            last_error=f"the import stopped: {type(error).__name__}"[:300],
            lease_expires_at=None,
            finished_at=now if final else None,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if not done.rowcount:  # type: ignore[attr-defined]
        return None
    log.warning("imports-attempt-failed", id=str(claim.import_id), error=type(error).__name__)
    if not final:
        _dispatch_after_commit(session, claim.import_id)
    return status


def stale_import_ids(
    session: Session, *, now: datetime | None = None, limit: int = 100
) -> list[uuid.UUID]:
    """What the sweep queues again: PENDING imports that waited past the grace for their job, and
    RUNNING ones whose lease expired (their worker died); one that expired on its last allowed
    attempt is FAILED instead."""
    config = imports_settings()
    now = now or utcnow()
    expired = and_(Import.status == RUNNING, Import.lease_expires_at < now)
    session.execute(
        update(Import)
        .where(expired, Import.attempts >= config.imports_max_attempts)
        .values(
            status=FAILED,
            finished_at=now,
            lease_expires_at=None,
            last_error="the worker stopped during the last attempt (lease expired)",
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    overdue = now - timedelta(seconds=config.imports_sweep_grace_seconds)
    waiting = and_(Import.status == PENDING, Import.updated_at <= overdue)
    query = select(Import.id).where(or_(waiting, expired)).limit(limit)
    return list(session.scalars(query))


def get_status(session: Session, *, import_id: uuid.UUID) -> str:
    """An import's status (the worker's view: no owner check)."""
    return session.scalar(select(Import.status).where(Import.id == import_id)) or FAILED


def actor_for_email(session: Session, *, email: str) -> Actor | None:
    """The account with this email, as the owner of imports `trellis import` creates."""
    user = session.scalars(select(User).where(User.email_key == email.strip().lower())).first()
    return Actor(user_id=user.id, role=user.role) if user is not None else None
