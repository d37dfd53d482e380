from __future__ import annotations

import csv
import io
import uuid
from typing import Any, BinaryIO

from starlette.datastructures import UploadFile
from starlette.responses import Response

import jobs.imports  # noqa: F401 - installs the dispatcher that queues import jobs after commit
from core.db import transaction
from core.http import iso
from core.security import current_actor
from core.wire import Answer, NoContent, api_path, page_json
from services import imports
from services.imports import Import


def _import_json(row: Import) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "target": row.target,
        "policy": row.policy,
        "filename": row.filename,
        "checksum": row.checksum,
        "size_bytes": row.size_bytes,
        "encoding": row.encoding,
        "delimiter": row.delimiter,
        "columns": list(row.header),
        "status": row.status,
        "total_rows": row.total_rows,
        "checked_rows": row.checked_rows,
        "imported_rows": row.imported_rows,
        "invalid_rows": row.invalid_rows,
        "progress": imports.progress(row),
        "attempts": row.attempts,
        "last_error": row.last_error,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
        "started_at": iso(row.started_at),
        "finished_at": iso(row.finished_at),
    }


def list_imports(
    status: str | None = None, target: str | None = None, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = imports.list_imports(
            session, current_actor(), status=status, target=target, limit=limit, cursor=cursor
        )
        return page_json(page, _import_json)


def _upload(body: dict[str, Any], file: Any) -> tuple[str, BinaryIO]:
    # A client may send the file as a plain form field (no filename): its text is the file.
    if isinstance(file, UploadFile):
        return file.filename or "upload.csv", file.file
    return "upload.csv", io.BytesIO(str(body.get("file") or "").encode("utf-8"))


def create_import(body: dict[str, Any], file: Any = None) -> Answer:
    filename, stream = _upload(body, file)
    try:
        with transaction(write=True) as session:
            row = imports.create_import(
                session,
                current_actor(),
                target=body["target"],
                policy=body.get("policy") or imports.SKIP_INVALID,
                filename=filename,
                upload=stream,
            )
            return _import_json(row), 202, {"Location": api_path("imports", row.id)}
    finally:
        stream.close()  # the spooled upload: nothing else closes it


def get_import(import_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        row = imports.get_import(session, current_actor(), import_id=uuid.UUID(import_id))
        return _import_json(row)


def get_import_errors(import_id: str) -> Response:
    with transaction(write=False) as session:
        found = imports.error_rows(session, current_actor(), import_id=uuid.UUID(import_id))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["line", "column", "message"])
        writer.writerows([error.line, error.column or "", error.message] for error in found)
    disposition = f'attachment; filename="import-{import_id}-errors.csv"'
    # Exactly the documented media type (Starlette would add a charset); the text is UTF-8.
    headers = {"Content-Type": "text/csv", "Content-Disposition": disposition}
    return Response(out.getvalue().encode("utf-8"), headers=headers)


def delete_import(import_id: str) -> NoContent:
    with transaction(write=True) as session:
        imports.delete_import(session, current_actor(), import_id=uuid.UUID(import_id))
    return None, 204


def list_import_row_errors(
    import_id: str, column: str | None = None, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = imports.list_row_errors(
            session,
            current_actor(),
            import_id=uuid.UUID(import_id),
            column=column,
            limit=limit,
            cursor=cursor,
        )
        return page_json(
            page,
            lambda error: {"line": error.line, "column": error.column, "message": error.message},
        )


def list_import_targets() -> dict[str, Any]:
    return {
        "items": [
            {
                "name": target.name,
                "operation_id": target.operation_id,
                "description": target.description,
                "columns": [
                    {
                        "name": column.name,
                        "required": column.name in target.required_columns(),
                        "description": column.description,
                    }
                    for column in target.columns
                ],
            }
            for target in imports.list_targets()
        ]
    }
