from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.task import Task
from ...models.task_update import TaskUpdate
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    task_id: UUID,
    *,
    body: TaskUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/tasks/{task_id}".format(task_id=quote(str(task_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Task | None:
    if response.status_code == 200:
        response_200 = Task.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Task]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TaskUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Problem | Task]:
    """ Update a task

     Changes the given fields. `status: DONE` completes the task (sets `completed_at`), `status: OPEN`
    reopens it (clears `completed_at`). Send the ETag you read in `If-Match` to make sure you do not
    overwrite someone else's change.

    Args:
        task_id (UUID):
        if_match (str | Unset):
        body (TaskUpdate): The fields to change. Set `status` to DONE to complete a task, OPEN to
            reopen it. Example: {'status': 'DONE'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Task]
     """


    kwargs = _get_kwargs(
        task_id=task_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TaskUpdate,
    if_match: str | Unset = UNSET,

) -> Problem | Task | None:
    """ Update a task

     Changes the given fields. `status: DONE` completes the task (sets `completed_at`), `status: OPEN`
    reopens it (clears `completed_at`). Send the ETag you read in `If-Match` to make sure you do not
    overwrite someone else's change.

    Args:
        task_id (UUID):
        if_match (str | Unset):
        body (TaskUpdate): The fields to change. Set `status` to DONE to complete a task, OPEN to
            reopen it. Example: {'status': 'DONE'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Task
     """


    return sync_detailed(
        task_id=task_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TaskUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Problem | Task]:
    """ Update a task

     Changes the given fields. `status: DONE` completes the task (sets `completed_at`), `status: OPEN`
    reopens it (clears `completed_at`). Send the ETag you read in `If-Match` to make sure you do not
    overwrite someone else's change.

    Args:
        task_id (UUID):
        if_match (str | Unset):
        body (TaskUpdate): The fields to change. Set `status` to DONE to complete a task, OPEN to
            reopen it. Example: {'status': 'DONE'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Task]
     """


    kwargs = _get_kwargs(
        task_id=task_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TaskUpdate,
    if_match: str | Unset = UNSET,

) -> Problem | Task | None:
    """ Update a task

     Changes the given fields. `status: DONE` completes the task (sets `completed_at`), `status: OPEN`
    reopens it (clears `completed_at`). Send the ETag you read in `If-Match` to make sure you do not
    overwrite someone else's change.

    Args:
        task_id (UUID):
        if_match (str | Unset):
        body (TaskUpdate): The fields to change. Set `status` to DONE to complete a task, OPEN to
            reopen it. Example: {'status': 'DONE'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Task
     """


    return (await asyncio_detailed(
        task_id=task_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
