from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Project")



@_attrs_define
class Project:
    """ 
        Example:
            {'title': 'Trellis', 'summary': 'A spec-first backend platform.', 'url': 'https://example.com/trellis', 'tags':
                ['python', 'openapi'], 'year': 2026}

        Attributes:
            title (str):
            summary (str):
            url (None | str):
            tags (list[str]):
            year (int | None):
     """

    title: str
    summary: str
    url: None | str
    tags: list[str]
    year: int | None





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        summary = self.summary

        url: None | str
        url = self.url

        tags = self.tags



        year: int | None
        year = self.year


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
            "summary": summary,
            "url": url,
            "tags": tags,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        summary = d.pop("summary")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))


        tags = cast(list[str], d.pop("tags"))


        def _parse_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        year = _parse_year(d.pop("year"))


        project = cls(
            title=title,
            summary=summary,
            url=url,
            tags=tags,
            year=year,
        )

        return project

