from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    poll_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/livepolls/{poll_id}/stream".format(poll_id=quote(str(poll_id), safe=""),),
    }


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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | str]:
    """ Watch a poll's results live (Server-Sent Events)

     A `text/event-stream` (an `EventSource` in a browser) of one poll's counts. Anyone who may read the
    poll (GET /polls/{poll_id}: anyone holding its id, credentials optional) may watch it. It starts
    with a `retry:` hint (LIVEPOLLS_RETRY_MS), then `event: snapshot` with the counts now, then `event:
    update` when votes change and `event: closed` when the poll closes (by its owner or at `closes_at`).
    Every event's `id:` is the poll's `votes_version` and only goes up; `data:` is the message as the
    AsyncAPI document describes it (channel `livepollsPoll`; the same messages as the WebSocket
    /livepolls/{poll_id}/socket).

    Updates are coalesced: at most one per LIVEPOLLS_COALESCE_MS (200 ms by default), each with the
    newest counts, and the last one sent always equals the poll's counts (a burst of 1,000 votes is a
    handful of events, not 1,000). Results hidden until close (results_visibility AFTER_CLOSE, for
    anyone but the owner) are never sent before the close: the snapshot has `results: null` and
    `results_visible: false`, no update follows, and `closed` brings the counts. A quiet stream carries
    `: keep-alive` every LIVEPOLLS_HEARTBEAT_SECONDS.

    The stream ends after LIVEPOLLS_STREAM_MAX_SECONDS (300 by default), when it falls behind, and when
    the poll is deleted: reconnect after the `retry:` delay and a fresh snapshot comes first (the counts
    are state, not history, so `Last-Event-ID` is not needed).

    Args:
        poll_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        poll_id=poll_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | str | None:
    """ Watch a poll's results live (Server-Sent Events)

     A `text/event-stream` (an `EventSource` in a browser) of one poll's counts. Anyone who may read the
    poll (GET /polls/{poll_id}: anyone holding its id, credentials optional) may watch it. It starts
    with a `retry:` hint (LIVEPOLLS_RETRY_MS), then `event: snapshot` with the counts now, then `event:
    update` when votes change and `event: closed` when the poll closes (by its owner or at `closes_at`).
    Every event's `id:` is the poll's `votes_version` and only goes up; `data:` is the message as the
    AsyncAPI document describes it (channel `livepollsPoll`; the same messages as the WebSocket
    /livepolls/{poll_id}/socket).

    Updates are coalesced: at most one per LIVEPOLLS_COALESCE_MS (200 ms by default), each with the
    newest counts, and the last one sent always equals the poll's counts (a burst of 1,000 votes is a
    handful of events, not 1,000). Results hidden until close (results_visibility AFTER_CLOSE, for
    anyone but the owner) are never sent before the close: the snapshot has `results: null` and
    `results_visible: false`, no update follows, and `closed` brings the counts. A quiet stream carries
    `: keep-alive` every LIVEPOLLS_HEARTBEAT_SECONDS.

    The stream ends after LIVEPOLLS_STREAM_MAX_SECONDS (300 by default), when it falls behind, and when
    the poll is deleted: reconnect after the `retry:` delay and a fresh snapshot comes first (the counts
    are state, not history, so `Last-Event-ID` is not needed).

    Args:
        poll_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        poll_id=poll_id,
client=client,

    ).parsed

async def asyncio_detailed(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | str]:
    """ Watch a poll's results live (Server-Sent Events)

     A `text/event-stream` (an `EventSource` in a browser) of one poll's counts. Anyone who may read the
    poll (GET /polls/{poll_id}: anyone holding its id, credentials optional) may watch it. It starts
    with a `retry:` hint (LIVEPOLLS_RETRY_MS), then `event: snapshot` with the counts now, then `event:
    update` when votes change and `event: closed` when the poll closes (by its owner or at `closes_at`).
    Every event's `id:` is the poll's `votes_version` and only goes up; `data:` is the message as the
    AsyncAPI document describes it (channel `livepollsPoll`; the same messages as the WebSocket
    /livepolls/{poll_id}/socket).

    Updates are coalesced: at most one per LIVEPOLLS_COALESCE_MS (200 ms by default), each with the
    newest counts, and the last one sent always equals the poll's counts (a burst of 1,000 votes is a
    handful of events, not 1,000). Results hidden until close (results_visibility AFTER_CLOSE, for
    anyone but the owner) are never sent before the close: the snapshot has `results: null` and
    `results_visible: false`, no update follows, and `closed` brings the counts. A quiet stream carries
    `: keep-alive` every LIVEPOLLS_HEARTBEAT_SECONDS.

    The stream ends after LIVEPOLLS_STREAM_MAX_SECONDS (300 by default), when it falls behind, and when
    the poll is deleted: reconnect after the `retry:` delay and a fresh snapshot comes first (the counts
    are state, not history, so `Last-Event-ID` is not needed).

    Args:
        poll_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        poll_id=poll_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | str | None:
    """ Watch a poll's results live (Server-Sent Events)

     A `text/event-stream` (an `EventSource` in a browser) of one poll's counts. Anyone who may read the
    poll (GET /polls/{poll_id}: anyone holding its id, credentials optional) may watch it. It starts
    with a `retry:` hint (LIVEPOLLS_RETRY_MS), then `event: snapshot` with the counts now, then `event:
    update` when votes change and `event: closed` when the poll closes (by its owner or at `closes_at`).
    Every event's `id:` is the poll's `votes_version` and only goes up; `data:` is the message as the
    AsyncAPI document describes it (channel `livepollsPoll`; the same messages as the WebSocket
    /livepolls/{poll_id}/socket).

    Updates are coalesced: at most one per LIVEPOLLS_COALESCE_MS (200 ms by default), each with the
    newest counts, and the last one sent always equals the poll's counts (a burst of 1,000 votes is a
    handful of events, not 1,000). Results hidden until close (results_visibility AFTER_CLOSE, for
    anyone but the owner) are never sent before the close: the snapshot has `results: null` and
    `results_visible: false`, no update follows, and `closed` brings the counts. A quiet stream carries
    `: keep-alive` every LIVEPOLLS_HEARTBEAT_SECONDS.

    The stream ends after LIVEPOLLS_STREAM_MAX_SECONDS (300 by default), when it falls behind, and when
    the poll is deleted: reconnect after the `retry:` delay and a fresh snapshot comes first (the counts
    are state, not history, so `Last-Event-ID` is not needed).

    Args:
        poll_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        poll_id=poll_id,
client=client,

    )).parsed
