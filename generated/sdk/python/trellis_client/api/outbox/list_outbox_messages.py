from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.outbox_message_list import OutboxMessageList
from ...models.outbox_message_status import OutboxMessageStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: OutboxMessageStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/outbox/messages",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutboxMessageList | Problem | None:
    if response.status_code == 200:
        response_200 = OutboxMessageList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OutboxMessageList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: OutboxMessageStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[OutboxMessageList | Problem]:
    """ List my outbox messages

     The messages you queued, newest first, one cursor page at a time, optionally only those in one
    `status` (for example FAILED to see what is being retried). A cursor belongs to the list it came
    from: reusing it with another `status` answers 400.

    Args:
        status (OutboxMessageStatus | Unset): PENDING: waiting for its first attempt (or
            requeued). SENDING: a worker is sending it. SENT: the SMTP server accepted it. FAILED: the
            last attempt failed transiently; retried at `next_attempt_at`. DEAD: failed permanently or
            too often; only an admin requeue sends it again. Example: SENT.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxMessageList | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: OutboxMessageStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> OutboxMessageList | Problem | None:
    """ List my outbox messages

     The messages you queued, newest first, one cursor page at a time, optionally only those in one
    `status` (for example FAILED to see what is being retried). A cursor belongs to the list it came
    from: reusing it with another `status` answers 400.

    Args:
        status (OutboxMessageStatus | Unset): PENDING: waiting for its first attempt (or
            requeued). SENDING: a worker is sending it. SENT: the SMTP server accepted it. FAILED: the
            last attempt failed transiently; retried at `next_attempt_at`. DEAD: failed permanently or
            too often; only an admin requeue sends it again. Example: SENT.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxMessageList | Problem
     """


    return sync_detailed(
        client=client,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: OutboxMessageStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[OutboxMessageList | Problem]:
    """ List my outbox messages

     The messages you queued, newest first, one cursor page at a time, optionally only those in one
    `status` (for example FAILED to see what is being retried). A cursor belongs to the list it came
    from: reusing it with another `status` answers 400.

    Args:
        status (OutboxMessageStatus | Unset): PENDING: waiting for its first attempt (or
            requeued). SENDING: a worker is sending it. SENT: the SMTP server accepted it. FAILED: the
            last attempt failed transiently; retried at `next_attempt_at`. DEAD: failed permanently or
            too often; only an admin requeue sends it again. Example: SENT.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxMessageList | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: OutboxMessageStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> OutboxMessageList | Problem | None:
    """ List my outbox messages

     The messages you queued, newest first, one cursor page at a time, optionally only those in one
    `status` (for example FAILED to see what is being retried). A cursor belongs to the list it came
    from: reusing it with another `status` answers 400.

    Args:
        status (OutboxMessageStatus | Unset): PENDING: waiting for its first attempt (or
            requeued). SENDING: a worker is sending it. SENT: the SMTP server accepted it. FAILED: the
            last attempt failed transiently; retried at `next_attempt_at`. DEAD: failed permanently or
            too often; only an admin requeue sends it again. Example: SENT.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxMessageList | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
