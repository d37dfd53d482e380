from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.ghstats_repo_list import GhstatsRepoList
from ...models.list_ghstats_repos_response_503 import ListGhstatsReposResponse503
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    login: str,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    language: str | Unset = UNSET,
    fork: bool | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["language"] = language

    params["fork"] = fork


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ghstats/profiles/{login}/repos".format(login=quote(str(login), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GhstatsRepoList | ListGhstatsReposResponse503 | Problem | None:
    if response.status_code == 200:
        response_200 = GhstatsRepoList.from_dict(response.json())



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
        response_503 = ListGhstatsReposResponse503.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GhstatsRepoList | ListGhstatsReposResponse503 | Problem]:
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    language: str | Unset = UNSET,
    fork: bool | Unset = UNSET,

) -> Response[GhstatsRepoList | ListGhstatsReposResponse503 | Problem]:
    """ A GitHub user's repositories

     Every public repository of the user (all of GitHub's pages, up to GHSTATS_MAX_PAGES), most starred
    first (ties by name), one cursor page at a time; `language` and `fork` narrow the list. The
    repositories come from the same cache and fetch as the user's stats (fresh for GHSTATS_TTL_SECONDS,
    one fetch sequence however many ask, the rate limit respected), with the same problems when GitHub
    cannot answer.

    Args:
        login (str):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        language (str | Unset):
        fork (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GhstatsRepoList | ListGhstatsReposResponse503 | Problem]
     """


    kwargs = _get_kwargs(
        login=login,
limit=limit,
cursor=cursor,
language=language,
fork=fork,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    login: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    language: str | Unset = UNSET,
    fork: bool | Unset = UNSET,

) -> GhstatsRepoList | ListGhstatsReposResponse503 | Problem | None:
    """ A GitHub user's repositories

     Every public repository of the user (all of GitHub's pages, up to GHSTATS_MAX_PAGES), most starred
    first (ties by name), one cursor page at a time; `language` and `fork` narrow the list. The
    repositories come from the same cache and fetch as the user's stats (fresh for GHSTATS_TTL_SECONDS,
    one fetch sequence however many ask, the rate limit respected), with the same problems when GitHub
    cannot answer.

    Args:
        login (str):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        language (str | Unset):
        fork (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GhstatsRepoList | ListGhstatsReposResponse503 | Problem
     """


    return sync_detailed(
        login=login,
client=client,
limit=limit,
cursor=cursor,
language=language,
fork=fork,

    ).parsed

async def asyncio_detailed(
    login: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    language: str | Unset = UNSET,
    fork: bool | Unset = UNSET,

) -> Response[GhstatsRepoList | ListGhstatsReposResponse503 | Problem]:
    """ A GitHub user's repositories

     Every public repository of the user (all of GitHub's pages, up to GHSTATS_MAX_PAGES), most starred
    first (ties by name), one cursor page at a time; `language` and `fork` narrow the list. The
    repositories come from the same cache and fetch as the user's stats (fresh for GHSTATS_TTL_SECONDS,
    one fetch sequence however many ask, the rate limit respected), with the same problems when GitHub
    cannot answer.

    Args:
        login (str):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        language (str | Unset):
        fork (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GhstatsRepoList | ListGhstatsReposResponse503 | Problem]
     """


    kwargs = _get_kwargs(
        login=login,
limit=limit,
cursor=cursor,
language=language,
fork=fork,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    login: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    language: str | Unset = UNSET,
    fork: bool | Unset = UNSET,

) -> GhstatsRepoList | ListGhstatsReposResponse503 | Problem | None:
    """ A GitHub user's repositories

     Every public repository of the user (all of GitHub's pages, up to GHSTATS_MAX_PAGES), most starred
    first (ties by name), one cursor page at a time; `language` and `fork` narrow the list. The
    repositories come from the same cache and fetch as the user's stats (fresh for GHSTATS_TTL_SECONDS,
    one fetch sequence however many ask, the rate limit respected), with the same problems when GitHub
    cannot answer.

    Args:
        login (str):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        language (str | Unset):
        fork (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GhstatsRepoList | ListGhstatsReposResponse503 | Problem
     """


    return (await asyncio_detailed(
        login=login,
client=client,
limit=limit,
cursor=cursor,
language=language,
fork=fork,

    )).parsed
