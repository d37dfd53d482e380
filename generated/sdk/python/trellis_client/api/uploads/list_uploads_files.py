from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.uploads_content_type import UploadsContentType
from ...models.uploads_file_list import UploadsFileList
from ...models.uploads_file_status import UploadsFileStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    content_type: UploadsContentType | Unset = UNSET,
    status: UploadsFileStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_content_type: str | Unset = UNSET
    if not isinstance(content_type, Unset):
        json_content_type = content_type.value

    params["content_type"] = json_content_type

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/uploads/files",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UploadsFileList | None:
    if response.status_code == 200:
        response_200 = UploadsFileList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UploadsFileList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    content_type: UploadsContentType | Unset = UNSET,
    status: UploadsFileStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | UploadsFileList]:
    """ List my files

     The files you uploaded, newest first, one cursor page at a time, optionally only one `content_type`
    or one `status`, or only those whose name contains `q`. A cursor belongs to the list it came from:
    reusing it with other filters answers 400.

    Args:
        content_type (UploadsContentType | Unset): The type sniffed from the file's first bytes
            (never the client's Content-Type or file name). Only the types in UPLOADS_ALLOWED_TYPES
            are accepted (all five by default). Example: image/png.
        status (UploadsFileStatus | Unset): Where the metadata job is. AWAITING_UPLOAD: a direct
            upload was prepared and its bytes have not been confirmed yet. PENDING: stored, the job is
            queued. PROCESSING: a worker is reading it. DONE: metadata extracted (and, for an image,
            the stripped derivative written). FAILED: the file could not be read as its type
            (`failure_reason` says why); the bytes stay downloadable. Example: DONE.
        q (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsFileList]
     """


    kwargs = _get_kwargs(
        content_type=content_type,
status=status,
q=q,
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
    content_type: UploadsContentType | Unset = UNSET,
    status: UploadsFileStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | UploadsFileList | None:
    """ List my files

     The files you uploaded, newest first, one cursor page at a time, optionally only one `content_type`
    or one `status`, or only those whose name contains `q`. A cursor belongs to the list it came from:
    reusing it with other filters answers 400.

    Args:
        content_type (UploadsContentType | Unset): The type sniffed from the file's first bytes
            (never the client's Content-Type or file name). Only the types in UPLOADS_ALLOWED_TYPES
            are accepted (all five by default). Example: image/png.
        status (UploadsFileStatus | Unset): Where the metadata job is. AWAITING_UPLOAD: a direct
            upload was prepared and its bytes have not been confirmed yet. PENDING: stored, the job is
            queued. PROCESSING: a worker is reading it. DONE: metadata extracted (and, for an image,
            the stripped derivative written). FAILED: the file could not be read as its type
            (`failure_reason` says why); the bytes stay downloadable. Example: DONE.
        q (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsFileList
     """


    return sync_detailed(
        client=client,
content_type=content_type,
status=status,
q=q,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    content_type: UploadsContentType | Unset = UNSET,
    status: UploadsFileStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | UploadsFileList]:
    """ List my files

     The files you uploaded, newest first, one cursor page at a time, optionally only one `content_type`
    or one `status`, or only those whose name contains `q`. A cursor belongs to the list it came from:
    reusing it with other filters answers 400.

    Args:
        content_type (UploadsContentType | Unset): The type sniffed from the file's first bytes
            (never the client's Content-Type or file name). Only the types in UPLOADS_ALLOWED_TYPES
            are accepted (all five by default). Example: image/png.
        status (UploadsFileStatus | Unset): Where the metadata job is. AWAITING_UPLOAD: a direct
            upload was prepared and its bytes have not been confirmed yet. PENDING: stored, the job is
            queued. PROCESSING: a worker is reading it. DONE: metadata extracted (and, for an image,
            the stripped derivative written). FAILED: the file could not be read as its type
            (`failure_reason` says why); the bytes stay downloadable. Example: DONE.
        q (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsFileList]
     """


    kwargs = _get_kwargs(
        content_type=content_type,
status=status,
q=q,
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
    content_type: UploadsContentType | Unset = UNSET,
    status: UploadsFileStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | UploadsFileList | None:
    """ List my files

     The files you uploaded, newest first, one cursor page at a time, optionally only one `content_type`
    or one `status`, or only those whose name contains `q`. A cursor belongs to the list it came from:
    reusing it with other filters answers 400.

    Args:
        content_type (UploadsContentType | Unset): The type sniffed from the file's first bytes
            (never the client's Content-Type or file name). Only the types in UPLOADS_ALLOWED_TYPES
            are accepted (all five by default). Example: image/png.
        status (UploadsFileStatus | Unset): Where the metadata job is. AWAITING_UPLOAD: a direct
            upload was prepared and its bytes have not been confirmed yet. PENDING: stored, the job is
            queued. PROCESSING: a worker is reading it. DONE: metadata extracted (and, for an image,
            the stripped derivative written). FAILED: the file could not be read as its type
            (`failure_reason` says why); the bytes stay downloadable. Example: DONE.
        q (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsFileList
     """


    return (await asyncio_detailed(
        client=client,
content_type=content_type,
status=status,
q=q,
limit=limit,
cursor=cursor,

    )).parsed
