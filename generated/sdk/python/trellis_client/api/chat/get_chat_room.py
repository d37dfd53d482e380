from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chat_room import ChatRoom
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    room_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chat/rooms/{room_id}".format(room_id=quote(str(room_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChatRoom | Problem | None:
    if response.status_code == 200:
        response_200 = ChatRoom.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChatRoom | Problem]:
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

) -> Response[ChatRoom | Problem]:
    """ Get a room

     A room you are a member of, with your unread count. Other rooms answer 404.

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatRoom | Problem]
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

) -> ChatRoom | Problem | None:
    """ Get a room

     A room you are a member of, with your unread count. Other rooms answer 404.

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatRoom | Problem
     """


    return sync_detailed(
        room_id=room_id,
client=client,

    ).parsed

async def asyncio_detailed(
    room_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ChatRoom | Problem]:
    """ Get a room

     A room you are a member of, with your unread count. Other rooms answer 404.

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatRoom | Problem]
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

) -> ChatRoom | Problem | None:
    """ Get a room

     A room you are a member of, with your unread count. Other rooms answer 404.

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatRoom | Problem
     """


    return (await asyncio_detailed(
        room_id=room_id,
client=client,

    )).parsed
