from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_tasks_sort import ListTasksSort
from ...models.list_tasks_status import ListTasksStatus
from ...models.problem import Problem
from ...models.task_list import TaskList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    status: ListTasksStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTasksSort | Unset = ListTasksSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before

    json_due_after: str | Unset = UNSET
    if not isinstance(due_after, Unset):
        json_due_after = due_after.isoformat()
    params["due_after"] = json_due_after

    params["overdue"] = overdue

    params["q"] = q

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tasks",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TaskList | None:
    if response.status_code == 200:
        response_200 = TaskList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TaskList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListTasksStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTasksSort | Unset = ListTasksSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | TaskList]:
    """ List my tasks

     Your tasks, filtered and sorted. `sort` is `created_at` or `due_at`, with a leading `-` for
    descending (default `-created_at`, newest first). Tasks without a due date sort last by `due_at`.

    Args:
        status (ListTasksStatus | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        overdue (bool | Unset):
        q (str | Unset):
        sort (ListTasksSort | Unset):  Default: ListTasksSort.VALUE_1.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TaskList]
     """


    kwargs = _get_kwargs(
        status=status,
due_before=due_before,
due_after=due_after,
overdue=overdue,
q=q,
sort=sort,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: ListTasksStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTasksSort | Unset = ListTasksSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | TaskList | None:
    """ List my tasks

     Your tasks, filtered and sorted. `sort` is `created_at` or `due_at`, with a leading `-` for
    descending (default `-created_at`, newest first). Tasks without a due date sort last by `due_at`.

    Args:
        status (ListTasksStatus | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        overdue (bool | Unset):
        q (str | Unset):
        sort (ListTasksSort | Unset):  Default: ListTasksSort.VALUE_1.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TaskList
     """


    return sync_detailed(
        client=client,
status=status,
due_before=due_before,
due_after=due_after,
overdue=overdue,
q=q,
sort=sort,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListTasksStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTasksSort | Unset = ListTasksSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | TaskList]:
    """ List my tasks

     Your tasks, filtered and sorted. `sort` is `created_at` or `due_at`, with a leading `-` for
    descending (default `-created_at`, newest first). Tasks without a due date sort last by `due_at`.

    Args:
        status (ListTasksStatus | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        overdue (bool | Unset):
        q (str | Unset):
        sort (ListTasksSort | Unset):  Default: ListTasksSort.VALUE_1.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TaskList]
     """


    kwargs = _get_kwargs(
        status=status,
due_before=due_before,
due_after=due_after,
overdue=overdue,
q=q,
sort=sort,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListTasksStatus | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTasksSort | Unset = ListTasksSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | TaskList | None:
    """ List my tasks

     Your tasks, filtered and sorted. `sort` is `created_at` or `due_at`, with a leading `-` for
    descending (default `-created_at`, newest first). Tasks without a due date sort last by `due_at`.

    Args:
        status (ListTasksStatus | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        overdue (bool | Unset):
        q (str | Unset):
        sort (ListTasksSort | Unset):  Default: ListTasksSort.VALUE_1.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TaskList
     """


    return (await asyncio_detailed(
        client=client,
status=status,
due_before=due_before,
due_after=due_after,
overdue=overdue,
q=q,
sort=sort,
limit=limit,
cursor=cursor,

    )).parsed
