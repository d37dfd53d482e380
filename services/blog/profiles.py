"""Blog profiles: each author's public identity (username, bio, image), and who follows whom.

A profile is created on first use with a username derived from the display name (`Ada Lovelace`
-> `ada-lovelace`, `-2`, `-3`... when taken). Usernames are unique in any case (`Jake` and `jake`
are one profile). Follows are unique rows: following twice is a no-op.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.db import utcnow
from core.errors import Conflict, NotFound, RuleViolated
from core.rows import assign, insert_ignoring_duplicates
from core.security import Actor
from core.slugs import ascii_lower, first_free
from db.models.blog import BlogFollow
from db.models.blog import BlogProfile as BlogProfile  # re-exported for handlers
from db.models.identity import User

USERNAME_MAX = 40
RESERVED_USERNAMES = frozenset({"me"})
#: An avatar both APIs accept (their specs' `image` pattern, whole-string).
IMAGE_URL = re.compile(r"https?://[^\s]+")
_ATTEMPTS = 8


class ProfileNotFound(NotFound, type="/problems/blog/profile-not-found"): ...


class SelfFollow(RuleViolated, type="/problems/blog/self-follow"): ...


class UsernameTaken(Conflict, type="/problems/blog/username-taken"): ...


@dataclass(frozen=True)
class ProfileView:
    profile: BlogProfile
    following: bool


def username_base(display_name: str) -> str:
    """`Ada Lovelace` -> `ada-lovelace`; `user` when nothing usable is left."""
    base = re.sub(r"[^a-z0-9_.]+", "-", ascii_lower(display_name)).strip("-._")
    return base[: USERNAME_MAX - 8].strip("-._") or "user"


def _free_username(session: Session, base: str, attempt: int) -> str:
    if attempt >= 3:
        # Many writers racing for one name: stop queueing behind each other.
        return f"{base[: USERNAME_MAX - 7]}-{secrets.token_hex(3)}"
    taken = set(
        session.scalars(
            select(BlogProfile.username_key).where(
                or_(
                    BlogProfile.username_key == base,
                    BlogProfile.username_key.startswith(f"{base}-", autoescape=True),
                )
            )
        )
    )
    return first_free(base, (taken | RESERVED_USERNAMES).__contains__, max_length=USERNAME_MAX)


def shown_image(image: str | None) -> str | None:
    """The image a profile is answered with: its http(s) URL, else none (the facade once stored
    any string, `javascript:` URLs included)."""
    return image if image is not None and IMAGE_URL.fullmatch(image) else None


def find_profile(session: Session, *, user_id: uuid.UUID) -> BlogProfile | None:
    """The user's profile as stored now, or None before first use."""
    return session.scalars(
        select(BlogProfile)
        .where(BlogProfile.user_id == user_id)
        .execution_options(populate_existing=True)
    ).first()


def ensure_profile(session: Session, *, user_id: uuid.UUID) -> BlogProfile:
    """The user's profile, created on first use with a free username from the display name."""
    for attempt in range(_ATTEMPTS):
        profile = find_profile(session, user_id=user_id)
        if profile is not None:
            return profile
        source = session.scalar(select(User.display_name).where(User.id == user_id))
        name = _free_username(session, username_base(source or ""), attempt)
        profile = BlogProfile(user_id=user_id, username=name, username_key=name)
        try:
            with session.begin_nested():
                session.add(profile)
                session.flush()
        except IntegrityError:
            continue  # another request took the name (or made this profile): look again
        return profile
    raise Conflict("Could not pick a free username; try again.")


def _profile_by_username(session: Session, username: str) -> BlogProfile:
    profile = session.scalars(
        select(BlogProfile).where(BlogProfile.username_key == username.lower())
    ).first()
    if profile is None:
        raise ProfileNotFound("No profile has this username.")
    return profile


def followed_among(
    session: Session, viewer: Actor | None, user_ids: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of `user_ids` the viewer follows, in one statement (none for anonymous viewers)."""
    if viewer is None or not user_ids:
        return set()
    return set(
        session.scalars(
            select(BlogFollow.followee_id).where(
                BlogFollow.follower_id == viewer.user_id,
                BlogFollow.followee_id.in_(set(user_ids)),
            )
        )
    )


def get_my_profile(session: Session, actor: Actor) -> ProfileView:
    """The caller's profile, created on first use."""
    return ProfileView(ensure_profile(session, user_id=actor.user_id), following=False)


def update_my_profile(session: Session, actor: Actor, *, changes: dict[str, Any]) -> ProfileView:
    """Changes username, bio or image; a username taken by anyone else (any case) is a 409."""
    profile = ensure_profile(session, user_id=actor.user_id)
    if "username" in changes and changes["username"] != profile.username:
        key = changes["username"].lower()
        if key in RESERVED_USERNAMES:
            raise UsernameTaken("This username is reserved.")
        holder = session.scalar(select(BlogProfile.user_id).where(BlogProfile.username_key == key))
        if holder not in (None, actor.user_id):
            raise UsernameTaken("This username is taken.")
        profile.username, profile.username_key = changes["username"], key
    assign(profile, changes, ("bio", "image"))
    profile.updated_at = utcnow()
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise UsernameTaken("This username is taken.") from exc
    return ProfileView(profile, following=False)


def get_profile(session: Session, viewer: Actor | None, *, username: str) -> ProfileView:
    """A profile by username (any case), with whether the viewer follows it."""
    profile = _profile_by_username(session, username)
    return ProfileView(
        profile, profile.user_id in followed_among(session, viewer, [profile.user_id])
    )


def follow_profile(session: Session, actor: Actor, *, username: str) -> ProfileView:
    """Follows an author (idempotent); following oneself is refused."""
    target = _profile_by_username(session, username)
    if target.user_id == actor.user_id:
        raise SelfFollow("You cannot follow yourself.")
    ensure_profile(session, user_id=actor.user_id)
    insert_ignoring_duplicates(
        session,
        BlogFollow,
        follower_id=actor.user_id,
        followee_id=target.user_id,
        created_at=utcnow(),
    )
    return ProfileView(target, following=True)


def unfollow_profile(session: Session, actor: Actor, *, username: str) -> ProfileView:
    """Stops following an author (idempotent)."""
    target = _profile_by_username(session, username)
    session.execute(
        delete(BlogFollow).where(
            BlogFollow.follower_id == actor.user_id, BlogFollow.followee_id == target.user_id
        )
    )
    return ProfileView(target, following=False)
