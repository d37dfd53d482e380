from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.skill_level import SkillLevel






T = TypeVar("T", bound="Skill")



@_attrs_define
class Skill:
    """ 
        Example:
            {'name': 'PostgreSQL', 'category': 'Databases', 'level': 'ADVANCED'}

        Attributes:
            name (str):
            category (str):
            level (SkillLevel):
     """

    name: str
    category: str
    level: SkillLevel





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        category = self.category

        level = self.level.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "category": category,
            "level": level,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        category = d.pop("category")

        level = SkillLevel(d.pop("level"))




        skill = cls(
            name=name,
            category=category,
            level=level,
        )

        return skill

