from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="FeedsEntry")



@_attrs_define
class FeedsEntry:
    """ 
        Example:
            {'id': '8e4d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f', 'title': 'The bridges of the north', 'link':
                'https://news.example.org/2026/11/bridges', 'summary': '<p>A photo essay on the footbridges of three harbour
                towns.</p>', 'author': 'Ada Lovelace', 'published_at': '2026-11-30T07:00:00Z', 'read': False,
                'subscription_ids': ['5a1c9e3b-7d2f-4e6a-8b0c-1f2e3d4c5b6a'], 'created_at': '2026-11-30T07:10:00Z'}

        Attributes:
            id (UUID):
            title (None | str): Plain text.
            link (None | str): The entry's canonical http(s) link.
            summary (None | str): Sanitised HTML (an allow-list of tags; no scripts, styles or event handlers).
            author (None | str):
            published_at (datetime.datetime | None):
            read (bool):
            subscription_ids (list[UUID]): Your subscriptions whose feeds carry the entry.
            created_at (datetime.datetime): When the entry was first seen in any feed.
     """

    id: UUID
    title: None | str
    link: None | str
    summary: None | str
    author: None | str
    published_at: datetime.datetime | None
    read: bool
    subscription_ids: list[UUID]
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title: None | str
        title = self.title

        link: None | str
        link = self.link

        summary: None | str
        summary = self.summary

        author: None | str
        author = self.author

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        read = self.read

        subscription_ids = []
        for subscription_ids_item_data in self.subscription_ids:
            subscription_ids_item = str(subscription_ids_item_data)
            subscription_ids.append(subscription_ids_item)



        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "title": title,
            "link": link,
            "summary": summary,
            "author": author,
            "published_at": published_at,
            "read": read,
            "subscription_ids": subscription_ids,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_link(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        link = _parse_link(d.pop("link"))


        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))


        def _parse_author(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author = _parse_author(d.pop("author"))


        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        read = d.pop("read")

        subscription_ids = []
        _subscription_ids = d.pop("subscription_ids")
        for subscription_ids_item_data in (_subscription_ids):
            subscription_ids_item = UUID(subscription_ids_item_data)



            subscription_ids.append(subscription_ids_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        feeds_entry = cls(
            id=id,
            title=title,
            link=link,
            summary=summary,
            author=author,
            published_at=published_at,
            read=read,
            subscription_ids=subscription_ids,
            created_at=created_at,
        )

        return feeds_entry

