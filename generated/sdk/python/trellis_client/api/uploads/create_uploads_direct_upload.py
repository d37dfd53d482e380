from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.uploads_direct_upload import UploadsDirectUpload
from ...models.uploads_direct_upload_create import UploadsDirectUploadCreate
from typing import cast



def _get_kwargs(
    *,
    body: UploadsDirectUploadCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/uploads/direct-uploads",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UploadsDirectUpload | None:
    if response.status_code == 201:
        response_201 = UploadsDirectUpload.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UploadsDirectUpload]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadsDirectUploadCreate,

) -> Response[Problem | UploadsDirectUpload]:
    """ Prepare a direct upload to storage

     For large files: records a file in status AWAITING_UPLOAD and answers a presigned form POST that
    sends the bytes straight to the S3-compatible storage service, bypassing this API (valid for
    UPLOADS_PRESIGN_SECONDS, at most UPLOADS_MAX_BYTES). Once the upload succeeded, confirm it with
    `POST /uploads/files/{file_id}/completions`. With local storage (the default) there is no storage
    service to send to: 409 `/problems/uploads/direct-transfer-unavailable`.

    Args:
        body (UploadsDirectUploadCreate):  Example: {'name': 'survey-scans.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsDirectUpload]
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
    body: UploadsDirectUploadCreate,

) -> Problem | UploadsDirectUpload | None:
    """ Prepare a direct upload to storage

     For large files: records a file in status AWAITING_UPLOAD and answers a presigned form POST that
    sends the bytes straight to the S3-compatible storage service, bypassing this API (valid for
    UPLOADS_PRESIGN_SECONDS, at most UPLOADS_MAX_BYTES). Once the upload succeeded, confirm it with
    `POST /uploads/files/{file_id}/completions`. With local storage (the default) there is no storage
    service to send to: 409 `/problems/uploads/direct-transfer-unavailable`.

    Args:
        body (UploadsDirectUploadCreate):  Example: {'name': 'survey-scans.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsDirectUpload
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadsDirectUploadCreate,

) -> Response[Problem | UploadsDirectUpload]:
    """ Prepare a direct upload to storage

     For large files: records a file in status AWAITING_UPLOAD and answers a presigned form POST that
    sends the bytes straight to the S3-compatible storage service, bypassing this API (valid for
    UPLOADS_PRESIGN_SECONDS, at most UPLOADS_MAX_BYTES). Once the upload succeeded, confirm it with
    `POST /uploads/files/{file_id}/completions`. With local storage (the default) there is no storage
    service to send to: 409 `/problems/uploads/direct-transfer-unavailable`.

    Args:
        body (UploadsDirectUploadCreate):  Example: {'name': 'survey-scans.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsDirectUpload]
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
    body: UploadsDirectUploadCreate,

) -> Problem | UploadsDirectUpload | None:
    """ Prepare a direct upload to storage

     For large files: records a file in status AWAITING_UPLOAD and answers a presigned form POST that
    sends the bytes straight to the S3-compatible storage service, bypassing this API (valid for
    UPLOADS_PRESIGN_SECONDS, at most UPLOADS_MAX_BYTES). Once the upload succeeded, confirm it with
    `POST /uploads/files/{file_id}/completions`. With local storage (the default) there is no storage
    service to send to: 409 `/problems/uploads/direct-transfer-unavailable`.

    Args:
        body (UploadsDirectUploadCreate):  Example: {'name': 'survey-scans.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsDirectUpload
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
