from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rates_conversion import RatesConversion
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    from_: str,
    to: str,
    amount: str,
    date: datetime.date | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["amount"] = amount

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rates/conversions",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RatesConversion | None:
    if response.status_code == 200:
        response_200 = RatesConversion.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RatesConversion]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    amount: str,
    date: datetime.date | Unset = UNSET,

) -> Response[Problem | RatesConversion]:
    """ Convert an amount

     Converts `amount` of `from` into `to` with the latest rate, or the rate of `date`, from the same
    cache as the rates operations (one snapshot per base currency and day). Decimal arithmetic
    throughout; the result is rounded half up to the minor unit of `to` (ISO 4217). Converting a
    currency into itself uses the rate 1 (the snapshot still names the day).

    Args:
        from_ (str):
        to (str):
        amount (str):
        date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatesConversion]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
amount=amount,
date=date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    amount: str,
    date: datetime.date | Unset = UNSET,

) -> Problem | RatesConversion | None:
    """ Convert an amount

     Converts `amount` of `from` into `to` with the latest rate, or the rate of `date`, from the same
    cache as the rates operations (one snapshot per base currency and day). Decimal arithmetic
    throughout; the result is rounded half up to the minor unit of `to` (ISO 4217). Converting a
    currency into itself uses the rate 1 (the snapshot still names the day).

    Args:
        from_ (str):
        to (str):
        amount (str):
        date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatesConversion
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
amount=amount,
date=date,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    amount: str,
    date: datetime.date | Unset = UNSET,

) -> Response[Problem | RatesConversion]:
    """ Convert an amount

     Converts `amount` of `from` into `to` with the latest rate, or the rate of `date`, from the same
    cache as the rates operations (one snapshot per base currency and day). Decimal arithmetic
    throughout; the result is rounded half up to the minor unit of `to` (ISO 4217). Converting a
    currency into itself uses the rate 1 (the snapshot still names the day).

    Args:
        from_ (str):
        to (str):
        amount (str):
        date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatesConversion]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
amount=amount,
date=date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    amount: str,
    date: datetime.date | Unset = UNSET,

) -> Problem | RatesConversion | None:
    """ Convert an amount

     Converts `amount` of `from` into `to` with the latest rate, or the rate of `date`, from the same
    cache as the rates operations (one snapshot per base currency and day). Decimal arithmetic
    throughout; the result is rounded half up to the minor unit of `to` (ISO 4217). Converting a
    currency into itself uses the rate 1 (the snapshot still names the day).

    Args:
        from_ (str):
        to (str):
        amount (str):
        date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatesConversion
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
amount=amount,
date=date,

    )).parsed
