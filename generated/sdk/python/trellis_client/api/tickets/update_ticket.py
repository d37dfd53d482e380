from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.ticket import Ticket
from ...models.ticket_update import TicketUpdate
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    ticket_id: UUID,
    *,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/tickets/{ticket_id}".format(ticket_id=quote(str(ticket_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Ticket | None:
    if response.status_code == 200:
        response_200 = Ticket.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Ticket]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Problem | Ticket]:
    """ Edit or reassign a ticket

     Changes the title, description, priority or assignee. Allowed to the reporter, the assignee and
    admins. A new assignee must be an existing user; reassignment is recorded in the activity log. Send
    the ETag you read in `If-Match` so you never overwrite someone else's edit.

    Args:
        ticket_id (UUID):
        if_match (str | Unset):
        body (TicketUpdate): The fields to change. Changing `assignee_id` is recorded in the
            activity log. The state changes only through `POST /tickets/{ticket_id}/transitions`.
            Example: {'assignee_id': '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ticket]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,

) -> Problem | Ticket | None:
    """ Edit or reassign a ticket

     Changes the title, description, priority or assignee. Allowed to the reporter, the assignee and
    admins. A new assignee must be an existing user; reassignment is recorded in the activity log. Send
    the ETag you read in `If-Match` so you never overwrite someone else's edit.

    Args:
        ticket_id (UUID):
        if_match (str | Unset):
        body (TicketUpdate): The fields to change. Changing `assignee_id` is recorded in the
            activity log. The state changes only through `POST /tickets/{ticket_id}/transitions`.
            Example: {'assignee_id': '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Ticket
     """


    return sync_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Problem | Ticket]:
    """ Edit or reassign a ticket

     Changes the title, description, priority or assignee. Allowed to the reporter, the assignee and
    admins. A new assignee must be an existing user; reassignment is recorded in the activity log. Send
    the ETag you read in `If-Match` so you never overwrite someone else's edit.

    Args:
        ticket_id (UUID):
        if_match (str | Unset):
        body (TicketUpdate): The fields to change. Changing `assignee_id` is recorded in the
            activity log. The state changes only through `POST /tickets/{ticket_id}/transitions`.
            Example: {'assignee_id': '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ticket]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,

) -> Problem | Ticket | None:
    """ Edit or reassign a ticket

     Changes the title, description, priority or assignee. Allowed to the reporter, the assignee and
    admins. A new assignee must be an existing user; reassignment is recorded in the activity log. Send
    the ETag you read in `If-Match` so you never overwrite someone else's edit.

    Args:
        ticket_id (UUID):
        if_match (str | Unset):
        body (TicketUpdate): The fields to change. Changing `assignee_id` is recorded in the
            activity log. The state changes only through `POST /tickets/{ticket_id}/transitions`.
            Example: {'assignee_id': '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Ticket
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
