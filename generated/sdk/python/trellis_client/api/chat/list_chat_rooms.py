from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chat_room_list import ChatRoomList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["q"] = q


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chat/rooms",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChatRoomList | Problem | None:
    if response.status_code == 200:
        response_200 = ChatRoomList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChatRoomList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,

) -> Response[ChatRoomList | Problem]:
    """ List my rooms

     The rooms (group and direct) you are a member of, newest first, one cursor page at a time, each with
    your unread count. `q` keeps the rooms whose name contains it (any case).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatRoomList | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
q=q,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,

) -> ChatRoomList | Problem | None:
    """ List my rooms

     The rooms (group and direct) you are a member of, newest first, one cursor page at a time, each with
    your unread count. `q` keeps the rooms whose name contains it (any case).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatRoomList | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
q=q,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,

) -> Response[ChatRoomList | Problem]:
    """ List my rooms

     The rooms (group and direct) you are a member of, newest first, one cursor page at a time, each with
    your unread count. `q` keeps the rooms whose name contains it (any case).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatRoomList | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
q=q,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,

) -> ChatRoomList | Problem | None:
    """ List my rooms

     The rooms (group and direct) you are a member of, newest first, one cursor page at a time, each with
    your unread count. `q` keeps the rooms whose name contains it (any case).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatRoomList | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
q=q,

    )).parsed
