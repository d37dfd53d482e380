from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.uploads_direct_upload_upload_method import UploadsDirectUploadUploadMethod
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.uploads_direct_upload_upload_fields import UploadsDirectUploadUploadFields





T = TypeVar("T", bound="UploadsDirectUploadUpload")



@_attrs_define
class UploadsDirectUploadUpload:
    """ How to send the bytes straight to the storage service: an HTML-form style POST of `fields` followed by the file as
    the last part named `file`, to `url`, before `expires_at`. The storage service refuses more than UPLOADS_MAX_BYTES.

        Attributes:
            method (UploadsDirectUploadUploadMethod):
            url (str):
            fields (UploadsDirectUploadUploadFields):
            expires_at (datetime.datetime):
     """

    method: UploadsDirectUploadUploadMethod
    url: str
    fields: UploadsDirectUploadUploadFields
    expires_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.uploads_direct_upload_upload_fields import UploadsDirectUploadUploadFields # noqa: PLC0415
        method = self.method.value

        url = self.url

        fields = self.fields.to_dict()

        expires_at = self.expires_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "method": method,
            "url": url,
            "fields": fields,
            "expires_at": expires_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.uploads_direct_upload_upload_fields import UploadsDirectUploadUploadFields # noqa: PLC0415
        d = dict(src_dict)
        method = UploadsDirectUploadUploadMethod(d.pop("method"))




        url = d.pop("url")

        fields = UploadsDirectUploadUploadFields.from_dict(d.pop("fields"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        uploads_direct_upload_upload = cls(
            method=method,
            url=url,
            fields=fields,
            expires_at=expires_at,
        )

        return uploads_direct_upload_upload

