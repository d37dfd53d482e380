from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.feeds_refresh import FeedsRefresh
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/feeds/subscriptions/{subscription_id}/refreshes".format(subscription_id=quote(str(subscription_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FeedsRefresh | Problem | None:
    if response.status_code == 200:
        response_200 = FeedsRefresh.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FeedsRefresh | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[FeedsRefresh | Problem]:
    """ Fetch a feed now

     Fetches your subscription's feed now instead of waiting for its next poll (conditionally: a feed
    that has not changed answers NOT_MODIFIED). The outcome is stored for every subscriber either way; a
    failure also answers here, 502 or 504 with the problem that is recorded in `fetch_state.last_error`.
    Never longer than OUTBOUND_TOTAL_TIMEOUT_SECONDS.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedsRefresh | Problem]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> FeedsRefresh | Problem | None:
    """ Fetch a feed now

     Fetches your subscription's feed now instead of waiting for its next poll (conditionally: a feed
    that has not changed answers NOT_MODIFIED). The outcome is stored for every subscriber either way; a
    failure also answers here, 502 or 504 with the problem that is recorded in `fetch_state.last_error`.
    Never longer than OUTBOUND_TOTAL_TIMEOUT_SECONDS.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedsRefresh | Problem
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[FeedsRefresh | Problem]:
    """ Fetch a feed now

     Fetches your subscription's feed now instead of waiting for its next poll (conditionally: a feed
    that has not changed answers NOT_MODIFIED). The outcome is stored for every subscriber either way; a
    failure also answers here, 502 or 504 with the problem that is recorded in `fetch_state.last_error`.
    Never longer than OUTBOUND_TOTAL_TIMEOUT_SECONDS.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedsRefresh | Problem]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> FeedsRefresh | Problem | None:
    """ Fetch a feed now

     Fetches your subscription's feed now instead of waiting for its next poll (conditionally: a feed
    that has not changed answers NOT_MODIFIED). The outcome is stored for every subscriber either way; a
    failure also answers here, 502 or 504 with the problem that is recorded in `fetch_state.last_error`.
    Never longer than OUTBOUND_TOTAL_TIMEOUT_SECONDS.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedsRefresh | Problem
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,

    )).parsed
