"""The OAuth rules at the service level: single-use codes bound to a browser, and the last way
into an account."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.db import transaction, utcnow
from db.models.oauth import LinkedIdentity, LoginCode
from services import oauth
from tests.factories.identity import actor_of, make_user
from tests.factories.oauth import make_link, make_passwordless_user


def _code(user, browser: str = "browser-value", **changes) -> str:  # type: ignore[no-untyped-def]
    code = f"code-{user.id}"
    now = utcnow()
    with transaction(write=True) as session:
        row = LoginCode(
            code_hash=hashlib.sha256(code.encode()).hexdigest(),
            user_id=user.id,
            result="TOKENS",
            browser_hash=hashlib.sha256(browser.encode()).hexdigest(),
            created_at=now,
            expires_at=now + timedelta(seconds=60),
        )
        for name, value in changes.items():
            setattr(row, name, value)
        session.add(row)
    return code


def test_a_login_code_answers_its_account_once(session):
    user = make_user()
    code = _code(user)
    login = oauth.exchange_login_code(session, code=code, browser_value="browser-value")
    assert (login.user.id, login.result) == (user.id, "TOKENS")
    with pytest.raises(oauth.InvalidLoginCode):
        oauth.exchange_login_code(session, code=code, browser_value="browser-value")


@pytest.mark.parametrize("presented", [None, "", "another-browser"])
def test_a_login_code_from_another_browser_is_refused_and_used_up(presented):
    code = _code(make_user())
    with transaction(write=True) as session, pytest.raises(oauth.BrowserMismatch):
        oauth.exchange_login_code(session, code=code, browser_value=presented)
    with transaction(write=False) as session:
        assert session.scalars(select(LoginCode)).one().used_at is not None


def test_an_expired_login_code_is_refused(session):
    code = _code(make_user(), expires_at=utcnow() - timedelta(seconds=1))
    with pytest.raises(oauth.InvalidLoginCode):
        oauth.exchange_login_code(session, code=code, browser_value="browser-value")


def test_the_last_link_of_an_account_without_a_password_cannot_go(session):
    user = make_passwordless_user("ada@example.com")
    link = make_link(user, subject="ada")
    with pytest.raises(oauth.LastSignInMethod):
        oauth.unlink_identity(session, actor_of(user), identity_id=link.id)


def test_an_account_with_a_password_may_drop_its_only_link(session):
    user = make_user()
    link = make_link(user, subject="s-1")
    oauth.unlink_identity(session, actor_of(user), identity_id=link.id)
    assert session.scalars(select(LinkedIdentity)).all() == []


def test_another_accounts_link_is_not_found(session):
    link = make_link(make_user(), subject="s-1")
    with pytest.raises(oauth.LinkedIdentityNotFound):
        oauth.unlink_identity(session, actor_of(make_user()), identity_id=link.id)
