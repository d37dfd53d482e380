from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.ticket import Ticket
from ...models.transition import Transition
from typing import cast
from uuid import UUID



def _get_kwargs(
    ticket_id: UUID,
    *,
    body: Transition,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tickets/{ticket_id}/transitions".format(ticket_id=quote(str(ticket_id), safe=""),),
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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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
    body: Transition,

) -> Response[Problem | Ticket]:
    """ Change a ticket's state

     Moves the ticket along its workflow: OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED;
    CLOSED → OPEN. Allowed to the reporter, the assignee and admins. `from` must be the state the ticket
    is in now: when someone else moved it first, nothing changes and the answer is 409. The transition
    is recorded in the activity log.

    Args:
        ticket_id (UUID):
        body (Transition): Moves the ticket from the state you saw (`from`) to `to`. If the ticket
            is no longer in `from`, nothing changes and the answer is 409, so two people acting on the
            same state cannot both win. Example: {'from': 'OPEN', 'to': 'IN_PROGRESS'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ticket]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Transition,

) -> Problem | Ticket | None:
    """ Change a ticket's state

     Moves the ticket along its workflow: OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED;
    CLOSED → OPEN. Allowed to the reporter, the assignee and admins. `from` must be the state the ticket
    is in now: when someone else moved it first, nothing changes and the answer is 409. The transition
    is recorded in the activity log.

    Args:
        ticket_id (UUID):
        body (Transition): Moves the ticket from the state you saw (`from`) to `to`. If the ticket
            is no longer in `from`, nothing changes and the answer is 409, so two people acting on the
            same state cannot both win. Example: {'from': 'OPEN', 'to': 'IN_PROGRESS'}.

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

    ).parsed

async def asyncio_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Transition,

) -> Response[Problem | Ticket]:
    """ Change a ticket's state

     Moves the ticket along its workflow: OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED;
    CLOSED → OPEN. Allowed to the reporter, the assignee and admins. `from` must be the state the ticket
    is in now: when someone else moved it first, nothing changes and the answer is 409. The transition
    is recorded in the activity log.

    Args:
        ticket_id (UUID):
        body (Transition): Moves the ticket from the state you saw (`from`) to `to`. If the ticket
            is no longer in `from`, nothing changes and the answer is 409, so two people acting on the
            same state cannot both win. Example: {'from': 'OPEN', 'to': 'IN_PROGRESS'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ticket]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Transition,

) -> Problem | Ticket | None:
    """ Change a ticket's state

     Moves the ticket along its workflow: OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED;
    CLOSED → OPEN. Allowed to the reporter, the assignee and admins. `from` must be the state the ticket
    is in now: when someone else moved it first, nothing changes and the answer is 409. The transition
    is recorded in the activity log.

    Args:
        ticket_id (UUID):
        body (Transition): Moves the ticket from the state you saw (`from`) to `to`. If the ticket
            is no longer in `from`, nothing changes and the answer is 409, so two people acting on the
            same state cannot both win. Example: {'from': 'OPEN', 'to': 'IN_PROGRESS'}.

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

    )).parsed
