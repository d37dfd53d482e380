from __future__ import annotations

import copy

import pytest
from starlette.testclient import TestClient

from core.connexion_app import connexion_app
from core.security import OperationPolicy, operation_policies
from core.spec import MAIN_SPEC, load_spec, split_by_route_group
from tests.factories.identity import auth_headers
from tests.factories.tasks import make_task


@pytest.fixture(scope="module")
def strict_tasks_client():
    """The tasks API with deleteTask marked `x-if-match: required`, as an operator could."""
    parts = split_by_route_group(load_spec(MAIN_SPEC))
    spec = copy.deepcopy(next(part for groups, part in parts if "tasks/*" in groups))
    spec["paths"]["/tasks/{task_id}"]["delete"]["x-if-match"] = "required"
    with TestClient(connexion_app(spec)) as client:
        yield client


def test_operation_without_required_if_match_is_428(strict_tasks_client, user):
    task = make_task(user)
    response = strict_tasks_client.delete(f"/api/v1/tasks/{task.id}", headers=auth_headers(user))
    assert response.status_code == 428
    assert response.json()["type"] == "/problems/precondition-required"


def test_operation_with_required_if_match_proceeds(strict_tasks_client, user):
    task = make_task(user)
    response = strict_tasks_client.delete(
        f"/api/v1/tasks/{task.id}", headers={**auth_headers(user), "If-Match": '"1"'}
    )
    assert response.status_code == 204


def test_policies_are_read_from_extensions():
    spec = {
        "paths": {
            "/a": {
                "get": {"operationId": "a", "x-roles": ["ADMIN"]},
                "put": {"operationId": "b", "x-if-match": "required"},
                "post": {"operationId": "c"},
            }
        }
    }
    assert operation_policies(spec) == {
        "a": OperationPolicy(roles=("ADMIN",)),
        "b": OperationPolicy(if_match_required=True),
    }
