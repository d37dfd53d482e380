from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.notifications_item_payload import NotificationsItemPayload





T = TypeVar("T", bound="NotificationsItem")



@_attrs_define
class NotificationsItem:
    """ Something another domain told you. `id` grows with every notification you receive (it is the stream's event id);
    `payload` depends on `kind` (for `blog.comment_on_my_post`: `post_slug`, `post_title`, `comment_id`, `commenter`).

        Example:
            {'id': 42, 'kind': 'blog.comment_on_my_post', 'subject': 'ann commented on your post "Spring planting"',
                'payload': {'post_slug': 'spring-planting', 'post_title': 'Spring planting', 'comment_id': 7, 'commenter':
                'ann'}, 'created_at': '2026-01-15T09:30:00Z', 'read_at': None}

        Attributes:
            id (int):
            kind (str): What happened, as `<domain>.<event>` (see GET /notifications/subscriptions).
            subject (str): One line a person can read.
            payload (NotificationsItemPayload): The details a client needs to link to what happened; depends on `kind`.
            created_at (datetime.datetime):
            read_at (datetime.datetime | None): When you first marked it read; null while unread.
     """

    id: int
    kind: str
    subject: str
    payload: NotificationsItemPayload
    created_at: datetime.datetime
    read_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.notifications_item_payload import NotificationsItemPayload # noqa: PLC0415
        id = self.id

        kind = self.kind

        subject = self.subject

        payload = self.payload.to_dict()

        created_at = self.created_at.isoformat()

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "kind": kind,
            "subject": subject,
            "payload": payload,
            "created_at": created_at,
            "read_at": read_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notifications_item_payload import NotificationsItemPayload # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        subject = d.pop("subject")

        payload = NotificationsItemPayload.from_dict(d.pop("payload"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)



                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))


        notifications_item = cls(
            id=id,
            kind=kind,
            subject=subject,
            payload=payload,
            created_at=created_at,
            read_at=read_at,
        )

        return notifications_item

