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
  from ..models.audit_event_details import AuditEventDetails





T = TypeVar("T", bound="AuditEvent")



@_attrs_define
class AuditEvent:
    """ 
        Attributes:
            id (UUID):
            actor_id (None | UUID): Who acted (null for the system, or for a failed login, whose author is unknown).
            action (str): What happened. About accounts: SIGNED_UP, LOGGED_IN (`details`: `via`, `client_address`,
                `user_agent`), LOGIN_FAILED (one event per account per window; `details`: `count`, `last_at`,
                `client_addresses`), PASSWORD_CHANGED, PASSWORD_RESET, EMAIL_VERIFIED, OAUTH_LINKED, OAUTH_UNLINKED
                (`details.issuer`), SESSION_REVOKED (`details.kind`: `token` or `session`), INVITED, ROLE_CHANGED,
                USER_DISABLED, USER_ENABLED; about API keys: KEY_CREATED, KEY_FIRST_USED, KEY_RATE_LIMITED, KEY_REVOKED.
            target_type (str):
            target_id (str):
            details (AuditEventDetails):
            created_at (datetime.datetime):
     """

    id: UUID
    actor_id: None | UUID
    action: str
    target_type: str
    target_id: str
    details: AuditEventDetails
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_details import AuditEventDetails # noqa: PLC0415
        id = str(self.id)

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        action = self.action

        target_type = self.target_type

        target_id = self.target_id

        details = self.details.to_dict()

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "actor_id": actor_id,
            "action": action,
            "target_type": target_type,
            "target_id": target_id,
            "details": details,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_details import AuditEventDetails # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)



                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        action = d.pop("action")

        target_type = d.pop("target_type")

        target_id = d.pop("target_id")

        details = AuditEventDetails.from_dict(d.pop("details"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        audit_event = cls(
            id=id,
            actor_id=actor_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            details=details,
            created_at=created_at,
        )

        return audit_event

