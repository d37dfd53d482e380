"""The RealWorld Conduit facade's rules over identity and the blog (same accounts, same posts).

A Conduit user is a Trellis account whose blog profile carries the Conduit username; a Conduit
article is a published blog post (Conduit has no drafts); its tags, favorites, comments and
follows are the blog's own rows, so both APIs see the same data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from core.errors import RuleViolated
from core.security import Actor
from core.tokens import CONDUIT, issue_access_token
from db.models.identity import User
from services import blog, identity


class EmailTakenOnUpdate(RuleViolated, type=identity.EmailTaken.type):
    """The RealWorld contract reports a taken email on `PUT /user` as 422 (409 is for sign-up)."""


class UsernameTakenOnUpdate(RuleViolated, type=blog.UsernameTaken.type): ...


@dataclass(frozen=True)
class ConduitUser:
    user: User
    profile: blog.BlogProfile
    token: str


def _signed_in(session: Session, user: User) -> ConduitUser:
    profile = blog.ensure_profile(session, user_id=user.id)
    token, _ttl = issue_access_token(user_id=user.id, role=user.role, kind=CONDUIT)
    return ConduitUser(user=user, profile=profile, token=token)


def register(session: Session, *, username: str, email: str, password: str) -> ConduitUser:
    """Creates an account and its profile under exactly this username (409 if either is taken)."""
    user = identity.create_user(session, email=email, password=password, display_name=username)
    actor = Actor(user_id=user.id, role=user.role)
    blog.update_my_profile(session, actor, changes={"username": username})
    return _signed_in(session, user)


def log_in(session: Session, *, login: identity.PasswordLogin) -> ConduitUser:
    """Password login (throttled like every login); answers the user with a fresh token."""
    return _signed_in(session, identity.authenticate_password(session, login=login))


def current_user(session: Session, actor: Actor) -> ConduitUser:
    """The signed-in user with a fresh token."""
    return _signed_in(session, identity.get_user(session, actor))


def update_user(session: Session, actor: Actor, *, changes: dict[str, Any]) -> ConduitUser:
    """Email and password on the account; username, bio and image on the blog profile."""
    try:
        user = identity.set_email_and_password(
            session, actor, email=changes.get("email"), password=changes.get("password")
        )
    except identity.EmailTaken as exc:
        raise EmailTakenOnUpdate(exc.detail) from exc
    profile_changes: dict[str, Any] = {
        k: changes[k] for k in ("username", "bio", "image") if k in changes
    }
    if profile_changes:
        try:
            blog.update_my_profile(session, actor, changes=profile_changes)
        except blog.UsernameTaken as exc:
            raise UsernameTakenOnUpdate(exc.detail) from exc
    return _signed_in(session, user)
