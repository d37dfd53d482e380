from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="OutboxMessageCreate")



@_attrs_define
class OutboxMessageCreate:
    """ 
        Example:
            {'to': 'ada@example.com', 'subject': 'Your report is ready', 'text': 'The weekly report you asked for is
                attached to your dashboard.'}

        Attributes:
            to (str): The recipient's address.
            subject (str): One line.
            text (str): The plain-text body.
     """

    to: str
    subject: str
    text: str





    def to_dict(self) -> dict[str, Any]:
        to = self.to

        subject = self.subject

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "to": to,
            "subject": subject,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = d.pop("to")

        subject = d.pop("subject")

        text = d.pop("text")

        outbox_message_create = cls(
            to=to,
            subject=subject,
            text=text,
        )

        return outbox_message_create

