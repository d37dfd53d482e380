from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.weather_subscription import WeatherSubscription
from ...models.weather_subscription_create import WeatherSubscriptionCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: WeatherSubscriptionCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/weather/subscriptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WeatherSubscription | None:
    if response.status_code == 201:
        response_201 = WeatherSubscription.from_dict(response.json())



        return response_201

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WeatherSubscription]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WeatherSubscriptionCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | WeatherSubscription]:
    """ Subscribe a place to weather alerts

     Subscribes a named place with 1 to 10 rules; the periodic sweep fetches its forecast (the first time
    at its next run) and emails you each rule met, once per forecast window. Places within about 1 km
    (coordinates rounded to 0.01°) share one forecast. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (WeatherSubscriptionCreate):  Example: {'name': 'Allotment', 'latitude': 52.52,
            'longitude': 13.41, 'rules': [{'kind': 'RAIN_PROBABILITY_ABOVE', 'threshold': 60},
            {'kind': 'TEMPERATURE_BELOW', 'threshold': 0}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WeatherSubscription]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: WeatherSubscriptionCreate,
    idempotency_key: str | Unset = UNSET,

) -> Problem | WeatherSubscription | None:
    """ Subscribe a place to weather alerts

     Subscribes a named place with 1 to 10 rules; the periodic sweep fetches its forecast (the first time
    at its next run) and emails you each rule met, once per forecast window. Places within about 1 km
    (coordinates rounded to 0.01°) share one forecast. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (WeatherSubscriptionCreate):  Example: {'name': 'Allotment', 'latitude': 52.52,
            'longitude': 13.41, 'rules': [{'kind': 'RAIN_PROBABILITY_ABOVE', 'threshold': 60},
            {'kind': 'TEMPERATURE_BELOW', 'threshold': 0}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WeatherSubscription
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WeatherSubscriptionCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | WeatherSubscription]:
    """ Subscribe a place to weather alerts

     Subscribes a named place with 1 to 10 rules; the periodic sweep fetches its forecast (the first time
    at its next run) and emails you each rule met, once per forecast window. Places within about 1 km
    (coordinates rounded to 0.01°) share one forecast. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (WeatherSubscriptionCreate):  Example: {'name': 'Allotment', 'latitude': 52.52,
            'longitude': 13.41, 'rules': [{'kind': 'RAIN_PROBABILITY_ABOVE', 'threshold': 60},
            {'kind': 'TEMPERATURE_BELOW', 'threshold': 0}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WeatherSubscription]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WeatherSubscriptionCreate,
    idempotency_key: str | Unset = UNSET,

) -> Problem | WeatherSubscription | None:
    """ Subscribe a place to weather alerts

     Subscribes a named place with 1 to 10 rules; the periodic sweep fetches its forecast (the first time
    at its next run) and emails you each rule met, once per forecast window. Places within about 1 km
    (coordinates rounded to 0.01°) share one forecast. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (WeatherSubscriptionCreate):  Example: {'name': 'Allotment', 'latitude': 52.52,
            'longitude': 13.41, 'rules': [{'kind': 'RAIN_PROBABILITY_ABOVE', 'threshold': 60},
            {'kind': 'TEMPERATURE_BELOW', 'threshold': 0}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WeatherSubscription
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
