from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page import Page
from ...models.problem import Problem
from ...models.restoration import Restoration
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    page_id: UUID,
    *,
    body: Restoration,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notes/pages/{page_id}/restorations".format(page_id=quote(str(page_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Page | Problem | None:
    if response.status_code == 200:
        response_200 = Page.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Page | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    page_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Restoration,
    if_match: str | Unset = UNSET,

) -> Response[Page | Problem]:
    """ Restore a revision

     Makes an earlier revision's title and body current again, recorded as a new revision (history is
    never rewritten). A restored title moves the slug like a rename.

    Args:
        page_id (UUID):
        if_match (str | Unset):
        body (Restoration):  Example: {'revision': 1}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Page | Problem]
     """


    kwargs = _get_kwargs(
        page_id=page_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    page_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Restoration,
    if_match: str | Unset = UNSET,

) -> Page | Problem | None:
    """ Restore a revision

     Makes an earlier revision's title and body current again, recorded as a new revision (history is
    never rewritten). A restored title moves the slug like a rename.

    Args:
        page_id (UUID):
        if_match (str | Unset):
        body (Restoration):  Example: {'revision': 1}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Page | Problem
     """


    return sync_detailed(
        page_id=page_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    page_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Restoration,
    if_match: str | Unset = UNSET,

) -> Response[Page | Problem]:
    """ Restore a revision

     Makes an earlier revision's title and body current again, recorded as a new revision (history is
    never rewritten). A restored title moves the slug like a rename.

    Args:
        page_id (UUID):
        if_match (str | Unset):
        body (Restoration):  Example: {'revision': 1}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Page | Problem]
     """


    kwargs = _get_kwargs(
        page_id=page_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    page_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Restoration,
    if_match: str | Unset = UNSET,

) -> Page | Problem | None:
    """ Restore a revision

     Makes an earlier revision's title and body current again, recorded as a new revision (history is
    never rewritten). A restored title moves the slug like a rename.

    Args:
        page_id (UUID):
        if_match (str | Unset):
        body (Restoration):  Example: {'revision': 1}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Page | Problem
     """


    return (await asyncio_detailed(
        page_id=page_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
