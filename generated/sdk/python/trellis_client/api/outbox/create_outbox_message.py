from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.outbox_message import OutboxMessage
from ...models.outbox_message_create import OutboxMessageCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: OutboxMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/outbox/messages",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutboxMessage | Problem | None:
    if response.status_code == 201:
        response_201 = OutboxMessage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OutboxMessage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OutboxMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[OutboxMessage | Problem]:
    """ Queue an email

     Stores a plain-text email to one recipient, in status PENDING, and answers at once; a worker sends
    it through the configured SMTP server (or the console backend) after the request has committed. A
    transient failure (an SMTP 4xx answer, a refused connection) is retried with exponential backoff and
    jitter; a permanent one (an SMTP 5xx answer), or OUTBOX_MAX_ATTEMPTS failures, makes the message
    DEAD. Each user may queue OUTBOX_SEND_LIMIT_PER_USER messages (100 an hour by default) before 429.
    Follow it with `GET /outbox/messages/{message_id}`. Send an `Idempotency-Key` to make retries of
    this request safe: a retry answers the first message (with `Idempotent-Replayed: true`) and queues
    nothing new.

    Args:
        idempotency_key (str | Unset):
        body (OutboxMessageCreate):  Example: {'to': 'ada@example.com', 'subject': 'Your report is
            ready', 'text': 'The weekly report you asked for is attached to your dashboard.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxMessage | Problem]
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
    body: OutboxMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> OutboxMessage | Problem | None:
    """ Queue an email

     Stores a plain-text email to one recipient, in status PENDING, and answers at once; a worker sends
    it through the configured SMTP server (or the console backend) after the request has committed. A
    transient failure (an SMTP 4xx answer, a refused connection) is retried with exponential backoff and
    jitter; a permanent one (an SMTP 5xx answer), or OUTBOX_MAX_ATTEMPTS failures, makes the message
    DEAD. Each user may queue OUTBOX_SEND_LIMIT_PER_USER messages (100 an hour by default) before 429.
    Follow it with `GET /outbox/messages/{message_id}`. Send an `Idempotency-Key` to make retries of
    this request safe: a retry answers the first message (with `Idempotent-Replayed: true`) and queues
    nothing new.

    Args:
        idempotency_key (str | Unset):
        body (OutboxMessageCreate):  Example: {'to': 'ada@example.com', 'subject': 'Your report is
            ready', 'text': 'The weekly report you asked for is attached to your dashboard.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxMessage | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OutboxMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[OutboxMessage | Problem]:
    """ Queue an email

     Stores a plain-text email to one recipient, in status PENDING, and answers at once; a worker sends
    it through the configured SMTP server (or the console backend) after the request has committed. A
    transient failure (an SMTP 4xx answer, a refused connection) is retried with exponential backoff and
    jitter; a permanent one (an SMTP 5xx answer), or OUTBOX_MAX_ATTEMPTS failures, makes the message
    DEAD. Each user may queue OUTBOX_SEND_LIMIT_PER_USER messages (100 an hour by default) before 429.
    Follow it with `GET /outbox/messages/{message_id}`. Send an `Idempotency-Key` to make retries of
    this request safe: a retry answers the first message (with `Idempotent-Replayed: true`) and queues
    nothing new.

    Args:
        idempotency_key (str | Unset):
        body (OutboxMessageCreate):  Example: {'to': 'ada@example.com', 'subject': 'Your report is
            ready', 'text': 'The weekly report you asked for is attached to your dashboard.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxMessage | Problem]
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
    body: OutboxMessageCreate,
    idempotency_key: str | Unset = UNSET,

) -> OutboxMessage | Problem | None:
    """ Queue an email

     Stores a plain-text email to one recipient, in status PENDING, and answers at once; a worker sends
    it through the configured SMTP server (or the console backend) after the request has committed. A
    transient failure (an SMTP 4xx answer, a refused connection) is retried with exponential backoff and
    jitter; a permanent one (an SMTP 5xx answer), or OUTBOX_MAX_ATTEMPTS failures, makes the message
    DEAD. Each user may queue OUTBOX_SEND_LIMIT_PER_USER messages (100 an hour by default) before 429.
    Follow it with `GET /outbox/messages/{message_id}`. Send an `Idempotency-Key` to make retries of
    this request safe: a retry answers the first message (with `Idempotent-Replayed: true`) and queues
    nothing new.

    Args:
        idempotency_key (str | Unset):
        body (OutboxMessageCreate):  Example: {'to': 'ada@example.com', 'subject': 'Your report is
            ready', 'text': 'The weekly report you asked for is attached to your dashboard.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxMessage | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
