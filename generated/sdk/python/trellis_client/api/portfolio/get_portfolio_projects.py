from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.project_list import ProjectList
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/portfolio/projects",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProjectList | None:
    if response.status_code == 200:
        response_200 = ProjectList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProjectList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | ProjectList]:
    """ Current projects (deprecated)

     Only the projects of the current portfolio. Deprecated since 2026-11-24 in favour of `GET
    /portfolio`, which returns them with the skills and contacts in one cacheable answer; removed after
    2027-06-30. Answers carry `Deprecation`, `Sunset` and a `Link` to the successor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectList]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> Problem | ProjectList | None:
    """ Current projects (deprecated)

     Only the projects of the current portfolio. Deprecated since 2026-11-24 in favour of `GET
    /portfolio`, which returns them with the skills and contacts in one cacheable answer; removed after
    2027-06-30. Answers carry `Deprecation`, `Sunset` and a `Link` to the successor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectList
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | ProjectList]:
    """ Current projects (deprecated)

     Only the projects of the current portfolio. Deprecated since 2026-11-24 in favour of `GET
    /portfolio`, which returns them with the skills and contacts in one cacheable answer; removed after
    2027-06-30. Answers carry `Deprecation`, `Sunset` and a `Link` to the successor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectList]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> Problem | ProjectList | None:
    """ Current projects (deprecated)

     Only the projects of the current portfolio. Deprecated since 2026-11-24 in favour of `GET
    /portfolio`, which returns them with the skills and contacts in one cacheable answer; removed after
    2027-06-30. Answers carry `Deprecation`, `Sunset` and a `Link` to the successor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectList
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
