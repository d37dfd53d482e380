from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rates_snapshot import RatesSnapshot
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    base: str | Unset = 'EUR',
    symbols: list[str] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["base"] = base

    json_symbols: list[str] | Unset = UNSET
    if not isinstance(symbols, Unset):
        json_symbols = symbols


    params["symbols"] = json_symbols


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rates/latest",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RatesSnapshot | None:
    if response.status_code == 200:
        response_200 = RatesSnapshot.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RatesSnapshot]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    base: str | Unset = 'EUR',
    symbols: list[str] | Unset = UNSET,

) -> Response[Problem | RatesSnapshot]:
    """ Latest rates

     The provider's latest published rates against `base`. Served from the cache while it is fresh
    (RATES_TTL_SECONDS); a snapshot stale by at most RATES_MAX_STALE_SECONDS is served at once, flagged
    (`stale`, `Cache-Status`), while exactly one refresh runs in the background across every server
    process; an older one, or none, is fetched during the request, once however many requests ask for it
    at the same time.

    Args:
        base (str | Unset):  Default: 'EUR'.
        symbols (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatesSnapshot]
     """


    kwargs = _get_kwargs(
        base=base,
symbols=symbols,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    base: str | Unset = 'EUR',
    symbols: list[str] | Unset = UNSET,

) -> Problem | RatesSnapshot | None:
    """ Latest rates

     The provider's latest published rates against `base`. Served from the cache while it is fresh
    (RATES_TTL_SECONDS); a snapshot stale by at most RATES_MAX_STALE_SECONDS is served at once, flagged
    (`stale`, `Cache-Status`), while exactly one refresh runs in the background across every server
    process; an older one, or none, is fetched during the request, once however many requests ask for it
    at the same time.

    Args:
        base (str | Unset):  Default: 'EUR'.
        symbols (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatesSnapshot
     """


    return sync_detailed(
        client=client,
base=base,
symbols=symbols,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    base: str | Unset = 'EUR',
    symbols: list[str] | Unset = UNSET,

) -> Response[Problem | RatesSnapshot]:
    """ Latest rates

     The provider's latest published rates against `base`. Served from the cache while it is fresh
    (RATES_TTL_SECONDS); a snapshot stale by at most RATES_MAX_STALE_SECONDS is served at once, flagged
    (`stale`, `Cache-Status`), while exactly one refresh runs in the background across every server
    process; an older one, or none, is fetched during the request, once however many requests ask for it
    at the same time.

    Args:
        base (str | Unset):  Default: 'EUR'.
        symbols (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatesSnapshot]
     """


    kwargs = _get_kwargs(
        base=base,
symbols=symbols,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    base: str | Unset = 'EUR',
    symbols: list[str] | Unset = UNSET,

) -> Problem | RatesSnapshot | None:
    """ Latest rates

     The provider's latest published rates against `base`. Served from the cache while it is fresh
    (RATES_TTL_SECONDS); a snapshot stale by at most RATES_MAX_STALE_SECONDS is served at once, flagged
    (`stale`, `Cache-Status`), while exactly one refresh runs in the background across every server
    process; an older one, or none, is fetched during the request, once however many requests ask for it
    at the same time.

    Args:
        base (str | Unset):  Default: 'EUR'.
        symbols (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatesSnapshot
     """


    return (await asyncio_detailed(
        client=client,
base=base,
symbols=symbols,

    )).parsed
