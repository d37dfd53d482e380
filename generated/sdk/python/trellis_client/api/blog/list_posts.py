from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.post_list import PostList
from ...models.post_status import PostStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    tag: str | Unset = UNSET,
    author: str | Unset = UNSET,
    favorited_by: str | Unset = UNSET,
    status: PostStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["tag"] = tag

    params["author"] = author

    params["favorited_by"] = favorited_by

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/blog/posts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PostList | Problem | None:
    if response.status_code == 200:
        response_200 = PostList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PostList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    tag: str | Unset = UNSET,
    author: str | Unset = UNSET,
    favorited_by: str | Unset = UNSET,
    status: PostStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[PostList | Problem]:
    """ List posts

     Posts newest first (by creation time, ties broken by an internal id), filtered by tag, author and
    "favorited by" (usernames; an unknown username gives an empty list) and by status. Anonymous callers
    see published posts only; signed-in callers also see their own drafts, admins every draft.
    Credentials are optional; when given they fill in `favorited` and `author.following`.

    Args:
        tag (str | Unset):
        author (str | Unset):
        favorited_by (str | Unset):
        status (PostStatus | Unset): A DRAFT is visible to its author (and admins) only; a
            PUBLISHED post to everyone. Example: PUBLISHED.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostList | Problem]
     """


    kwargs = _get_kwargs(
        tag=tag,
author=author,
favorited_by=favorited_by,
status=status,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    tag: str | Unset = UNSET,
    author: str | Unset = UNSET,
    favorited_by: str | Unset = UNSET,
    status: PostStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> PostList | Problem | None:
    """ List posts

     Posts newest first (by creation time, ties broken by an internal id), filtered by tag, author and
    "favorited by" (usernames; an unknown username gives an empty list) and by status. Anonymous callers
    see published posts only; signed-in callers also see their own drafts, admins every draft.
    Credentials are optional; when given they fill in `favorited` and `author.following`.

    Args:
        tag (str | Unset):
        author (str | Unset):
        favorited_by (str | Unset):
        status (PostStatus | Unset): A DRAFT is visible to its author (and admins) only; a
            PUBLISHED post to everyone. Example: PUBLISHED.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostList | Problem
     """


    return sync_detailed(
        client=client,
tag=tag,
author=author,
favorited_by=favorited_by,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    tag: str | Unset = UNSET,
    author: str | Unset = UNSET,
    favorited_by: str | Unset = UNSET,
    status: PostStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[PostList | Problem]:
    """ List posts

     Posts newest first (by creation time, ties broken by an internal id), filtered by tag, author and
    "favorited by" (usernames; an unknown username gives an empty list) and by status. Anonymous callers
    see published posts only; signed-in callers also see their own drafts, admins every draft.
    Credentials are optional; when given they fill in `favorited` and `author.following`.

    Args:
        tag (str | Unset):
        author (str | Unset):
        favorited_by (str | Unset):
        status (PostStatus | Unset): A DRAFT is visible to its author (and admins) only; a
            PUBLISHED post to everyone. Example: PUBLISHED.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostList | Problem]
     """


    kwargs = _get_kwargs(
        tag=tag,
author=author,
favorited_by=favorited_by,
status=status,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    tag: str | Unset = UNSET,
    author: str | Unset = UNSET,
    favorited_by: str | Unset = UNSET,
    status: PostStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> PostList | Problem | None:
    """ List posts

     Posts newest first (by creation time, ties broken by an internal id), filtered by tag, author and
    "favorited by" (usernames; an unknown username gives an empty list) and by status. Anonymous callers
    see published posts only; signed-in callers also see their own drafts, admins every draft.
    Credentials are optional; when given they fill in `favorited` and `author.following`.

    Args:
        tag (str | Unset):
        author (str | Unset):
        favorited_by (str | Unset):
        status (PostStatus | Unset): A DRAFT is visible to its author (and admins) only; a
            PUBLISHED post to everyone. Example: PUBLISHED.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostList | Problem
     """


    return (await asyncio_detailed(
        client=client,
tag=tag,
author=author,
favorited_by=favorited_by,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
