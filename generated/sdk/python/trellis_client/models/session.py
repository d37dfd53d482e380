from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Session")



@_attrs_define
class Session:
    """ 
        Attributes:
            id (UUID): The session's id (not the cookie value, which is never shown).
            current (bool): True for the session this request was made with.
            created_at (datetime.datetime):
            last_seen_at (datetime.datetime): Last request with this session, to within one minute.
            idle_expires_at (datetime.datetime): When the session ends unless it is used before (idle timeout).
            expires_at (datetime.datetime): When the session ends whatever happens (absolute timeout).
            user_agent (None | str):
            client_address (None | str):
     """

    id: UUID
    current: bool
    created_at: datetime.datetime
    last_seen_at: datetime.datetime
    idle_expires_at: datetime.datetime
    expires_at: datetime.datetime
    user_agent: None | str
    client_address: None | str





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        current = self.current

        created_at = self.created_at.isoformat()

        last_seen_at = self.last_seen_at.isoformat()

        idle_expires_at = self.idle_expires_at.isoformat()

        expires_at = self.expires_at.isoformat()

        user_agent: None | str
        user_agent = self.user_agent

        client_address: None | str
        client_address = self.client_address


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "current": current,
            "created_at": created_at,
            "last_seen_at": last_seen_at,
            "idle_expires_at": idle_expires_at,
            "expires_at": expires_at,
            "user_agent": user_agent,
            "client_address": client_address,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        current = d.pop("current")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        last_seen_at = datetime.datetime.fromisoformat(d.pop("last_seen_at"))




        idle_expires_at = datetime.datetime.fromisoformat(d.pop("idle_expires_at"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        def _parse_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_agent = _parse_user_agent(d.pop("user_agent"))


        def _parse_client_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_address = _parse_client_address(d.pop("client_address"))


        session = cls(
            id=id,
            current=current,
            created_at=created_at,
            last_seen_at=last_seen_at,
            idle_expires_at=idle_expires_at,
            expires_at=expires_at,
            user_agent=user_agent,
            client_address=client_address,
        )

        return session

