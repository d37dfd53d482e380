from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.thumbnails_job_list import ThumbnailsJobList
from ...models.thumbnails_job_status import ThumbnailsJobStatus
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    status: ThumbnailsJobStatus | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_file_id: str | Unset = UNSET
    if not isinstance(file_id, Unset):
        json_file_id = str(file_id)
    params["file_id"] = json_file_id

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/thumbnails/jobs",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ThumbnailsJobList | None:
    if response.status_code == 200:
        response_200 = ThumbnailsJobList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ThumbnailsJobList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ThumbnailsJobStatus | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | ThumbnailsJobList]:
    """ List my thumbnail jobs

     Your thumbnail jobs with the thumbnails each made visible, newest first, one cursor page at a time;
    filter by status or by uploaded file.

    Args:
        status (ThumbnailsJobStatus | Unset): Where the job is. PENDING: queued (or waiting for
            the sweep after a crash). RUNNING: a worker holds it under a lease; the thumbnails listed
            are already visible. DONE: every size is visible. FAILED: `last_error` says why (an
            original that cannot be decoded, one over the pixel limit, or every attempt crashed);
            retry it with POST .../retries. Example: DONE.
        file_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ThumbnailsJobList]
     """


    kwargs = _get_kwargs(
        status=status,
file_id=file_id,
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
    status: ThumbnailsJobStatus | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | ThumbnailsJobList | None:
    """ List my thumbnail jobs

     Your thumbnail jobs with the thumbnails each made visible, newest first, one cursor page at a time;
    filter by status or by uploaded file.

    Args:
        status (ThumbnailsJobStatus | Unset): Where the job is. PENDING: queued (or waiting for
            the sweep after a crash). RUNNING: a worker holds it under a lease; the thumbnails listed
            are already visible. DONE: every size is visible. FAILED: `last_error` says why (an
            original that cannot be decoded, one over the pixel limit, or every attempt crashed);
            retry it with POST .../retries. Example: DONE.
        file_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ThumbnailsJobList
     """


    return sync_detailed(
        client=client,
status=status,
file_id=file_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ThumbnailsJobStatus | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | ThumbnailsJobList]:
    """ List my thumbnail jobs

     Your thumbnail jobs with the thumbnails each made visible, newest first, one cursor page at a time;
    filter by status or by uploaded file.

    Args:
        status (ThumbnailsJobStatus | Unset): Where the job is. PENDING: queued (or waiting for
            the sweep after a crash). RUNNING: a worker holds it under a lease; the thumbnails listed
            are already visible. DONE: every size is visible. FAILED: `last_error` says why (an
            original that cannot be decoded, one over the pixel limit, or every attempt crashed);
            retry it with POST .../retries. Example: DONE.
        file_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ThumbnailsJobList]
     """


    kwargs = _get_kwargs(
        status=status,
file_id=file_id,
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
    status: ThumbnailsJobStatus | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | ThumbnailsJobList | None:
    """ List my thumbnail jobs

     Your thumbnail jobs with the thumbnails each made visible, newest first, one cursor page at a time;
    filter by status or by uploaded file.

    Args:
        status (ThumbnailsJobStatus | Unset): Where the job is. PENDING: queued (or waiting for
            the sweep after a crash). RUNNING: a worker holds it under a lease; the thumbnails listed
            are already visible. DONE: every size is visible. FAILED: `last_error` says why (an
            original that cannot be decoded, one over the pixel limit, or every attempt crashed);
            retry it with POST .../retries. Example: DONE.
        file_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ThumbnailsJobList
     """


    return (await asyncio_detailed(
        client=client,
status=status,
file_id=file_id,
limit=limit,
cursor=cursor,

    )).parsed
