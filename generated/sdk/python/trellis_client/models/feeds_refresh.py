from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feeds_refresh_outcome import FeedsRefreshOutcome
from typing import cast

if TYPE_CHECKING:
  from ..models.feeds_subscription import FeedsSubscription





T = TypeVar("T", bound="FeedsRefresh")



@_attrs_define
class FeedsRefresh:
    """ 
        Attributes:
            outcome (FeedsRefreshOutcome): NOT_MODIFIED when the feed answered 304 to the conditional request.
            new_entries (int): Entries this fetch added to the feed.
            subscription (FeedsSubscription):  Example: {'id': '5a1c9e3b-7d2f-4e6a-8b0c-1f2e3d4c5b6a', 'url':
                'https://news.example.org/feed.xml', 'title': None, 'feed_title': 'Example News', 'site_url':
                'https://news.example.org/', 'unread_count': 12, 'fetch_state': {'last_fetched_at': '2026-12-01T09:30:00Z',
                'last_success_at': '2026-12-01T09:30:00Z', 'next_fetch_at': '2026-12-01T10:00:00Z', 'error_count': 0,
                'last_error': None}, 'created_at': '2026-11-20T08:00:00Z'}.
     """

    outcome: FeedsRefreshOutcome
    new_entries: int
    subscription: FeedsSubscription





    def to_dict(self) -> dict[str, Any]:
        from ..models.feeds_subscription import FeedsSubscription # noqa: PLC0415
        outcome = self.outcome.value

        new_entries = self.new_entries

        subscription = self.subscription.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "outcome": outcome,
            "new_entries": new_entries,
            "subscription": subscription,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feeds_subscription import FeedsSubscription # noqa: PLC0415
        d = dict(src_dict)
        outcome = FeedsRefreshOutcome(d.pop("outcome"))




        new_entries = d.pop("new_entries")

        subscription = FeedsSubscription.from_dict(d.pop("subscription"))




        feeds_refresh = cls(
            outcome=outcome,
            new_entries=new_entries,
            subscription=subscription,
        )

        return feeds_refresh

