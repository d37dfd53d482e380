from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.uploads_direct_upload_upload import UploadsDirectUploadUpload
  from ..models.uploads_file import UploadsFile





T = TypeVar("T", bound="UploadsDirectUpload")



@_attrs_define
class UploadsDirectUpload:
    """ 
        Attributes:
            file (UploadsFile):  Example: {'id': '6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a', 'name': 'harbour.jpg',
                'content_type': 'image/jpeg', 'size': 482113, 'sha256':
                '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'status': 'DONE', 'failure_reason': None,
                'metadata': {'width': 1600, 'height': 1200, 'page_count': None}, 'stripped_size': 463890, 'created_at':
                '2026-01-15T09:30:00Z', 'updated_at': '2026-01-15T09:30:02Z', 'processed_at': '2026-01-15T09:30:02Z'}.
            upload (UploadsDirectUploadUpload): How to send the bytes straight to the storage service: an HTML-form style
                POST of `fields` followed by the file as the last part named `file`, to `url`, before `expires_at`. The storage
                service refuses more than UPLOADS_MAX_BYTES.
     """

    file: UploadsFile
    upload: UploadsDirectUploadUpload





    def to_dict(self) -> dict[str, Any]:
        from ..models.uploads_direct_upload_upload import UploadsDirectUploadUpload # noqa: PLC0415
        from ..models.uploads_file import UploadsFile # noqa: PLC0415
        file = self.file.to_dict()

        upload = self.upload.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "file": file,
            "upload": upload,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.uploads_direct_upload_upload import UploadsDirectUploadUpload # noqa: PLC0415
        from ..models.uploads_file import UploadsFile # noqa: PLC0415
        d = dict(src_dict)
        file = UploadsFile.from_dict(d.pop("file"))




        upload = UploadsDirectUploadUpload.from_dict(d.pop("upload"))




        uploads_direct_upload = cls(
            file=file,
            upload=upload,
        )

        return uploads_direct_upload

