from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.weather_forecast import WeatherForecast
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/weather/subscriptions/{subscription_id}/forecast".format(subscription_id=quote(str(subscription_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WeatherForecast | None:
    if response.status_code == 200:
        response_200 = WeatherForecast.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WeatherForecast]:
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

) -> Response[Problem | WeatherForecast]:
    """ Current forecast of a subscription

     The hourly forecast of your subscription's place as last fetched, with `fetched_at` and `stale:
    true` once it is older than WEATHER_FORECAST_TTL_SECONDS. When none is stored yet, or it is stale
    and a fetch is due, the provider is asked during the request (alerts it triggers are sent as by the
    sweep); if that fails, the stale forecast is answered, and with nothing stored the answer is 502 or
    504. While the provider is being backed off after failures it is not asked again before
    `next_refresh_at`.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WeatherForecast]
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

) -> Problem | WeatherForecast | None:
    """ Current forecast of a subscription

     The hourly forecast of your subscription's place as last fetched, with `fetched_at` and `stale:
    true` once it is older than WEATHER_FORECAST_TTL_SECONDS. When none is stored yet, or it is stale
    and a fetch is due, the provider is asked during the request (alerts it triggers are sent as by the
    sweep); if that fails, the stale forecast is answered, and with nothing stored the answer is 502 or
    504. While the provider is being backed off after failures it is not asked again before
    `next_refresh_at`.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WeatherForecast
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | WeatherForecast]:
    """ Current forecast of a subscription

     The hourly forecast of your subscription's place as last fetched, with `fetched_at` and `stale:
    true` once it is older than WEATHER_FORECAST_TTL_SECONDS. When none is stored yet, or it is stale
    and a fetch is due, the provider is asked during the request (alerts it triggers are sent as by the
    sweep); if that fails, the stale forecast is answered, and with nothing stored the answer is 502 or
    504. While the provider is being backed off after failures it is not asked again before
    `next_refresh_at`.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WeatherForecast]
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

) -> Problem | WeatherForecast | None:
    """ Current forecast of a subscription

     The hourly forecast of your subscription's place as last fetched, with `fetched_at` and `stale:
    true` once it is older than WEATHER_FORECAST_TTL_SECONDS. When none is stored yet, or it is stale
    and a fetch is due, the provider is asked during the request (alerts it triggers are sent as by the
    sweep); if that fails, the stale forecast is answered, and with nothing stored the answer is 502 or
    504. While the provider is being backed off after failures it is not asked again before
    `next_refresh_at`.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WeatherForecast
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,

    )).parsed
