from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.activity_kind import ActivityKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Activity")



@_attrs_define
class Activity:
    """ 
        Attributes:
            id (UUID):
            kind (ActivityKind):
            actor_id (UUID): Who did it.
            from_ (None | str): The previous state or assignee id (null when there was none).
            to (None | str): The new state or assignee id (null when unassigned).
            created_at (datetime.datetime):
     """

    id: UUID
    kind: ActivityKind
    actor_id: UUID
    from_: None | str
    to: None | str
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        actor_id = str(self.actor_id)

        from_: None | str
        from_ = self.from_

        to: None | str
        to = self.to

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "kind": kind,
            "actor_id": actor_id,
            "from": from_,
            "to": to,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        kind = ActivityKind(d.pop("kind"))




        actor_id = UUID(d.pop("actor_id"))




        def _parse_from_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_ = _parse_from_(d.pop("from"))


        def _parse_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to = _parse_to(d.pop("to"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        activity = cls(
            id=id,
            kind=kind,
            actor_id=actor_id,
            from_=from_,
            to=to,
            created_at=created_at,
        )

        return activity

