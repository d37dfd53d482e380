from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.thumbnails_job_status import ThumbnailsJobStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.thumbnails_image import ThumbnailsImage





T = TypeVar("T", bound="ThumbnailsJob")



@_attrs_define
class ThumbnailsJob:
    """ 
        Attributes:
            id (UUID):
            file_id (UUID): The uploaded image (an uploads file of yours).
            file_name (str): The file's name when the job was asked for; downloads are named after it.
            status (ThumbnailsJobStatus): Where the job is. PENDING: queued (or waiting for the sweep after a crash).
                RUNNING: a worker holds it under a lease; the thumbnails listed are already visible. DONE: every size is
                visible. FAILED: `last_error` says why (an original that cannot be decoded, one over the pixel limit, or every
                attempt crashed); retry it with POST .../retries. Example: DONE.
            sizes (list[int]): The sizes this job renders (THUMBNAILS_SIZES when it was asked for), ascending.
            attempts (int): Runs since the job was asked for or last retried.
            last_error (None | str): Why the last run failed; null once the job is DONE.
            thumbnails (list[ThumbnailsImage]): The thumbnails visible so far, by ascending size.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            started_at (datetime.datetime | None): When a worker first took the job.
            finished_at (datetime.datetime | None): When it became DONE or FAILED.
     """

    id: UUID
    file_id: UUID
    file_name: str
    status: ThumbnailsJobStatus
    sizes: list[int]
    attempts: int
    last_error: None | str
    thumbnails: list[ThumbnailsImage]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.thumbnails_image import ThumbnailsImage # noqa: PLC0415
        id = str(self.id)

        file_id = str(self.file_id)

        file_name = self.file_name

        status = self.status.value

        sizes = self.sizes



        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        thumbnails = []
        for thumbnails_item_data in self.thumbnails:
            thumbnails_item = thumbnails_item_data.to_dict()
            thumbnails.append(thumbnails_item)



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
            "file_id": file_id,
            "file_name": file_name,
            "status": status,
            "sizes": sizes,
            "attempts": attempts,
            "last_error": last_error,
            "thumbnails": thumbnails,
            "created_at": created_at,
            "updated_at": updated_at,
            "started_at": started_at,
            "finished_at": finished_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.thumbnails_image import ThumbnailsImage # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        file_id = UUID(d.pop("file_id"))




        file_name = d.pop("file_name")

        status = ThumbnailsJobStatus(d.pop("status"))




        sizes = cast(list[int], d.pop("sizes"))


        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        thumbnails = []
        _thumbnails = d.pop("thumbnails")
        for thumbnails_item_data in (_thumbnails):
            thumbnails_item = ThumbnailsImage.from_dict(thumbnails_item_data)



            thumbnails.append(thumbnails_item)


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


        thumbnails_job = cls(
            id=id,
            file_id=file_id,
            file_name=file_name,
            status=status,
            sizes=sizes,
            attempts=attempts,
            last_error=last_error,
            thumbnails=thumbnails,
            created_at=created_at,
            updated_at=updated_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        return thumbnails_job

