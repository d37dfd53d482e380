from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    job_id: UUID,
    *,
    size: int,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(if_range, Unset):
        headers["If-Range"] = if_range



    

    params: dict[str, Any] = {}

    params["size"] = size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/thumbnails/jobs/{job_id}/content".format(job_id=quote(str(job_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 416:
        response_416 = Problem.from_dict(response.json())



        return response_416

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    size: int,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Response[Problem]:
    """ Download one thumbnail

     Streams the job's thumbnail of the `size` asked for once it is visible (listed in the job's
    `thumbnails`), with `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff` and the
    SHA-256 as ETag. One byte range answers 206 (as the uploads download does); a range that starts past
    the end answers 416. A size not visible (yet), or one the job does not make, answers 404
    `/problems/thumbnails/thumbnail-not-found`; someone else's job answers 404 like a missing one.

    Args:
        job_id (UUID):
        size (int):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        job_id=job_id,
size=size,
range_=range_,
if_range=if_range,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    size: int,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Problem | None:
    """ Download one thumbnail

     Streams the job's thumbnail of the `size` asked for once it is visible (listed in the job's
    `thumbnails`), with `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff` and the
    SHA-256 as ETag. One byte range answers 206 (as the uploads download does); a range that starts past
    the end answers 416. A size not visible (yet), or one the job does not make, answers 404
    `/problems/thumbnails/thumbnail-not-found`; someone else's job answers 404 like a missing one.

    Args:
        job_id (UUID):
        size (int):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return sync_detailed(
        job_id=job_id,
client=client,
size=size,
range_=range_,
if_range=if_range,

    ).parsed

async def asyncio_detailed(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    size: int,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Response[Problem]:
    """ Download one thumbnail

     Streams the job's thumbnail of the `size` asked for once it is visible (listed in the job's
    `thumbnails`), with `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff` and the
    SHA-256 as ETag. One byte range answers 206 (as the uploads download does); a range that starts past
    the end answers 416. A size not visible (yet), or one the job does not make, answers 404
    `/problems/thumbnails/thumbnail-not-found`; someone else's job answers 404 like a missing one.

    Args:
        job_id (UUID):
        size (int):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        job_id=job_id,
size=size,
range_=range_,
if_range=if_range,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    size: int,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Problem | None:
    """ Download one thumbnail

     Streams the job's thumbnail of the `size` asked for once it is visible (listed in the job's
    `thumbnails`), with `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff` and the
    SHA-256 as ETag. One byte range answers 206 (as the uploads download does); a range that starts past
    the end answers 416. A size not visible (yet), or one the job does not make, answers 404
    `/problems/thumbnails/thumbnail-not-found`; someone else's job answers 404 like a missing one.

    Args:
        job_id (UUID):
        size (int):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return (await asyncio_detailed(
        job_id=job_id,
client=client,
size=size,
range_=range_,
if_range=if_range,

    )).parsed
