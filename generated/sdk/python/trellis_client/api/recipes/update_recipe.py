from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.recipe import Recipe
from ...models.recipe_update import RecipeUpdate
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    recipe_id: UUID,
    *,
    body: RecipeUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/recipes/{recipe_id}".format(recipe_id=quote(str(recipe_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Recipe | None:
    if response.status_code == 200:
        response_200 = Recipe.from_dict(response.json())



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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Recipe]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    recipe_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RecipeUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Problem | Recipe]:
    """ Edit a recipe

     Replaces the given fields (lists are replaced whole). Allowed to the author and admins. Send the
    ETag you read in `If-Match` so you never overwrite someone else's edit.

    Args:
        recipe_id (UUID):
        if_match (str | Unset):
        body (RecipeUpdate): The fields to replace; lists (ingredients, steps, diets) are replaced
            whole. Example: {'servings': 4}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recipe]
     """


    kwargs = _get_kwargs(
        recipe_id=recipe_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    recipe_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RecipeUpdate,
    if_match: str | Unset = UNSET,

) -> Problem | Recipe | None:
    """ Edit a recipe

     Replaces the given fields (lists are replaced whole). Allowed to the author and admins. Send the
    ETag you read in `If-Match` so you never overwrite someone else's edit.

    Args:
        recipe_id (UUID):
        if_match (str | Unset):
        body (RecipeUpdate): The fields to replace; lists (ingredients, steps, diets) are replaced
            whole. Example: {'servings': 4}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recipe
     """


    return sync_detailed(
        recipe_id=recipe_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    recipe_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RecipeUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Problem | Recipe]:
    """ Edit a recipe

     Replaces the given fields (lists are replaced whole). Allowed to the author and admins. Send the
    ETag you read in `If-Match` so you never overwrite someone else's edit.

    Args:
        recipe_id (UUID):
        if_match (str | Unset):
        body (RecipeUpdate): The fields to replace; lists (ingredients, steps, diets) are replaced
            whole. Example: {'servings': 4}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recipe]
     """


    kwargs = _get_kwargs(
        recipe_id=recipe_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    recipe_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RecipeUpdate,
    if_match: str | Unset = UNSET,

) -> Problem | Recipe | None:
    """ Edit a recipe

     Replaces the given fields (lists are replaced whole). Allowed to the author and admins. Send the
    ETag you read in `If-Match` so you never overwrite someone else's edit.

    Args:
        recipe_id (UUID):
        if_match (str | Unset):
        body (RecipeUpdate): The fields to replace; lists (ingredients, steps, diets) are replaced
            whole. Example: {'servings': 4}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recipe
     """


    return (await asyncio_detailed(
        recipe_id=recipe_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
