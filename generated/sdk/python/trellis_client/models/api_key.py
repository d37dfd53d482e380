from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_scope import ApiKeyScope
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ApiKey")



@_attrs_define
class ApiKey:
    """ 
        Attributes:
            id (UUID):
            owner_id (UUID):
            name (str):
            prefix (str): The non-secret start of the key (`trk_` and the lookup id), to recognise it.
            scope (ApiKeyScope): READ_ONLY keys may only use GET, HEAD and OPTIONS.
            rate_limit_per_minute (int): Requests per minute this key may make (the key's own limit or the default).
            created_at (datetime.datetime):
            last_used_at (datetime.datetime | None): Last authenticated use, to within one minute.
            expires_at (datetime.datetime | None):
            revoked_at (datetime.datetime | None):
     """

    id: UUID
    owner_id: UUID
    name: str
    prefix: str
    scope: ApiKeyScope
    rate_limit_per_minute: int
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    revoked_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        owner_id = str(self.owner_id)

        name = self.name

        prefix = self.prefix

        scope = self.scope.value

        rate_limit_per_minute = self.rate_limit_per_minute

        created_at = self.created_at.isoformat()

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "owner_id": owner_id,
            "name": name,
            "prefix": prefix,
            "scope": scope,
            "rate_limit_per_minute": rate_limit_per_minute,
            "created_at": created_at,
            "last_used_at": last_used_at,
            "expires_at": expires_at,
            "revoked_at": revoked_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        owner_id = UUID(d.pop("owner_id"))




        name = d.pop("name")

        prefix = d.pop("prefix")

        scope = ApiKeyScope(d.pop("scope"))




        rate_limit_per_minute = d.pop("rate_limit_per_minute")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))


        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        api_key = cls(
            id=id,
            owner_id=owner_id,
            name=name,
            prefix=prefix,
            scope=scope,
            rate_limit_per_minute=rate_limit_per_minute,
            created_at=created_at,
            last_used_at=last_used_at,
            expires_at=expires_at,
            revoked_at=revoked_at,
        )

        return api_key

