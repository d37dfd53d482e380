"""The Conduit rules at the service level: a Conduit user is one Trellis account plus its blog
profile, created, signed in and updated in one transaction each."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.db import transaction
from core.tokens import CONDUIT, decode_access_token
from db.models.identity import User
from services import blog, conduit, identity
from tests.factories.identity import PASSWORD, actor_of, make_user, token_login


def _register(username: str, email: str | None = None) -> conduit.ConduitUser:
    with transaction(write=True) as session:
        return conduit.register(
            session,
            username=username,
            email=email or f"{username}@example.com",
            password=PASSWORD,
            client_address="::1",
        )


def _log_in(email: str, password: str) -> conduit.ConduitUser:
    with transaction(write=True) as session:
        return conduit.log_in(session, login=identity.PasswordLogin(email, password, "::1"))


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


def test_current_user_of_an_account_made_elsewhere_gets_a_profile_and_its_own_token_back():
    user = make_user()  # a Trellis account that never used the blog
    main_token = token_login(user).access_token
    with transaction(write=True) as session:
        seen = conduit.current_user(session, actor_of(user), token=main_token)
    assert seen.user.id == user.id and seen.profile.username
    assert seen.token == main_token  # not exchanged for a longer-lived facade token


def test_current_user_renews_a_facade_token():
    made = _register("jake")
    with transaction(write=True) as session:
        seen = conduit.current_user(session, actor_of(made.user), token=made.token)
    assert conduit.is_facade_token(seen.token)


def test_only_a_facade_token_changes_email_or_password():
    made = _register("jake")
    main_token = token_login(made.user).access_token
    for change in ({"email": "jacob@example.com"}, {"password": "a brand new secret"}):
        with (
            pytest.raises(conduit.FacadeLoginRequired),
            transaction(write=True) as session,
        ):
            conduit.update_user(session, actor_of(made.user), token=main_token, changes=change)
    with transaction(write=True) as session:
        conduit.update_user(
            session,
            actor_of(made.user),
            token=made.token,
            changes={"email": "jacob@example.com", "password": "a brand new secret"},
        )
    assert _log_in("jacob@example.com", "a brand new secret").user.id == made.user.id


def test_an_empty_bio_or_image_is_stored_as_none():
    made = _register("jake")
    filled = {"bio": "Hi", "image": "https://example.com/jake.png"}
    with transaction(write=True) as session:
        conduit.update_user(session, actor_of(made.user), token=made.token, changes=filled)
    with transaction(write=True) as session:
        updated = conduit.update_user(
            session, actor_of(made.user), token=made.token, changes={"bio": "", "image": ""}
        )
    assert (updated.profile.bio, updated.profile.image) == (None, None)


def test_the_facade_list_query_loads_no_post_text(statement_counter):
    made = _register("jake")
    for number in range(3):
        with transaction(write=True) as session:
            blog.create_post(
                session,
                actor_of(made.user),
                title=f"Long {number}",
                description="Ever wonder how?",
                body="A long body. " * 500,
                status=blog.PUBLISHED,
            )
    with statement_counter() as counted, transaction(write=False) as session:
        views, total = blog.list_posts_offset(session, None, limit=20, status=blog.PUBLISHED)
        assert total == 3 and [view.post.title for view in views] == ["Long 2", "Long 1", "Long 0"]
        assert (views[0].post.body, views[0].post.html) == (None, None)  # left out, not lazy
    page = next(sql for sql in counted.selects if "LIMIT" in sql.upper())
    columns = page.split(" FROM ", 1)[0]
    assert "blog_posts.title" in columns and "blog_posts.description" in columns
    assert "blog_posts.body" not in columns and "blog_posts.html" not in columns


def test_update_user_splits_changes_between_account_and_profile():
    made = _register("jake")
    actor = actor_of(made.user)
    with transaction(write=True) as session:
        updated = conduit.update_user(
            session,
            actor,
            token=made.token,
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
    assert _log_in("jake2@example.com", "a brand new secret").user.id == made.user.id


def test_update_user_reports_taken_email_and_username_as_rule_violations():
    _register("anna")
    made = _register("jake")
    with (
        pytest.raises(conduit.EmailTakenOnUpdate) as taken_email,
        transaction(write=True) as session,
    ):
        conduit.update_user(
            session, actor_of(made.user), token=made.token, changes={"email": "anna@example.com"}
        )
    assert taken_email.value.status == 422
    with (
        pytest.raises(conduit.UsernameTakenOnUpdate) as taken_name,
        transaction(write=True) as session,
    ):
        conduit.update_user(
            session,
            actor_of(made.user),
            token=made.token,
            changes={"username": "anna", "bio": "not saved"},
        )
    assert taken_name.value.status == 422
    with transaction(write=True) as session:
        profile = blog.get_profile(session, None, username="jake")
    assert profile.profile.bio != "not saved"  # the refused change left nothing behind
