from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from core.db import transaction
from core.settings import get_settings
from services import shortlinks
from services.shortlinks import ShortlinksLink, clicks
from tests.factories.identity import actor_of, make_user
from tests.factories.shortlinks import make_link


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("ftp://files.example.org/a", shortlinks.InvalidTarget),
        ("https:///no-host", shortlinks.InvalidTarget),
        ("https://bank.example@evil.example/login", shortlinks.InvalidTarget),
        ("https://user:pw@example.org/", shortlinks.InvalidTarget),
        ("https://example.org/a\tb", shortlinks.InvalidTarget),
        ("https://example.org:99999/", shortlinks.InvalidTarget),
        ("https://example.org/" + "a" * 2048, shortlinks.InvalidTarget),
        ("https://sho.rt/s/abc", shortlinks.SelfTarget),
        ("http://SHO.RT.:8080/anything", shortlinks.SelfTarget),
        ("https://go.example.net/", shortlinks.SelfTarget),
        ("https://api.example.com/s/abc", shortlinks.SelfTarget),
    ],
)
def test_targets_that_are_refused(target, problem, monkeypatch):
    monkeypatch.setenv("SHORTLINKS_BASE_URL", "https://sho.rt")
    monkeypatch.setenv("SHORTLINKS_OWN_HOSTS", "go.example.net")
    get_settings.cache_clear()
    with pytest.raises(problem):
        shortlinks.check_target(target, request_host="api.example.com:8443")
    get_settings.cache_clear()


def test_targets_are_stored_as_ascii():
    assert (
        shortlinks.check_target("https://bücher.example/straße?q=ü&r=%20", request_host=None)
        == "https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC&r=%20"
    )
    plain = "https://example.org/a?b=c#d"
    assert shortlinks.check_target(plain, request_host=None) == plain


def test_a_random_code_that_collides_is_drawn_again(session, user, monkeypatch):
    taken = make_link(make_user(), alias="Abc1234")
    drawn = iter(["Abc1234", "Xyz9876"])
    monkeypatch.setattr(shortlinks, "_random_code", lambda: next(drawn))
    link = shortlinks.create_link(session, actor_of(user), target_url="https://example.org/x")
    assert (link.code, link.custom) == ("Xyz9876", False)
    assert taken.code == "Abc1234"


def test_aliases_are_case_sensitive_and_unique_across_users(session, user):
    make_link(make_user(), alias="promo")
    assert (
        shortlinks.create_link(
            session, actor_of(user), target_url="https://example.org/", alias="Promo"
        ).code
        == "Promo"
    )
    with pytest.raises(shortlinks.AliasTaken):
        shortlinks.create_link(
            session, actor_of(user), target_url="https://example.org/", alias="promo"
        )


@pytest.mark.parametrize(
    ("agent", "family"),
    [
        ("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36", "CHROME"),
        ("Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36 Edg/131.0", "EDGE"),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "FIREFOX"),
        ("Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Version/18.1 Mobile Safari/604.1", "SAFARI"),
        ("Mozilla/5.0 Chrome/131.0 Safari/537.36 OPR/115.0", "OPERA"),
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "BOT"),
        ("curl/8.5.0", "TOOL"),
        (None, "OTHER"),
        ("SomethingNew/1.0", "OTHER"),
    ],
)
def test_user_agent_families(agent, family):
    assert clicks.agent_family(agent) == family


@pytest.mark.parametrize(
    ("referrer", "host"),
    [
        ("https://News.Example.org/2026/a?x=1#c", "news.example.org"),
        ("https://user:secret@forum.example.net:8443/t/1", "forum.example.net"),
        ("http://[2001:db8::1]:80/", "[2001:db8::1]"),
        ("android-app://com.example.reader/", "com.example.reader"),
        ("not a url", ""),
        (None, ""),
    ],
)
def test_referrers_keep_the_host_only(referrer, host):
    assert clicks.referrer_host(referrer) == host


def test_flushed_clicks_add_up_per_day_and_dimension_and_skip_deleted_links(user):
    kept, gone = make_link(user), make_link(user)
    buffer = clicks.ClickBuffer(interval=3600)
    for referrer in ("news.example.org", "news.example.org", ""):
        buffer.add(kept.id, counted=False, referrer=referrer, agent="FIREFOX")
    buffer.add(gone.id, counted=False, referrer="", agent="CHROME")
    with transaction(write=True) as session:
        shortlinks.delete_link(session, actor_of(user), link_id=gone.id)
    assert clicks.flush_buffer(buffer) == 4
    buffer.add(kept.id, counted=True, referrer="", agent="SAFARI")  # visits counted already
    assert clicks.flush_buffer(buffer) == 1
    with transaction(write=False) as session:
        stats = shortlinks.link_stats(session, actor_of(user), link_id=kept.id)
    today = datetime.now(UTC).date()
    assert stats.link.visits == 3
    assert stats.days == [(today, 4)]
    assert stats.referrers == [("", 2), ("news.example.org", 2)]
    assert stats.agents == [("FIREFOX", 3), ("SAFARI", 1)]


