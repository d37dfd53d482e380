from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.notifications_item_list import NotificationsItemList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    unread: bool | Unset = UNSET,
    kind: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["unread"] = unread

    params["kind"] = kind


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notifications/items",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NotificationsItemList | Problem | None:
    if response.status_code == 200:
        response_200 = NotificationsItemList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[NotificationsItemList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    unread: bool | Unset = UNSET,
    kind: str | Unset = UNSET,

) -> Response[NotificationsItemList | Problem]:
    """ List my notifications

     Your notifications, newest first (by id), one cursor page at a time. `unread=true` keeps the unread
    ones, `unread=false` the read ones; `kind` keeps one kind. Notifications are created by other
    domains (a comment on your blog post, ...), only for the kinds you receive (GET
    /notifications/subscriptions).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        unread (bool | Unset):
        kind (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationsItemList | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
unread=unread,
kind=kind,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    unread: bool | Unset = UNSET,
    kind: str | Unset = UNSET,

) -> NotificationsItemList | Problem | None:
    """ List my notifications

     Your notifications, newest first (by id), one cursor page at a time. `unread=true` keeps the unread
    ones, `unread=false` the read ones; `kind` keeps one kind. Notifications are created by other
    domains (a comment on your blog post, ...), only for the kinds you receive (GET
    /notifications/subscriptions).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        unread (bool | Unset):
        kind (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationsItemList | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
unread=unread,
kind=kind,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    unread: bool | Unset = UNSET,
    kind: str | Unset = UNSET,

) -> Response[NotificationsItemList | Problem]:
    """ List my notifications

     Your notifications, newest first (by id), one cursor page at a time. `unread=true` keeps the unread
    ones, `unread=false` the read ones; `kind` keeps one kind. Notifications are created by other
    domains (a comment on your blog post, ...), only for the kinds you receive (GET
    /notifications/subscriptions).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        unread (bool | Unset):
        kind (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationsItemList | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
unread=unread,
kind=kind,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    unread: bool | Unset = UNSET,
    kind: str | Unset = UNSET,

) -> NotificationsItemList | Problem | None:
    """ List my notifications

     Your notifications, newest first (by id), one cursor page at a time. `unread=true` keeps the unread
    ones, `unread=false` the read ones; `kind` keeps one kind. Notifications are created by other
    domains (a comment on your blog post, ...), only for the kinds you receive (GET
    /notifications/subscriptions).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        unread (bool | Unset):
        kind (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationsItemList | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
unread=unread,
kind=kind,

    )).parsed
