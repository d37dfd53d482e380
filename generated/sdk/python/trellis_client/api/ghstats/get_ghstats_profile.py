from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_ghstats_profile_response_503 import GetGhstatsProfileResponse503
from ...models.ghstats_profile_stats import GhstatsProfileStats
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    login: str,
    *,
    top: int | Unset = 5,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["top"] = top


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ghstats/profiles/{login}".format(login=quote(str(login), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem | None:
    if response.status_code == 200:
        response_200 = GhstatsProfileStats.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = GetGhstatsProfileResponse503.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    login: str,
    *,
    client: AuthenticatedClient,
    top: int | Unset = 5,

) -> Response[GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem]:
    """ A GitHub user's stats

     The profile summary of a GitHub user and the totals of all its public repositories: every page of
    `/users/{login}/repos` is read (Link `rel="next"`, at most GHSTATS_MAX_PAGES pages of 100; past that
    `repos_complete` is false). Served from the cache for GHSTATS_TTL_SECONDS; then the next request
    revalidates each page with `If-None-Match` (a 304 reuses the stored page). However many requests ask
    for the same login at once, GitHub sees one fetch sequence: the others wait for it, or get the
    previous stats at once, flagged `stale`. While GitHub's rate limit is spent no call is made until
    its reset; the previous stats are then served flagged `stale` (as they are when GitHub fails), if
    GHSTATS_STALE_IF_ERROR_SECONDS allows, else the problem is answered.

    Args:
        login (str):
        top (int | Unset):  Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem]
     """


    kwargs = _get_kwargs(
        login=login,
top=top,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    login: str,
    *,
    client: AuthenticatedClient,
    top: int | Unset = 5,

) -> GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem | None:
    """ A GitHub user's stats

     The profile summary of a GitHub user and the totals of all its public repositories: every page of
    `/users/{login}/repos` is read (Link `rel="next"`, at most GHSTATS_MAX_PAGES pages of 100; past that
    `repos_complete` is false). Served from the cache for GHSTATS_TTL_SECONDS; then the next request
    revalidates each page with `If-None-Match` (a 304 reuses the stored page). However many requests ask
    for the same login at once, GitHub sees one fetch sequence: the others wait for it, or get the
    previous stats at once, flagged `stale`. While GitHub's rate limit is spent no call is made until
    its reset; the previous stats are then served flagged `stale` (as they are when GitHub fails), if
    GHSTATS_STALE_IF_ERROR_SECONDS allows, else the problem is answered.

    Args:
        login (str):
        top (int | Unset):  Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem
     """


    return sync_detailed(
        login=login,
client=client,
top=top,

    ).parsed

async def asyncio_detailed(
    login: str,
    *,
    client: AuthenticatedClient,
    top: int | Unset = 5,

) -> Response[GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem]:
    """ A GitHub user's stats

     The profile summary of a GitHub user and the totals of all its public repositories: every page of
    `/users/{login}/repos` is read (Link `rel="next"`, at most GHSTATS_MAX_PAGES pages of 100; past that
    `repos_complete` is false). Served from the cache for GHSTATS_TTL_SECONDS; then the next request
    revalidates each page with `If-None-Match` (a 304 reuses the stored page). However many requests ask
    for the same login at once, GitHub sees one fetch sequence: the others wait for it, or get the
    previous stats at once, flagged `stale`. While GitHub's rate limit is spent no call is made until
    its reset; the previous stats are then served flagged `stale` (as they are when GitHub fails), if
    GHSTATS_STALE_IF_ERROR_SECONDS allows, else the problem is answered.

    Args:
        login (str):
        top (int | Unset):  Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem]
     """


    kwargs = _get_kwargs(
        login=login,
top=top,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    login: str,
    *,
    client: AuthenticatedClient,
    top: int | Unset = 5,

) -> GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem | None:
    """ A GitHub user's stats

     The profile summary of a GitHub user and the totals of all its public repositories: every page of
    `/users/{login}/repos` is read (Link `rel="next"`, at most GHSTATS_MAX_PAGES pages of 100; past that
    `repos_complete` is false). Served from the cache for GHSTATS_TTL_SECONDS; then the next request
    revalidates each page with `If-None-Match` (a 304 reuses the stored page). However many requests ask
    for the same login at once, GitHub sees one fetch sequence: the others wait for it, or get the
    previous stats at once, flagged `stale`. While GitHub's rate limit is spent no call is made until
    its reset; the previous stats are then served flagged `stale` (as they are when GitHub fails), if
    GHSTATS_STALE_IF_ERROR_SECONDS allows, else the problem is answered.

    Args:
        login (str):
        top (int | Unset):  Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetGhstatsProfileResponse503 | GhstatsProfileStats | Problem
     """


    return (await asyncio_detailed(
        login=login,
client=client,
top=top,

    )).parsed
