from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FeedsFetchStateLastErrorType0")



@_attrs_define
class FeedsFetchStateLastErrorType0:
    """ The last failure, until a fetch succeeds.

        Attributes:
            type_ (str): The problem type, e.g. `/problems/feeds/not-a-feed`, `/problems/feeds/malformed-feed`,
                `/problems/feeds/unsupported-content-type`, `/problems/feeds/upstream-status`, `/problems/outbound/response-too-
                large`, `/problems/outbound/url-refused`, `/problems/upstream-unavailable`, `/problems/upstream-timeout`.
            detail (str):
            at (datetime.datetime):
     """

    type_: str
    detail: str
    at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        detail = self.detail

        at = self.at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "type": type_,
            "detail": detail,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        detail = d.pop("detail")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        feeds_fetch_state_last_error_type_0 = cls(
            type_=type_,
            detail=detail,
            at=at,
        )

        return feeds_fetch_state_last_error_type_0

