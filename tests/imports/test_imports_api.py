from __future__ import annotations

import csv
import io
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.db import transaction, utcnow
from db.models.imports import ImportChunk, ImportRowError
from services import imports
from tests.factories.identity import actor_of, auth_headers
from tests.factories.imports import URL, run, upload
from tests.problems import assert_problem

TASKS = (
    "title,notes,status,due_at\nRenew passport,Photos,OPEN,2026-03-01T17:00:00Z\nPay rent,,DONE,\n"
)


def _tasks(client, user) -> list[dict]:
    return client.get("/api/v1/tasks", headers=auth_headers(user)).json()["items"]


def _errors(client, user, import_id) -> list[list[str]]:
    response = client.get(f"{URL}/{import_id}/errors", headers=auth_headers(user))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.text)))


def test_upload_queues_an_import_that_creates_the_tasks(client, user):
    response = upload(client, user, TASKS, filename="mine.csv")
    assert response.status_code == 202, response.text
    body = response.json()
    assert response.headers["location"] == f"{URL}/{body['id']}"
    assert (body["status"], body["total_rows"], body["filename"]) == ("PENDING", 2, "mine.csv")
    assert (body["encoding"], body["delimiter"]) == ("utf-8", ",")
    assert run(body["id"]) == "done"
    done = client.get(f"{URL}/{body['id']}", headers=auth_headers(user)).json()
    assert (done["status"], done["imported_rows"], done["progress"]) == ("DONE", 2, 100)
    tasks = {task["title"]: task for task in _tasks(client, user)}
    assert tasks["Renew passport"]["due_at"] == "2026-03-01T17:00:00+00:00"
    assert tasks["Pay rent"]["completed_at"] is not None
    assert _errors(client, user, body["id"]) == [["line", "column", "message"]]


def test_skip_invalid_imports_valid_rows_and_reports_the_others(client, user):
    content = (
        "Title;Due_At\n"
        "Good one;\n"
        ";2026-01-01T00:00:00Z\n"
        '"Two\nlines";tomorrow\n'
        "Ragged;;extra\n"
        f"{'x' * 201};\n"
        "Also good;2026-02-01T00:00:00+01:00\n"
    )
    body = upload(client, user, content).json()
    assert body["delimiter"] == ";"
    run(body["id"])
    done = client.get(f"{URL}/{body['id']}", headers=auth_headers(user)).json()
    assert (done["imported_rows"], done["invalid_rows"], done["status"]) == (2, 4, "DONE")
    assert sorted(task["title"] for task in _tasks(client, user)) == ["Also good", "Good one"]
    errors = _errors(client, user, body["id"])[1:]
    assert [(line, column) for line, column, _ in errors] == [
        ("3", "title"),
        ("4", "due_at"),
        ("6", ""),
        ("7", "title"),
    ]
    assert "required" in errors[0][2]
    assert "date-time" in errors[1][2]
    assert errors[2][2] == "The row has 3 fields; the header has 2."


def test_all_or_nothing_with_an_invalid_row_imports_nothing(client, user):
    body = upload(client, user, "title,status\nFine,OPEN\nBad,MAYBE\n", policy="ALL_OR_NOTHING")
    run(body.json()["id"])
    done = client.get(f"{URL}/{body.json()['id']}", headers=auth_headers(user)).json()
    assert (done["status"], done["imported_rows"], done["invalid_rows"]) == ("FAILED", 0, 1)
    assert "nothing was imported" in done["last_error"]
    assert _tasks(client, user) == []
    assert _errors(client, user, done["id"])[1][:2] == ["3", "status"]


def test_all_or_nothing_without_errors_imports_everything(client, user):
    body = upload(client, user, TASKS, policy="ALL_OR_NOTHING").json()
    run(body["id"])
    done = client.get(f"{URL}/{body['id']}", headers=auth_headers(user)).json()
    assert (done["status"], done["checked_rows"], done["imported_rows"]) == ("DONE", 2, 2)
    assert len(_tasks(client, user)) == 2


