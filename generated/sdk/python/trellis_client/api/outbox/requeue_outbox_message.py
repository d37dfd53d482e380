from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.outbox_dead_letter import OutboxDeadLetter
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    message_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/outbox/dead-letters/{message_id}/requeues".format(message_id=quote(str(message_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutboxDeadLetter | Problem | None:
    if response.status_code == 200:
        response_200 = OutboxDeadLetter.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OutboxDeadLetter | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    message_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[OutboxDeadLetter | Problem]:
    """ Requeue a dead letter (admin)

     Gives a DEAD message a fresh set of attempts: it becomes PENDING with its attempt count at 0 (its
    `last_error` stays until the next attempt succeeds) and a worker sends it after this request
    commits, with the same Message-ID. A message in any other status answers 409 and is left as it is,
    so a requeue sent twice queues the message once.

    Args:
        message_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxDeadLetter | Problem]
     """


    kwargs = _get_kwargs(
        message_id=message_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    message_id: UUID,
    *,
    client: AuthenticatedClient,

) -> OutboxDeadLetter | Problem | None:
    """ Requeue a dead letter (admin)

     Gives a DEAD message a fresh set of attempts: it becomes PENDING with its attempt count at 0 (its
    `last_error` stays until the next attempt succeeds) and a worker sends it after this request
    commits, with the same Message-ID. A message in any other status answers 409 and is left as it is,
    so a requeue sent twice queues the message once.

    Args:
        message_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxDeadLetter | Problem
     """


    return sync_detailed(
        message_id=message_id,
client=client,

    ).parsed

async def asyncio_detailed(
    message_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[OutboxDeadLetter | Problem]:
    """ Requeue a dead letter (admin)

     Gives a DEAD message a fresh set of attempts: it becomes PENDING with its attempt count at 0 (its
    `last_error` stays until the next attempt succeeds) and a worker sends it after this request
    commits, with the same Message-ID. A message in any other status answers 409 and is left as it is,
    so a requeue sent twice queues the message once.

    Args:
        message_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxDeadLetter | Problem]
     """


    kwargs = _get_kwargs(
        message_id=message_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    message_id: UUID,
    *,
    client: AuthenticatedClient,

) -> OutboxDeadLetter | Problem | None:
    """ Requeue a dead letter (admin)

     Gives a DEAD message a fresh set of attempts: it becomes PENDING with its attempt count at 0 (its
    `last_error` stays until the next attempt succeeds) and a worker sends it after this request
    commits, with the same Message-ID. A message in any other status answers 409 and is left as it is,
    so a requeue sent twice queues the message once.

    Args:
        message_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxDeadLetter | Problem
     """


    return (await asyncio_detailed(
        message_id=message_id,
client=client,

    )).parsed
