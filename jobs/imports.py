"""Import jobs: one per import (its id only), and a sweep every minute.

`run_import` claims the import (one conditional UPDATE, committed), then reads the stored file
one piece at a time and handles it in batches of IMPORTS_BATCH_ROWS records, each batch one
transaction holding its inserted records, its errors and the progress counters, so memory stays
bounded whatever the file's size and a worker that dies resumes after the last committed batch.
Running the job again for an import that is finished or held by a live worker does nothing.
Importing this module installs the dispatcher `services.imports` uses to queue jobs after commit.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable

from huey import crontab

from core.db import transaction
from core.jobs import queue
from services import imports


def _fetch(import_id: uuid.UUID) -> Callable[[int], bytes | None]:
    def fetch(seq: int) -> bytes | None:
        with transaction(write=False) as session:
            return imports.read_chunk(session, import_id=import_id, seq=seq)

    return fetch


def execute(import_id: uuid.UUID) -> str:
    """One attempt at an import: `done`, `failed`, `skipped` (not claimable) or `lost`."""
    with transaction(write=True) as session:
        claim = imports.claim_import(session, import_id=import_id)
    if claim is None:
        return "skipped"
    size = imports.imports_settings().imports_batch_rows
    current: imports.Claim | None = claim
    try:
        while current is not None:
            claim = current
            with imports.read_rows(claim, _fetch(import_id)) as rows:
                while batch := list(itertools.islice(rows, size)):
                    with transaction(write=True) as session:
                        claim = imports.apply_batch(session, claim, batch)
            with transaction(write=True) as session:
                current = imports.finish_pass(session, claim)
    except imports.ClaimLost:
        return "lost"
    except Exception as error:  # recorded on the row; the sweep or a retry takes it from there
        with transaction(write=True) as session:
            status = imports.record_failure(session, claim, error)
        return (status or "lost").lower()
    with transaction(write=False) as session:
        return imports.get_status(session, import_id=import_id).lower()


@queue.task()  # type: ignore[untyped-decorator]  # huey is untyped
def run_import(import_id: str) -> str:
    return execute(uuid.UUID(import_id))


@queue.periodic_task(crontab())  # type: ignore[untyped-decorator]
def sweep_imports() -> int:
    with transaction(write=True) as session:
        stale = imports.stale_import_ids(session)
    for import_id in stale:
        run_import(str(import_id))
    return len(stale)


imports.set_dispatch(lambda import_id: run_import(str(import_id)))
