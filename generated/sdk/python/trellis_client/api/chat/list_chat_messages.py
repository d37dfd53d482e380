from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chat_message_list import ChatMessageList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    room_id: UUID,
    *,
    before: int | Unset = UNSET,
    after: int | Unset = UNSET,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["before"] = before

    params["after"] = after

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chat/rooms/{room_id}/messages".format(room_id=quote(str(room_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChatMessageList | Problem | None:
    if response.status_code == 200:
        response_200 = ChatMessageList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChatMessageList | Problem]:
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
    before: int | Unset = UNSET,
    after: int | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[ChatMessageList | Problem]:
    """ Read a room's history

     A page of a room's messages, oldest first: the `limit` messages right before `before`, or right
    after `after` (and below `before` when both are given), or the newest without either. Page back with
    `before=<first id>`, forward (catch up) with `after=<last id>`; `has_more` says whether more lie
    that way.

    Args:
        room_id (UUID):
        before (int | Unset):
        after (int | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatMessageList | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
before=before,
after=after,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    before: int | Unset = UNSET,
    after: int | Unset = UNSET,
    limit: int | Unset = 50,

) -> ChatMessageList | Problem | None:
    """ Read a room's history

     A page of a room's messages, oldest first: the `limit` messages right before `before`, or right
    after `after` (and below `before` when both are given), or the newest without either. Page back with
    `before=<first id>`, forward (catch up) with `after=<last id>`; `has_more` says whether more lie
    that way.

    Args:
        room_id (UUID):
        before (int | Unset):
        after (int | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatMessageList | Problem
     """


    return sync_detailed(
        room_id=room_id,
client=client,
before=before,
after=after,
limit=limit,

    ).parsed

async def asyncio_detailed(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    before: int | Unset = UNSET,
    after: int | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[ChatMessageList | Problem]:
    """ Read a room's history

     A page of a room's messages, oldest first: the `limit` messages right before `before`, or right
    after `after` (and below `before` when both are given), or the newest without either. Page back with
    `before=<first id>`, forward (catch up) with `after=<last id>`; `has_more` says whether more lie
    that way.

    Args:
        room_id (UUID):
        before (int | Unset):
        after (int | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatMessageList | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
before=before,
after=after,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    before: int | Unset = UNSET,
    after: int | Unset = UNSET,
    limit: int | Unset = 50,

) -> ChatMessageList | Problem | None:
    """ Read a room's history

     A page of a room's messages, oldest first: the `limit` messages right before `before`, or right
    after `after` (and below `before` when both are given), or the newest without either. Page back with
    `before=<first id>`, forward (catch up) with `after=<last id>`; `has_more` says whether more lie
    that way.

    Args:
        room_id (UUID):
        before (int | Unset):
        after (int | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatMessageList | Problem
     """


    return (await asyncio_detailed(
        room_id=room_id,
client=client,
before=before,
after=after,
limit=limit,

    )).parsed
