from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_ import Import
from ...models.import_create import ImportCreate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: ImportCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/imports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Import | Problem | None:
    if response.status_code == 202:
        response_202 = Import.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Import | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportCreate,

) -> Response[Import | Problem]:
    """ Upload a CSV file to import

     Uploads a CSV file of rows for a target (multipart/form-data: `target`, `policy`, `file`). The file
    is checked at once: its encoding (UTF-8 with or without BOM, UTF-16, else Latin-1) and delimiter
    (comma, semicolon, tab, `|`) are detected, its header must name the target's columns (unknown or
    missing required columns are 422), and every record must be readable CSV. It is then imported in the
    background (202): each row becomes the body of the target's create operation and must pass that
    operation's checks; follow the progress at the Location. The same bytes uploaded again for the same
    target are 409 (with the earlier import's id) unless that import FAILED. The body may be up to
    IMPORTS_MAX_BYTES (20 MiB by default).

    Args:
        body (ImportCreate):  Example: {'target': 'tasks', 'policy': 'SKIP_INVALID', 'file':
            'title,notes\\nBuy milk,Two litres\\n'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Import | Problem]
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
    body: ImportCreate,

) -> Import | Problem | None:
    """ Upload a CSV file to import

     Uploads a CSV file of rows for a target (multipart/form-data: `target`, `policy`, `file`). The file
    is checked at once: its encoding (UTF-8 with or without BOM, UTF-16, else Latin-1) and delimiter
    (comma, semicolon, tab, `|`) are detected, its header must name the target's columns (unknown or
    missing required columns are 422), and every record must be readable CSV. It is then imported in the
    background (202): each row becomes the body of the target's create operation and must pass that
    operation's checks; follow the progress at the Location. The same bytes uploaded again for the same
    target are 409 (with the earlier import's id) unless that import FAILED. The body may be up to
    IMPORTS_MAX_BYTES (20 MiB by default).

    Args:
        body (ImportCreate):  Example: {'target': 'tasks', 'policy': 'SKIP_INVALID', 'file':
            'title,notes\\nBuy milk,Two litres\\n'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Import | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportCreate,

) -> Response[Import | Problem]:
    """ Upload a CSV file to import

     Uploads a CSV file of rows for a target (multipart/form-data: `target`, `policy`, `file`). The file
    is checked at once: its encoding (UTF-8 with or without BOM, UTF-16, else Latin-1) and delimiter
    (comma, semicolon, tab, `|`) are detected, its header must name the target's columns (unknown or
    missing required columns are 422), and every record must be readable CSV. It is then imported in the
    background (202): each row becomes the body of the target's create operation and must pass that
    operation's checks; follow the progress at the Location. The same bytes uploaded again for the same
    target are 409 (with the earlier import's id) unless that import FAILED. The body may be up to
    IMPORTS_MAX_BYTES (20 MiB by default).

    Args:
        body (ImportCreate):  Example: {'target': 'tasks', 'policy': 'SKIP_INVALID', 'file':
            'title,notes\\nBuy milk,Two litres\\n'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Import | Problem]
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
    body: ImportCreate,

) -> Import | Problem | None:
    """ Upload a CSV file to import

     Uploads a CSV file of rows for a target (multipart/form-data: `target`, `policy`, `file`). The file
    is checked at once: its encoding (UTF-8 with or without BOM, UTF-16, else Latin-1) and delimiter
    (comma, semicolon, tab, `|`) are detected, its header must name the target's columns (unknown or
    missing required columns are 422), and every record must be readable CSV. It is then imported in the
    background (202): each row becomes the body of the target's create operation and must pass that
    operation's checks; follow the progress at the Location. The same bytes uploaded again for the same
    target are 409 (with the earlier import's id) unless that import FAILED. The body may be up to
    IMPORTS_MAX_BYTES (20 MiB by default).

    Args:
        body (ImportCreate):  Example: {'target': 'tasks', 'policy': 'SKIP_INVALID', 'file':
            'title,notes\\nBuy milk,Two litres\\n'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Import | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
