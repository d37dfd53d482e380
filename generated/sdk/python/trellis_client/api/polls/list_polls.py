from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_polls_scope import ListPollsScope
from ...models.list_polls_status import ListPollsStatus
from ...models.polls_poll_list import PollsPollList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    scope: ListPollsScope | Unset = ListPollsScope.MINE,
    status: ListPollsStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_scope: str | Unset = UNSET
    if not isinstance(scope, Unset):
        json_scope = scope.value

    params["scope"] = json_scope

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/polls",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PollsPollList | Problem | None:
    if response.status_code == 200:
        response_200 = PollsPollList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PollsPollList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    scope: ListPollsScope | Unset = ListPollsScope.MINE,
    status: ListPollsStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[PollsPollList | Problem]:
    """ List polls I made or voted in

     Your polls (`scope=MINE`, the default) or the polls you voted in with your account (`scope=VOTED`),
    newest first, one cursor page at a time; `status` keeps those SCHEDULED, OPEN or CLOSED now, `q`
    those whose question contains the text (case-insensitive). Each item carries its results when they
    are visible to you.

    Args:
        scope (ListPollsScope | Unset):  Default: ListPollsScope.MINE.
        status (ListPollsStatus | Unset):
        q (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PollsPollList | Problem]
     """


    kwargs = _get_kwargs(
        scope=scope,
status=status,
q=q,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    scope: ListPollsScope | Unset = ListPollsScope.MINE,
    status: ListPollsStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> PollsPollList | Problem | None:
    """ List polls I made or voted in

     Your polls (`scope=MINE`, the default) or the polls you voted in with your account (`scope=VOTED`),
    newest first, one cursor page at a time; `status` keeps those SCHEDULED, OPEN or CLOSED now, `q`
    those whose question contains the text (case-insensitive). Each item carries its results when they
    are visible to you.

    Args:
        scope (ListPollsScope | Unset):  Default: ListPollsScope.MINE.
        status (ListPollsStatus | Unset):
        q (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PollsPollList | Problem
     """


    return sync_detailed(
        client=client,
scope=scope,
status=status,
q=q,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    scope: ListPollsScope | Unset = ListPollsScope.MINE,
    status: ListPollsStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[PollsPollList | Problem]:
    """ List polls I made or voted in

     Your polls (`scope=MINE`, the default) or the polls you voted in with your account (`scope=VOTED`),
    newest first, one cursor page at a time; `status` keeps those SCHEDULED, OPEN or CLOSED now, `q`
    those whose question contains the text (case-insensitive). Each item carries its results when they
    are visible to you.

    Args:
        scope (ListPollsScope | Unset):  Default: ListPollsScope.MINE.
        status (ListPollsStatus | Unset):
        q (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PollsPollList | Problem]
     """


    kwargs = _get_kwargs(
        scope=scope,
status=status,
q=q,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    scope: ListPollsScope | Unset = ListPollsScope.MINE,
    status: ListPollsStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> PollsPollList | Problem | None:
    """ List polls I made or voted in

     Your polls (`scope=MINE`, the default) or the polls you voted in with your account (`scope=VOTED`),
    newest first, one cursor page at a time; `status` keeps those SCHEDULED, OPEN or CLOSED now, `q`
    those whose question contains the text (case-insensitive). Each item carries its results when they
    are visible to you.

    Args:
        scope (ListPollsScope | Unset):  Default: ListPollsScope.MINE.
        status (ListPollsStatus | Unset):
        q (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PollsPollList | Problem
     """


    return (await asyncio_detailed(
        client=client,
scope=scope,
status=status,
q=q,
limit=limit,
cursor=cursor,

    )).parsed
