from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Profile")



@_attrs_define
class Profile:
    """ A user's public blog identity, created the first time they write or follow.

        Example:
            {'username': 'jake', 'bio': 'I work at State Farm.', 'image': 'https://example.com/jake.jpg', 'following':
                False}

        Attributes:
            username (str):
            bio (None | str):
            image (None | str): URL of an avatar image.
            following (bool): Whether you follow this profile (false when anonymous).
     """

    username: str
    bio: None | str
    image: None | str
    following: bool





    def to_dict(self) -> dict[str, Any]:
        username = self.username

        bio: None | str
        bio = self.bio

        image: None | str
        image = self.image

        following = self.following


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "username": username,
            "bio": bio,
            "image": image,
            "following": following,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        def _parse_bio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bio = _parse_bio(d.pop("bio"))


        def _parse_image(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image = _parse_image(d.pop("image"))


        following = d.pop("following")

        profile = cls(
            username=username,
            bio=bio,
            image=image,
            following=following,
        )

        return profile

