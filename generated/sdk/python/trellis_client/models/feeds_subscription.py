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
  from ..models.feeds_fetch_state import FeedsFetchState





T = TypeVar("T", bound="FeedsSubscription")



@_attrs_define
class FeedsSubscription:
    """ 
        Example:
            {'id': '5a1c9e3b-7d2f-4e6a-8b0c-1f2e3d4c5b6a', 'url': 'https://news.example.org/feed.xml', 'title': None,
                'feed_title': 'Example News', 'site_url': 'https://news.example.org/', 'unread_count': 12, 'fetch_state':
                {'last_fetched_at': '2026-12-01T09:30:00Z', 'last_success_at': '2026-12-01T09:30:00Z', 'next_fetch_at':
                '2026-12-01T10:00:00Z', 'error_count': 0, 'last_error': None}, 'created_at': '2026-11-20T08:00:00Z'}

        Attributes:
            id (UUID):
            url (str): The feed's URL, normalised.
            title (None | str): Your name for the feed, if you gave one.
            feed_title (None | str): The title the feed gives itself; null until it has been fetched.
            site_url (None | str): The site the feed belongs to, as the feed says.
            unread_count (int):
            fetch_state (FeedsFetchState): How polling the feed goes, shared by every subscriber: the last attempt and
                success, the next poll, and the failures since the last success with the last one's problem. Example:
                {'last_fetched_at': '2026-12-01T09:30:00Z', 'last_success_at': '2026-12-01T08:00:00Z', 'next_fetch_at':
                '2026-12-01T09:40:00Z', 'error_count': 2, 'last_error': {'type': '/problems/feeds/not-a-feed', 'detail': 'the
                URL answers an HTML page that is not an RSS or Atom feed', 'at': '2026-12-01T09:30:00Z'}}.
            created_at (datetime.datetime):
     """

    id: UUID
    url: str
    title: None | str
    feed_title: None | str
    site_url: None | str
    unread_count: int
    fetch_state: FeedsFetchState
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.feeds_fetch_state import FeedsFetchState # noqa: PLC0415
        id = str(self.id)

        url = self.url

        title: None | str
        title = self.title

        feed_title: None | str
        feed_title = self.feed_title

        site_url: None | str
        site_url = self.site_url

        unread_count = self.unread_count

        fetch_state = self.fetch_state.to_dict()

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "url": url,
            "title": title,
            "feed_title": feed_title,
            "site_url": site_url,
            "unread_count": unread_count,
            "fetch_state": fetch_state,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feeds_fetch_state import FeedsFetchState # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        url = d.pop("url")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_feed_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        feed_title = _parse_feed_title(d.pop("feed_title"))


        def _parse_site_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        site_url = _parse_site_url(d.pop("site_url"))


        unread_count = d.pop("unread_count")

        fetch_state = FeedsFetchState.from_dict(d.pop("fetch_state"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        feeds_subscription = cls(
            id=id,
            url=url,
            title=title,
            feed_title=feed_title,
            site_url=site_url,
            unread_count=unread_count,
            fetch_state=fetch_state,
            created_at=created_at,
        )

        return feeds_subscription

