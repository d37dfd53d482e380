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
        "method": "delete",
        "url": "/imports/{import_id}".format(import_id=quote(str(import_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
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

) -> Response[Any | Problem]:
    """ Delete one of my imports

     Deletes the import with its stored file and its row errors (the CSV and the JSON listing answer 404
    afterwards); the records it already created stay where they are. The same file can then be uploaded
    again for the same target. An import a worker is running (RUNNING under a live lease) cannot be
    deleted: that answers 409, and deleting it once it is DONE or FAILED works. A PENDING import is
    deleted before a worker starts it. Someone else's import answers 404, like a missing one.

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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

) -> Any | Problem | None:
    """ Delete one of my imports

     Deletes the import with its stored file and its row errors (the CSV and the JSON listing answer 404
    afterwards); the records it already created stay where they are. The same file can then be uploaded
    again for the same target. An import a worker is running (RUNNING under a live lease) cannot be
    deleted: that answers 409, and deleting it once it is DONE or FAILED works. A PENDING import is
    deleted before a worker starts it. Someone else's import answers 404, like a missing one.

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        import_id=import_id,
client=client,

    ).parsed

async def asyncio_detailed(
    import_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Any | Problem]:
    """ Delete one of my imports

     Deletes the import with its stored file and its row errors (the CSV and the JSON listing answer 404
    afterwards); the records it already created stay where they are. The same file can then be uploaded
    again for the same target. An import a worker is running (RUNNING under a live lease) cannot be
    deleted: that answers 409, and deleting it once it is DONE or FAILED works. A PENDING import is
    deleted before a worker starts it. Someone else's import answers 404, like a missing one.

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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

) -> Any | Problem | None:
    """ Delete one of my imports

     Deletes the import with its stored file and its row errors (the CSV and the JSON listing answer 404
    afterwards); the records it already created stay where they are. The same file can then be uploaded
    again for the same target. An import a worker is running (RUNNING under a live lease) cannot be
    deleted: that answers 409, and deleting it once it is DONE or FAILED works. A PENDING import is
    deleted before a worker starts it. Someone else's import answers 404, like a missing one.

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        import_id=import_id,
client=client,

    )).parsed
