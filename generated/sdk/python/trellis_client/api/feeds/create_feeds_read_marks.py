from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.feeds_read_marks import FeedsReadMarks
from ...models.feeds_read_marks_create import FeedsReadMarksCreate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: FeedsReadMarksCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/feeds/read-marks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FeedsReadMarks | Problem | None:
    if response.status_code == 200:
        response_200 = FeedsReadMarks.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FeedsReadMarks | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FeedsReadMarksCreate,

) -> Response[FeedsReadMarks | Problem]:
    """ Mark all read up to an entry

     Marks read the entry `up_to_entry_id` and every entry before it in your timeline order (all older
    ones), of every feed or of one subscription's. Entries newer than it, and entries that arrive later,
    stay unread. Answers how many entries changed; repeating it changes nothing.

    Args:
        body (FeedsReadMarksCreate):  Example: {'up_to_entry_id':
            '8e4d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedsReadMarks | Problem]
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
    body: FeedsReadMarksCreate,

) -> FeedsReadMarks | Problem | None:
    """ Mark all read up to an entry

     Marks read the entry `up_to_entry_id` and every entry before it in your timeline order (all older
    ones), of every feed or of one subscription's. Entries newer than it, and entries that arrive later,
    stay unread. Answers how many entries changed; repeating it changes nothing.

    Args:
        body (FeedsReadMarksCreate):  Example: {'up_to_entry_id':
            '8e4d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedsReadMarks | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FeedsReadMarksCreate,

) -> Response[FeedsReadMarks | Problem]:
    """ Mark all read up to an entry

     Marks read the entry `up_to_entry_id` and every entry before it in your timeline order (all older
    ones), of every feed or of one subscription's. Entries newer than it, and entries that arrive later,
    stay unread. Answers how many entries changed; repeating it changes nothing.

    Args:
        body (FeedsReadMarksCreate):  Example: {'up_to_entry_id':
            '8e4d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedsReadMarks | Problem]
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
    body: FeedsReadMarksCreate,

) -> FeedsReadMarks | Problem | None:
    """ Mark all read up to an entry

     Marks read the entry `up_to_entry_id` and every entry before it in your timeline order (all older
    ones), of every feed or of one subscription's. Entries newer than it, and entries that arrive later,
    stay unread. Answers how many entries changed; repeating it changes nothing.

    Args:
        body (FeedsReadMarksCreate):  Example: {'up_to_entry_id':
            '8e4d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedsReadMarks | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
