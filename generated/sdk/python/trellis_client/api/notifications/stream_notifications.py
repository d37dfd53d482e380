from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    last_event_id_query: int | Unset = UNSET,
    last_event_id_header: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id_header, Unset):
        headers["Last-Event-ID"] = last_event_id_header



    

    params: dict[str, Any] = {}

    params["last_event_id"] = last_event_id_query


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notifications/stream",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    last_event_id_query: int | Unset = UNSET,
    last_event_id_header: str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Receive my notifications live (Server-Sent Events)

     A `text/event-stream` (an `EventSource` in a browser). It starts with a `retry:` hint
    (NOTIFICATIONS_STREAM_RETRY_MS), then sends each new notification of yours as one event: `id:` the
    notification id, `event: notification.created`, `data:` the notification as JSON (the schema of GET
    /notifications/items/{notification_id}). A quiet stream carries a `: keep-alive` comment every
    NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS.
    Resuming: with a `Last-Event-ID` header (which an EventSource sends by itself when it reconnects),
    or the `last_event_id` query parameter for a client that cannot set headers (the header wins when
    both are sent), the stream first sends every notification of yours with a higher id, oldest first,
    then goes live with no gap and no duplicate. Without either, it sends only what arrives from now on:
    load the list first, then open the stream with `last_event_id` set to the newest id you have (GET
    /notifications/unread-count gives it).
    Every stream ends after NOTIFICATIONS_STREAM_MAX_SECONDS (300 by default), and at once when it falls
    too far behind: reconnect with the last id you received and nothing is missed. The realtime channel
    behind it is `notifications:<user_id>` (spec/asyncapi.yaml).

    Args:
        last_event_id_query (int | Unset):
        last_event_id_header (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        last_event_id_query=last_event_id_query,
last_event_id_header=last_event_id_header,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    last_event_id_query: int | Unset = UNSET,
    last_event_id_header: str | Unset = UNSET,

) -> Problem | str | None:
    """ Receive my notifications live (Server-Sent Events)

     A `text/event-stream` (an `EventSource` in a browser). It starts with a `retry:` hint
    (NOTIFICATIONS_STREAM_RETRY_MS), then sends each new notification of yours as one event: `id:` the
    notification id, `event: notification.created`, `data:` the notification as JSON (the schema of GET
    /notifications/items/{notification_id}). A quiet stream carries a `: keep-alive` comment every
    NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS.
    Resuming: with a `Last-Event-ID` header (which an EventSource sends by itself when it reconnects),
    or the `last_event_id` query parameter for a client that cannot set headers (the header wins when
    both are sent), the stream first sends every notification of yours with a higher id, oldest first,
    then goes live with no gap and no duplicate. Without either, it sends only what arrives from now on:
    load the list first, then open the stream with `last_event_id` set to the newest id you have (GET
    /notifications/unread-count gives it).
    Every stream ends after NOTIFICATIONS_STREAM_MAX_SECONDS (300 by default), and at once when it falls
    too far behind: reconnect with the last id you received and nothing is missed. The realtime channel
    behind it is `notifications:<user_id>` (spec/asyncapi.yaml).

    Args:
        last_event_id_query (int | Unset):
        last_event_id_header (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        client=client,
last_event_id_query=last_event_id_query,
last_event_id_header=last_event_id_header,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    last_event_id_query: int | Unset = UNSET,
    last_event_id_header: str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Receive my notifications live (Server-Sent Events)

     A `text/event-stream` (an `EventSource` in a browser). It starts with a `retry:` hint
    (NOTIFICATIONS_STREAM_RETRY_MS), then sends each new notification of yours as one event: `id:` the
    notification id, `event: notification.created`, `data:` the notification as JSON (the schema of GET
    /notifications/items/{notification_id}). A quiet stream carries a `: keep-alive` comment every
    NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS.
    Resuming: with a `Last-Event-ID` header (which an EventSource sends by itself when it reconnects),
    or the `last_event_id` query parameter for a client that cannot set headers (the header wins when
    both are sent), the stream first sends every notification of yours with a higher id, oldest first,
    then goes live with no gap and no duplicate. Without either, it sends only what arrives from now on:
    load the list first, then open the stream with `last_event_id` set to the newest id you have (GET
    /notifications/unread-count gives it).
    Every stream ends after NOTIFICATIONS_STREAM_MAX_SECONDS (300 by default), and at once when it falls
    too far behind: reconnect with the last id you received and nothing is missed. The realtime channel
    behind it is `notifications:<user_id>` (spec/asyncapi.yaml).

    Args:
        last_event_id_query (int | Unset):
        last_event_id_header (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        last_event_id_query=last_event_id_query,
last_event_id_header=last_event_id_header,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    last_event_id_query: int | Unset = UNSET,
    last_event_id_header: str | Unset = UNSET,

) -> Problem | str | None:
    """ Receive my notifications live (Server-Sent Events)

     A `text/event-stream` (an `EventSource` in a browser). It starts with a `retry:` hint
    (NOTIFICATIONS_STREAM_RETRY_MS), then sends each new notification of yours as one event: `id:` the
    notification id, `event: notification.created`, `data:` the notification as JSON (the schema of GET
    /notifications/items/{notification_id}). A quiet stream carries a `: keep-alive` comment every
    NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS.
    Resuming: with a `Last-Event-ID` header (which an EventSource sends by itself when it reconnects),
    or the `last_event_id` query parameter for a client that cannot set headers (the header wins when
    both are sent), the stream first sends every notification of yours with a higher id, oldest first,
    then goes live with no gap and no duplicate. Without either, it sends only what arrives from now on:
    load the list first, then open the stream with `last_event_id` set to the newest id you have (GET
    /notifications/unread-count gives it).
    Every stream ends after NOTIFICATIONS_STREAM_MAX_SECONDS (300 by default), and at once when it falls
    too far behind: reconnect with the last id you received and nothing is missed. The realtime channel
    behind it is `notifications:<user_id>` (spec/asyncapi.yaml).

    Args:
        last_event_id_query (int | Unset):
        last_event_id_header (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        client=client,
last_event_id_query=last_event_id_query,
last_event_id_header=last_event_id_header,

    )).parsed
