from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="UploadsDownloadUrl")



@_attrs_define
class UploadsDownloadUrl:
    """ 
        Example:
            {'url': 'https://files.example.com/trellis/uploads/6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a?X-Amz-Signature=...',
                'expires_at': '2026-01-15T09:45:00Z'}

        Attributes:
            url (str): A presigned GET on the storage service, with this file's Content-Disposition.
            expires_at (datetime.datetime):
     """

    url: str
    expires_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        expires_at = self.expires_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
            "expires_at": expires_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        uploads_download_url = cls(
            url=url,
            expires_at=expires_at,
        )

        return uploads_download_url

