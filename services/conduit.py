"""The RealWorld Conduit facade's rules over identity and the blog (same accounts, same posts).

A Conduit user is a Trellis account whose blog profile carries the Conduit username; a Conduit
article is a published blog post (Conduit has no drafts); its tags, favorites, comments and
follows are the blog's own rows, so both APIs see the same data.

The facade never widens a credential (docs/security/conduit.md): the 7-day facade tokens are
handed out by its own login and registration only, and renewed only for their holders; a
main-API access token presented to the facade is answered back as it came, with its own short
life, and cannot change email or password (the RealWorld contract changes them without the
current password, a rule only the facade's own logins are trusted with).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from core.errors import Forbidden, RuleViolated
from core.security import Actor
from core.tokens import CONDUIT, decode_access_token, issue_access_token
from db.models.identity import User
from services import blog, identity


class EmailTakenOnUpdate(RuleViolated, type=identity.EmailTaken.type):
    """The RealWorld contract reports a taken email on `PUT /user` as 422 (409 is for sign-up)."""


class UsernameTakenOnUpdate(RuleViolated, type=blog.UsernameTaken.type): ...


class CommentForbidden(Forbidden, type="/problems/conduit/comment-forbidden"):
    """RealWorld names the comment, not its article, when someone else's comment is refused."""


class FacadeLoginRequired(Forbidden, type="/problems/conduit/facade-login-required"):
    """Email and password change without the current password only under a token of the
    facade's own login or registration."""


@dataclass(frozen=True)
class ConduitUser:
    user: User
    profile: blog.BlogProfile
    token: str


def is_facade_token(token: str) -> bool:
    """Whether `token` is one the facade's own login or registration handed out."""
    return decode_access_token(token, kinds=(CONDUIT,)) is not None


def _signed_in(session: Session, user: User, *, presented: str | None = None) -> ConduitUser:
    profile = blog.ensure_profile(session, user_id=user.id)
    if presented is not None and not is_facade_token(presented):
        # Another credential (a main-API access token) lives no longer for passing through here.
        return ConduitUser(user=user, profile=profile, token=presented)
    token, _ttl = issue_access_token(user_id=user.id, role=user.role, kind=CONDUIT)
    return ConduitUser(user=user, profile=profile, token=token)


def register(
    session: Session, *, username: str, email: str, password: str, client_address: str
) -> ConduitUser:
    """Creates an account and its profile under exactly this username (409 if either is taken);
    sign-ups are limited per client address, and the account is mailed a verification code, as
    on the main API."""
    user = identity.sign_up(
        session,
        email=email,
        password=password,
        display_name=username,
        client_address=client_address,
    )
    actor = Actor(user_id=user.id, role=user.role)
    blog.update_my_profile(session, actor, changes={"username": username})
    return _signed_in(session, user)


def log_in(session: Session, *, login: identity.PasswordLogin) -> ConduitUser:
    """Password login (throttled like every login); answers the user with a fresh token."""
    return _signed_in(session, identity.authenticate_password(session, login=login))


def current_user(session: Session, actor: Actor, *, token: str) -> ConduitUser:
    """The signed-in user; a facade token is renewed, any other is answered as presented."""
    return _signed_in(session, identity.get_user(session, actor), presented=token)


def update_user(
    session: Session, actor: Actor, *, token: str, changes: dict[str, Any]
) -> ConduitUser:
    """Email and password on the account (under a facade token only); username, bio and image
    on the blog profile, an empty bio or image stored as none."""
    user = identity.get_user(session, actor)
    new_email = changes.get("email")
    changes_login = "password" in changes or (
        new_email is not None and identity.email_key(new_email) != user.email_key
    )
    if changes_login and not is_facade_token(token):
        raise FacadeLoginRequired("Sign in through the facade to change email or password.")
    try:
        user = identity.set_email_and_password(
            session, actor, email=new_email, password=changes.get("password")
        )
    except identity.EmailTaken as exc:
        raise EmailTakenOnUpdate(exc.detail) from exc
    profile_changes: dict[str, Any] = {
        k: changes[k] for k in ("username", "bio", "image") if k in changes
    }
    for cleared in ("bio", "image"):
        if profile_changes.get(cleared) == "":
            profile_changes[cleared] = None
    if profile_changes:
        try:
            blog.update_my_profile(session, actor, changes=profile_changes)
        except blog.UsernameTaken as exc:
            raise UsernameTakenOnUpdate(exc.detail) from exc
    return _signed_in(session, user, presented=token)


def delete_comment(session: Session, actor: Actor, *, slug: str, comment_id: int) -> None:
    """Deletes a comment (its author, the article's author or an admin); CommentForbidden for
    anyone else."""
    try:
        blog.delete_comment(session, actor, slug=slug, comment_id=comment_id)
    except blog.BlogForbidden as exc:
        raise CommentForbidden(exc.detail) from exc
