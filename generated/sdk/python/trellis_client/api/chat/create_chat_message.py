from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chat_message import ChatMessage
from ...models.chat_message_create import ChatMessageCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    room_id: UUID,
    *,
    body: ChatMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chat/rooms/{room_id}/messages".format(room_id=quote(str(room_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChatMessage | Problem | None:
    if response.status_code == 201:
        response_201 = ChatMessage.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChatMessage | Problem]:
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
    body: ChatMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[ChatMessage | Problem]:
    """ Post a message

     Appends a message to a room you are in: it takes the room's next id, counts as read by you, notifies
    the members it @mentions (notification kind `chat.mention`), and reaches every open socket of the
    room once stored (`message.created`). The same can be sent over the socket. Send an `Idempotency-
    Key` to make retries safe.

    Args:
        room_id (UUID):
        idempotency_key (str | Unset):
        body (ChatMessageCreate):  Example: {'body': 'Ship it, @grace?'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatMessage | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ChatMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> ChatMessage | Problem | None:
    """ Post a message

     Appends a message to a room you are in: it takes the room's next id, counts as read by you, notifies
    the members it @mentions (notification kind `chat.mention`), and reaches every open socket of the
    room once stored (`message.created`). The same can be sent over the socket. Send an `Idempotency-
    Key` to make retries safe.

    Args:
        room_id (UUID):
        idempotency_key (str | Unset):
        body (ChatMessageCreate):  Example: {'body': 'Ship it, @grace?'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatMessage | Problem
     """


    return sync_detailed(
        room_id=room_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ChatMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[ChatMessage | Problem]:
    """ Post a message

     Appends a message to a room you are in: it takes the room's next id, counts as read by you, notifies
    the members it @mentions (notification kind `chat.mention`), and reaches every open socket of the
    room once stored (`message.created`). The same can be sent over the socket. Send an `Idempotency-
    Key` to make retries safe.

    Args:
        room_id (UUID):
        idempotency_key (str | Unset):
        body (ChatMessageCreate):  Example: {'body': 'Ship it, @grace?'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatMessage | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ChatMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> ChatMessage | Problem | None:
    """ Post a message

     Appends a message to a room you are in: it takes the room's next id, counts as read by you, notifies
    the members it @mentions (notification kind `chat.mention`), and reaches every open socket of the
    room once stored (`message.created`). The same can be sent over the socket. Send an `Idempotency-
    Key` to make retries safe.

    Args:
        room_id (UUID):
        idempotency_key (str | Unset):
        body (ChatMessageCreate):  Example: {'body': 'Ship it, @grace?'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatMessage | Problem
     """


    return (await asyncio_detailed(
        room_id=room_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
