"""Password reset and email verification rules: hashed one-use tokens, spent once even under
concurrent confirmations, no mail for a rolled-back request."""

from __future__ import annotations

import hashlib
import threading

import pytest
from sqlalchemy import select

from core.db import transaction
from db.models.identity import AccountToken, User
from services import identity
from tests.factories.identity import actor_of, make_user
from tests.support.mailbox import token_in


def _request_reset(email: str) -> None:
    with transaction(write=True) as session:
        identity.request_password_reset(session, email=email, client_address="192.0.2.1")


def test_only_the_hash_of_a_mailed_code_is_stored(mailbox):
    user = make_user()
    _request_reset(user.email)
    code = token_in(mailbox.next(to=user.email))
    with transaction(write=False) as session:
        stored = session.scalars(select(AccountToken.token_hash)).all()
    assert stored == [hashlib.sha256(code.encode()).hexdigest()]
    assert code not in stored


def test_a_reset_code_is_spent_once_under_concurrent_confirmations(mailbox):
    user = make_user()
    _request_reset(user.email)
    code = token_in(mailbox.next(to=user.email))
    outcomes: list[str] = []
    start = threading.Barrier(4)

    def confirm(n: int) -> None:
        start.wait()
        try:
            with transaction(write=True) as session:
                identity.reset_password(session, token=code, password=f"new password {n}")
            outcomes.append("set")
        except identity.InvalidResetToken:
            outcomes.append("refused")

    threads = [threading.Thread(target=confirm, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "refused", "refused", "set"]


def test_a_disabled_account_cannot_spend_its_code(mailbox):
    user = make_user()
    _request_reset(user.email)
    code = token_in(mailbox.next(to=user.email))
    with transaction(write=True) as session:
        session.get(User, user.id).is_disabled = True
    with pytest.raises(identity.InvalidResetToken), transaction(write=True) as session:
        identity.reset_password(session, token=code, password="new password 1")


def test_a_code_of_one_purpose_does_not_serve_the_other(mailbox):
    user = make_user()
    _request_reset(user.email)
    code = token_in(mailbox.next(to=user.email))
    with pytest.raises(identity.InvalidVerificationToken), transaction(write=True) as session:
        identity.verify_email(session, token=code)


def test_sign_up_rolled_back_mails_nothing(mailbox):
    with pytest.raises(RuntimeError):
        _sign_up_then_fail()
    assert mailbox.nothing_more()
    with transaction(write=False) as session:
        assert session.scalars(select(User)).all() == []


def _sign_up_then_fail() -> None:
    with transaction(write=True) as session:
        identity.sign_up(
            session,
            email="undone@example.com",
            password="longenough",
            display_name="U",
            client_address="127.0.0.1",
        )
        raise RuntimeError("the request failed after sign-up")


def test_a_new_email_is_unverified_and_old_codes_stop_working(mailbox):
    user = make_user(email="old@example.com")
    _request_reset(user.email)
    code = token_in(mailbox.next(to=user.email))
    with transaction(write=True) as session:
        session.get(User, user.id).email_verified = True
    with transaction(write=True) as session:
        changed = identity.set_email_and_password(session, actor_of(user), email="new@example.com")
        assert changed.email_verified is False
    with pytest.raises(identity.InvalidResetToken), transaction(write=True) as session:
        identity.reset_password(session, token=code, password="new password 1")
