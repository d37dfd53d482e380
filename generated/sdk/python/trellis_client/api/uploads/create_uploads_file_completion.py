from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.uploads_file import UploadsFile
from typing import cast
from uuid import UUID



def _get_kwargs(
    file_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/uploads/files/{file_id}/completions".format(file_id=quote(str(file_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UploadsFile | None:
    if response.status_code == 200:
        response_200 = UploadsFile.from_dict(response.json())



        return response_200

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UploadsFile]:
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

) -> Response[Problem | UploadsFile]:
    """ Confirm a direct upload

     Checks the bytes a direct upload sent to storage as an upload through the API is checked: present,
    at most UPLOADS_MAX_BYTES, an allowed type sniffed from the first bytes; computes the SHA-256 while
    reading them once, then moves the file to PENDING and queues its metadata job. Bytes that fail a
    check are deleted (413 or 415) and the file stays AWAITING_UPLOAD, so a corrected upload can be
    confirmed again. A file that is not AWAITING_UPLOAD (confirmed already, or uploaded through the API)
    answers 409.

    Args:
        file_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsFile]
     """


    kwargs = _get_kwargs(
        file_id=file_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    file_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | UploadsFile | None:
    """ Confirm a direct upload

     Checks the bytes a direct upload sent to storage as an upload through the API is checked: present,
    at most UPLOADS_MAX_BYTES, an allowed type sniffed from the first bytes; computes the SHA-256 while
    reading them once, then moves the file to PENDING and queues its metadata job. Bytes that fail a
    check are deleted (413 or 415) and the file stays AWAITING_UPLOAD, so a corrected upload can be
    confirmed again. A file that is not AWAITING_UPLOAD (confirmed already, or uploaded through the API)
    answers 409.

    Args:
        file_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsFile
     """


    return sync_detailed(
        file_id=file_id,
client=client,

    ).parsed

async def asyncio_detailed(
    file_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | UploadsFile]:
    """ Confirm a direct upload

     Checks the bytes a direct upload sent to storage as an upload through the API is checked: present,
    at most UPLOADS_MAX_BYTES, an allowed type sniffed from the first bytes; computes the SHA-256 while
    reading them once, then moves the file to PENDING and queues its metadata job. Bytes that fail a
    check are deleted (413 or 415) and the file stays AWAITING_UPLOAD, so a corrected upload can be
    confirmed again. A file that is not AWAITING_UPLOAD (confirmed already, or uploaded through the API)
    answers 409.

    Args:
        file_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsFile]
     """


    kwargs = _get_kwargs(
        file_id=file_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    file_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | UploadsFile | None:
    """ Confirm a direct upload

     Checks the bytes a direct upload sent to storage as an upload through the API is checked: present,
    at most UPLOADS_MAX_BYTES, an allowed type sniffed from the first bytes; computes the SHA-256 while
    reading them once, then moves the file to PENDING and queues its metadata job. Bytes that fail a
    check are deleted (413 or 415) and the file stays AWAITING_UPLOAD, so a corrected upload can be
    confirmed again. A file that is not AWAITING_UPLOAD (confirmed already, or uploaded through the API)
    answers 409.

    Args:
        file_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsFile
     """


    return (await asyncio_detailed(
        file_id=file_id,
client=client,

    )).parsed
