from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.realtime_ticket import RealtimeTicket
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/realtime/tickets",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RealtimeTicket | None:
    if response.status_code == 201:
        response_201 = RealtimeTicket.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RealtimeTicket]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[Problem | RealtimeTicket]:
    """ Get a WebSocket handshake ticket

     A single-use ticket that authenticates one WebSocket handshake as the caller, within
    REALTIME_TICKET_SECONDS (30 s by default). Present it as the subprotocol `ticket.<ticket>` beside
    `trellis.v1`, or as `?ticket=<ticket>` in the socket's URL. Any app process redeems it; a second
    handshake with the same ticket is closed with 4401. A socket opened with a ticket is closed with
    4401 when its account is disabled or deleted. No request body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RealtimeTicket]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,

) -> Problem | RealtimeTicket | None:
    """ Get a WebSocket handshake ticket

     A single-use ticket that authenticates one WebSocket handshake as the caller, within
    REALTIME_TICKET_SECONDS (30 s by default). Present it as the subprotocol `ticket.<ticket>` beside
    `trellis.v1`, or as `?ticket=<ticket>` in the socket's URL. Any app process redeems it; a second
    handshake with the same ticket is closed with 4401. A socket opened with a ticket is closed with
    4401 when its account is disabled or deleted. No request body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RealtimeTicket
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[Problem | RealtimeTicket]:
    """ Get a WebSocket handshake ticket

     A single-use ticket that authenticates one WebSocket handshake as the caller, within
    REALTIME_TICKET_SECONDS (30 s by default). Present it as the subprotocol `ticket.<ticket>` beside
    `trellis.v1`, or as `?ticket=<ticket>` in the socket's URL. Any app process redeems it; a second
    handshake with the same ticket is closed with 4401. A socket opened with a ticket is closed with
    4401 when its account is disabled or deleted. No request body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RealtimeTicket]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,

) -> Problem | RealtimeTicket | None:
    """ Get a WebSocket handshake ticket

     A single-use ticket that authenticates one WebSocket handshake as the caller, within
    REALTIME_TICKET_SECONDS (30 s by default). Present it as the subprotocol `ticket.<ticket>` beside
    `trellis.v1`, or as `?ticket=<ticket>` in the socket's URL. Any app process redeems it; a second
    handshake with the same ticket is closed with 4401. A socket opened with a ticket is closed with
    4401 when its account is disabled or deleted. No request body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RealtimeTicket
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
