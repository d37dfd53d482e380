"""Notes rules: slugs that follow titles and redirect, revisions, restore, archive, search."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from core.db import get_engine, transaction
from core.settings import get_settings
from services import notes
from services.markdown import render
from tests.factories.identity import actor_of, make_user
from tests.factories.notes import edit_page, make_page


def test_slug_comes_from_the_title_and_is_page_when_nothing_is_left(user):
    assert make_page(user, title="  Café — Über Notes!  ").slug == "cafe-uber-notes"
    assert make_page(user, title="???").slug == "page"
    assert make_page(user, title="x" * 120).slug == "x" * 80


def test_slugs_are_unique_per_owner(user):
    first = make_page(user, title="Ideas")
    second = make_page(user, title="ideas!")
    other_owner = make_page(make_user(), title="Ideas")
    assert (first.slug, second.slug, other_owner.slug) == ("ideas", "ideas-2", "ideas")


def test_rename_moves_the_slug_and_the_old_one_redirects(user):
    page = make_page(user, title="Draft plan")
    edit_page(user, page, title="Final plan")
    with transaction(write=True) as session:
        moved = notes.find_by_slug(session, actor_of(user), slug="draft-plan")
        current = notes.find_by_slug(session, actor_of(user), slug="final-plan")
    assert moved.redirect_to == "final-plan"
    assert current.page is not None and current.page.id == page.id
    # The former slug stays reserved for this page: a new page cannot take it.
    assert make_page(user, title="Draft plan").slug == "draft-plan-2"
    # Renaming back reclaims it.
    assert edit_page(user, page, title="Draft plan").slug == "draft-plan"
    with transaction(write=True) as session:
        assert notes.find_by_slug(session, actor_of(user), slug="final-plan").redirect_to == (
            "draft-plan"
        )


def test_every_edit_is_a_revision_and_restore_appends_one(user):
    page = make_page(user, title="Plan", body="v1")
    edit_page(user, page, body="v2")
    edit_page(user, page, tags=["x"])  # tags only: no new revision
    with transaction(write=True) as session:
        restored = notes.restore_revision(session, actor_of(user), page_id=page.id, number=1)
        assert (restored.body, restored.revision) == ("v1", 3)
        history = notes.list_revisions(session, actor_of(user), page_id=page.id).items
    assert [(revision.number, revision.body) for revision in history] == [
        (3, "v1"),
        (2, "v2"),
        (1, "v1"),
    ]


def test_archive_hides_from_lists_and_guards_deletion(user):
    page = make_page(user, title="Old")
    make_page(user, title="Current")
    with pytest.raises(notes.NotArchived), transaction(write=True) as session:
        notes.delete_page(session, actor_of(user), page_id=page.id)
    edit_page(user, page, archived=True)

    def titles(**filters):  # type: ignore[no-untyped-def]
        with transaction(write=True) as session:
            return [p.title for p in notes.list_pages(session, actor_of(user), **filters).items]

    assert titles() == ["Current"]
    assert titles(archived=True) == ["Old"]
    edit_page(user, page, archived=False)
    assert sorted(titles()) == ["Current", "Old"]
    edit_page(user, page, archived=True)
    with transaction(write=True) as session:
        notes.delete_page(session, actor_of(user), page_id=page.id)
    assert titles(archived=True) == []


def test_search_by_title_prefix_or_substring_and_tag(user):
    make_page(user, title="Kubernetes upgrade", tags=["Ops"])
    make_page(user, title="Upgrade the laptop", tags=["home"])
    make_page(user, title="100% coverage")

    def titles(**filters):  # type: ignore[no-untyped-def]
        with transaction(write=True) as session:
            found = notes.list_pages(session, actor_of(user), **filters).items
            return sorted(page.title for page in found)

    assert titles(q="upgrade") == ["Kubernetes upgrade", "Upgrade the laptop"]
    assert titles(q="KUBE") == ["Kubernetes upgrade"]
    assert titles(q="100%") == ["100% coverage"]
    assert titles(q="0%c") == []
    assert titles(tag="ops") == ["Kubernetes upgrade"]


def test_blank_tags_are_dropped_not_stored_empty(user):
    assert [tag.tag for tag in make_page(user, tags=["Ops", "  "]).tags] == ["ops"]


def test_other_users_pages_do_not_exist_for_you(user):
    page = make_page(user)
    with pytest.raises(notes.PageNotFound), transaction(write=True) as session:
        notes.get_page(session, actor_of(make_user()), page_id=page.id)


def test_page_html_is_the_sanitised_rendering_of_its_body(user):
    page = make_page(user, body="*a* <script>alert(1)</script>")
    assert page.html == render(page.body)
    assert "<em>a</em>" in page.html


@pytest.mark.skipif(
    get_settings().database_url.startswith("sqlite"), reason="the trigram index is PostgreSQL's"
)
def test_title_search_uses_the_trigram_index_on_postgresql(user):
    for number in range(50):
        make_page(user, title=f"Page {number}")
    with get_engine().connect() as connection:
        connection.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(
            connection.execute(
                text("EXPLAIN SELECT id FROM notes_pages WHERE lower(title) LIKE '%' || :q || '%'"),
                {"q": "page 4"},
            ).scalars()
        )
    assert "pgix_notes_pages_title_trgm" in plan
