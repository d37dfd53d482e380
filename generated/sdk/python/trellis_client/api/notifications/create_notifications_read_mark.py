from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.notifications_read_mark import NotificationsReadMark
from ...models.notifications_read_mark_result import NotificationsReadMarkResult
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: NotificationsReadMark,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notifications/read-marks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NotificationsReadMarkResult | Problem | None:
    if response.status_code == 200:
        response_200 = NotificationsReadMarkResult.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[NotificationsReadMarkResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NotificationsReadMark,

) -> Response[NotificationsReadMarkResult | Problem]:
    """ Mark my notifications read up to an id

     Marks every unread notification of yours with an id up to `up_to_id` read ("mark all as read" for
    what the client has shown; one that arrived after it stays unread). Idempotent: a second call marks
    nothing more. Answers 200 with the counts (nothing is created to link to).

    Args:
        body (NotificationsReadMark):  Example: {'up_to_id': 42}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationsReadMarkResult | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: NotificationsReadMark,

) -> NotificationsReadMarkResult | Problem | None:
    """ Mark my notifications read up to an id

     Marks every unread notification of yours with an id up to `up_to_id` read ("mark all as read" for
    what the client has shown; one that arrived after it stays unread). Idempotent: a second call marks
    nothing more. Answers 200 with the counts (nothing is created to link to).

    Args:
        body (NotificationsReadMark):  Example: {'up_to_id': 42}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationsReadMarkResult | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NotificationsReadMark,

) -> Response[NotificationsReadMarkResult | Problem]:
    """ Mark my notifications read up to an id

     Marks every unread notification of yours with an id up to `up_to_id` read ("mark all as read" for
    what the client has shown; one that arrived after it stays unread). Idempotent: a second call marks
    nothing more. Answers 200 with the counts (nothing is created to link to).

    Args:
        body (NotificationsReadMark):  Example: {'up_to_id': 42}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationsReadMarkResult | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NotificationsReadMark,

) -> NotificationsReadMarkResult | Problem | None:
    """ Mark my notifications read up to an id

     Marks every unread notification of yours with an id up to `up_to_id` read ("mark all as read" for
    what the client has shown; one that arrived after it stays unread). Idempotent: a second call marks
    nothing more. Answers 200 with the counts (nothing is created to link to).

    Args:
        body (NotificationsReadMark):  Example: {'up_to_id': 42}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationsReadMarkResult | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
