from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_tickets_sort import ListTicketsSort
from ...models.problem import Problem
from ...models.ticket_list import TicketList
from ...models.ticket_priority import TicketPriority
from ...models.ticket_state import TicketState
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    state: TicketState | Unset = UNSET,
    priority: TicketPriority | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    reporter_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    json_priority: str | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = priority.value

    params["priority"] = json_priority

    params["assignee_id"] = assignee_id

    json_reporter_id: str | Unset = UNSET
    if not isinstance(reporter_id, Unset):
        json_reporter_id = str(reporter_id)
    params["reporter_id"] = json_reporter_id

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
        "url": "/tickets",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TicketList | None:
    if response.status_code == 200:
        response_200 = TicketList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TicketList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: TicketState | Unset = UNSET,
    priority: TicketPriority | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    reporter_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | TicketList]:
    """ List tickets

     Every ticket of the tracker, newest first (`sort=-created_at`, the default) or oldest first,
    filtered by state, assignee, reporter, priority and text (`q`: case-insensitive substring of the
    title or description). `assignee_id=none` lists unassigned tickets.

    Args:
        state (TicketState | Unset): OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED;
            CLOSED → OPEN (reopen).
        priority (TicketPriority | Unset):
        assignee_id (str | Unset):
        reporter_id (UUID | Unset):
        q (str | Unset):
        sort (ListTicketsSort | Unset):  Default: ListTicketsSort.VALUE_1.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketList]
     """


    kwargs = _get_kwargs(
        state=state,
priority=priority,
assignee_id=assignee_id,
reporter_id=reporter_id,
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
    state: TicketState | Unset = UNSET,
    priority: TicketPriority | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    reporter_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | TicketList | None:
    """ List tickets

     Every ticket of the tracker, newest first (`sort=-created_at`, the default) or oldest first,
    filtered by state, assignee, reporter, priority and text (`q`: case-insensitive substring of the
    title or description). `assignee_id=none` lists unassigned tickets.

    Args:
        state (TicketState | Unset): OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED;
            CLOSED → OPEN (reopen).
        priority (TicketPriority | Unset):
        assignee_id (str | Unset):
        reporter_id (UUID | Unset):
        q (str | Unset):
        sort (ListTicketsSort | Unset):  Default: ListTicketsSort.VALUE_1.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketList
     """


    return sync_detailed(
        client=client,
state=state,
priority=priority,
assignee_id=assignee_id,
reporter_id=reporter_id,
q=q,
sort=sort,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: TicketState | Unset = UNSET,
    priority: TicketPriority | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    reporter_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | TicketList]:
    """ List tickets

     Every ticket of the tracker, newest first (`sort=-created_at`, the default) or oldest first,
    filtered by state, assignee, reporter, priority and text (`q`: case-insensitive substring of the
    title or description). `assignee_id=none` lists unassigned tickets.

    Args:
        state (TicketState | Unset): OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED;
            CLOSED → OPEN (reopen).
        priority (TicketPriority | Unset):
        assignee_id (str | Unset):
        reporter_id (UUID | Unset):
        q (str | Unset):
        sort (ListTicketsSort | Unset):  Default: ListTicketsSort.VALUE_1.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketList]
     """


    kwargs = _get_kwargs(
        state=state,
priority=priority,
assignee_id=assignee_id,
reporter_id=reporter_id,
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
    state: TicketState | Unset = UNSET,
    priority: TicketPriority | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    reporter_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.VALUE_1,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | TicketList | None:
    """ List tickets

     Every ticket of the tracker, newest first (`sort=-created_at`, the default) or oldest first,
    filtered by state, assignee, reporter, priority and text (`q`: case-insensitive substring of the
    title or description). `assignee_id=none` lists unassigned tickets.

    Args:
        state (TicketState | Unset): OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED;
            CLOSED → OPEN (reopen).
        priority (TicketPriority | Unset):
        assignee_id (str | Unset):
        reporter_id (UUID | Unset):
        q (str | Unset):
        sort (ListTicketsSort | Unset):  Default: ListTicketsSort.VALUE_1.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketList
     """


    return (await asyncio_detailed(
        client=client,
state=state,
priority=priority,
assignee_id=assignee_id,
reporter_id=reporter_id,
q=q,
sort=sort,
limit=limit,
cursor=cursor,

    )).parsed
