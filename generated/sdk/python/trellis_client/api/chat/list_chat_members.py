from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chat_member_list import ChatMemberList
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    room_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chat/rooms/{room_id}/members".format(room_id=quote(str(room_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChatMemberList | Problem | None:
    if response.status_code == 200:
        response_200 = ChatMemberList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChatMemberList | Problem]:
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

) -> Response[ChatMemberList | Problem]:
    """ List a room's members

     Every member of a room you are in (a room holds at most a few hundred), oldest member first, with
    whether they are online now (a socket open on any app process), when they were last seen on the
    room's socket, and their read mark.

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatMemberList | Problem]
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

) -> ChatMemberList | Problem | None:
    """ List a room's members

     Every member of a room you are in (a room holds at most a few hundred), oldest member first, with
    whether they are online now (a socket open on any app process), when they were last seen on the
    room's socket, and their read mark.

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatMemberList | Problem
     """


    return sync_detailed(
        room_id=room_id,
client=client,

    ).parsed

async def asyncio_detailed(
    room_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ChatMemberList | Problem]:
    """ List a room's members

     Every member of a room you are in (a room holds at most a few hundred), oldest member first, with
    whether they are online now (a socket open on any app process), when they were last seen on the
    room's socket, and their read mark.

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatMemberList | Problem]
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

) -> ChatMemberList | Problem | None:
    """ List a room's members

     Every member of a room you are in (a room holds at most a few hundred), oldest member first, with
    whether they are online now (a socket open on any app process), when they were last seen on the
    room's socket, and their read mark.

    Args:
        room_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatMemberList | Problem
     """


    return (await asyncio_detailed(
        room_id=room_id,
client=client,

    )).parsed
