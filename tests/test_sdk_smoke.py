"""The generated Python SDK (generated/sdk/python) works against a live server, unmodified."""

from __future__ import annotations

import sys
import uuid

from core.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "generated" / "sdk" / "python"))

from trellis_client import AuthenticatedClient, Client
from trellis_client.api.identity import create_token, create_user, get_current_user
from trellis_client.api.tasks import create_task, get_task, list_tasks
from trellis_client.models import (
    PasswordGrant,
    PasswordGrantGrantType,
    Problem,
    TaskCreate,
    TaskList,
    TokenPair,
    UserCreate,
)


def test_sdk_signs_up_logs_in_and_manages_tasks(live_server):
    with Client(base_url=f"{live_server}/api/v1", raise_on_unexpected_status=True) as anonymous:
        created, tokens = _sign_up_and_log_in(anonymous)
    with AuthenticatedClient(
        base_url=f"{live_server}/api/v1", token=tokens.access_token, raise_on_unexpected_status=True
    ) as client:
        _manage_tasks(client, created.id)


def _sign_up_and_log_in(anonymous: Client):  # type: ignore[no-untyped-def]
    email = f"sdk-{uuid.uuid4().hex[:8]}@example.com"
    password = "correct horse battery staple"

    created = create_user.sync(
        client=anonymous,
        body=UserCreate(email=email, password=password, display_name="SDK User"),
    )
    assert created is not None and not isinstance(created, Problem)
    assert created.email == email

    tokens = create_token.sync(
        client=anonymous,
        body=PasswordGrant(
            grant_type=PasswordGrantGrantType.PASSWORD, email=email, password=password
        ),
    )
    assert isinstance(tokens, TokenPair)
    return created, tokens


def _manage_tasks(client: AuthenticatedClient, user_id) -> None:  # type: ignore[no-untyped-def]
    me = get_current_user.sync(client=client)
    assert me is not None and not isinstance(me, Problem)
    assert me.id == user_id

    first = create_task.sync(client=client, body=TaskCreate(title="Write the SDK smoke test"))
    second = create_task.sync(client=client, body=TaskCreate(title="Ship it"))
    assert first is not None and not isinstance(first, Problem)
    assert second is not None and not isinstance(second, Problem)

    page = list_tasks.sync(client=client, limit=1)
    assert isinstance(page, TaskList)
    assert len(page.items) == 1
    rest = list_tasks.sync(client=client, limit=1, cursor=page.next_)
    assert isinstance(rest, TaskList)
    assert {page.items[0].id, rest.items[0].id} == {first.id, second.id}

    missing = get_task.sync_detailed(client=client, task_id=uuid.uuid4())
    assert missing.status_code == 404
    assert isinstance(missing.parsed, Problem)
    assert missing.parsed.type_ == "/problems/tasks/not-found"
