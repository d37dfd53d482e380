from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.feeds_entry_list import FeedsEntryList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    subscription_id: UUID | Unset = UNSET,
    unread: bool | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_subscription_id: str | Unset = UNSET
    if not isinstance(subscription_id, Unset):
        json_subscription_id = str(subscription_id)
    params["subscription_id"] = json_subscription_id

    params["unread"] = unread


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/feeds/entries",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FeedsEntryList | Problem | None:
    if response.status_code == 200:
        response_200 = FeedsEntryList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FeedsEntryList | Problem]:
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
    subscription_id: UUID | Unset = UNSET,
    unread: bool | Unset = UNSET,

) -> Response[FeedsEntryList | Problem]:
    """ Read my timeline

     Entries of the feeds you follow, newest first (by publication time, but never later than when the
    entry was first seen), one cursor page at a time. An entry several of your feeds carry appears once,
    naming each subscription. `subscription_id` keeps one feed's entries; `unread=true` keeps the unread
    ones (`false` the read ones).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        subscription_id (UUID | Unset):
        unread (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedsEntryList | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
subscription_id=subscription_id,
unread=unread,

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
    subscription_id: UUID | Unset = UNSET,
    unread: bool | Unset = UNSET,

) -> FeedsEntryList | Problem | None:
    """ Read my timeline

     Entries of the feeds you follow, newest first (by publication time, but never later than when the
    entry was first seen), one cursor page at a time. An entry several of your feeds carry appears once,
    naming each subscription. `subscription_id` keeps one feed's entries; `unread=true` keeps the unread
    ones (`false` the read ones).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        subscription_id (UUID | Unset):
        unread (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedsEntryList | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
subscription_id=subscription_id,
unread=unread,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    subscription_id: UUID | Unset = UNSET,
    unread: bool | Unset = UNSET,

) -> Response[FeedsEntryList | Problem]:
    """ Read my timeline

     Entries of the feeds you follow, newest first (by publication time, but never later than when the
    entry was first seen), one cursor page at a time. An entry several of your feeds carry appears once,
    naming each subscription. `subscription_id` keeps one feed's entries; `unread=true` keeps the unread
    ones (`false` the read ones).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        subscription_id (UUID | Unset):
        unread (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedsEntryList | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
subscription_id=subscription_id,
unread=unread,

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
    subscription_id: UUID | Unset = UNSET,
    unread: bool | Unset = UNSET,

) -> FeedsEntryList | Problem | None:
    """ Read my timeline

     Entries of the feeds you follow, newest first (by publication time, but never later than when the
    entry was first seen), one cursor page at a time. An entry several of your feeds carry appears once,
    naming each subscription. `subscription_id` keeps one feed's entries; `unread=true` keeps the unread
    ones (`false` the read ones).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        subscription_id (UUID | Unset):
        unread (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedsEntryList | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
subscription_id=subscription_id,
unread=unread,

    )).parsed
