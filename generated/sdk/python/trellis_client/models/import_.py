from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_policy import ImportPolicy
from ..models.import_status import ImportStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Import")



@_attrs_define
class Import:
    """ An import and its progress.

        Attributes:
            id (UUID):
            target (str): The import target (GET /imports/targets).
            policy (ImportPolicy): SKIP_INVALID imports the valid rows and reports the others; ALL_OR_NOTHING checks every
                row first and imports nothing if one is invalid.
            filename (str):
            checksum (str): SHA-256 of the uploaded bytes, hex.
            size_bytes (int):
            encoding (str): The encoding detected (utf-8, utf-8-sig, utf-16, utf-16-le, utf-16-be or latin-1).
            delimiter (str): The delimiter detected (comma, semicolon, tab or `|`).
            columns (list[str]): The header of the file.
            status (ImportStatus): PENDING (queued), RUNNING (a worker holds it), DONE (every row was handled: see the
                counts), FAILED (nothing more will happen: `last_error` says why).
            total_rows (int): Data rows in the file (blank lines are not rows).
            checked_rows (int):
            imported_rows (int):
            invalid_rows (int):
            progress (int): Percent done: rows checked (SKIP_INVALID); rows checked, then imported (ALL_OR_NOTHING).
            attempts (int):
            last_error (None | str):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            started_at (datetime.datetime | None):
            finished_at (datetime.datetime | None):
     """

    id: UUID
    target: str
    policy: ImportPolicy
    filename: str
    checksum: str
    size_bytes: int
    encoding: str
    delimiter: str
    columns: list[str]
    status: ImportStatus
    total_rows: int
    checked_rows: int
    imported_rows: int
    invalid_rows: int
    progress: int
    attempts: int
    last_error: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        target = self.target

        policy = self.policy.value

        filename = self.filename

        checksum = self.checksum

        size_bytes = self.size_bytes

        encoding = self.encoding

        delimiter = self.delimiter

        columns = self.columns



        status = self.status.value

        total_rows = self.total_rows

        checked_rows = self.checked_rows

        imported_rows = self.imported_rows

        invalid_rows = self.invalid_rows

        progress = self.progress

        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "target": target,
            "policy": policy,
            "filename": filename,
            "checksum": checksum,
            "size_bytes": size_bytes,
            "encoding": encoding,
            "delimiter": delimiter,
            "columns": columns,
            "status": status,
            "total_rows": total_rows,
            "checked_rows": checked_rows,
            "imported_rows": imported_rows,
            "invalid_rows": invalid_rows,
            "progress": progress,
            "attempts": attempts,
            "last_error": last_error,
            "created_at": created_at,
            "updated_at": updated_at,
            "started_at": started_at,
            "finished_at": finished_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        target = d.pop("target")

        policy = ImportPolicy(d.pop("policy"))




        filename = d.pop("filename")

        checksum = d.pop("checksum")

        size_bytes = d.pop("size_bytes")

        encoding = d.pop("encoding")

        delimiter = d.pop("delimiter")

        columns = cast(list[str], d.pop("columns"))


        status = ImportStatus(d.pop("status"))




        total_rows = d.pop("total_rows")

        checked_rows = d.pop("checked_rows")

        imported_rows = d.pop("imported_rows")

        invalid_rows = d.pop("invalid_rows")

        progress = d.pop("progress")

        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        import_ = cls(
            id=id,
            target=target,
            policy=policy,
            filename=filename,
            checksum=checksum,
            size_bytes=size_bytes,
            encoding=encoding,
            delimiter=delimiter,
            columns=columns,
            status=status,
            total_rows=total_rows,
            checked_rows=checked_rows,
            imported_rows=imported_rows,
            invalid_rows=invalid_rows,
            progress=progress,
            attempts=attempts,
            last_error=last_error,
            created_at=created_at,
            updated_at=updated_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        return import_

