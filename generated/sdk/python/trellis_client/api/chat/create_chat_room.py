from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chat_room import ChatRoom
from ...models.chat_room_create import ChatRoomCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: ChatRoomCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chat/rooms",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChatRoom | Problem | None:
    if response.status_code == 201:
        response_201 = ChatRoom.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChatRoom | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ChatRoomCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[ChatRoom | Problem]:
    """ Create a room

     A group room owned by you; `member_ids` (existing users) join it with you. Messages arrive live on
    its socket (`/api/v1/chat/rooms/{room_id}/socket`, see the AsyncAPI document). Send an `Idempotency-
    Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ChatRoomCreate):  Example: {'name': 'Release crew', 'member_ids':
            ['7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatRoom | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: ChatRoomCreate,
    idempotency_key: str | Unset = UNSET,

) -> ChatRoom | Problem | None:
    """ Create a room

     A group room owned by you; `member_ids` (existing users) join it with you. Messages arrive live on
    its socket (`/api/v1/chat/rooms/{room_id}/socket`, see the AsyncAPI document). Send an `Idempotency-
    Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ChatRoomCreate):  Example: {'name': 'Release crew', 'member_ids':
            ['7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatRoom | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ChatRoomCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[ChatRoom | Problem]:
    """ Create a room

     A group room owned by you; `member_ids` (existing users) join it with you. Messages arrive live on
    its socket (`/api/v1/chat/rooms/{room_id}/socket`, see the AsyncAPI document). Send an `Idempotency-
    Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ChatRoomCreate):  Example: {'name': 'Release crew', 'member_ids':
            ['7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatRoom | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ChatRoomCreate,
    idempotency_key: str | Unset = UNSET,

) -> ChatRoom | Problem | None:
    """ Create a room

     A group room owned by you; `member_ids` (existing users) join it with you. Messages arrive live on
    its socket (`/api/v1/chat/rooms/{room_id}/socket`, see the AsyncAPI document). Send an `Idempotency-
    Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ChatRoomCreate):  Example: {'name': 'Release crew', 'member_ids':
            ['7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatRoom | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
