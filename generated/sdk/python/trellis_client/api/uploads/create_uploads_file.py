from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.uploads_file import UploadsFile
from ...models.uploads_file_upload import UploadsFileUpload
from typing import cast



def _get_kwargs(
    *,
    body: UploadsFileUpload,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/uploads/files",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UploadsFile | None:
    if response.status_code == 201:
        response_201 = UploadsFile.from_dict(response.json())



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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UploadsFile]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadsFileUpload,

) -> Response[Problem | UploadsFile]:
    """ Upload a file

     Streams the `file` part of a multipart/form-data body to storage in chunks, computing its SHA-256
    and size as it goes. The body may be at most UPLOADS_MAX_BYTES (25 MiB by default): a larger
    Content-Length is refused with 413 before anything is read, and a body that grows past the limit
    while streaming is cut off with 413 and nothing is kept. The type is sniffed from the first bytes
    (PNG, JPEG, GIF, WebP, PDF), never taken from the part's Content-Type or the file name; a type
    outside UPLOADS_ALLOWED_TYPES answers 415 and nothing is stored. The file answers 201 in status
    PENDING; a background job then reads its metadata (image dimensions, PDF page count) and writes a
    copy of each image without EXIF. For files larger than the limit, prepare a direct upload (`POST
    /uploads/direct-uploads`) instead.

    Args:
        body (UploadsFileUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsFile]
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
    body: UploadsFileUpload,

) -> Problem | UploadsFile | None:
    """ Upload a file

     Streams the `file` part of a multipart/form-data body to storage in chunks, computing its SHA-256
    and size as it goes. The body may be at most UPLOADS_MAX_BYTES (25 MiB by default): a larger
    Content-Length is refused with 413 before anything is read, and a body that grows past the limit
    while streaming is cut off with 413 and nothing is kept. The type is sniffed from the first bytes
    (PNG, JPEG, GIF, WebP, PDF), never taken from the part's Content-Type or the file name; a type
    outside UPLOADS_ALLOWED_TYPES answers 415 and nothing is stored. The file answers 201 in status
    PENDING; a background job then reads its metadata (image dimensions, PDF page count) and writes a
    copy of each image without EXIF. For files larger than the limit, prepare a direct upload (`POST
    /uploads/direct-uploads`) instead.

    Args:
        body (UploadsFileUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsFile
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadsFileUpload,

) -> Response[Problem | UploadsFile]:
    """ Upload a file

     Streams the `file` part of a multipart/form-data body to storage in chunks, computing its SHA-256
    and size as it goes. The body may be at most UPLOADS_MAX_BYTES (25 MiB by default): a larger
    Content-Length is refused with 413 before anything is read, and a body that grows past the limit
    while streaming is cut off with 413 and nothing is kept. The type is sniffed from the first bytes
    (PNG, JPEG, GIF, WebP, PDF), never taken from the part's Content-Type or the file name; a type
    outside UPLOADS_ALLOWED_TYPES answers 415 and nothing is stored. The file answers 201 in status
    PENDING; a background job then reads its metadata (image dimensions, PDF page count) and writes a
    copy of each image without EXIF. For files larger than the limit, prepare a direct upload (`POST
    /uploads/direct-uploads`) instead.

    Args:
        body (UploadsFileUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsFile]
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
    body: UploadsFileUpload,

) -> Problem | UploadsFile | None:
    """ Upload a file

     Streams the `file` part of a multipart/form-data body to storage in chunks, computing its SHA-256
    and size as it goes. The body may be at most UPLOADS_MAX_BYTES (25 MiB by default): a larger
    Content-Length is refused with 413 before anything is read, and a body that grows past the limit
    while streaming is cut off with 413 and nothing is kept. The type is sniffed from the first bytes
    (PNG, JPEG, GIF, WebP, PDF), never taken from the part's Content-Type or the file name; a type
    outside UPLOADS_ALLOWED_TYPES answers 415 and nothing is stored. The file answers 201 in status
    PENDING; a background job then reads its metadata (image dimensions, PDF page count) and writes a
    copy of each image without EXIF. For files larger than the limit, prepare a direct upload (`POST
    /uploads/direct-uploads`) instead.

    Args:
        body (UploadsFileUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsFile
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
