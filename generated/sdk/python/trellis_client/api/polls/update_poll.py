from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.polls_poll import PollsPoll
from ...models.polls_poll_update import PollsPollUpdate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    poll_id: UUID,
    *,
    body: PollsPollUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/polls/{poll_id}".format(poll_id=quote(str(poll_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PollsPoll | Problem | None:
    if response.status_code == 200:
        response_200 = PollsPoll.from_dict(response.json())



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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PollsPoll | Problem]:
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
    body: PollsPollUpdate,
    if_match: str | Unset = UNSET,

) -> Response[PollsPoll | Problem]:
    """ Edit or close a poll

     Changes the question, description, results visibility or schedule of your poll; `status: CLOSED`
    closes it now (early). Options and voting rules are fixed once created. Send the ETag you read in
    `If-Match` to avoid overwriting another change. Other users' polls answer 404.

    Args:
        poll_id (UUID):
        if_match (str | Unset):
        body (PollsPollUpdate): The fields to change. Options and voting rules are fixed once
            created. `status: CLOSED` closes the poll now; `opens_at` moves only while the poll is
            scheduled; a closed poll stays closed. Example: {'question': 'Where should the spring
            offsite be?'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PollsPoll | Problem]
     """


    kwargs = _get_kwargs(
        poll_id=poll_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PollsPollUpdate,
    if_match: str | Unset = UNSET,

) -> PollsPoll | Problem | None:
    """ Edit or close a poll

     Changes the question, description, results visibility or schedule of your poll; `status: CLOSED`
    closes it now (early). Options and voting rules are fixed once created. Send the ETag you read in
    `If-Match` to avoid overwriting another change. Other users' polls answer 404.

    Args:
        poll_id (UUID):
        if_match (str | Unset):
        body (PollsPollUpdate): The fields to change. Options and voting rules are fixed once
            created. `status: CLOSED` closes the poll now; `opens_at` moves only while the poll is
            scheduled; a closed poll stays closed. Example: {'question': 'Where should the spring
            offsite be?'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PollsPoll | Problem
     """


    return sync_detailed(
        poll_id=poll_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PollsPollUpdate,
    if_match: str | Unset = UNSET,

) -> Response[PollsPoll | Problem]:
    """ Edit or close a poll

     Changes the question, description, results visibility or schedule of your poll; `status: CLOSED`
    closes it now (early). Options and voting rules are fixed once created. Send the ETag you read in
    `If-Match` to avoid overwriting another change. Other users' polls answer 404.

    Args:
        poll_id (UUID):
        if_match (str | Unset):
        body (PollsPollUpdate): The fields to change. Options and voting rules are fixed once
            created. `status: CLOSED` closes the poll now; `opens_at` moves only while the poll is
            scheduled; a closed poll stays closed. Example: {'question': 'Where should the spring
            offsite be?'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PollsPoll | Problem]
     """


    kwargs = _get_kwargs(
        poll_id=poll_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PollsPollUpdate,
    if_match: str | Unset = UNSET,

) -> PollsPoll | Problem | None:
    """ Edit or close a poll

     Changes the question, description, results visibility or schedule of your poll; `status: CLOSED`
    closes it now (early). Options and voting rules are fixed once created. Send the ETag you read in
    `If-Match` to avoid overwriting another change. Other users' polls answer 404.

    Args:
        poll_id (UUID):
        if_match (str | Unset):
        body (PollsPollUpdate): The fields to change. Options and voting rules are fixed once
            created. `status: CLOSED` closes the poll now; `opens_at` moves only while the poll is
            scheduled; a closed poll stays closed. Example: {'question': 'Where should the spring
            offsite be?'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PollsPoll | Problem
     """


    return (await asyncio_detailed(
        poll_id=poll_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
