from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ThumbnailsJobCreate")



@_attrs_define
class ThumbnailsJobCreate:
    """ 
        Example:
            {'file_id': '6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a'}

        Attributes:
            file_id (UUID): One of your uploaded images (PNG, JPEG, GIF or WebP).
     """

    file_id: UUID





    def to_dict(self) -> dict[str, Any]:
        file_id = str(self.file_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "file_id": file_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_id = UUID(d.pop("file_id"))




        thumbnails_job_create = cls(
            file_id=file_id,
        )

        return thumbnails_job_create

