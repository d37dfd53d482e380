from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from core.db import transaction, utcnow
from core.errors import RuleViolated
from core.passwords import verify_password
from db.models.identity import RefreshToken
from services import identity, ops
from tests.factories.identity import PASSWORD, actor_of, make_user


def test_passwords_are_stored_as_argon2id(session):
    user = identity.create_user(
        session, email="a@example.com", password="longenough", display_name="A"
    )
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, "longenough")
    assert not verify_password(user.password_hash, "other")


def test_login_rehashes_passwords_made_with_old_parameters():
    user = make_user(email="old@example.com")
    weak = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1).hash(PASSWORD)
    with transaction(write=True) as session:
        session.get(type(user), user.id).password_hash = weak
    with transaction(write=True) as session:
        identity.log_in(session, login=identity.PasswordLogin("old@example.com", PASSWORD, "t"))
    with transaction(write=False) as session:
        upgraded = session.get(type(user), user.id).password_hash
    assert upgraded != weak
    assert verify_password(upgraded, PASSWORD)


def test_verify_password_without_hash_is_false():
    assert verify_password(None, "anything") is False


def test_disabled_user_cannot_log_in():
    user = make_user(email="off@example.com")
    with transaction(write=True) as session:
        session.get(type(user), user.id).is_disabled = True
    with transaction(write=True) as session, pytest.raises(identity.InvalidCredentials):
        identity.log_in(session, login=identity.PasswordLogin("off@example.com", PASSWORD, "t"))


def test_ensure_admin_promotes_existing_user_and_resets_password():
    user = make_user(email="boss@example.com")
    with transaction(write=True) as session:
        admin, created = identity.ensure_admin(
            session, email="BOSS@example.com", password="new admin pass"
        )
    assert not created
    assert admin.id == user.id and admin.role == "ADMIN"
    with transaction(write=True) as session:
        identity.log_in(
            session, login=identity.PasswordLogin("boss@example.com", "new admin pass", "t")
        )


def test_ensure_admin_needs_password_for_new_account(session):
    with pytest.raises(RuleViolated):
        identity.ensure_admin(session, email="new@example.com", password=None)


def test_get_user_of_deleted_account_is_unauthorized(session, user):
    session.delete(session.get(type(user), user.id))
    session.flush()
    with pytest.raises(identity.InvalidCredentials):
        identity.get_user(session, actor_of(user))


def test_purge_expired_refresh_tokens_keeps_live_ones():
    make_user(email="purge@example.com")
    with transaction(write=True) as session:
        for _ in range(2):
            identity.log_in(
                session, login=identity.PasswordLogin("purge@example.com", PASSWORD, "t")
            )
        session.execute(
            update(RefreshToken)
            .where(RefreshToken.id.in_(select(RefreshToken.id).limit(1)))
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    with transaction(write=True) as session:
        assert ops.purge_expired(session) == {"idempotency_keys": 0, "refresh_tokens": 1}
    with transaction(write=False) as session:
        assert len(session.scalars(select(RefreshToken)).all()) == 1
