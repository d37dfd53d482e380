from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.task_create_status import TaskCreateStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="TaskCreate")



@_attrs_define
class TaskCreate:
    """ 
        Example:
            {'title': 'Renew passport', 'notes': 'Photos are in the drawer.', 'due_at': '2026-03-01T17:00:00Z'}

        Attributes:
            title (str):
            notes (str | Unset):  Default: ''.
            status (TaskCreateStatus | Unset):  Default: TaskCreateStatus.OPEN.
            due_at (datetime.datetime | None | Unset):
     """

    title: str
    notes: str | Unset = ''
    status: TaskCreateStatus | Unset = TaskCreateStatus.OPEN
    due_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        notes = self.notes

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
        })
        if notes is not UNSET:
            field_dict["notes"] = notes
        if status is not UNSET:
            field_dict["status"] = status
        if due_at is not UNSET:
            field_dict["due_at"] = due_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        notes = d.pop("notes", UNSET)

        _status = d.pop("status", UNSET)
        status: TaskCreateStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = TaskCreateStatus(_status)




        def _parse_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)



                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        task_create = cls(
            title=title,
            notes=notes,
            status=status,
            due_at=due_at,
        )

        return task_create

