from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.presence_participant_list import PresenceParticipantList
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    room_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/presence/rooms/{room_id}/participants".format(room_id=quote(str(room_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PresenceParticipantList | Problem | None:
    if response.status_code == 200:
        response_200 = PresenceParticipantList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PresenceParticipantList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    room_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[PresenceParticipantList | Problem]:
    """ Who is in the room now

     The room's open connections on every app process, oldest first, with the last cursor and selection
    each sent. A connection that closed is gone at once; one whose client stopped sending heartbeats (or
    whose app process died) is gone within PRESENCE_HEARTBEAT_TIMEOUT_SECONDS + PRESENCE_SWEEP_SECONDS.
    At most the 200 oldest connections are listed (a room's socket snapshot has them all).

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PresenceParticipantList | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    room_id: UUID,
    *,
    client: AuthenticatedClient,

) -> PresenceParticipantList | Problem | None:
    """ Who is in the room now

     The room's open connections on every app process, oldest first, with the last cursor and selection
    each sent. A connection that closed is gone at once; one whose client stopped sending heartbeats (or
    whose app process died) is gone within PRESENCE_HEARTBEAT_TIMEOUT_SECONDS + PRESENCE_SWEEP_SECONDS.
    At most the 200 oldest connections are listed (a room's socket snapshot has them all).

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PresenceParticipantList | Problem
     """


    return sync_detailed(
        room_id=room_id,
client=client,

    ).parsed

async def asyncio_detailed(
    room_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[PresenceParticipantList | Problem]:
    """ Who is in the room now

     The room's open connections on every app process, oldest first, with the last cursor and selection
    each sent. A connection that closed is gone at once; one whose client stopped sending heartbeats (or
    whose app process died) is gone within PRESENCE_HEARTBEAT_TIMEOUT_SECONDS + PRESENCE_SWEEP_SECONDS.
    At most the 200 oldest connections are listed (a room's socket snapshot has them all).

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PresenceParticipantList | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    room_id: UUID,
    *,
    client: AuthenticatedClient,

) -> PresenceParticipantList | Problem | None:
    """ Who is in the room now

     The room's open connections on every app process, oldest first, with the last cursor and selection
    each sent. A connection that closed is gone at once; one whose client stopped sending heartbeats (or
    whose app process died) is gone within PRESENCE_HEARTBEAT_TIMEOUT_SECONDS + PRESENCE_SWEEP_SECONDS.
    At most the 200 oldest connections are listed (a room's socket snapshot has them all).

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PresenceParticipantList | Problem
     """


    return (await asyncio_detailed(
        room_id=room_id,
client=client,

    )).parsed
