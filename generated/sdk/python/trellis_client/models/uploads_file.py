from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.uploads_file_content_type_type_1 import UploadsFileContentTypeType1
from ..models.uploads_file_content_type_type_2_type_1 import UploadsFileContentTypeType2Type1
from ..models.uploads_file_content_type_type_3_type_1 import UploadsFileContentTypeType3Type1
from ..models.uploads_file_status import UploadsFileStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.uploads_file_metadata import UploadsFileMetadata





T = TypeVar("T", bound="UploadsFile")



@_attrs_define
class UploadsFile:
    """ 
        Example:
            {'id': '6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a', 'name': 'harbour.jpg', 'content_type': 'image/jpeg', 'size':
                482113, 'sha256': '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'status': 'DONE',
                'failure_reason': None, 'metadata': {'width': 1600, 'height': 1200, 'page_count': None}, 'stripped_size':
                463890, 'created_at': '2026-01-15T09:30:00Z', 'updated_at': '2026-01-15T09:30:02Z', 'processed_at':
                '2026-01-15T09:30:02Z'}

        Attributes:
            id (UUID):
            name (str): The client's file name, without any directory part or control characters (at most 255 characters);
                downloads offer it in Content-Disposition.
            content_type (None | UploadsFileContentTypeType1 | UploadsFileContentTypeType2Type1 |
                UploadsFileContentTypeType3Type1): Sniffed from the file's first bytes (never taken from the client's Content-
                Type or file name); null while AWAITING_UPLOAD.
            size (int | None): Bytes stored; null while AWAITING_UPLOAD.
            sha256 (None | str): SHA-256 of the bytes, computed while they were stored (hex); also the download's ETag. Null
                while AWAITING_UPLOAD.
            status (UploadsFileStatus): Where the metadata job is. AWAITING_UPLOAD: a direct upload was prepared and its
                bytes have not been confirmed yet. PENDING: stored, the job is queued. PROCESSING: a worker is reading it. DONE:
                metadata extracted (and, for an image, the stripped derivative written). FAILED: the file could not be read as
                its type (`failure_reason` says why); the bytes stay downloadable. Example: DONE.
            failure_reason (None | str): Why the metadata job FAILED; null otherwise.
            metadata (UploadsFileMetadata): What the metadata job found; null members until it is DONE, or not applicable.
            stripped_size (int | None): Bytes of the image's metadata-free derivative (`variant=STRIPPED`); null for PDFs
                and until the job is DONE.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            processed_at (datetime.datetime | None):
     """

    id: UUID
    name: str
    content_type: None | UploadsFileContentTypeType1 | UploadsFileContentTypeType2Type1 | UploadsFileContentTypeType3Type1
    size: int | None
    sha256: None | str
    status: UploadsFileStatus
    failure_reason: None | str
    metadata: UploadsFileMetadata
    stripped_size: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    processed_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.uploads_file_metadata import UploadsFileMetadata # noqa: PLC0415
        id = str(self.id)

        name = self.name

        content_type: None | str
        if isinstance(self.content_type, UploadsFileContentTypeType1):
            content_type = self.content_type.value
        elif isinstance(self.content_type, UploadsFileContentTypeType2Type1):
            content_type = self.content_type.value
        elif isinstance(self.content_type, UploadsFileContentTypeType3Type1):
            content_type = self.content_type.value
        else:
            content_type = self.content_type

        size: int | None
        size = self.size

        sha256: None | str
        sha256 = self.sha256

        status = self.status.value

        failure_reason: None | str
        failure_reason = self.failure_reason

        metadata = self.metadata.to_dict()

        stripped_size: int | None
        stripped_size = self.stripped_size

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        processed_at: None | str
        if isinstance(self.processed_at, datetime.datetime):
            processed_at = self.processed_at.isoformat()
        else:
            processed_at = self.processed_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "content_type": content_type,
            "size": size,
            "sha256": sha256,
            "status": status,
            "failure_reason": failure_reason,
            "metadata": metadata,
            "stripped_size": stripped_size,
            "created_at": created_at,
            "updated_at": updated_at,
            "processed_at": processed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.uploads_file_metadata import UploadsFileMetadata # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        def _parse_content_type(data: object) -> None | UploadsFileContentTypeType1 | UploadsFileContentTypeType2Type1 | UploadsFileContentTypeType3Type1:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                content_type_type_1 = UploadsFileContentTypeType1(data)



                return content_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                content_type_type_2_type_1 = UploadsFileContentTypeType2Type1(data)



                return content_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                content_type_type_3_type_1 = UploadsFileContentTypeType3Type1(data)



                return content_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UploadsFileContentTypeType1 | UploadsFileContentTypeType2Type1 | UploadsFileContentTypeType3Type1, data)

        content_type = _parse_content_type(d.pop("content_type"))


        def _parse_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size = _parse_size(d.pop("size"))


        def _parse_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sha256 = _parse_sha256(d.pop("sha256"))


        status = UploadsFileStatus(d.pop("status"))




        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))


        metadata = UploadsFileMetadata.from_dict(d.pop("metadata"))




        def _parse_stripped_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stripped_size = _parse_stripped_size(d.pop("stripped_size"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_processed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                processed_at_type_0 = datetime.datetime.fromisoformat(data)



                return processed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        processed_at = _parse_processed_at(d.pop("processed_at"))


        uploads_file = cls(
            id=id,
            name=name,
            content_type=content_type,
            size=size,
            sha256=sha256,
            status=status,
            failure_reason=failure_reason,
            metadata=metadata,
            stripped_size=stripped_size,
            created_at=created_at,
            updated_at=updated_at,
            processed_at=processed_at,
        )

        return uploads_file

