from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Page")



@_attrs_define
class Page:
    """ 
        Example:
            {'id': '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', 'title': 'Release checklist', 'slug': 'release-checklist',
                'body': '# Release\\n\\n- [ ] tag\\n- [ ] announce', 'html': '<h1>Release</h1>\\n<ul>\\n<li>[ ] tag</li>\\n<li>[
                ] announce</li>\\n</ul>\\n', 'tags': ['ops'], 'archived': False, 'revision': 2, 'created_at':
                '2026-01-15T09:30:00Z', 'updated_at': '2026-01-16T10:00:00Z'}

        Attributes:
            id (UUID):
            title (str):
            slug (str): Unique among your pages; renaming keeps the old slug redirecting here.
            body (str): Markdown, as written.
            html (str): The body rendered to HTML and sanitised (no scripts, event handlers or styles).
            tags (list[str]):
            archived (bool):
            revision (int): Number of the latest revision.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    title: str
    slug: str
    body: str
    html: str
    tags: list[str]
    archived: bool
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        slug = self.slug

        body = self.body

        html = self.html

        tags = self.tags



        archived = self.archived

        revision = self.revision

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "title": title,
            "slug": slug,
            "body": body,
            "html": html,
            "tags": tags,
            "archived": archived,
            "revision": revision,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        title = d.pop("title")

        slug = d.pop("slug")

        body = d.pop("body")

        html = d.pop("html")

        tags = cast(list[str], d.pop("tags"))


        archived = d.pop("archived")

        revision = d.pop("revision")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        page = cls(
            id=id,
            title=title,
            slug=slug,
            body=body,
            html=html,
            tags=tags,
            archived=archived,
            revision=revision,
            created_at=created_at,
            updated_at=updated_at,
        )

        return page

