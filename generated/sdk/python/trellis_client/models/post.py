from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.post_status import PostStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.profile import Profile





T = TypeVar("T", bound="Post")



@_attrs_define
class Post:
    """ 
        Example:
            {'slug': 'how-to-train-your-dragon', 'title': 'How to train your dragon', 'description': 'Ever wonder how?',
                'body': 'It takes a **Jacobian**.', 'html': '<p>It takes a <strong>Jacobian</strong>.</p>\\n', 'tags':
                ['dragons', 'training'], 'status': 'PUBLISHED', 'published_at': '2026-01-15T09:30:00Z', 'created_at':
                '2026-01-15T09:00:00Z', 'updated_at': '2026-01-15T09:30:00Z', 'author': {'username': 'jake', 'bio': 'I work at
                State Farm.', 'image': 'https://example.com/jake.jpg', 'following': False}, 'favorited': False,
                'favorites_count': 0}

        Attributes:
            slug (str): Derived from the title at creation, with a short random suffix when another post has it
                (`dragons-k3x9q2`); never changes.
            title (str):
            description (str):
            body (str): Markdown, as written.
            html (str): The body rendered to HTML and sanitised (no scripts, event handlers or styles).
            tags (list[str]):
            status (PostStatus): A DRAFT is visible to its author (and admins) only; a PUBLISHED post to everyone. Example:
                PUBLISHED.
            published_at (datetime.datetime | None): The first publication; null while the post has never been published.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            author (Profile): A user's public blog identity, created the first time they write or follow. Example:
                {'username': 'jake', 'bio': 'I work at State Farm.', 'image': 'https://example.com/jake.jpg', 'following':
                False}.
            favorited (bool): Whether you favorited the post (false when anonymous).
            favorites_count (int):
     """

    slug: str
    title: str
    description: str
    body: str
    html: str
    tags: list[str]
    status: PostStatus
    published_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    author: Profile
    favorited: bool
    favorites_count: int





    def to_dict(self) -> dict[str, Any]:
        from ..models.profile import Profile # noqa: PLC0415
        slug = self.slug

        title = self.title

        description = self.description

        body = self.body

        html = self.html

        tags = self.tags



        status = self.status.value

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        author = self.author.to_dict()

        favorited = self.favorited

        favorites_count = self.favorites_count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "slug": slug,
            "title": title,
            "description": description,
            "body": body,
            "html": html,
            "tags": tags,
            "status": status,
            "published_at": published_at,
            "created_at": created_at,
            "updated_at": updated_at,
            "author": author,
            "favorited": favorited,
            "favorites_count": favorites_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.profile import Profile # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        description = d.pop("description")

        body = d.pop("body")

        html = d.pop("html")

        tags = cast(list[str], d.pop("tags"))


        status = PostStatus(d.pop("status"))




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


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        author = Profile.from_dict(d.pop("author"))




        favorited = d.pop("favorited")

        favorites_count = d.pop("favorites_count")

        post = cls(
            slug=slug,
            title=title,
            description=description,
            body=body,
            html=html,
            tags=tags,
            status=status,
            published_at=published_at,
            created_at=created_at,
            updated_at=updated_at,
            author=author,
            favorited=favorited,
            favorites_count=favorites_count,
        )

        return post

