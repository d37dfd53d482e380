from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page import Page
from ...models.page_update import PageUpdate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    page_id: UUID,
    *,
    body: PageUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/notes/pages/{page_id}".format(page_id=quote(str(page_id), safe=""),),
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
    body: PageUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Page | Problem]:
    """ Edit, rename, tag, archive or unarchive a page

     A change of title or body records a new revision; a new title gives the page a new slug and the old
    slug keeps redirecting. `archived: true` takes the page out of the default lists (soft delete),
    `false` brings it back. Send the ETag you read in If-Match.

    Args:
        page_id (UUID):
        if_match (str | Unset):
        body (PageUpdate): Changing `title` or `body` records a revision; a new title moves the
            page to a new slug (the old one keeps redirecting). `archived` moves the page out of (or
            back into) the default lists. Example: {'body': '# Release\\n\\n- [x] tag\\n- [ ]
            announce'}.

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
    body: PageUpdate,
    if_match: str | Unset = UNSET,

) -> Page | Problem | None:
    """ Edit, rename, tag, archive or unarchive a page

     A change of title or body records a new revision; a new title gives the page a new slug and the old
    slug keeps redirecting. `archived: true` takes the page out of the default lists (soft delete),
    `false` brings it back. Send the ETag you read in If-Match.

    Args:
        page_id (UUID):
        if_match (str | Unset):
        body (PageUpdate): Changing `title` or `body` records a revision; a new title moves the
            page to a new slug (the old one keeps redirecting). `archived` moves the page out of (or
            back into) the default lists. Example: {'body': '# Release\\n\\n- [x] tag\\n- [ ]
            announce'}.

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
    body: PageUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Page | Problem]:
    """ Edit, rename, tag, archive or unarchive a page

     A change of title or body records a new revision; a new title gives the page a new slug and the old
    slug keeps redirecting. `archived: true` takes the page out of the default lists (soft delete),
    `false` brings it back. Send the ETag you read in If-Match.

    Args:
        page_id (UUID):
        if_match (str | Unset):
        body (PageUpdate): Changing `title` or `body` records a revision; a new title moves the
            page to a new slug (the old one keeps redirecting). `archived` moves the page out of (or
            back into) the default lists. Example: {'body': '# Release\\n\\n- [x] tag\\n- [ ]
            announce'}.

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
    body: PageUpdate,
    if_match: str | Unset = UNSET,

) -> Page | Problem | None:
    """ Edit, rename, tag, archive or unarchive a page

     A change of title or body records a new revision; a new title gives the page a new slug and the old
    slug keeps redirecting. `archived: true` takes the page out of the default lists (soft delete),
    `false` brings it back. Send the ETag you read in If-Match.

    Args:
        page_id (UUID):
        if_match (str | Unset):
        body (PageUpdate): Changing `title` or `body` records a revision; a new title moves the
            page to a new slug (the old one keeps redirecting). `archived` moves the page out of (or
            back into) the default lists. Example: {'body': '# Release\\n\\n- [x] tag\\n- [ ]
            announce'}.

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
