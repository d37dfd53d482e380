from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.notifications_subscription import NotificationsSubscription
from ...models.notifications_subscription_update import NotificationsSubscriptionUpdate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    kind: str,
    *,
    body: NotificationsSubscriptionUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/notifications/subscriptions/{kind}".format(kind=quote(str(kind), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NotificationsSubscription | Problem | None:
    if response.status_code == 200:
        response_200 = NotificationsSubscription.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[NotificationsSubscription | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: NotificationsSubscriptionUpdate,

) -> Response[NotificationsSubscription | Problem]:
    """ Choose whether I receive a kind

     Records your choice for one kind: `enabled: false` stops new notifications of that kind (the ones
    you have stay), `enabled: true` receives them. Idempotent.

    Args:
        kind (str):
        body (NotificationsSubscriptionUpdate):  Example: {'enabled': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationsSubscription | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: NotificationsSubscriptionUpdate,

) -> NotificationsSubscription | Problem | None:
    """ Choose whether I receive a kind

     Records your choice for one kind: `enabled: false` stops new notifications of that kind (the ones
    you have stay), `enabled: true` receives them. Idempotent.

    Args:
        kind (str):
        body (NotificationsSubscriptionUpdate):  Example: {'enabled': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationsSubscription | Problem
     """


    return sync_detailed(
        kind=kind,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: NotificationsSubscriptionUpdate,

) -> Response[NotificationsSubscription | Problem]:
    """ Choose whether I receive a kind

     Records your choice for one kind: `enabled: false` stops new notifications of that kind (the ones
    you have stay), `enabled: true` receives them. Idempotent.

    Args:
        kind (str):
        body (NotificationsSubscriptionUpdate):  Example: {'enabled': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationsSubscription | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: NotificationsSubscriptionUpdate,

) -> NotificationsSubscription | Problem | None:
    """ Choose whether I receive a kind

     Records your choice for one kind: `enabled: false` stops new notifications of that kind (the ones
    you have stay), `enabled: true` receives them. Idempotent.

    Args:
        kind (str):
        body (NotificationsSubscriptionUpdate):  Example: {'enabled': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationsSubscription | Problem
     """


    return (await asyncio_detailed(
        kind=kind,
client=client,
body=body,

    )).parsed
