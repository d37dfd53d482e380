from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.start_o_auth_login_result import StartOAuthLoginResult
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    result: StartOAuthLoginResult | Unset = StartOAuthLoginResult.TOKENS,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_result: str | Unset = UNSET
    if not isinstance(result, Unset):
        json_result = result.value

    params["result"] = json_result


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/oauth/authorization",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

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
    *,
    client: AuthenticatedClient | Client,
    result: StartOAuthLoginResult | Unset = StartOAuthLoginResult.TOKENS,

) -> Response[Any | Problem]:
    """ Start a login with the identity provider

     Redirects (302) to the configured OpenID Connect provider with a fresh `state`, `nonce` and an S256
    PKCE code challenge, and binds the login to this browser with a cookie (`__Host-trellis_oauth`: a
    random value whose SHA-256 is stored with the state; HttpOnly, Secure, SameSite=Lax, Path=/, 10
    minutes). The provider sends the browser back to the configured redirect URI with `code` and
    `state`, which `GET /oauth/callback` redeems once, within 10 minutes, and only from the browser
    holding that cookie. `result` chooses what the login ends in: our token pair (TOKENS) or a cookie
    session (SESSION). 404 `/problems/oauth/not-configured` when no provider is configured.

    Args:
        result (StartOAuthLoginResult | Unset):  Default: StartOAuthLoginResult.TOKENS.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        result=result,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    result: StartOAuthLoginResult | Unset = StartOAuthLoginResult.TOKENS,

) -> Any | Problem | None:
    """ Start a login with the identity provider

     Redirects (302) to the configured OpenID Connect provider with a fresh `state`, `nonce` and an S256
    PKCE code challenge, and binds the login to this browser with a cookie (`__Host-trellis_oauth`: a
    random value whose SHA-256 is stored with the state; HttpOnly, Secure, SameSite=Lax, Path=/, 10
    minutes). The provider sends the browser back to the configured redirect URI with `code` and
    `state`, which `GET /oauth/callback` redeems once, within 10 minutes, and only from the browser
    holding that cookie. `result` chooses what the login ends in: our token pair (TOKENS) or a cookie
    session (SESSION). 404 `/problems/oauth/not-configured` when no provider is configured.

    Args:
        result (StartOAuthLoginResult | Unset):  Default: StartOAuthLoginResult.TOKENS.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        client=client,
result=result,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    result: StartOAuthLoginResult | Unset = StartOAuthLoginResult.TOKENS,

) -> Response[Any | Problem]:
    """ Start a login with the identity provider

     Redirects (302) to the configured OpenID Connect provider with a fresh `state`, `nonce` and an S256
    PKCE code challenge, and binds the login to this browser with a cookie (`__Host-trellis_oauth`: a
    random value whose SHA-256 is stored with the state; HttpOnly, Secure, SameSite=Lax, Path=/, 10
    minutes). The provider sends the browser back to the configured redirect URI with `code` and
    `state`, which `GET /oauth/callback` redeems once, within 10 minutes, and only from the browser
    holding that cookie. `result` chooses what the login ends in: our token pair (TOKENS) or a cookie
    session (SESSION). 404 `/problems/oauth/not-configured` when no provider is configured.

    Args:
        result (StartOAuthLoginResult | Unset):  Default: StartOAuthLoginResult.TOKENS.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        result=result,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    result: StartOAuthLoginResult | Unset = StartOAuthLoginResult.TOKENS,

) -> Any | Problem | None:
    """ Start a login with the identity provider

     Redirects (302) to the configured OpenID Connect provider with a fresh `state`, `nonce` and an S256
    PKCE code challenge, and binds the login to this browser with a cookie (`__Host-trellis_oauth`: a
    random value whose SHA-256 is stored with the state; HttpOnly, Secure, SameSite=Lax, Path=/, 10
    minutes). The provider sends the browser back to the configured redirect URI with `code` and
    `state`, which `GET /oauth/callback` redeems once, within 10 minutes, and only from the browser
    holding that cookie. `result` chooses what the login ends in: our token pair (TOKENS) or a cookie
    session (SESSION). 404 `/problems/oauth/not-configured` when no provider is configured.

    Args:
        result (StartOAuthLoginResult | Unset):  Default: StartOAuthLoginResult.TOKENS.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        client=client,
result=result,

    )).parsed