def test_the_same_file_again_is_409_naming_the_first_import(client, user, user_factory):
    first = upload(client, user, TASKS).json()
    again = upload(client, user, TASKS, filename="renamed.csv")
    problem = assert_problem(again, 409, "/problems/imports/duplicate-file")
    assert problem["import_id"] == first["id"]
    assert upload(client, user, TASKS, target="notes").status_code == 422  # no `notes` column...
    assert upload(client, user_factory(), TASKS).status_code == 202  # ...and another user's own


def test_upload_refuses_what_it_cannot_import_and_stores_nothing(client, user):
    cases = [
        ({"content": TASKS, "target": "nope"}, "/problems/imports/unknown-target"),
        ({"content": b""}, "/problems/imports/unreadable-file"),
        ({"content": "title\n\n"}, "/problems/imports/unreadable-file"),
        ({"content": "title,colour\nA,red\n"}, "/problems/imports/bad-header"),
        ({"content": "notes\nA\n"}, "/problems/imports/bad-header"),
        ({"content": "title,Title\nA,B\n"}, "/problems/imports/bad-header"),
        (
            {"content": b"\xff\xfet\x00i\x00t\x00l\x00e\x00\n\x00A"},
            "/problems/imports/unreadable-file",
        ),
    ]
    for case, problem in cases:
        assert_problem(upload(client, user, **case), 422, problem)
    assert client.get(URL, headers=auth_headers(user)).json()["items"] == []


def test_upload_over_the_cap_is_413(client, user):
    assert_problem(
        upload(client, user, b"title\n" + b"a\n" * (10 * 1024 * 1024 + 1)),
        413,
        "/problems/payload-too-large",
    )


def test_anonymous_is_401(client):
    assert_problem(client.get(URL), 401, "/problems/unauthorized")
    response = client.post(URL, data={"target": "tasks"}, files={"file": ("a.csv", b"title\nA\n")})
    assert_problem(response, 401, "/problems/unauthorized")


def test_another_users_import_is_404(client, user, user_factory):
    body = upload(client, user, TASKS).json()
    other = auth_headers(user_factory())
    for path in (f"{URL}/{body['id']}", f"{URL}/{body['id']}/errors"):
        assert_problem(client.get(path, headers=other), 404, "/problems/imports/not-found")
    assert client.get(URL, headers=other).json()["items"] == []


def test_list_pages_with_a_statement_count_that_does_not_grow(client, user, statement_counter):
    ids = [upload(client, user, f"title\nTask {n}\n").json()["id"] for n in range(5)]
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get(URL, params=params, headers=auth_headers(user)).json()
        seen += [item["id"] for item in page["items"]]
        if not (cursor := page["next"]):
            break
    assert seen == ids[::-1]
    counts = []
    for limit in (1, 5):
        with statement_counter() as counted:
            client.get(URL, params={"limit": limit}, headers=auth_headers(user))
        counts.append(len(counted.selects))
    assert counts[0] == counts[1]
    filtered = client.get(URL, params={"status": "DONE"}, headers=auth_headers(user)).json()
    assert filtered["items"] == []


def test_targets_lists_tasks_recipes_and_notes_with_their_columns(client, user):
    items = client.get(f"{URL}/targets", headers=auth_headers(user)).json()["items"]
    by_name = {target["name"]: target for target in items}
    assert {"tasks", "recipes", "notes"} <= set(by_name)
    tasks = {column["name"]: column["required"] for column in by_name["tasks"]["columns"]}
    assert tasks == {"title": True, "notes": False, "status": False, "due_at": False}
    assert by_name["recipes"]["operation_id"] == "createRecipe"


def test_a_malformed_multipart_body_is_400(client, user):
    response = client.post(
        URL,
        content=b"--b1\r\n[]--b1--\r\n",
        headers={**auth_headers(user), "Content-Type": "multipart/form-data; boundary=b1"},
    )
    assert_problem(response, 400, "/problems/validation")


RAGGED = "title,status\nFine,OPEN\n,MAYBE\nRagged,OPEN,extra\nAlso,MAYBE\nLast,OPEN\n"


