from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GhstatsProfileStatsLanguagesItem")



@_attrs_define
class GhstatsProfileStatsLanguagesItem:
    """ 
        Attributes:
            language (str):
            repos (int):
     """

    language: str
    repos: int





    def to_dict(self) -> dict[str, Any]:
        language = self.language

        repos = self.repos


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "language": language,
            "repos": repos,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = d.pop("language")

        repos = d.pop("repos")

        ghstats_profile_stats_languages_item = cls(
            language=language,
            repos=repos,
        )

        return ghstats_profile_stats_languages_item

