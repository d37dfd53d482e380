from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_role import UserRole
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="User")



@_attrs_define
class User:
    """ 
        Example:
            {'id': '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a', 'email': 'ada@example.com', 'email_verified': True,
                'display_name': 'Ada Lovelace', 'role': 'USER', 'created_at': '2026-01-15T09:30:00Z', 'updated_at':
                '2026-01-15T09:30:00Z'}

        Attributes:
            id (UUID):
            email (str):
            email_verified (bool): Whether the account proved it reads this mailbox (a verification code, a password reset,
                an invitation, or a provider's verified email at OAuth login).
            display_name (str):
            role (UserRole):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    email: str
    email_verified: bool
    display_name: str
    role: UserRole
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        email_verified = self.email_verified

        display_name = self.display_name

        role = self.role.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "email": email,
            "email_verified": email_verified,
            "display_name": display_name,
            "role": role,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        email = d.pop("email")

        email_verified = d.pop("email_verified")

        display_name = d.pop("display_name")

        role = UserRole(d.pop("role"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        user = cls(
            id=id,
            email=email,
            email_verified=email_verified,
            display_name=display_name,
            role=role,
            created_at=created_at,
            updated_at=updated_at,
        )

        return user

