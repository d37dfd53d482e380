from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Preview")



@_attrs_define
class Preview:
    """ What the page declares. Each field is null when the page does not say; URLs are absolute http(s), resolved against
    the page (and its `<base href>`).

        Attributes:
            url (str): Where the page was fetched from, after redirects.
            canonical_url (None | str): `<link rel=canonical>`, else `og:url`.
            title (None | str): `og:title`, `twitter:title`, `<title>`, else the first `<h1>` (at most 300 characters).
            description (None | str): `og:description`, `twitter:description`, `<meta name=description>`, else the first
                paragraph (at most 1,000 characters).
            image (None | str): `og:image` (secure URL first), else `twitter:image`; for an image URL, the URL itself.
            site_name (None | str): `og:site_name`, else `application-name`.
            favicon (None | str): `<link rel=icon>` or `apple-touch-icon`, else `/favicon.ico` of the page's site.
            type_ (None | str): `og:type` (`article`, `website` ...); `image` for an image URL.
            content_type (str): The media type the page was served with.
            fetched_at (datetime.datetime):
            expires_at (datetime.datetime): Until then, lookups of this URL are answered from the cache.
     """

    url: str
    canonical_url: None | str
    title: None | str
    description: None | str
    image: None | str
    site_name: None | str
    favicon: None | str
    type_: None | str
    content_type: str
    fetched_at: datetime.datetime
    expires_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        canonical_url: None | str
        canonical_url = self.canonical_url

        title: None | str
        title = self.title

        description: None | str
        description = self.description

        image: None | str
        image = self.image

        site_name: None | str
        site_name = self.site_name

        favicon: None | str
        favicon = self.favicon

        type_: None | str
        type_ = self.type_

        content_type = self.content_type

        fetched_at = self.fetched_at.isoformat()

        expires_at = self.expires_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
            "canonical_url": canonical_url,
            "title": title,
            "description": description,
            "image": image,
            "site_name": site_name,
            "favicon": favicon,
            "type": type_,
            "content_type": content_type,
            "fetched_at": fetched_at,
            "expires_at": expires_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        def _parse_canonical_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        canonical_url = _parse_canonical_url(d.pop("canonical_url"))


        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_image(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image = _parse_image(d.pop("image"))


        def _parse_site_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        site_name = _parse_site_name(d.pop("site_name"))


        def _parse_favicon(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        favicon = _parse_favicon(d.pop("favicon"))


        def _parse_type_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        type_ = _parse_type_(d.pop("type"))


        content_type = d.pop("content_type")

        fetched_at = datetime.datetime.fromisoformat(d.pop("fetched_at"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        preview = cls(
            url=url,
            canonical_url=canonical_url,
            title=title,
            description=description,
            image=image,
            site_name=site_name,
            favicon=favicon,
            type_=type_,
            content_type=content_type,
            fetched_at=fetched_at,
            expires_at=expires_at,
        )

        return preview

