"""What a bad request can cost (issue 18 §11): bounded validation answers, deep nesting refused
before validation, and no traceback logged for a client's error.

Each amplification the issue measured is replayed: 300,000 integers as a page's tags (the answer
was 20 MB), 60,000 unknown properties on sign-up without credentials (3.2 MB), and JSON nested
600 deep on login and sign-up (a 500 with a traceback logged each time). The answers are held to
sizes, never to times.
"""

from __future__ import annotations

import orjson
import pytest

from core.validation import CLIP_ITEMS, MAX_DEPTH, MAX_ERRORS, compiled, failures
from tests.factories.identity import auth_headers, conduit_headers, make_user
from tests.problems import assert_problem
from tests.support.contract import operations

PAGES = "/api/v1/notes/pages"
USERS = "/api/v1/identity/users"
TOKENS = "/api/v1/identity/tokens"
SESSIONS = "/api/v1/sessions"
CONDUIT_USERS = "/conduit/api/users"
CONDUIT_LOGIN = "/conduit/api/users/login"
CONDUIT_ARTICLES = "/conduit/api/articles"
JSON = {"Content-Type": "application/json"}
#: Far more than 50 field errors need, far less than the 20 MB and 3.2 MB answers measured.
SMALL_ANSWER = 16_000
TOO_DEEP = f"JSON nested more than {MAX_DEPTH} levels deep is not accepted."


def _nested(depth: int) -> bytes:
    return b'{"email": ' + b"[" * (depth - 1) + b"]" * (depth - 1) + b"}"


def test_300000_integers_as_tags_answer_50_errors_and_a_count(client):
    body = orjson.dumps({"title": "t", "tags": [1] * 300_000})
    headers = {**auth_headers(make_user()), **JSON}
    answer = client.post(PAGES, content=body, headers=headers)
    problem = assert_problem(answer, 400, "/problems/validation")
    assert len(answer.content) < SMALL_ANSWER
    assert len(problem["errors"]) == MAX_ERRORS
    # maxItems, uniqueItems, then each item read (the first CLIP_ITEMS); 50 of them listed.
    assert problem["errors_omitted"] == 2 + CLIP_ITEMS - MAX_ERRORS
    assert {"field": "body.tags.0", "message": '1 is not of type "string"'} in problem["errors"]


def test_60000_unknown_properties_on_sign_up_answer_50_errors_and_a_count(client, capfd):
    body = orjson.dumps({f"p{n}": 1 for n in range(60_000)})
    answer = client.post(USERS, content=body, headers=JSON)
    problem = assert_problem(answer, 400, "/problems/validation")
    assert len(answer.content) < SMALL_ANSWER
    assert len(problem["errors"]) == MAX_ERRORS
    # 60,000 unknown properties and the three required ones missing.
    assert problem["errors_omitted"] == 60_000 + 3 - MAX_ERRORS
    assert "Traceback" not in "".join(capfd.readouterr())


@pytest.mark.parametrize("path", [TOKENS, USERS, SESSIONS])
def test_json_600_deep_on_login_and_sign_up_is_400_without_a_traceback(client, capfd, path):
    answer = client.post(path, content=_nested(600), headers=JSON)
    problem = assert_problem(answer, 400, "/problems/nesting-too-deep")
    assert problem["errors"] == [{"field": "body", "message": TOO_DEEP}]
    logged = "".join(capfd.readouterr())
    assert "Traceback" not in logged and "unhandled_exception" not in logged


def test_nesting_past_what_the_json_parser_takes_is_the_same_problem(client):
    answer = client.post(TOKENS, content=_nested(2_000), headers=JSON)
    assert_problem(answer, 400, "/problems/nesting-too-deep")


def test_the_documented_depth_is_accepted_and_one_more_is_not(client):
    at_limit = client.post(TOKENS, content=_nested(MAX_DEPTH), headers=JSON)
    assert_problem(at_limit, 400, "/problems/validation")  # the schema speaks, not the depth
    deeper = client.post(TOKENS, content=_nested(MAX_DEPTH + 1), headers=JSON)
    assert_problem(deeper, 400, "/problems/nesting-too-deep")


def test_brackets_inside_strings_are_not_nesting(client):
    body = orjson.dumps({"title": "[" * 150, "body": "{" * 150, "tags": ["x"]})
    answer = client.post(PAGES, content=body, headers={**auth_headers(make_user()), **JSON})
    assert answer.status_code == 201, answer.text


def test_the_facade_answers_the_same_amplifications_small(client, capfd):
    user = make_user()
    many = orjson.dumps({"article": {"title": "t", "tagList": [1] * 300_000}})
    answer = client.post(CONDUIT_ARTICLES, content=many, headers={**conduit_headers(user), **JSON})
    assert answer.status_code == 422, answer.text[:300]
    assert len(answer.content) < SMALL_ANSWER
    unknown = orjson.dumps({"user": {f"p{n}": 1 for n in range(60_000)}})
    answer = client.post(CONDUIT_USERS, content=unknown, headers=JSON)
    assert answer.status_code == 422 and len(answer.content) < SMALL_ANSWER
    for path in (CONDUIT_USERS, CONDUIT_LOGIN):
        answer = client.post(path, content=_nested(600), headers=JSON)
        assert answer.status_code == 422, answer.text
        assert answer.json() == {"errors": {"body": [TOO_DEEP]}}
    assert "Traceback" not in "".join(capfd.readouterr())


def test_a_failure_beyond_the_clipped_items_is_still_reported():
    validator = compiled({"type": "array", "uniqueItems": True})
    items = [*range(CLIP_ITEMS + 10), CLIP_ITEMS + 5]
    found = list(failures(validator, items))
    assert len(found) == 1 and "non-unique" in found[0].message


def test_no_schema_allows_more_items_than_are_read_for_errors():
    # Errors are read from a copy whose arrays stop at CLIP_ITEMS: that copy fails exactly where
    # the body does only while every maxItems stays below it.
    def max_items(node: object) -> list[int]:
        if isinstance(node, dict):
            own = [node["maxItems"]] if isinstance(node.get("maxItems"), int) else []
            return own + [n for value in node.values() for n in max_items(value)]
        if isinstance(node, list):
            return [n for value in node for n in max_items(value)]
        return []

    documents = {id(op.api.document): op.api.document for op in operations()}
    found = [n for document in documents.values() for n in max_items(document)]
    assert found and max(found) < CLIP_ITEMS
