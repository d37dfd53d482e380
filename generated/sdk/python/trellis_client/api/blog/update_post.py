from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.post import Post
from ...models.post_update import PostUpdate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    slug: str,
    *,
    body: PostUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/blog/posts/{slug}".format(slug=quote(str(slug), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Post | Problem | None:
    if response.status_code == 200:
        response_200 = Post.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Post | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Post | Problem]:
    """ Edit a post

     Changes the title, description, body, tags or status; the slug stays. Allowed to the author and to
    admins (moderation); anyone else gets 403 on a published post and 404 on a draft. Send the ETag you
    read in `If-Match` so you never overwrite someone else's edit.

    Args:
        slug (str):
        if_match (str | Unset):
        body (PostUpdate): The slug never changes. Moving a DRAFT to PUBLISHED stamps
            `published_at` the first time; a post can be moved back to DRAFT (it keeps its first
            `published_at`). Example: {'body': 'It takes a **Jacobian** and patience.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Post | Problem]
     """


    kwargs = _get_kwargs(
        slug=slug,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: str | Unset = UNSET,

) -> Post | Problem | None:
    """ Edit a post

     Changes the title, description, body, tags or status; the slug stays. Allowed to the author and to
    admins (moderation); anyone else gets 403 on a published post and 404 on a draft. Send the ETag you
    read in `If-Match` so you never overwrite someone else's edit.

    Args:
        slug (str):
        if_match (str | Unset):
        body (PostUpdate): The slug never changes. Moving a DRAFT to PUBLISHED stamps
            `published_at` the first time; a post can be moved back to DRAFT (it keeps its first
            `published_at`). Example: {'body': 'It takes a **Jacobian** and patience.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Post | Problem
     """


    return sync_detailed(
        slug=slug,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Post | Problem]:
    """ Edit a post

     Changes the title, description, body, tags or status; the slug stays. Allowed to the author and to
    admins (moderation); anyone else gets 403 on a published post and 404 on a draft. Send the ETag you
    read in `If-Match` so you never overwrite someone else's edit.

    Args:
        slug (str):
        if_match (str | Unset):
        body (PostUpdate): The slug never changes. Moving a DRAFT to PUBLISHED stamps
            `published_at` the first time; a post can be moved back to DRAFT (it keeps its first
            `published_at`). Example: {'body': 'It takes a **Jacobian** and patience.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Post | Problem]
     """


    kwargs = _get_kwargs(
        slug=slug,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: str | Unset = UNSET,

) -> Post | Problem | None:
    """ Edit a post

     Changes the title, description, body, tags or status; the slug stays. Allowed to the author and to
    admins (moderation); anyone else gets 403 on a published post and 404 on a draft. Send the ETag you
    read in `If-Match` so you never overwrite someone else's edit.

    Args:
        slug (str):
        if_match (str | Unset):
        body (PostUpdate): The slug never changes. Moving a DRAFT to PUBLISHED stamps
            `published_at` the first time; a post can be moved back to DRAFT (it keeps its first
            `published_at`). Example: {'body': 'It takes a **Jacobian** and patience.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Post | Problem
     """


    return (await asyncio_detailed(
        slug=slug,
client=client,
body=body,
if_match=if_match,

    )).parsed
