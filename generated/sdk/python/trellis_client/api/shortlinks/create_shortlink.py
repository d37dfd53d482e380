from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.shortlink import Shortlink
from ...models.shortlink_create import ShortlinkCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: ShortlinkCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/shortlinks/links",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Shortlink | None:
    if response.status_code == 201:
        response_201 = Shortlink.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Shortlink]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ShortlinkCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | Shortlink]:
    """ Shorten a URL

     Makes a short link to `target_url` owned by you, under `alias` if you give one (409 if that code is
    taken by anyone), else under a random 7-character code. Targets are absolute http(s) URLs without
    credentials and not on this shortener's own host. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ShortlinkCreate):  Example: {'target_url':
            'https://shop.example.com/offers/spring?utm_source=newsletter', 'alias': 'spring-sale',
            'expires_at': '2030-06-01T00:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Shortlink]
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
    body: ShortlinkCreate,
    idempotency_key: str | Unset = UNSET,

) -> Problem | Shortlink | None:
    """ Shorten a URL

     Makes a short link to `target_url` owned by you, under `alias` if you give one (409 if that code is
    taken by anyone), else under a random 7-character code. Targets are absolute http(s) URLs without
    credentials and not on this shortener's own host. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ShortlinkCreate):  Example: {'target_url':
            'https://shop.example.com/offers/spring?utm_source=newsletter', 'alias': 'spring-sale',
            'expires_at': '2030-06-01T00:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Shortlink
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ShortlinkCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | Shortlink]:
    """ Shorten a URL

     Makes a short link to `target_url` owned by you, under `alias` if you give one (409 if that code is
    taken by anyone), else under a random 7-character code. Targets are absolute http(s) URLs without
    credentials and not on this shortener's own host. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ShortlinkCreate):  Example: {'target_url':
            'https://shop.example.com/offers/spring?utm_source=newsletter', 'alias': 'spring-sale',
            'expires_at': '2030-06-01T00:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Shortlink]
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
    body: ShortlinkCreate,
    idempotency_key: str | Unset = UNSET,

) -> Problem | Shortlink | None:
    """ Shorten a URL

     Makes a short link to `target_url` owned by you, under `alias` if you give one (409 if that code is
    taken by anyone), else under a random 7-character code. Targets are absolute http(s) URLs without
    credentials and not on this shortener's own host. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ShortlinkCreate):  Example: {'target_url':
            'https://shop.example.com/offers/spring?utm_source=newsletter', 'alias': 'spring-sale',
            'expires_at': '2030-06-01T00:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Shortlink
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
