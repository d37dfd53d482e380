"""Wire shapes shared by several tags' handlers."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from core.http import client_address, header, iso, response_with_cookies, scheme_and_host
from services import identity, sessions
from services.audit import AuditEvent
from services.blog import AuthorRecord, BlogPost, BlogProfile, PostRecord, shown_image


def audit_event_json(event: AuditEvent) -> dict[str, Any]:
    return {
        "id": str(event.id),
        "actor_id": str(event.actor_id) if event.actor_id else None,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "details": event.details,
        "created_at": iso(event.created_at),
    }


def user_json(user: identity.User) -> dict[str, Any]:
    """An account as its owner sees it (identity) and, with more fields, as admins do."""
    return {
        "id": str(user.id),
        "email": user.email,
        "email_verified": user.email_verified,
        "display_name": user.display_name,
        "role": user.role,
        "created_at": user.created_at.isoformat(),
        "updated_at": user.updated_at.isoformat(),
    }


def profile_json(profile: BlogProfile | AuthorRecord, following: bool) -> dict[str, Any]:
    """A blog author as both the main API and the Conduit facade show it."""
    return {
        "username": profile.username,
        "bio": profile.bio,
        "image": shown_image(profile.image),
        "following": following,
    }


def post_text_json(post: BlogPost | PostRecord, *, with_body: bool = True) -> dict[str, Any]:
    """What a post says, as both the main API and the Conduit facade show it (the facade's lists
    leave the body out)."""
    text: dict[str, Any] = {"slug": post.slug, "title": post.title, "description": post.description}
    if with_body:
        text["body"] = post.body
    return text


def token_pair_json(pair: identity.TokenPair) -> dict[str, Any]:
    return {
        "access_token": pair.access_token,
        "token_type": "Bearer",
        "expires_in": pair.expires_in,
        "refresh_token": pair.refresh_token,
        "refresh_expires_in": pair.refresh_expires_in,
    }


def session_json(row: sessions.SessionRecord, current_id: str | None) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "current": str(row.id) == current_id,
        "created_at": iso(row.created_at),
        "last_seen_at": iso(row.last_seen_at),
        "idle_expires_at": iso(row.ends_at()),
        "expires_at": iso(row.expires_at),
        "user_agent": row.user_agent,
        "client_address": row.client_address,
    }


def password_login(credentials: dict[str, Any]) -> identity.PasswordLogin:
    """The email and password a login body carries, from this request's client address."""
    return identity.PasswordLogin(
        email=credentials["email"],
        password=credentials["password"],
        client_address=client_address(),
        user_agent=header("user-agent"),
    )


def started_session_response(started: sessions.StartedSession) -> Response:
    """201 with the session, its CSRF token, and the two cookies."""
    data = {**session_json(started.row, str(started.row.id)), "csrf_token": started.csrf_token}
    secure = sessions.secure_cookies_for(*scheme_and_host())
    cookies = sessions.cookie_headers(
        started.token, expires_at=started.row.expires_at, secure=secure
    )
    return response_with_cookies(data, 201, cookies)
