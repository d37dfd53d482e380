from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outbox_message_status import OutboxMessageStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="OutboxDeadLetter")



@_attrs_define
class OutboxDeadLetter:
    """ A message as the admin sees it: who queued it and why it failed, but not its body (messages other domains queue may
    carry one-use links).

        Example:
            {'id': '5a1c9e7b-3d2f-4b8a-9c6e-1f0d2b3a4c5e', 'owner_id': '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a', 'kind':
                'api', 'to': 'nobody@example.com', 'subject': 'Your report is ready', 'status': 'DEAD', 'attempts': 1,
                'last_error': '550 5.1.1 mailbox unavailable', 'message_id':
                '<outbox.5a1c9e7b-3d2f-4b8a-9c6e-1f0d2b3a4c5e@example.com>', 'created_at': '2026-01-15T09:30:00Z', 'updated_at':
                '2026-01-15T09:30:02Z', 'dead_at': '2026-01-15T09:30:02Z'}

        Attributes:
            id (UUID):
            owner_id (None | UUID): The user who queued it through the API; null for messages another domain queued.
            kind (str): What the message is for (`api` for messages queued through this API).
            to (str):
            subject (str):
            status (OutboxMessageStatus): PENDING: waiting for its first attempt (or requeued). SENDING: a worker is sending
                it. SENT: the SMTP server accepted it. FAILED: the last attempt failed transiently; retried at
                `next_attempt_at`. DEAD: failed permanently or too often; only an admin requeue sends it again. Example: SENT.
            attempts (int):
            last_error (None | str):
            message_id (str): The Message-ID header the message was sent with. Not the message's `id`, which `POST
                /outbox/dead-letters/{message_id}/requeues` takes.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            dead_at (datetime.datetime | None):
     """

    id: UUID
    owner_id: None | UUID
    kind: str
    to: str
    subject: str
    status: OutboxMessageStatus
    attempts: int
    last_error: None | str
    message_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    dead_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        kind = self.kind

        to = self.to

        subject = self.subject

        status = self.status.value

        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        message_id = self.message_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        dead_at: None | str
        if isinstance(self.dead_at, datetime.datetime):
            dead_at = self.dead_at.isoformat()
        else:
            dead_at = self.dead_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "owner_id": owner_id,
            "kind": kind,
            "to": to,
            "subject": subject,
            "status": status,
            "attempts": attempts,
            "last_error": last_error,
            "message_id": message_id,
            "created_at": created_at,
            "updated_at": updated_at,
            "dead_at": dead_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_owner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)



                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))


        kind = d.pop("kind")

        to = d.pop("to")

        subject = d.pop("subject")

        status = OutboxMessageStatus(d.pop("status"))




        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        message_id = d.pop("message_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_dead_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dead_at_type_0 = datetime.datetime.fromisoformat(data)



                return dead_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        dead_at = _parse_dead_at(d.pop("dead_at"))


        outbox_dead_letter = cls(
            id=id,
            owner_id=owner_id,
            kind=kind,
            to=to,
            subject=subject,
            status=status,
            attempts=attempts,
            last_error=last_error,
            message_id=message_id,
            created_at=created_at,
            updated_at=updated_at,
            dead_at=dead_at,
        )

        return outbox_dead_letter

