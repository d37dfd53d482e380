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
    room_id: UUID,
    user_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/chat/rooms/{room_id}/members/{user_id}".format(room_id=quote(str(room_id), safe=""),user_id=quote(str(user_id), safe=""),),
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    room_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Any | Problem]:
    """ Remove a member, or leave

     The owner removes a member, or a member removes themselves (leaves). Their sockets on the room close
    with 4404. Removing another member as a non-owner is 403; the owner of a group room cannot leave it
    (422: delete the room instead); someone who is not a member is 404 `/problems/chat/member-not-
    found`.

    Args:
        room_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
user_id=user_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    room_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Any | Problem | None:
    """ Remove a member, or leave

     The owner removes a member, or a member removes themselves (leaves). Their sockets on the room close
    with 4404. Removing another member as a non-owner is 403; the owner of a group room cannot leave it
    (422: delete the room instead); someone who is not a member is 404 `/problems/chat/member-not-
    found`.

    Args:
        room_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        room_id=room_id,
user_id=user_id,
client=client,

    ).parsed

async def asyncio_detailed(
    room_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Any | Problem]:
    """ Remove a member, or leave

     The owner removes a member, or a member removes themselves (leaves). Their sockets on the room close
    with 4404. Removing another member as a non-owner is 403; the owner of a group room cannot leave it
    (422: delete the room instead); someone who is not a member is 404 `/problems/chat/member-not-
    found`.

    Args:
        room_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
user_id=user_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    room_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Any | Problem | None:
    """ Remove a member, or leave

     The owner removes a member, or a member removes themselves (leaves). Their sockets on the room close
    with 4404. Removing another member as a non-owner is 403; the owner of a group room cannot leave it
    (422: delete the room instead); someone who is not a member is 404 `/problems/chat/member-not-
    found`.

    Args:
        room_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        room_id=room_id,
user_id=user_id,
client=client,

    )).parsed
