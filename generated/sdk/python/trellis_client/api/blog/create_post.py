from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.post import Post
from ...models.post_create import PostCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/blog/posts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Post | Problem | None:
    if response.status_code == 201:
        response_201 = Post.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

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
    *,
    client: AuthenticatedClient,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Post | Problem]:
    """ Write a post

     Creates a post by you (a DRAFT unless `status` says PUBLISHED; publishing stamps `published_at`).
    The slug is derived from the title and, when another post has it, made unique with a short random
    suffix (`dragons-k3x9q2`); it never changes afterwards. The Markdown body is rendered to sanitised
    HTML. Your blog profile is created on first use. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (PostCreate):  Example: {'title': 'How to train your dragon', 'description': 'Ever
            wonder how?', 'body': 'It takes a **Jacobian**.', 'tags': ['dragons', 'training'],
            'status': 'PUBLISHED'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Post | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,

) -> Post | Problem | None:
    """ Write a post

     Creates a post by you (a DRAFT unless `status` says PUBLISHED; publishing stamps `published_at`).
    The slug is derived from the title and, when another post has it, made unique with a short random
    suffix (`dragons-k3x9q2`); it never changes afterwards. The Markdown body is rendered to sanitised
    HTML. Your blog profile is created on first use. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (PostCreate):  Example: {'title': 'How to train your dragon', 'description': 'Ever
            wonder how?', 'body': 'It takes a **Jacobian**.', 'tags': ['dragons', 'training'],
            'status': 'PUBLISHED'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Post | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Post | Problem]:
    """ Write a post

     Creates a post by you (a DRAFT unless `status` says PUBLISHED; publishing stamps `published_at`).
    The slug is derived from the title and, when another post has it, made unique with a short random
    suffix (`dragons-k3x9q2`); it never changes afterwards. The Markdown body is rendered to sanitised
    HTML. Your blog profile is created on first use. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (PostCreate):  Example: {'title': 'How to train your dragon', 'description': 'Ever
            wonder how?', 'body': 'It takes a **Jacobian**.', 'tags': ['dragons', 'training'],
            'status': 'PUBLISHED'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Post | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,

) -> Post | Problem | None:
    """ Write a post

     Creates a post by you (a DRAFT unless `status` says PUBLISHED; publishing stamps `published_at`).
    The slug is derived from the title and, when another post has it, made unique with a short random
    suffix (`dragons-k3x9q2`); it never changes afterwards. The Markdown body is rendered to sanitised
    HTML. Your blog profile is created on first use. Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (PostCreate):  Example: {'title': 'How to train your dragon', 'description': 'Ever
            wonder how?', 'body': 'It takes a **Jacobian**.', 'tags': ['dragons', 'training'],
            'status': 'PUBLISHED'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Post | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