def test_the_flusher_thread_writes_the_buffer_on_its_own(user):
    link = make_link(user)
    buffer = clicks.ClickBuffer(interval=0.05)
    buffer.add(link.id, counted=False, referrer="", agent="OTHER")
    assert buffer.flushed.wait(10)
    with transaction(write=False) as session:
        assert shortlinks.get_link(session, actor_of(user), link_id=link.id).visits == 1


def test_the_flusher_reads_its_interval_once_as_it_starts(user, monkeypatch):
    """Settings read from a background thread see whatever the environment holds at that moment:
    under the suite, another test's (an invalid value there used to end the flusher for good)."""
    link = make_link(user)
    monkeypatch.setenv("SHORTLINKS_CLICK_FLUSH_SECONDS", "0.05")
    get_settings.cache_clear()
    buffer = clicks.ClickBuffer()
    buffer.add(link.id, counted=False, referrer="", agent="OTHER")
    monkeypatch.setenv("SHORTLINKS_CLICK_FLUSH_SECONDS", "3600")
    get_settings.cache_clear()
    assert buffer.flushed.wait(10)
    buffer.flushed.clear()
    buffer.add(link.id, counted=False, referrer="", agent="OTHER")
    assert buffer.flushed.wait(10)  # still at the interval it started with
    monkeypatch.undo()
    get_settings.cache_clear()
    with transaction(write=False) as session:
        assert shortlinks.get_link(session, actor_of(user), link_id=link.id).visits == 2


def test_a_failed_flush_keeps_the_counts_for_the_next_one(user, monkeypatch):
    link = make_link(user)
    buffer = clicks.ClickBuffer(interval=3600)
    buffer.add(link.id, counted=False, referrer="", agent="OTHER")

    def broken(*_args):
        raise RuntimeError("database away")

    monkeypatch.setattr(clicks, "write_clicks", broken)
    assert clicks.flush_buffer(buffer) == 0
    assert buffer.pending() == 1
    monkeypatch.undo()
    assert clicks.flush_buffer(buffer) == 1


def test_visits_are_claimed_only_while_some_are_left(session, user):
    link = make_link(user, max_visits=2)
    shortlinks.claim_visit(session, link_id=link.id)
    shortlinks.claim_visit(session, link_id=link.id)
    with pytest.raises(shortlinks.LinkExhausted):
        shortlinks.claim_visit(session, link_id=link.id)
    session.refresh(link)
    assert link.visits == 2


def test_states_and_the_list_filters(session, user):
    now = datetime.now(UTC)
    active = make_link(user, target_url="https://example.org/100%25-off")
    disabled = make_link(user, enabled=False)
    expired = make_link(user, expires_at=now + timedelta(hours=1))
    exhausted = make_link(user, max_visits=1)
    make_link(make_user())
    session.execute(
        update(ShortlinksLink)
        .where(ShortlinksLink.id == expired.id)
        .values(expires_at=now - timedelta(seconds=1))
    )
    shortlinks.claim_visit(session, link_id=exhausted.id)
    actor = actor_of(user)
    for state, link in [
        ("ACTIVE", active), ("DISABLED", disabled), ("EXPIRED", expired), ("EXHAUSTED", exhausted)
    ]:  # fmt: skip
        page = shortlinks.list_links(session, actor, state=state)
        assert [found.id for found in page.items] == [link.id], state
        assert shortlinks.state_of(page.items[0]) == state
    searched = shortlinks.list_links(session, actor, q="100%")
    assert [found.id for found in searched.items] == [active.id]
    by_code = shortlinks.list_links(session, actor, q=disabled.code.upper())
    assert disabled.id in [found.id for found in by_code.items]


def test_someone_elses_link_is_not_found(session, user):
    theirs = make_link(make_user())
    with pytest.raises(shortlinks.LinkNotFound):
        shortlinks.get_link(session, actor_of(user), link_id=theirs.id)
    with pytest.raises(shortlinks.LinkNotFound):
        shortlinks.get_link(session, actor_of(user), link_id=uuid.uuid4())
    with pytest.raises(shortlinks.LinkNotFound):
        shortlinks.link_stats(session, actor_of(user), link_id=theirs.id)
