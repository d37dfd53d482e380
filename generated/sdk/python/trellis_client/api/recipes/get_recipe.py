from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.recipe import Recipe
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    recipe_id: UUID,
    *,
    servings: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["servings"] = servings


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/recipes/{recipe_id}".format(recipe_id=quote(str(recipe_id), safe=""),),
        "params": params,
    }


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
    servings: int | Unset = UNSET,

) -> Response[Problem | Recipe]:
    """ Get a recipe, optionally scaled

     One recipe. With `servings=N` every measured quantity is scaled by N / servings and shown in the
    most readable unit of its family: grams become kilograms from 1000 g, millilitres become litres from
    1000 ml, teaspoons become tablespoons and cups (rounded to a quarter cup, half a tablespoon or an
    eighth of a teaspoon). Counts round to halves. Unmeasured lines ("a pinch", "to taste") stay as they
    are. The ETag is that of the stored recipe.

    Args:
        recipe_id (UUID):
        servings (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recipe]
     """


    kwargs = _get_kwargs(
        recipe_id=recipe_id,
servings=servings,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    recipe_id: UUID,
    *,
    client: AuthenticatedClient,
    servings: int | Unset = UNSET,

) -> Problem | Recipe | None:
    """ Get a recipe, optionally scaled

     One recipe. With `servings=N` every measured quantity is scaled by N / servings and shown in the
    most readable unit of its family: grams become kilograms from 1000 g, millilitres become litres from
    1000 ml, teaspoons become tablespoons and cups (rounded to a quarter cup, half a tablespoon or an
    eighth of a teaspoon). Counts round to halves. Unmeasured lines ("a pinch", "to taste") stay as they
    are. The ETag is that of the stored recipe.

    Args:
        recipe_id (UUID):
        servings (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recipe
     """


    return sync_detailed(
        recipe_id=recipe_id,
client=client,
servings=servings,

    ).parsed

async def asyncio_detailed(
    recipe_id: UUID,
    *,
    client: AuthenticatedClient,
    servings: int | Unset = UNSET,

) -> Response[Problem | Recipe]:
    """ Get a recipe, optionally scaled

     One recipe. With `servings=N` every measured quantity is scaled by N / servings and shown in the
    most readable unit of its family: grams become kilograms from 1000 g, millilitres become litres from
    1000 ml, teaspoons become tablespoons and cups (rounded to a quarter cup, half a tablespoon or an
    eighth of a teaspoon). Counts round to halves. Unmeasured lines ("a pinch", "to taste") stay as they
    are. The ETag is that of the stored recipe.

    Args:
        recipe_id (UUID):
        servings (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recipe]
     """


    kwargs = _get_kwargs(
        recipe_id=recipe_id,
servings=servings,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    recipe_id: UUID,
    *,
    client: AuthenticatedClient,
    servings: int | Unset = UNSET,

) -> Problem | Recipe | None:
    """ Get a recipe, optionally scaled

     One recipe. With `servings=N` every measured quantity is scaled by N / servings and shown in the
    most readable unit of its family: grams become kilograms from 1000 g, millilitres become litres from
    1000 ml, teaspoons become tablespoons and cups (rounded to a quarter cup, half a tablespoon or an
    eighth of a teaspoon). Counts round to halves. Unmeasured lines ("a pinch", "to taste") stay as they
    are. The ETag is that of the stored recipe.

    Args:
        recipe_id (UUID):
        servings (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recipe
     """


    return (await asyncio_detailed(
        recipe_id=recipe_id,
client=client,
servings=servings,

    )).parsed
