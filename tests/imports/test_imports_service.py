from __future__ import annotations

import codecs
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.db import transaction, utcnow
from db.models.notes import NotePage
from db.models.recipes import Recipe
from jobs.imports import execute
from services import imports
from services.imports import ALL_OR_NOTHING, DONE, SKIP_INVALID, Import, reading
from tests.factories.identity import actor_of


def _create(user, content: bytes, *, target="tasks", policy=SKIP_INVALID) -> Import:
    with transaction(write=True) as session:
        return imports.create_import(
            session,
            actor_of(user),
            target=target,
            policy=policy,
            filename="f.csv",
            upload=io.BytesIO(content),
        )


def _reload(import_id) -> Import:
    with transaction(write=False) as session:
        return session.get_one(Import, import_id)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "title\nCafé\n".encode(), "utf-8-sig"),
        ("title\nCafé\n".encode("utf-16"), "utf-16"),
        ("title\nCafé\n".encode("utf-16-le"), "utf-16-le"),
        ("title\nCafé\n".encode(), "utf-8"),
        ("title\nCafé\n".encode("latin-1"), "latin-1"),
    ],
)
def test_encodings_are_detected_and_decoded(user, data, encoding):
    row = _create(user, data)
    assert row.encoding == encoding
    assert execute(row.id) == "done"
    with transaction(write=False) as session:
        from db.models.tasks import Task

        assert session.scalars(select(Task.title)).all() == ["Café"]


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("a,b\n1,2\n", ","),
        ("a;b\n1;2\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ("a|b\n1|2\n", "|"),
        ("title\nHello, world\n", ","),
        ('a;b\n"x, y";2\n', ";"),
    ],
)
def test_delimiters_are_sniffed(sample, delimiter):
    assert reading.sniff_delimiter(sample) == delimiter


def test_records_are_numbered_by_their_first_line_and_blank_lines_skipped():
    data = io.BytesIO(b'title,notes\r\n\r\n"A",x\r\n"B","one\r\ntwo"\r\nC,y\r\n')
    with reading.decoded(data, "utf-8") as lines:
        found = list(reading.records(lines, ","))
    assert found == [
        (1, ["title", "notes"]),
        (3, ["A", "x"]),
        (4, ["B", "one\r\ntwo"]),
        (6, ["C", "y"]),
    ]


def test_recipes_rows_carry_ingredient_lines_in_one_cell(user):
    content = (
        "title,servings,diets,ingredients,steps\n"
        'Aglio e olio,2,"vegan, Vegetarian","200 g spaghetti\n1/2 cup olive oil\n4 garlic cloves'
        '\npinch chili flakes\nsalt","Boil.\nFry.\n\nToss."\n'
        'Bad,0,,"0 g nothing",Stir.\n'
    )
    row = _create(user, content.encode(), target="recipes")
    execute(row.id)
    done = _reload(row.id)
    assert (done.imported_rows, done.invalid_rows) == (1, 1)
    with transaction(write=False) as session:
        recipe = session.scalars(select(Recipe)).one()
        assert recipe.steps == ["Boil.", "Fry.", "Toss."]
        assert sorted(diet.diet for diet in recipe.diets) == ["vegan", "vegetarian"]
        lines = [(line.quantity, line.unit, line.item) for line in recipe.ingredients]
        assert lines == [
            (200, "g", "spaghetti"),
            (0.5, "cup", "olive oil"),
            (4, None, "garlic cloves"),
            (None, "pinch", "chili flakes"),
            (None, None, "salt"),
        ]
        errors = imports.error_rows(session, actor_of(user), import_id=row.id)
        assert sorted(error.column for error in errors) == ["ingredients", "servings"]


def test_notes_rows_get_slugs_of_their_own(user):
    row = _create(user, b'title,tags\nSame,a\nSame,"b, c"\n', target="notes")
    execute(row.id)
    with transaction(write=False) as session:
        slugs = sorted(session.scalars(select(NotePage.slug)))
    assert slugs == ["same", "same-2"]


def test_of_two_claims_one_wins(user):
    row = _create(user, b"title\nA\n")
    with transaction(write=True) as session:
        first = imports.claim_import(session, import_id=row.id)
    with transaction(write=True) as session:
        second = imports.claim_import(session, import_id=row.id)
    assert first is not None and second is None


def test_a_worker_whose_lease_expired_loses_and_the_next_resumes_after_its_batches(user):
    content = "title\n" + "".join(f"T{n}\n" for n in range(5))
    row = _create(user, content.encode(), policy=ALL_OR_NOTHING)
    with transaction(write=True) as session:
        stale = imports.claim_import(session, import_id=row.id)
    assert stale is not None
    with imports.read_rows(stale, lambda seq: _chunk(row.id, seq)) as rows:
        batch = [next(rows), next(rows)]
    with transaction(write=True) as session:
        stale = imports.apply_batch(session, stale, batch)
    assert imports.progress(_reload(row.id)) == 20  # 2 of 5 checked, the import pass to come
    later = utcnow() + timedelta(hours=1)
    with transaction(write=True) as session:
        assert imports.stale_import_ids(session, now=later) == [row.id]
        fresh = imports.claim_import(session, import_id=row.id, now=later)
    assert fresh is not None and fresh.position == 2 and fresh.checking
    with transaction(write=True) as session, pytest.raises(imports.ClaimLost):
        imports.apply_batch(session, stale, batch)
    assert execute(row.id) == "skipped"  # the fresh claim's lease is live
    with transaction(write=True) as session:
        session.get_one(Import, row.id).lease_expires_at = utcnow() - timedelta(seconds=1)
    assert execute(row.id) == "done"
    done = _reload(row.id)
    assert (done.status, done.checked_rows, done.imported_rows, done.attempts) == (DONE, 5, 5, 3)


def _chunk(import_id, seq):
    with transaction(write=False) as session:
        return imports.read_chunk(session, import_id=import_id, seq=seq)


def test_errors_beyond_the_cap_are_counted_not_stored(user, configure):
    configure(IMPORTS_MAX_ERROR_ROWS=2, IMPORTS_BATCH_ROWS=3)
    row = _create(user, b"title,status\n" + b"A,NO\n" * 5)
    execute(row.id)
    with transaction(write=False) as session:
        stored = imports.error_rows(session, actor_of(user), import_id=row.id)
    assert (_reload(row.id).invalid_rows, len(stored)) == (5, 2)


def test_a_failed_import_frees_its_checksum(user):
    row = _create(user, b"title,status\nA,NO\n", policy=ALL_OR_NOTHING)
    execute(row.id)
    assert _reload(row.id).status == "FAILED"
    assert _create(user, b"title,status\nA,NO\n").id != row.id


def test_the_cli_imports_a_file_for_an_account_with_a_progress_bar(user, tmp_path, capsys):
    from cli import main

    path = tmp_path / "tasks.csv"
    path.write_text("title\n" + "".join(f"CLI {n}\n" for n in range(30)), encoding="utf-8")
    assert main(["import", str(path), "--target", "tasks", "--owner", user.email.upper()]) == 0
    out = capsys.readouterr().out
    assert "30 rows for tasks" in out
    assert "[##############################] 100% DONE" in out
    assert out.rstrip().endswith("DONE: 30 imported, 0 invalid")
    assert main(["import", str(path), "--target", "tasks", "--owner", user.email]) == 1
    assert "already" in capsys.readouterr().err
