from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.polls_ballot import PollsBallot
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    poll_id: UUID,
    *,
    x_device_id: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_device_id, Unset):
        headers["X-Device-Id"] = x_device_id



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/polls/{poll_id}/my-ballot".format(poll_id=quote(str(poll_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PollsBallot | Problem | None:
    if response.status_code == 200:
        response_200 = PollsBallot.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PollsBallot | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,
    x_device_id: str | Unset = UNSET,

) -> Response[PollsBallot | Problem]:
    """ Read my ballot

     Your ballot in this poll. Who you are: your account on ordinary polls (signing in is required: 401
    otherwise), your device id on anonymous polls (the X-Device-Id header; 422 `/problems/polls/device-
    id-required` without one).

    Args:
        poll_id (UUID):
        x_device_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PollsBallot | Problem]
     """


    kwargs = _get_kwargs(
        poll_id=poll_id,
x_device_id=x_device_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,
    x_device_id: str | Unset = UNSET,

) -> PollsBallot | Problem | None:
    """ Read my ballot

     Your ballot in this poll. Who you are: your account on ordinary polls (signing in is required: 401
    otherwise), your device id on anonymous polls (the X-Device-Id header; 422 `/problems/polls/device-
    id-required` without one).

    Args:
        poll_id (UUID):
        x_device_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PollsBallot | Problem
     """


    return sync_detailed(
        poll_id=poll_id,
client=client,
x_device_id=x_device_id,

    ).parsed

async def asyncio_detailed(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,
    x_device_id: str | Unset = UNSET,

) -> Response[PollsBallot | Problem]:
    """ Read my ballot

     Your ballot in this poll. Who you are: your account on ordinary polls (signing in is required: 401
    otherwise), your device id on anonymous polls (the X-Device-Id header; 422 `/problems/polls/device-
    id-required` without one).

    Args:
        poll_id (UUID):
        x_device_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PollsBallot | Problem]
     """


    kwargs = _get_kwargs(
        poll_id=poll_id,
x_device_id=x_device_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,
    x_device_id: str | Unset = UNSET,

) -> PollsBallot | Problem | None:
    """ Read my ballot

     Your ballot in this poll. Who you are: your account on ordinary polls (signing in is required: 401
    otherwise), your device id on anonymous polls (the X-Device-Id header; 422 `/problems/polls/device-
    id-required` without one).

    Args:
        poll_id (UUID):
        x_device_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PollsBallot | Problem
     """


    return (await asyncio_detailed(
        poll_id=poll_id,
client=client,
x_device_id=x_device_id,

    )).parsed
