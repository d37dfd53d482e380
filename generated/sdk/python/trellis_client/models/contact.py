from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contact_kind import ContactKind






T = TypeVar("T", bound="Contact")



@_attrs_define
class Contact:
    """ 
        Example:
            {'kind': 'EMAIL', 'label': 'Work', 'value': 'ada@example.com'}

        Attributes:
            kind (ContactKind):
            label (str):
            value (str):
     """

    kind: ContactKind
    label: str
    value: str





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        label = self.label

        value = self.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "label": label,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ContactKind(d.pop("kind"))




        label = d.pop("label")

        value = d.pop("value")

        contact = cls(
            kind=kind,
            label=label,
            value=value,
        )

        return contact

