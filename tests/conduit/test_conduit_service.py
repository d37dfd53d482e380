"""The Conduit rules at the service level: a Conduit user is one Trellis account plus its blog
profile, created, signed in and updated in one transaction each."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.db import transaction
from core.tokens import CONDUIT, decode_access_token
from db.models.identity import User
from services import blog, conduit, identity
from tests.factories.identity import PASSWORD, actor_of, make_user


def _register(username: str, email: str | None = None) -> conduit.ConduitUser:
    with transaction(write=True) as session:
        return conduit.register(
            session, username=username, email=email or f"{username}@example.com", password=PASSWORD
        )


def _accounts_with(email: str) -> int:
    with transaction(write=True) as session:
        return session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.email_key == identity.email_key(email))
        )


def test_register_makes_one_account_with_a_profile_under_that_exact_username():
    made = _register("Jake_Dragon")
    assert made.profile.username == "Jake_Dragon" and made.profile.user_id == made.user.id
    claims = decode_access_token(made.token, kinds=(CONDUIT,))  # a facade token
    assert claims is not None and claims["sub"] == str(made.user.id)
    with transaction(write=True) as session:
        profile = blog.get_profile(session, None, username="Jake_Dragon")
    assert profile.profile.username == "Jake_Dragon"


def test_register_with_a_taken_username_leaves_no_account_behind():
    _register("jake")
    with pytest.raises(blog.UsernameTaken):
        _register("jake", email="other@example.com")
    assert _accounts_with("other@example.com") == 0  # the account insert was rolled back too


def test_register_with_a_taken_email_is_refused():
    _register("jake", email="jake@example.com")
    with pytest.raises(identity.EmailTaken):
        _register("jacob", email="JAKE@example.com")


def test_log_in_answers_a_fresh_token_and_refuses_a_wrong_password():
    made = _register("jake")
    with transaction(write=True) as session:
        again = conduit.log_in(
            session, login=identity.PasswordLogin("jake@example.com", PASSWORD, "127.0.0.1")
        )
    assert again.user.id == made.user.id and again.profile.username == "jake"
    with pytest.raises(identity.InvalidCredentials), transaction(write=True) as session:
        conduit.log_in(
            session, login=identity.PasswordLogin("jake@example.com", "not the password", "::1")
        )


def test_current_user_of_an_account_made_elsewhere_gets_a_profile():
    user = make_user()  # a Trellis account that never used the blog
    with transaction(write=True) as session:
        seen = conduit.current_user(session, actor_of(user))
    assert seen.user.id == user.id and seen.profile.username


def test_update_user_splits_changes_between_account_and_profile():
    made = _register("jake")
    actor = actor_of(made.user)
    with transaction(write=True) as session:
        updated = conduit.update_user(
            session,
            actor,
            changes={
                "email": "jake2@example.com",
                "password": "a brand new secret",
                "username": "jake2",
                "bio": "I like to skateboard",
                "image": "https://example.com/jake.png",
            },
        )
    assert updated.user.email == "jake2@example.com"
    assert (updated.profile.username, updated.profile.bio, updated.profile.image) == (
        "jake2",
        "I like to skateboard",
        "https://example.com/jake.png",
    )
    with transaction(write=True) as session:
        relogged = conduit.log_in(
            session,
            login=identity.PasswordLogin("jake2@example.com", "a brand new secret", "127.0.0.1"),
        )
    assert relogged.user.id == made.user.id


def test_update_user_reports_taken_email_and_username_as_rule_violations():
    _register("anna")
    made = _register("jake")
    with (
        pytest.raises(conduit.EmailTakenOnUpdate) as taken_email,
        transaction(write=True) as session,
    ):
        conduit.update_user(session, actor_of(made.user), changes={"email": "anna@example.com"})
    assert taken_email.value.status == 422
    with (
        pytest.raises(conduit.UsernameTakenOnUpdate) as taken_name,
        transaction(write=True) as session,
    ):
        conduit.update_user(
            session, actor_of(made.user), changes={"username": "anna", "bio": "not saved"}
        )
    assert taken_name.value.status == 422
    with transaction(write=True) as session:
        profile = blog.get_profile(session, None, username="jake")
    assert profile.profile.bio != "not saved"  # the refused change left nothing behind
