from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chat_delivered_mark import ChatDeliveredMark
from ...models.chat_delivered_mark_result import ChatDeliveredMarkResult
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    room_id: UUID,
    *,
    body: ChatDeliveredMark,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/chat/rooms/{room_id}/delivered-mark".format(room_id=quote(str(room_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChatDeliveredMarkResult | Problem | None:
    if response.status_code == 200:
        response_200 = ChatDeliveredMarkResult.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChatDeliveredMarkResult | Problem]:
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
    body: ChatDeliveredMark,

) -> Response[ChatDeliveredMarkResult | Problem]:
    """ Acknowledge delivered messages

     Moves your delivered mark up to `up_to_id`: the messages up to it have reached your device (for
    clients that fetch history over REST; over the socket send `delivered`). A lower or equal one
    changes nothing and tells nobody. When the mark moves and the room has receipts on, every member's
    sockets get a `receipt` of kind `delivered`. Reading a message (the read mark) marks it delivered
    too.

    Args:
        room_id (UUID):
        body (ChatDeliveredMark):  Example: {'up_to_id': 42}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatDeliveredMarkResult | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ChatDeliveredMark,

) -> ChatDeliveredMarkResult | Problem | None:
    """ Acknowledge delivered messages

     Moves your delivered mark up to `up_to_id`: the messages up to it have reached your device (for
    clients that fetch history over REST; over the socket send `delivered`). A lower or equal one
    changes nothing and tells nobody. When the mark moves and the room has receipts on, every member's
    sockets get a `receipt` of kind `delivered`. Reading a message (the read mark) marks it delivered
    too.

    Args:
        room_id (UUID):
        body (ChatDeliveredMark):  Example: {'up_to_id': 42}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatDeliveredMarkResult | Problem
     """


    return sync_detailed(
        room_id=room_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ChatDeliveredMark,

) -> Response[ChatDeliveredMarkResult | Problem]:
    """ Acknowledge delivered messages

     Moves your delivered mark up to `up_to_id`: the messages up to it have reached your device (for
    clients that fetch history over REST; over the socket send `delivered`). A lower or equal one
    changes nothing and tells nobody. When the mark moves and the room has receipts on, every member's
    sockets get a `receipt` of kind `delivered`. Reading a message (the read mark) marks it delivered
    too.

    Args:
        room_id (UUID):
        body (ChatDeliveredMark):  Example: {'up_to_id': 42}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatDeliveredMarkResult | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    room_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ChatDeliveredMark,

) -> ChatDeliveredMarkResult | Problem | None:
    """ Acknowledge delivered messages

     Moves your delivered mark up to `up_to_id`: the messages up to it have reached your device (for
    clients that fetch history over REST; over the socket send `delivered`). A lower or equal one
    changes nothing and tells nobody. When the mark moves and the room has receipts on, every member's
    sockets get a `receipt` of kind `delivered`. Reading a message (the read mark) marks it delivered
    too.

    Args:
        room_id (UUID):
        body (ChatDeliveredMark):  Example: {'up_to_id': 42}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatDeliveredMarkResult | Problem
     """


    return (await asyncio_detailed(
        room_id=room_id,
client=client,
body=body,

    )).parsed
