from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.previews_lookup import PreviewsLookup
from ...models.previews_lookup_create import PreviewsLookupCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PreviewsLookupCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/previews/lookups",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PreviewsLookup | Problem | None:
    if response.status_code == 201:
        response_201 = PreviewsLookup.from_dict(response.json())



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

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PreviewsLookup | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PreviewsLookupCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[PreviewsLookup | Problem]:
    """ Preview a URL

     Fetches the page at `url` (unless a cached preview of it has not expired, or `refresh` is false and
    one has) and answers its preview, recording the lookup in your history. The server fetches only
    public http(s) addresses, re-checked on every redirect, reads at most PREVIEWS_MAX_PAGE_BYTES of a
    page and gives up after OUTBOUND_TOTAL_TIMEOUT_SECONDS. Send an `Idempotency-Key` to make retries
    safe.

    Args:
        idempotency_key (str | Unset):
        body (PreviewsLookupCreate):  Example: {'url':
            'https://news.example.org/2026/11/bridges'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreviewsLookup | Problem]
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
    body: PreviewsLookupCreate,
    idempotency_key: str | Unset = UNSET,

) -> PreviewsLookup | Problem | None:
    """ Preview a URL

     Fetches the page at `url` (unless a cached preview of it has not expired, or `refresh` is false and
    one has) and answers its preview, recording the lookup in your history. The server fetches only
    public http(s) addresses, re-checked on every redirect, reads at most PREVIEWS_MAX_PAGE_BYTES of a
    page and gives up after OUTBOUND_TOTAL_TIMEOUT_SECONDS. Send an `Idempotency-Key` to make retries
    safe.

    Args:
        idempotency_key (str | Unset):
        body (PreviewsLookupCreate):  Example: {'url':
            'https://news.example.org/2026/11/bridges'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreviewsLookup | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PreviewsLookupCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[PreviewsLookup | Problem]:
    """ Preview a URL

     Fetches the page at `url` (unless a cached preview of it has not expired, or `refresh` is false and
    one has) and answers its preview, recording the lookup in your history. The server fetches only
    public http(s) addresses, re-checked on every redirect, reads at most PREVIEWS_MAX_PAGE_BYTES of a
    page and gives up after OUTBOUND_TOTAL_TIMEOUT_SECONDS. Send an `Idempotency-Key` to make retries
    safe.

    Args:
        idempotency_key (str | Unset):
        body (PreviewsLookupCreate):  Example: {'url':
            'https://news.example.org/2026/11/bridges'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreviewsLookup | Problem]
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
    body: PreviewsLookupCreate,
    idempotency_key: str | Unset = UNSET,

) -> PreviewsLookup | Problem | None:
    """ Preview a URL

     Fetches the page at `url` (unless a cached preview of it has not expired, or `refresh` is false and
    one has) and answers its preview, recording the lookup in your history. The server fetches only
    public http(s) addresses, re-checked on every redirect, reads at most PREVIEWS_MAX_PAGE_BYTES of a
    page and gives up after OUTBOUND_TOTAL_TIMEOUT_SECONDS. Send an `Idempotency-Key` to make retries
    safe.

    Args:
        idempotency_key (str | Unset):
        body (PreviewsLookupCreate):  Example: {'url':
            'https://news.example.org/2026/11/bridges'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreviewsLookup | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
