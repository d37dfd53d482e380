from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.feeds_fetch_state_last_error_type_0 import FeedsFetchStateLastErrorType0





T = TypeVar("T", bound="FeedsFetchState")



@_attrs_define
class FeedsFetchState:
    """ How polling the feed goes, shared by every subscriber: the last attempt and success, the next poll, and the failures
    since the last success with the last one's problem.

        Example:
            {'last_fetched_at': '2026-12-01T09:30:00Z', 'last_success_at': '2026-12-01T08:00:00Z', 'next_fetch_at':
                '2026-12-01T09:40:00Z', 'error_count': 2, 'last_error': {'type': '/problems/feeds/not-a-feed', 'detail': 'the
                URL answers an HTML page that is not an RSS or Atom feed', 'at': '2026-12-01T09:30:00Z'}}

        Attributes:
            last_fetched_at (datetime.datetime | None): The last attempt, whatever its outcome; null before the first fetch.
            last_success_at (datetime.datetime | None):
            next_fetch_at (datetime.datetime):
            error_count (int): Failed fetches in a row (0 after a success); the backoff doubles with each.
            last_error (FeedsFetchStateLastErrorType0 | None): The last failure, until a fetch succeeds.
     """

    last_fetched_at: datetime.datetime | None
    last_success_at: datetime.datetime | None
    next_fetch_at: datetime.datetime
    error_count: int
    last_error: FeedsFetchStateLastErrorType0 | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.feeds_fetch_state_last_error_type_0 import FeedsFetchStateLastErrorType0 # noqa: PLC0415
        last_fetched_at: None | str
        if isinstance(self.last_fetched_at, datetime.datetime):
            last_fetched_at = self.last_fetched_at.isoformat()
        else:
            last_fetched_at = self.last_fetched_at

        last_success_at: None | str
        if isinstance(self.last_success_at, datetime.datetime):
            last_success_at = self.last_success_at.isoformat()
        else:
            last_success_at = self.last_success_at

        next_fetch_at = self.next_fetch_at.isoformat()

        error_count = self.error_count

        last_error: dict[str, Any] | None
        if isinstance(self.last_error, FeedsFetchStateLastErrorType0):
            last_error = self.last_error.to_dict()
        else:
            last_error = self.last_error


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "last_fetched_at": last_fetched_at,
            "last_success_at": last_success_at,
            "next_fetch_at": next_fetch_at,
            "error_count": error_count,
            "last_error": last_error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feeds_fetch_state_last_error_type_0 import FeedsFetchStateLastErrorType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_last_fetched_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_fetched_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_fetched_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_fetched_at = _parse_last_fetched_at(d.pop("last_fetched_at"))


        def _parse_last_success_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_success_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_success_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_success_at = _parse_last_success_at(d.pop("last_success_at"))


        next_fetch_at = datetime.datetime.fromisoformat(d.pop("next_fetch_at"))




        error_count = d.pop("error_count")

        def _parse_last_error(data: object) -> FeedsFetchStateLastErrorType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_error_type_0 = FeedsFetchStateLastErrorType0.from_dict(data)



                return last_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FeedsFetchStateLastErrorType0 | None, data)

        last_error = _parse_last_error(d.pop("last_error"))


        feeds_fetch_state = cls(
            last_fetched_at=last_fetched_at,
            last_success_at=last_success_at,
            next_fetch_at=next_fetch_at,
            error_count=error_count,
            last_error=last_error,
        )

        return feeds_fetch_state

