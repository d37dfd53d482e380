from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.weather_subscription import WeatherSubscription
from ...models.weather_subscription_update import WeatherSubscriptionUpdate
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,
    *,
    body: WeatherSubscriptionUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/weather/subscriptions/{subscription_id}".format(subscription_id=quote(str(subscription_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WeatherSubscription | None:
    if response.status_code == 200:
        response_200 = WeatherSubscription.from_dict(response.json())



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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

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
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WeatherSubscriptionUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Problem | WeatherSubscription]:
    """ Change a weather subscription

     Renames, pauses (`active: false`) or resumes, moves, or replaces the rules of one of your
    subscriptions. A rule kept as it was keeps its history: no second alert for a window it has already
    alerted. Send the ETag you read in `If-Match` to make sure you do not overwrite another change.

    Args:
        subscription_id (UUID):
        if_match (str | Unset):
        body (WeatherSubscriptionUpdate): The fields to change. New `rules` replace the list; a
            rule kept as it was keeps its alert history (no second alert for a window already
            alerted). New coordinates move the subscription to that place's forecast. Example:
            {'active': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WeatherSubscription]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WeatherSubscriptionUpdate,
    if_match: str | Unset = UNSET,

) -> Problem | WeatherSubscription | None:
    """ Change a weather subscription

     Renames, pauses (`active: false`) or resumes, moves, or replaces the rules of one of your
    subscriptions. A rule kept as it was keeps its history: no second alert for a window it has already
    alerted. Send the ETag you read in `If-Match` to make sure you do not overwrite another change.

    Args:
        subscription_id (UUID):
        if_match (str | Unset):
        body (WeatherSubscriptionUpdate): The fields to change. New `rules` replace the list; a
            rule kept as it was keeps its alert history (no second alert for a window already
            alerted). New coordinates move the subscription to that place's forecast. Example:
            {'active': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WeatherSubscription
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WeatherSubscriptionUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Problem | WeatherSubscription]:
    """ Change a weather subscription

     Renames, pauses (`active: false`) or resumes, moves, or replaces the rules of one of your
    subscriptions. A rule kept as it was keeps its history: no second alert for a window it has already
    alerted. Send the ETag you read in `If-Match` to make sure you do not overwrite another change.

    Args:
        subscription_id (UUID):
        if_match (str | Unset):
        body (WeatherSubscriptionUpdate): The fields to change. New `rules` replace the list; a
            rule kept as it was keeps its alert history (no second alert for a window already
            alerted). New coordinates move the subscription to that place's forecast. Example:
            {'active': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WeatherSubscription]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WeatherSubscriptionUpdate,
    if_match: str | Unset = UNSET,

) -> Problem | WeatherSubscription | None:
    """ Change a weather subscription

     Renames, pauses (`active: false`) or resumes, moves, or replaces the rules of one of your
    subscriptions. A rule kept as it was keeps its history: no second alert for a window it has already
    alerted. Send the ETag you read in `If-Match` to make sure you do not overwrite another change.

    Args:
        subscription_id (UUID):
        if_match (str | Unset):
        body (WeatherSubscriptionUpdate): The fields to change. New `rules` replace the list; a
            rule kept as it was keeps its alert history (no second alert for a window already
            alerted). New coordinates move the subscription to that place's forecast. Example:
            {'active': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WeatherSubscription
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
