from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_row_error_list import ImportRowErrorList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    import_id: UUID,
    *,
    column: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["column"] = column

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/imports/{import_id}/row-errors".format(import_id=quote(str(import_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportRowErrorList | Problem | None:
    if response.status_code == 200:
        response_200 = ImportRowErrorList.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportRowErrorList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    column: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[ImportRowErrorList | Problem]:
    """ List an import's row errors

     The rows that failed, as JSON, by file line (the header is line 1), one cursor page at a time: the
    line a row starts on, the column at fault by its target name (null for the row as a whole, such as a
    row with too many fields), and what is wrong. A row may have several errors. Filter by `column` to
    see one column's errors. The same errors as the CSV download (at most IMPORTS_MAX_ERROR_ROWS invalid
    rows are stored; `invalid_rows` counts them all). Someone else's import answers 404, like a missing
    one.

    Args:
        import_id (UUID):
        column (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportRowErrorList | Problem]
     """


    kwargs = _get_kwargs(
        import_id=import_id,
column=column,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    column: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> ImportRowErrorList | Problem | None:
    """ List an import's row errors

     The rows that failed, as JSON, by file line (the header is line 1), one cursor page at a time: the
    line a row starts on, the column at fault by its target name (null for the row as a whole, such as a
    row with too many fields), and what is wrong. A row may have several errors. Filter by `column` to
    see one column's errors. The same errors as the CSV download (at most IMPORTS_MAX_ERROR_ROWS invalid
    rows are stored; `invalid_rows` counts them all). Someone else's import answers 404, like a missing
    one.

    Args:
        import_id (UUID):
        column (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportRowErrorList | Problem
     """


    return sync_detailed(
        import_id=import_id,
client=client,
column=column,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    column: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[ImportRowErrorList | Problem]:
    """ List an import's row errors

     The rows that failed, as JSON, by file line (the header is line 1), one cursor page at a time: the
    line a row starts on, the column at fault by its target name (null for the row as a whole, such as a
    row with too many fields), and what is wrong. A row may have several errors. Filter by `column` to
    see one column's errors. The same errors as the CSV download (at most IMPORTS_MAX_ERROR_ROWS invalid
    rows are stored; `invalid_rows` counts them all). Someone else's import answers 404, like a missing
    one.

    Args:
        import_id (UUID):
        column (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportRowErrorList | Problem]
     """


    kwargs = _get_kwargs(
        import_id=import_id,
column=column,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    column: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> ImportRowErrorList | Problem | None:
    """ List an import's row errors

     The rows that failed, as JSON, by file line (the header is line 1), one cursor page at a time: the
    line a row starts on, the column at fault by its target name (null for the row as a whole, such as a
    row with too many fields), and what is wrong. A row may have several errors. Filter by `column` to
    see one column's errors. The same errors as the CSV download (at most IMPORTS_MAX_ERROR_ROWS invalid
    rows are stored; `invalid_rows` counts them all). Someone else's import answers 404, like a missing
    one.

    Args:
        import_id (UUID):
        column (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportRowErrorList | Problem
     """


    return (await asyncio_detailed(
        import_id=import_id,
client=client,
column=column,
limit=limit,
cursor=cursor,

    )).parsed
