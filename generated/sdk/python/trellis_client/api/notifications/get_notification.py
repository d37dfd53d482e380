from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.notifications_item import NotificationsItem
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    notification_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notifications/items/{notification_id}".format(notification_id=quote(str(notification_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NotificationsItem | Problem | None:
    if response.status_code == 200:
        response_200 = NotificationsItem.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[NotificationsItem | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    notification_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[NotificationsItem | Problem]:
    """ Get a notification

     One of your notifications. Other users' notifications answer 404.

    Args:
        notification_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationsItem | Problem]
     """


    kwargs = _get_kwargs(
        notification_id=notification_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    notification_id: int,
    *,
    client: AuthenticatedClient,

) -> NotificationsItem | Problem | None:
    """ Get a notification

     One of your notifications. Other users' notifications answer 404.

    Args:
        notification_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationsItem | Problem
     """


    return sync_detailed(
        notification_id=notification_id,
client=client,

    ).parsed

async def asyncio_detailed(
    notification_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[NotificationsItem | Problem]:
    """ Get a notification

     One of your notifications. Other users' notifications answer 404.

    Args:
        notification_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationsItem | Problem]
     """


    kwargs = _get_kwargs(
        notification_id=notification_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    notification_id: int,
    *,
    client: AuthenticatedClient,

) -> NotificationsItem | Problem | None:
    """ Get a notification

     One of your notifications. Other users' notifications answer 404.

    Args:
        notification_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationsItem | Problem
     """


    return (await asyncio_detailed(
        notification_id=notification_id,
client=client,

    )).parsed
