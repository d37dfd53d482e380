from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.revision import Revision
from typing import cast
from uuid import UUID



def _get_kwargs(
    page_id: UUID,
    number: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notes/pages/{page_id}/revisions/{number}".format(page_id=quote(str(page_id), safe=""),number=quote(str(number), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Revision | None:
    if response.status_code == 200:
        response_200 = Revision.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Revision]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    page_id: UUID,
    number: int,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | Revision]:
    """ One revision of a page

     The title and body of the page as that revision left them.

    Args:
        page_id (UUID):
        number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Revision]
     """


    kwargs = _get_kwargs(
        page_id=page_id,
number=number,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    page_id: UUID,
    number: int,
    *,
    client: AuthenticatedClient,

) -> Problem | Revision | None:
    """ One revision of a page

     The title and body of the page as that revision left them.

    Args:
        page_id (UUID):
        number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Revision
     """


    return sync_detailed(
        page_id=page_id,
number=number,
client=client,

    ).parsed

async def asyncio_detailed(
    page_id: UUID,
    number: int,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | Revision]:
    """ One revision of a page

     The title and body of the page as that revision left them.

    Args:
        page_id (UUID):
        number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Revision]
     """


    kwargs = _get_kwargs(
        page_id=page_id,
number=number,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    page_id: UUID,
    number: int,
    *,
    client: AuthenticatedClient,

) -> Problem | Revision | None:
    """ One revision of a page

     The title and body of the page as that revision left them.

    Args:
        page_id (UUID):
        number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Revision
     """


    return (await asyncio_detailed(
        page_id=page_id,
number=number,
client=client,

    )).parsed
