from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.task_status import TaskStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Task")



@_attrs_define
class Task:
    """ 
        Example:
            {'id': '6a1f4a2e-5c3b-4d2a-9e8f-7b6c5d4e3f2a', 'title': 'Renew passport', 'notes': 'Photos are in the drawer.',
                'status': 'OPEN', 'due_at': '2026-03-01T17:00:00Z', 'completed_at': None, 'created_at': '2026-01-15T09:30:00Z',
                'updated_at': '2026-01-15T09:30:00Z'}

        Attributes:
            id (UUID):
            title (str):
            notes (str):
            status (TaskStatus):
            due_at (datetime.datetime | None):
            completed_at (datetime.datetime | None): Set when the task becomes DONE, cleared when it is reopened.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    title: str
    notes: str
    status: TaskStatus
    due_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        notes = self.notes

        status = self.status.value

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "title": title,
            "notes": notes,
            "status": status,
            "due_at": due_at,
            "completed_at": completed_at,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        title = d.pop("title")

        notes = d.pop("notes")

        status = TaskStatus(d.pop("status"))




        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)



                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))


        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)



                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        task = cls(
            id=id,
            title=title,
            notes=notes,
            status=status,
            due_at=due_at,
            completed_at=completed_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        return task

