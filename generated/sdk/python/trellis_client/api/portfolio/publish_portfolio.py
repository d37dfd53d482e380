from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.portfolio import Portfolio
from ...models.portfolio_content import PortfolioContent
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: PortfolioContent,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/portfolio",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Portfolio | Problem | None:
    if response.status_code == 200:
        response_200 = Portfolio.from_dict(response.json())



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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())



        return response_428

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Portfolio | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PortfolioContent,
    if_match: str,

) -> Response[Portfolio | Problem]:
    """ Publish a new version (admin)

     Replaces the whole portfolio, publishing it as the next immutable version; earlier versions stay
    readable by number. Admins only. `If-Match` with the current ETag is required (428 without it), so
    two editors never silently overwrite each other (412 for the slower one).

    Args:
        if_match (str):
        body (PortfolioContent): The whole portfolio; every publication replaces it as one new
            version. Example: {'projects': [{'title': 'Trellis', 'summary': 'A spec-first backend
            platform.', 'url': 'https://example.com/trellis', 'tags': ['python', 'openapi'], 'year':
            2026}], 'skills': [{'name': 'PostgreSQL', 'category': 'Databases', 'level': 'ADVANCED'}],
            'contacts': [{'kind': 'EMAIL', 'label': 'Work', 'value': 'ada@example.com'}], 'note':
            'Added Trellis.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Portfolio | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: PortfolioContent,
    if_match: str,

) -> Portfolio | Problem | None:
    """ Publish a new version (admin)

     Replaces the whole portfolio, publishing it as the next immutable version; earlier versions stay
    readable by number. Admins only. `If-Match` with the current ETag is required (428 without it), so
    two editors never silently overwrite each other (412 for the slower one).

    Args:
        if_match (str):
        body (PortfolioContent): The whole portfolio; every publication replaces it as one new
            version. Example: {'projects': [{'title': 'Trellis', 'summary': 'A spec-first backend
            platform.', 'url': 'https://example.com/trellis', 'tags': ['python', 'openapi'], 'year':
            2026}], 'skills': [{'name': 'PostgreSQL', 'category': 'Databases', 'level': 'ADVANCED'}],
            'contacts': [{'kind': 'EMAIL', 'label': 'Work', 'value': 'ada@example.com'}], 'note':
            'Added Trellis.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Portfolio | Problem
     """


    return sync_detailed(
        client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PortfolioContent,
    if_match: str,

) -> Response[Portfolio | Problem]:
    """ Publish a new version (admin)

     Replaces the whole portfolio, publishing it as the next immutable version; earlier versions stay
    readable by number. Admins only. `If-Match` with the current ETag is required (428 without it), so
    two editors never silently overwrite each other (412 for the slower one).

    Args:
        if_match (str):
        body (PortfolioContent): The whole portfolio; every publication replaces it as one new
            version. Example: {'projects': [{'title': 'Trellis', 'summary': 'A spec-first backend
            platform.', 'url': 'https://example.com/trellis', 'tags': ['python', 'openapi'], 'year':
            2026}], 'skills': [{'name': 'PostgreSQL', 'category': 'Databases', 'level': 'ADVANCED'}],
            'contacts': [{'kind': 'EMAIL', 'label': 'Work', 'value': 'ada@example.com'}], 'note':
            'Added Trellis.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Portfolio | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PortfolioContent,
    if_match: str,

) -> Portfolio | Problem | None:
    """ Publish a new version (admin)

     Replaces the whole portfolio, publishing it as the next immutable version; earlier versions stay
    readable by number. Admins only. `If-Match` with the current ETag is required (428 without it), so
    two editors never silently overwrite each other (412 for the slower one).

    Args:
        if_match (str):
        body (PortfolioContent): The whole portfolio; every publication replaces it as one new
            version. Example: {'projects': [{'title': 'Trellis', 'summary': 'A spec-first backend
            platform.', 'url': 'https://example.com/trellis', 'tags': ['python', 'openapi'], 'year':
            2026}], 'skills': [{'name': 'PostgreSQL', 'category': 'Databases', 'level': 'ADVANCED'}],
            'contacts': [{'kind': 'EMAIL', 'label': 'Work', 'value': 'ada@example.com'}], 'note':
            'Added Trellis.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Portfolio | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
if_match=if_match,

    )).parsed
