from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.weather_alert_list import WeatherAlertList
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/weather/subscriptions/{subscription_id}/alerts".format(subscription_id=quote(str(subscription_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WeatherAlertList | None:
    if response.status_code == 200:
        response_200 = WeatherAlertList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WeatherAlertList]:
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | WeatherAlertList]:
    """ Alerts sent for a subscription

     The alerts your subscription has triggered, newest first, one cursor page at a time: at most one per
    rule and forecast window, each with the outbox message that carried it.

    Args:
        subscription_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WeatherAlertList]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | WeatherAlertList | None:
    """ Alerts sent for a subscription

     The alerts your subscription has triggered, newest first, one cursor page at a time: at most one per
    rule and forecast window, each with the outbox message that carried it.

    Args:
        subscription_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WeatherAlertList
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | WeatherAlertList]:
    """ Alerts sent for a subscription

     The alerts your subscription has triggered, newest first, one cursor page at a time: at most one per
    rule and forecast window, each with the outbox message that carried it.

    Args:
        subscription_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WeatherAlertList]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | WeatherAlertList | None:
    """ Alerts sent for a subscription

     The alerts your subscription has triggered, newest first, one cursor page at a time: at most one per
    rule and forecast window, each with the outbox message that carried it.

    Args:
        subscription_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WeatherAlertList
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,
limit=limit,
cursor=cursor,

    )).parsed
