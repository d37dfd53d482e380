"""core.mail: the console and SMTP backends, delivery after commit only, failures logged."""

from __future__ import annotations

import pytest
from structlog.testing import capture_logs

from core import mail
from core.db import transaction
from core.settings import get_settings
from tests.support.mailbox import free_port, start_mailbox

MESSAGE = mail.Message(
    to="ada@example.com", subject="Hello", body="code: s3cret-link-token\n", kind="test"
)


@pytest.fixture
def env(monkeypatch):
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


def test_smtp_backend_delivers_to_a_real_server(mailbox, monkeypatch):
    monkeypatch.setenv("MAIL_FROM", "Trellis <accounts@trellis.test>")
    get_settings.cache_clear()
    mail.deliver(MESSAGE)
    received = mailbox.next(to="ada@example.com")
    assert received["From"] == "Trellis <accounts@trellis.test>"
    assert received["Subject"] == "Hello"
    assert "code: s3cret-link-token" in received.get_content()


def test_smtp_backend_logs_in_when_credentials_are_set(monkeypatch):
    boxes = start_mailbox(monkeypatch, with_login=True)
    box = next(boxes)
    try:
        monkeypatch.setenv("SMTP_USERNAME", "trellis")
        monkeypatch.setenv("SMTP_PASSWORD", "smtp-secret")
        get_settings.cache_clear()
        mail.deliver(MESSAGE)
        assert box.logins == [("trellis", "smtp-secret")]
        assert box.next(to="ada@example.com")["Subject"] == "Hello"
    finally:
        boxes.close()


def test_a_message_leaves_only_when_the_transaction_commits(mailbox):
    with pytest.raises(RuntimeError):
        _send_then_fail()
    assert mailbox.nothing_more()
    with transaction(write=True) as session:
        mail.send_after_commit(session, MESSAGE)
        assert mailbox.nothing_more()  # not before the commit
    assert "s3cret-link-token" in mailbox.next(to="ada@example.com").get_content()


def _send_then_fail() -> None:
    with transaction(write=True) as session:
        mail.send_after_commit(session, MESSAGE)
        raise RuntimeError("the request failed")


def test_an_unreachable_server_is_logged_without_the_body(env):
    env.setenv("MAIL_BACKEND", "smtp")
    env.setenv("SMTP_PORT", str(free_port()))
    get_settings.cache_clear()
    with capture_logs() as logs:
        mail.deliver(MESSAGE)
    assert [entry["event"] for entry in logs] == ["mail-failed"]
    assert "s3cret-link-token" not in str(logs)


@pytest.mark.parametrize(
    ("environment", "shows_body"), [("development", True), ("production", False)]
)
def test_console_backend_shows_the_body_outside_production_only(env, environment, shows_body):
    env.setattr(mail, "get_settings", lambda: _with_env(environment))
    with capture_logs() as logs:
        mail.deliver(MESSAGE)
    (entry,) = logs
    assert entry["to"] == "ada@example.com" and entry["kind"] == "test"
    assert ("body" in entry) is shows_body


def _with_env(environment: str):  # type: ignore[no-untyped-def]
    import dataclasses

    return dataclasses.replace(get_settings(), env=environment)


def test_mail_backend_setting_refuses_unknown_backends(env):
    env.setenv("MAIL_BACKEND", "carrier-pigeon")
    get_settings.cache_clear()
    with pytest.raises(ValueError, match="MAIL_BACKEND"):
        get_settings()
