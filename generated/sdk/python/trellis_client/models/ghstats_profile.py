from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="GhstatsProfile")



@_attrs_define
class GhstatsProfile:
    """ The user's public profile, as GitHub answers it.

        Attributes:
            login (str):
            name (None | str):
            bio (None | str):
            company (None | str):
            location (None | str):
            blog (None | str):
            avatar_url (None | str):
            html_url (None | str):
            public_repos (int): GitHub's own count of the user's public repositories.
            followers (int):
            following (int):
            created_at (datetime.datetime):
     """

    login: str
    name: None | str
    bio: None | str
    company: None | str
    location: None | str
    blog: None | str
    avatar_url: None | str
    html_url: None | str
    public_repos: int
    followers: int
    following: int
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        login = self.login

        name: None | str
        name = self.name

        bio: None | str
        bio = self.bio

        company: None | str
        company = self.company

        location: None | str
        location = self.location

        blog: None | str
        blog = self.blog

        avatar_url: None | str
        avatar_url = self.avatar_url

        html_url: None | str
        html_url = self.html_url

        public_repos = self.public_repos

        followers = self.followers

        following = self.following

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "login": login,
            "name": name,
            "bio": bio,
            "company": company,
            "location": location,
            "blog": blog,
            "avatar_url": avatar_url,
            "html_url": html_url,
            "public_repos": public_repos,
            "followers": followers,
            "following": following,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        login = d.pop("login")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        def _parse_bio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bio = _parse_bio(d.pop("bio"))


        def _parse_company(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company = _parse_company(d.pop("company"))


        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))


        def _parse_blog(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        blog = _parse_blog(d.pop("blog"))


        def _parse_avatar_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        avatar_url = _parse_avatar_url(d.pop("avatar_url"))


        def _parse_html_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        html_url = _parse_html_url(d.pop("html_url"))


        public_repos = d.pop("public_repos")

        followers = d.pop("followers")

        following = d.pop("following")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ghstats_profile = cls(
            login=login,
            name=name,
            bio=bio,
            company=company,
            location=location,
            blog=blog,
            avatar_url=avatar_url,
            html_url=html_url,
            public_repos=public_repos,
            followers=followers,
            following=following,
            created_at=created_at,
        )

        return ghstats_profile

