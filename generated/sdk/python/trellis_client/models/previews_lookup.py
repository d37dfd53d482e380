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
  from ..models.preview import Preview





T = TypeVar("T", bound="PreviewsLookup")



@_attrs_define
class PreviewsLookup:
    """ 
        Example:
            {'id': '9b2e7c41-3f6a-4d8e-a1c5-6e0f2b7d9a13', 'url': 'https://news.example.org/2026/11/bridges', 'from_cache':
                False, 'created_at': '2026-11-30T09:30:00Z', 'preview': {'url': 'https://news.example.org/2026/11/bridges',
                'canonical_url': 'https://news.example.org/2026/11/bridges', 'title': 'The bridges of the north', 'description':
                'A photo essay on the footbridges of three harbour towns.', 'image': 'https://news.example.org/media/bridges-
                cover.jpg', 'site_name': 'Example News', 'favicon': 'https://news.example.org/favicon-32.png', 'type':
                'article', 'content_type': 'text/html', 'fetched_at': '2026-11-30T09:30:00Z', 'expires_at':
                '2026-12-01T09:30:00Z'}}

        Attributes:
            id (UUID):
            url (str): The URL asked for, normalised (scheme and host lower case, no fragment, no default port).
            from_cache (bool): True when the preview came from the cache rather than a fetch made for this lookup.
            created_at (datetime.datetime):
            preview (Preview): What the page declares. Each field is null when the page does not say; URLs are absolute
                http(s), resolved against the page (and its `<base href>`).
     """

    id: UUID
    url: str
    from_cache: bool
    created_at: datetime.datetime
    preview: Preview





    def to_dict(self) -> dict[str, Any]:
        from ..models.preview import Preview # noqa: PLC0415
        id = str(self.id)

        url = self.url

        from_cache = self.from_cache

        created_at = self.created_at.isoformat()

        preview = self.preview.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "url": url,
            "from_cache": from_cache,
            "created_at": created_at,
            "preview": preview,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview import Preview # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        url = d.pop("url")

        from_cache = d.pop("from_cache")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        preview = Preview.from_dict(d.pop("preview"))




        previews_lookup = cls(
            id=id,
            url=url,
            from_cache=from_cache,
            created_at=created_at,
            preview=preview,
        )

        return previews_lookup

