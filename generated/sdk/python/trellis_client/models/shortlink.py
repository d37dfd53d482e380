from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.shortlink_redirect_status import ShortlinkRedirectStatus
from ..models.shortlink_state import ShortlinkState
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Shortlink")



@_attrs_define
class Shortlink:
    """ 
        Example:
            {'id': '4c1e9a7b-2d3f-4e5a-8b6c-7d8e9f0a1b2c', 'code': 'spring-sale', 'short_url': 'https://sho.rt/s/spring-
                sale', 'custom': True, 'target_url': 'https://shop.example.com/offers/spring?utm_source=newsletter',
                'redirect_status': 302, 'enabled': True, 'expires_at': '2030-06-01T00:00:00Z', 'max_visits': None, 'visits':
                1289, 'state': 'ACTIVE', 'created_at': '2026-03-01T09:30:00Z', 'updated_at': '2026-03-01T09:30:00Z'}

        Attributes:
            id (UUID):
            code (str): The code after `/s/`; case-sensitive.
            short_url (str): The short URL to share: SHORTLINKS_BASE_URL (else the origin this request came in on), then
                `/s/` and the code.
            custom (bool): True when the code is an alias the owner chose, false when it was generated.
            target_url (str): Where the short URL redirects.
            redirect_status (ShortlinkRedirectStatus): The status `/s/{code}` answers: 302 (temporary; every visit reaches
                the server and is counted) or 301 (permanent; browsers may cache it and go straight to the target later, so
                later visits, an expiry or a switch-off may never be seen by them).
            enabled (bool): False switches the link off (`/s/{code}` answers 404) until it is switched on.
            expires_at (datetime.datetime | None): From this instant `/s/{code}` answers 410.
            max_visits (int | None): After this many redirects `/s/{code}` answers 410 (exact, even under concurrency).
            visits (int): Redirects answered so far. Exact for links with `max_visits`; for the others it grows as the
                servers flush their click counters (every SHORTLINKS_CLICK_FLUSH_SECONDS).
            state (ShortlinkState): What `/s/{code}` does now: ACTIVE redirects; DISABLED answers 404; EXPIRED and EXHAUSTED
                answer 410 (checked in that order).
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    code: str
    short_url: str
    custom: bool
    target_url: str
    redirect_status: ShortlinkRedirectStatus
    enabled: bool
    expires_at: datetime.datetime | None
    max_visits: int | None
    visits: int
    state: ShortlinkState
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        short_url = self.short_url

        custom = self.custom

        target_url = self.target_url

        redirect_status = self.redirect_status.value

        enabled = self.enabled

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        max_visits: int | None
        max_visits = self.max_visits

        visits = self.visits

        state = self.state.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "code": code,
            "short_url": short_url,
            "custom": custom,
            "target_url": target_url,
            "redirect_status": redirect_status,
            "enabled": enabled,
            "expires_at": expires_at,
            "max_visits": max_visits,
            "visits": visits,
            "state": state,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        code = d.pop("code")

        short_url = d.pop("short_url")

        custom = d.pop("custom")

        target_url = d.pop("target_url")

        redirect_status = ShortlinkRedirectStatus(d.pop("redirect_status"))




        enabled = d.pop("enabled")

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


        def _parse_max_visits(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_visits = _parse_max_visits(d.pop("max_visits"))


        visits = d.pop("visits")

        state = ShortlinkState(d.pop("state"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        shortlink = cls(
            id=id,
            code=code,
            short_url=short_url,
            custom=custom,
            target_url=target_url,
            redirect_status=redirect_status,
            enabled=enabled,
            expires_at=expires_at,
            max_visits=max_visits,
            visits=visits,
            state=state,
            created_at=created_at,
            updated_at=updated_at,
        )

        return shortlink

