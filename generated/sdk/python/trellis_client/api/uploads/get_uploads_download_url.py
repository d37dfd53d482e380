from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_uploads_download_url_variant import GetUploadsDownloadUrlVariant
from ...models.problem import Problem
from ...models.uploads_download_url import UploadsDownloadUrl
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    file_id: UUID,
    *,
    variant: GetUploadsDownloadUrlVariant | Unset = GetUploadsDownloadUrlVariant.ORIGINAL,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_variant: str | Unset = UNSET
    if not isinstance(variant, Unset):
        json_variant = variant.value

    params["variant"] = json_variant


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/uploads/files/{file_id}/download-url".format(file_id=quote(str(file_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UploadsDownloadUrl | None:
    if response.status_code == 200:
        response_200 = UploadsDownloadUrl.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UploadsDownloadUrl]:
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
    variant: GetUploadsDownloadUrlVariant | Unset = GetUploadsDownloadUrlVariant.ORIGINAL,

) -> Response[Problem | UploadsDownloadUrl]:
    """ Get a presigned download URL

     A presigned GET that downloads the file (or its STRIPPED variant) straight from the S3-compatible
    storage service, with the same Content-Type and Content-Disposition as the API's download, valid for
    UPLOADS_PRESIGN_SECONDS. With local storage: 409 `/problems/uploads/direct-transfer-unavailable`.

    Args:
        file_id (UUID):
        variant (GetUploadsDownloadUrlVariant | Unset):  Default:
            GetUploadsDownloadUrlVariant.ORIGINAL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsDownloadUrl]
     """


    kwargs = _get_kwargs(
        file_id=file_id,
variant=variant,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: GetUploadsDownloadUrlVariant | Unset = GetUploadsDownloadUrlVariant.ORIGINAL,

) -> Problem | UploadsDownloadUrl | None:
    """ Get a presigned download URL

     A presigned GET that downloads the file (or its STRIPPED variant) straight from the S3-compatible
    storage service, with the same Content-Type and Content-Disposition as the API's download, valid for
    UPLOADS_PRESIGN_SECONDS. With local storage: 409 `/problems/uploads/direct-transfer-unavailable`.

    Args:
        file_id (UUID):
        variant (GetUploadsDownloadUrlVariant | Unset):  Default:
            GetUploadsDownloadUrlVariant.ORIGINAL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsDownloadUrl
     """


    return sync_detailed(
        file_id=file_id,
client=client,
variant=variant,

    ).parsed

async def asyncio_detailed(
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: GetUploadsDownloadUrlVariant | Unset = GetUploadsDownloadUrlVariant.ORIGINAL,

) -> Response[Problem | UploadsDownloadUrl]:
    """ Get a presigned download URL

     A presigned GET that downloads the file (or its STRIPPED variant) straight from the S3-compatible
    storage service, with the same Content-Type and Content-Disposition as the API's download, valid for
    UPLOADS_PRESIGN_SECONDS. With local storage: 409 `/problems/uploads/direct-transfer-unavailable`.

    Args:
        file_id (UUID):
        variant (GetUploadsDownloadUrlVariant | Unset):  Default:
            GetUploadsDownloadUrlVariant.ORIGINAL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadsDownloadUrl]
     """


    kwargs = _get_kwargs(
        file_id=file_id,
variant=variant,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: GetUploadsDownloadUrlVariant | Unset = GetUploadsDownloadUrlVariant.ORIGINAL,

) -> Problem | UploadsDownloadUrl | None:
    """ Get a presigned download URL

     A presigned GET that downloads the file (or its STRIPPED variant) straight from the S3-compatible
    storage service, with the same Content-Type and Content-Disposition as the API's download, valid for
    UPLOADS_PRESIGN_SECONDS. With local storage: 409 `/problems/uploads/direct-transfer-unavailable`.

    Args:
        file_id (UUID):
        variant (GetUploadsDownloadUrlVariant | Unset):  Default:
            GetUploadsDownloadUrlVariant.ORIGINAL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadsDownloadUrl
     """


    return (await asyncio_detailed(
        file_id=file_id,
client=client,
variant=variant,

    )).parsed