def test_row_errors_page_as_json_by_line_and_filter_by_column(client, user, statement_counter):
    body = upload(client, user, RAGGED).json()
    run(body["id"])
    path, headers = f"{URL}/{body['id']}/row-errors", auth_headers(user)
    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=params, headers=headers)
        assert page.status_code == 200, page.text
        seen += page.json()["items"]
        if not (cursor := page.json()["next"]):
            break
    assert [(error["line"], error["column"]) for error in seen] == [
        (3, "status"),
        (3, "title"),
        (4, None),
        (5, "status"),
    ]
    assert seen[2]["message"] == "The row has 3 fields; the header has 2."
    csv_rows = _errors(client, user, body["id"])[1:]
    assert [[str(e["line"]), e["column"] or "", e["message"]] for e in seen] == csv_rows
    only = client.get(path, params={"column": "status"}, headers=headers).json()
    assert [error["line"] for error in only["items"]] == [3, 5]
    counts = []
    for limit in (1, 4):
        with statement_counter() as counted:
            client.get(path, params={"limit": limit}, headers=headers)
        counts.append(len(counted.selects))
    assert counts[0] == counts[1]
    assert_problem(
        client.get(path, params={"cursor": "forged"}, headers=headers),
        400,
        "/problems/invalid-cursor",
    )
    clean = upload(client, user, TASKS).json()
    run(clean["id"])
    empty = client.get(f"{URL}/{clean['id']}/row-errors", headers=headers).json()
    assert empty == {"items": [], "next": None}


def test_deleting_an_import_removes_its_file_and_errors_and_allows_the_file_again(client, user):
    body = upload(client, user, RAGGED).json()
    run(body["id"])
    headers = auth_headers(user)
    assert client.delete(f"{URL}/{body['id']}", headers=headers).status_code == 204
    for suffix in ("", "/errors", "/row-errors"):
        path = f"{URL}/{body['id']}{suffix}"
        assert_problem(client.get(path, headers=headers), 404, "/problems/imports/not-found")
    assert_problem(
        client.delete(f"{URL}/{body['id']}", headers=headers), 404, "/problems/imports/not-found"
    )
    assert [task["title"] for task in _tasks(client, user)] != []  # what it created stays
    with transaction(write=False) as session:
        for model in (ImportChunk, ImportRowError):
            assert session.scalar(select(func.count()).select_from(model)) == 0
    assert upload(client, user, RAGGED).status_code == 202  # no longer a duplicate


def test_an_import_a_worker_is_running_cannot_be_deleted_until_its_lease_expires(client, user):
    body = upload(client, user, TASKS).json()
    headers = auth_headers(user)
    with transaction(write=True) as session:
        claim = imports.claim_import(session, import_id=uuid.UUID(body["id"]))
    assert claim is not None
    assert_problem(
        client.delete(f"{URL}/{body['id']}", headers=headers), 409, "/problems/imports/running"
    )
    assert client.get(f"{URL}/{body['id']}", headers=headers).json()["status"] == "RUNNING"
    later = utcnow() + timedelta(seconds=imports.imports_settings().imports_lease_seconds + 1)
    with transaction(write=True) as session:  # its worker died: the import can go
        imports.delete_import(session, actor_of(user), import_id=claim.import_id, now=later)
    # and the late worker changes nothing
    with transaction(write=True) as session, pytest.raises(imports.ClaimLost):
        imports.apply_batch(session, claim, [(2, ["Late"])])
    assert _tasks(client, user) == []


def test_a_pending_import_is_deleted_before_a_worker_starts_it(client, user):
    body = upload(client, user, TASKS).json()
    assert client.delete(f"{URL}/{body['id']}", headers=auth_headers(user)).status_code == 204
    assert run(body["id"]) == "skipped"
    assert _tasks(client, user) == []


def test_delete_and_row_errors_are_401_anonymous_and_404_for_another_user(
    client, user, user_factory
):
    body = upload(client, user, TASKS).json()
    other = auth_headers(user_factory())
    assert_problem(client.delete(f"{URL}/{body['id']}"), 401, "/problems/unauthorized")
    assert_problem(client.get(f"{URL}/{body['id']}/row-errors"), 401, "/problems/unauthorized")
    assert_problem(
        client.delete(f"{URL}/{body['id']}", headers=other), 404, "/problems/imports/not-found"
    )
    assert_problem(
        client.get(f"{URL}/{body['id']}/row-errors", headers=other),
        404,
        "/problems/imports/not-found",
    )
    assert client.get(f"{URL}/{body['id']}", headers=auth_headers(user)).status_code == 200
