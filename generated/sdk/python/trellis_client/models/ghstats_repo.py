from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="GhstatsRepo")



@_attrs_define
class GhstatsRepo:
    """ One public repository, as GitHub lists it.

        Attributes:
            name (str):
            full_name (None | str):
            description (None | str):
            html_url (None | str):
            language (None | str): GitHub's guess of the main language, if it made one.
            stars (int):
            forks (int):
            fork (bool): True when the repository is a fork of another.
     """

    name: str
    full_name: None | str
    description: None | str
    html_url: None | str
    language: None | str
    stars: int
    forks: int
    fork: bool





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        full_name: None | str
        full_name = self.full_name

        description: None | str
        description = self.description

        html_url: None | str
        html_url = self.html_url

        language: None | str
        language = self.language

        stars = self.stars

        forks = self.forks

        fork = self.fork


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "full_name": full_name,
            "description": description,
            "html_url": html_url,
            "language": language,
            "stars": stars,
            "forks": forks,
            "fork": fork,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_full_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        full_name = _parse_full_name(d.pop("full_name"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_html_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        html_url = _parse_html_url(d.pop("html_url"))


        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))


        stars = d.pop("stars")

        forks = d.pop("forks")

        fork = d.pop("fork")

        ghstats_repo = cls(
            name=name,
            full_name=full_name,
            description=description,
            html_url=html_url,
            language=language,
            stars=stars,
            forks=forks,
            fork=fork,
        )

        return ghstats_repo

