from __future__ import annotations

from typing import Any

from core.db import transaction
from core.http import client_address
from core.security import current_actor
from core.wire import page_json
from handlers import _wire as wire
from services import identity


def create_user(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    with transaction(write=True) as session:
        user = identity.sign_up(session, client_address=client_address(), **body)
        return wire.user_json(user), 201


def list_users(
    limit: int = 20, cursor: str | None = None, email: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = identity.list_users(
            session, current_actor(), email=email, limit=limit, cursor=cursor
        )
        return page_json(page, wire.user_json)


def get_current_user() -> dict[str, Any]:
    with transaction(write=False) as session:
        return wire.user_json(identity.get_user(session, current_actor()))


def update_current_user(body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        return wire.user_json(identity.update_user(session, current_actor(), **body))


def create_token(body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        if body["grant_type"] == "REFRESH_TOKEN":
            pair = identity.refresh(session, refresh_token=body["refresh_token"])
        else:
            pair = identity.log_in(session, login=wire.password_login(body))
        return wire.token_pair_json(pair)


def create_token_revocation(body: dict[str, Any]) -> tuple[None, int]:
    with transaction(write=True) as session:
        identity.log_out(
            session, refresh_token=body["refresh_token"], everywhere=body.get("everywhere", False)
        )
    return None, 204


def create_password_reset(body: dict[str, Any]) -> tuple[None, int]:
    with transaction(write=True) as session:
        identity.request_password_reset(
            session, email=body["email"], client_address=client_address()
        )
    return None, 202


def create_password_reset_confirmation(body: dict[str, Any]) -> tuple[None, int]:
    with transaction(write=True) as session:
        identity.reset_password(session, token=body["token"], password=body["password"])
    return None, 204


def create_email_verification(body: dict[str, Any]) -> tuple[None, int]:
    with transaction(write=True) as session:
        identity.request_verification(session, email=body["email"], client_address=client_address())
    return None, 202


def create_email_verification_confirmation(body: dict[str, Any]) -> tuple[None, int]:
    with transaction(write=True) as session:
        identity.verify_email(session, token=body["token"])
    return None, 204


def list_my_security_events(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        user = identity.get_user(session, current_actor())
        page = identity.list_security_events(session, user.id, limit=limit, cursor=cursor)
        return page_json(page, wire.audit_event_json)
