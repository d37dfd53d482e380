from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.download_uploads_file_variant import DownloadUploadsFileVariant
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    file_id: UUID,
    *,
    variant: DownloadUploadsFileVariant | Unset = DownloadUploadsFileVariant.ORIGINAL,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(if_range, Unset):
        headers["If-Range"] = if_range



    

    params: dict[str, Any] = {}

    json_variant: str | Unset = UNSET
    if not isinstance(variant, Unset):
        json_variant = variant.value

    params["variant"] = json_variant


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/uploads/files/{file_id}/content".format(file_id=quote(str(file_id), safe=""),),
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
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: DownloadUploadsFileVariant | Unset = DownloadUploadsFileVariant.ORIGINAL,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Response[Problem]:
    """ Download one of my files

     Streams the file's bytes (or, with `variant=STRIPPED`, the image's metadata-free copy) from storage
    in chunks, as its sniffed type, with `X-Content-Type-Options: nosniff` and `Content-Disposition:
    attachment` carrying the stored name. One byte range (`Range: bytes=0-1023`, `bytes=1024-`,
    `bytes=-500`) answers 206 with Content-Range; `If-Range` with anything but the current ETag, a
    malformed Range or several ranges answer the whole file (200); a range that starts past the end
    answers 416. Someone else's file answers 404, like a missing one; so does a file whose direct upload
    was never completed.

    Args:
        file_id (UUID):
        variant (DownloadUploadsFileVariant | Unset):  Default:
            DownloadUploadsFileVariant.ORIGINAL.
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        file_id=file_id,
variant=variant,
range_=range_,
if_range=if_range,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: DownloadUploadsFileVariant | Unset = DownloadUploadsFileVariant.ORIGINAL,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Problem | None:
    """ Download one of my files

     Streams the file's bytes (or, with `variant=STRIPPED`, the image's metadata-free copy) from storage
    in chunks, as its sniffed type, with `X-Content-Type-Options: nosniff` and `Content-Disposition:
    attachment` carrying the stored name. One byte range (`Range: bytes=0-1023`, `bytes=1024-`,
    `bytes=-500`) answers 206 with Content-Range; `If-Range` with anything but the current ETag, a
    malformed Range or several ranges answer the whole file (200); a range that starts past the end
    answers 416. Someone else's file answers 404, like a missing one; so does a file whose direct upload
    was never completed.

    Args:
        file_id (UUID):
        variant (DownloadUploadsFileVariant | Unset):  Default:
            DownloadUploadsFileVariant.ORIGINAL.
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return sync_detailed(
        file_id=file_id,
client=client,
variant=variant,
range_=range_,
if_range=if_range,

    ).parsed

async def asyncio_detailed(
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: DownloadUploadsFileVariant | Unset = DownloadUploadsFileVariant.ORIGINAL,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Response[Problem]:
    """ Download one of my files

     Streams the file's bytes (or, with `variant=STRIPPED`, the image's metadata-free copy) from storage
    in chunks, as its sniffed type, with `X-Content-Type-Options: nosniff` and `Content-Disposition:
    attachment` carrying the stored name. One byte range (`Range: bytes=0-1023`, `bytes=1024-`,
    `bytes=-500`) answers 206 with Content-Range; `If-Range` with anything but the current ETag, a
    malformed Range or several ranges answer the whole file (200); a range that starts past the end
    answers 416. Someone else's file answers 404, like a missing one; so does a file whose direct upload
    was never completed.

    Args:
        file_id (UUID):
        variant (DownloadUploadsFileVariant | Unset):  Default:
            DownloadUploadsFileVariant.ORIGINAL.
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        file_id=file_id,
variant=variant,
range_=range_,
if_range=if_range,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: DownloadUploadsFileVariant | Unset = DownloadUploadsFileVariant.ORIGINAL,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Problem | None:
    """ Download one of my files

     Streams the file's bytes (or, with `variant=STRIPPED`, the image's metadata-free copy) from storage
    in chunks, as its sniffed type, with `X-Content-Type-Options: nosniff` and `Content-Disposition:
    attachment` carrying the stored name. One byte range (`Range: bytes=0-1023`, `bytes=1024-`,
    `bytes=-500`) answers 206 with Content-Range; `If-Range` with anything but the current ETag, a
    malformed Range or several ranges answer the whole file (200); a range that starts past the end
    answers 416. Someone else's file answers 404, like a missing one; so does a file whose direct upload
    was never completed.

    Args:
        file_id (UUID):
        variant (DownloadUploadsFileVariant | Unset):  Default:
            DownloadUploadsFileVariant.ORIGINAL.
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return (await asyncio_detailed(
        file_id=file_id,
client=client,
variant=variant,
range_=range_,
if_range=if_range,

    )).parsed
