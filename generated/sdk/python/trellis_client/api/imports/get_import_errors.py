from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    import_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/imports/{import_id}/errors".format(import_id=quote(str(import_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
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

) -> Response[Problem | str]:
    """ Download an import's row errors as CSV

     The rows that failed, as a CSV file (`line,column,message`, UTF-8, comma separated): the file line
    each row starts on (the header is line 1), the column at fault (empty for the row as a whole, such
    as a row with too many fields), and what is wrong. A row may have several lines. At most
    IMPORTS_MAX_ERROR_ROWS invalid rows are listed (`invalid_rows` counts them all).

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        import_id=import_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    import_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | str | None:
    """ Download an import's row errors as CSV

     The rows that failed, as a CSV file (`line,column,message`, UTF-8, comma separated): the file line
    each row starts on (the header is line 1), the column at fault (empty for the row as a whole, such
    as a row with too many fields), and what is wrong. A row may have several lines. At most
    IMPORTS_MAX_ERROR_ROWS invalid rows are listed (`invalid_rows` counts them all).

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        import_id=import_id,
client=client,

    ).parsed

async def asyncio_detailed(
    import_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | str]:
    """ Download an import's row errors as CSV

     The rows that failed, as a CSV file (`line,column,message`, UTF-8, comma separated): the file line
    each row starts on (the header is line 1), the column at fault (empty for the row as a whole, such
    as a row with too many fields), and what is wrong. A row may have several lines. At most
    IMPORTS_MAX_ERROR_ROWS invalid rows are listed (`invalid_rows` counts them all).

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        import_id=import_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    import_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | str | None:
    """ Download an import's row errors as CSV

     The rows that failed, as a CSV file (`line,column,message`, UTF-8, comma separated): the file line
    each row starts on (the header is line 1), the column at fault (empty for the row as a whole, such
    as a row with too many fields), and what is wrong. A row may have several lines. At most
    IMPORTS_MAX_ERROR_ROWS invalid rows are listed (`invalid_rows` counts them all).

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        import_id=import_id,
client=client,

    )).parsed
