from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="LinkedIdentity")



@_attrs_define
class LinkedIdentity:
    """ A provider account that signs in as this account.

        Attributes:
            id (UUID):
            issuer (str): The provider (its OpenID Connect issuer).
            subject (str): The provider's id for the account (`sub`).
            email (None | str): The email the provider shared when the link was made.
            created_at (datetime.datetime): When the link was made (the first login with that provider account).
     """

    id: UUID
    issuer: str
    subject: str
    email: None | str
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        issuer = self.issuer

        subject = self.subject

        email: None | str
        email = self.email

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "issuer": issuer,
            "subject": subject,
            "email": email,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        issuer = d.pop("issuer")

        subject = d.pop("subject")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        linked_identity = cls(
            id=id,
            issuer=issuer,
            subject=subject,
            email=email,
            created_at=created_at,
        )

        return linked_identity

