from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.shortlink_stats import ShortlinkStats
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    link_id: UUID,
    *,
    days: int | Unset = 30,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["days"] = days


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/shortlinks/links/{link_id}/stats".format(link_id=quote(str(link_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ShortlinkStats | None:
    if response.status_code == 200:
        response_200 = ShortlinkStats.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ShortlinkStats]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    link_id: UUID,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 30,

) -> Response[Problem | ShortlinkStats]:
    """ Click stats of a short link

     Clicks of one of your links over the last `days` UTC days (today included): per day, per referring
    host (top 20) and per browser family. Each server process counts clicks in memory and writes them
    every SHORTLINKS_CLICK_FLUSH_SECONDS (and when it stops), so the latest clicks show up within that
    delay.

    Args:
        link_id (UUID):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShortlinkStats]
     """


    kwargs = _get_kwargs(
        link_id=link_id,
days=days,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    link_id: UUID,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 30,

) -> Problem | ShortlinkStats | None:
    """ Click stats of a short link

     Clicks of one of your links over the last `days` UTC days (today included): per day, per referring
    host (top 20) and per browser family. Each server process counts clicks in memory and writes them
    every SHORTLINKS_CLICK_FLUSH_SECONDS (and when it stops), so the latest clicks show up within that
    delay.

    Args:
        link_id (UUID):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShortlinkStats
     """


    return sync_detailed(
        link_id=link_id,
client=client,
days=days,

    ).parsed

async def asyncio_detailed(
    link_id: UUID,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 30,

) -> Response[Problem | ShortlinkStats]:
    """ Click stats of a short link

     Clicks of one of your links over the last `days` UTC days (today included): per day, per referring
    host (top 20) and per browser family. Each server process counts clicks in memory and writes them
    every SHORTLINKS_CLICK_FLUSH_SECONDS (and when it stops), so the latest clicks show up within that
    delay.

    Args:
        link_id (UUID):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShortlinkStats]
     """


    kwargs = _get_kwargs(
        link_id=link_id,
days=days,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    link_id: UUID,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 30,

) -> Problem | ShortlinkStats | None:
    """ Click stats of a short link

     Clicks of one of your links over the last `days` UTC days (today included): per day, per referring
    host (top 20) and per browser family. Each server process counts clicks in memory and writes them
    every SHORTLINKS_CLICK_FLUSH_SECONDS (and when it stops), so the latest clicks show up within that
    delay.

    Args:
        link_id (UUID):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShortlinkStats
     """


    return (await asyncio_detailed(
        link_id=link_id,
client=client,
days=days,

    )).parsed
