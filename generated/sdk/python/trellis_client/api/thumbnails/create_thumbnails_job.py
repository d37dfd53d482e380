from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.thumbnails_job import ThumbnailsJob
from ...models.thumbnails_job_create import ThumbnailsJobCreate
from typing import cast



def _get_kwargs(
    *,
    body: ThumbnailsJobCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/thumbnails/jobs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ThumbnailsJob | None:
    if response.status_code == 202:
        response_202 = ThumbnailsJob.from_dict(response.json())



        return response_202

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ThumbnailsJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ThumbnailsJobCreate,

) -> Response[Problem | ThumbnailsJob]:
    """ Ask for thumbnails of one of my images

     Queues a job that renders thumbnails of one of your uploaded images at every size of
    THUMBNAILS_SIZES (64, 256 and 1024 pixels by default): each fits in a square of that side, keeps its
    aspect ratio, is never enlarged, is turned upright by the EXIF orientation and carries no EXIF or
    other metadata; an animated image gives the thumbnails of its first frame. Follow the job at the
    Location (202). A file has one job: asking again answers 409 with that job's id (retry it if it
    FAILED). Thumbnails are not made on upload; ask for them here.

    Args:
        body (ThumbnailsJobCreate):  Example: {'file_id': '6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ThumbnailsJob]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: ThumbnailsJobCreate,

) -> Problem | ThumbnailsJob | None:
    """ Ask for thumbnails of one of my images

     Queues a job that renders thumbnails of one of your uploaded images at every size of
    THUMBNAILS_SIZES (64, 256 and 1024 pixels by default): each fits in a square of that side, keeps its
    aspect ratio, is never enlarged, is turned upright by the EXIF orientation and carries no EXIF or
    other metadata; an animated image gives the thumbnails of its first frame. Follow the job at the
    Location (202). A file has one job: asking again answers 409 with that job's id (retry it if it
    FAILED). Thumbnails are not made on upload; ask for them here.

    Args:
        body (ThumbnailsJobCreate):  Example: {'file_id': '6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ThumbnailsJob
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ThumbnailsJobCreate,

) -> Response[Problem | ThumbnailsJob]:
    """ Ask for thumbnails of one of my images

     Queues a job that renders thumbnails of one of your uploaded images at every size of
    THUMBNAILS_SIZES (64, 256 and 1024 pixels by default): each fits in a square of that side, keeps its
    aspect ratio, is never enlarged, is turned upright by the EXIF orientation and carries no EXIF or
    other metadata; an animated image gives the thumbnails of its first frame. Follow the job at the
    Location (202). A file has one job: asking again answers 409 with that job's id (retry it if it
    FAILED). Thumbnails are not made on upload; ask for them here.

    Args:
        body (ThumbnailsJobCreate):  Example: {'file_id': '6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ThumbnailsJob]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ThumbnailsJobCreate,

) -> Problem | ThumbnailsJob | None:
    """ Ask for thumbnails of one of my images

     Queues a job that renders thumbnails of one of your uploaded images at every size of
    THUMBNAILS_SIZES (64, 256 and 1024 pixels by default): each fits in a square of that side, keeps its
    aspect ratio, is never enlarged, is turned upright by the EXIF orientation and carries no EXIF or
    other metadata; an animated image gives the thumbnails of its first frame. Follow the job at the
    Location (202). A file has one job: asking again answers 409 with that job's id (retry it if it
    FAILED). Thumbnails are not made on upload; ask for them here.

    Args:
        body (ThumbnailsJobCreate):  Example: {'file_id': '6f0c2d9e-1b4a-4c3e-9a7d-5e8f1b2c3d4a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ThumbnailsJob
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
