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






T = TypeVar("T", bound="OutboxMessage")



@_attrs_define
class OutboxMessage:
    """ 
        Example:
            {'id': '5a1c9e7b-3d2f-4b8a-9c6e-1f0d2b3a4c5e', 'to': 'ada@example.com', 'subject': 'Your report is ready',
                'text': 'The weekly report you asked for is attached to your dashboard.', 'status': 'SENT', 'attempts': 1,
                'last_error': None, 'next_attempt_at': None, 'message_id':
                '<outbox.5a1c9e7b-3d2f-4b8a-9c6e-1f0d2b3a4c5e@example.com>', 'created_at': '2026-01-15T09:30:00Z', 'updated_at':
                '2026-01-15T09:30:02Z', 'sent_at': '2026-01-15T09:30:02Z', 'dead_at': None}

        Attributes:
            id (UUID):
            to (str):
            subject (str):
            text (str):
            status (OutboxMessageStatus): PENDING: waiting for its first attempt (or requeued). SENDING: a worker is sending
                it. SENT: the SMTP server accepted it. FAILED: the last attempt failed transiently; retried at
                `next_attempt_at`. DEAD: failed permanently or too often; only an admin requeue sends it again. Example: SENT.
            attempts (int): Send attempts started so far.
            last_error (None | str): Why the last failed attempt failed (an SMTP code and text, or a network error).
            next_attempt_at (datetime.datetime | None): When the next attempt is due (PENDING, FAILED); null otherwise.
            message_id (str): The Message-ID header the message is sent with, the same on every attempt. Not the message's
                `id`, which the `/outbox/messages/{message_id}` paths take.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            sent_at (datetime.datetime | None):
            dead_at (datetime.datetime | None):
     """

    id: UUID
    to: str
    subject: str
    text: str
    status: OutboxMessageStatus
    attempts: int
    last_error: None | str
    next_attempt_at: datetime.datetime | None
    message_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    sent_at: datetime.datetime | None
    dead_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        to = self.to

        subject = self.subject

        text = self.text

        status = self.status.value

        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        message_id = self.message_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        dead_at: None | str
        if isinstance(self.dead_at, datetime.datetime):
            dead_at = self.dead_at.isoformat()
        else:
            dead_at = self.dead_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "to": to,
            "subject": subject,
            "text": text,
            "status": status,
            "attempts": attempts,
            "last_error": last_error,
            "next_attempt_at": next_attempt_at,
            "message_id": message_id,
            "created_at": created_at,
            "updated_at": updated_at,
            "sent_at": sent_at,
            "dead_at": dead_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        to = d.pop("to")

        subject = d.pop("subject")

        text = d.pop("text")

        status = OutboxMessageStatus(d.pop("status"))




        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        message_id = d.pop("message_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))


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


        outbox_message = cls(
            id=id,
            to=to,
            subject=subject,
            text=text,
            status=status,
            attempts=attempts,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            message_id=message_id,
            created_at=created_at,
            updated_at=updated_at,
            sent_at=sent_at,
            dead_at=dead_at,
        )

        return outbox_message

