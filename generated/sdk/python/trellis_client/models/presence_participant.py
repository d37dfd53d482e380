from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.presence_participant_cursor_type_0 import PresenceParticipantCursorType0
  from ..models.presence_participant_selection_type_0 import PresenceParticipantSelectionType0





T = TypeVar("T", bound="PresenceParticipant")



@_attrs_define
class PresenceParticipant:
    """ One open connection in a room (a user with two tabs open is two participants).

        Example:
            {'connection_id': '5f0c6a1e9b2d4c7e8a3f1b6d0e9c2a47', 'user_id': '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b',
                'display_name': 'Grace', 'joined_at': '2026-01-15T09:31:00Z', 'cursor': {'line': 12, 'column': 4}, 'selection':
                None}

        Attributes:
            connection_id (str): The connection's id (32 hex digits).
            user_id (UUID):
            display_name (str):
            joined_at (datetime.datetime):
            cursor (None | PresenceParticipantCursorType0): The last cursor the connection sent (any small JSON object), or
                null.
            selection (None | PresenceParticipantSelectionType0): The last selection the connection sent (any small JSON
                object), or null.
     """

    connection_id: str
    user_id: UUID
    display_name: str
    joined_at: datetime.datetime
    cursor: None | PresenceParticipantCursorType0
    selection: None | PresenceParticipantSelectionType0





    def to_dict(self) -> dict[str, Any]:
        from ..models.presence_participant_cursor_type_0 import PresenceParticipantCursorType0 # noqa: PLC0415
        from ..models.presence_participant_selection_type_0 import PresenceParticipantSelectionType0 # noqa: PLC0415
        connection_id = self.connection_id

        user_id = str(self.user_id)

        display_name = self.display_name

        joined_at = self.joined_at.isoformat()

        cursor: dict[str, Any] | None
        if isinstance(self.cursor, PresenceParticipantCursorType0):
            cursor = self.cursor.to_dict()
        else:
            cursor = self.cursor

        selection: dict[str, Any] | None
        if isinstance(self.selection, PresenceParticipantSelectionType0):
            selection = self.selection.to_dict()
        else:
            selection = self.selection


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "connection_id": connection_id,
            "user_id": user_id,
            "display_name": display_name,
            "joined_at": joined_at,
            "cursor": cursor,
            "selection": selection,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.presence_participant_cursor_type_0 import PresenceParticipantCursorType0 # noqa: PLC0415
        from ..models.presence_participant_selection_type_0 import PresenceParticipantSelectionType0 # noqa: PLC0415
        d = dict(src_dict)
        connection_id = d.pop("connection_id")

        user_id = UUID(d.pop("user_id"))




        display_name = d.pop("display_name")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))




        def _parse_cursor(data: object) -> None | PresenceParticipantCursorType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cursor_type_0 = PresenceParticipantCursorType0.from_dict(data)



                return cursor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PresenceParticipantCursorType0, data)

        cursor = _parse_cursor(d.pop("cursor"))


        def _parse_selection(data: object) -> None | PresenceParticipantSelectionType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                selection_type_0 = PresenceParticipantSelectionType0.from_dict(data)



                return selection_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PresenceParticipantSelectionType0, data)

        selection = _parse_selection(d.pop("selection"))


        presence_participant = cls(
            connection_id=connection_id,
            user_id=user_id,
            display_name=display_name,
            joined_at=joined_at,
            cursor=cursor,
            selection=selection,
        )

        return presence_participant

