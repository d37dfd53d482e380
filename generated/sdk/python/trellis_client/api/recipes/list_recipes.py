from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.recipe_list import RecipeList
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    cuisine: str | Unset = UNSET,
    diet: list[str] | Unset = UNSET,
    ingredient: str | Unset = UNSET,
    q: str | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["cuisine"] = cuisine

    json_diet: list[str] | Unset = UNSET
    if not isinstance(diet, Unset):
        json_diet = diet


    params["diet"] = json_diet

    params["ingredient"] = ingredient

    params["q"] = q

    json_author_id: str | Unset = UNSET
    if not isinstance(author_id, Unset):
        json_author_id = str(author_id)
    params["author_id"] = json_author_id

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/recipes",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RecipeList | None:
    if response.status_code == 200:
        response_200 = RecipeList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RecipeList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cuisine: str | Unset = UNSET,
    diet: list[str] | Unset = UNSET,
    ingredient: str | Unset = UNSET,
    q: str | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | RecipeList]:
    """ Find recipes

     Every recipe, newest first, filtered by cuisine, diets (`diet` may repeat: a recipe must carry every
    requested diet), an ingredient (case-insensitive substring of any ingredient line), the title (`q`)
    and the author.

    Args:
        cuisine (str | Unset):
        diet (list[str] | Unset):
        ingredient (str | Unset):
        q (str | Unset):
        author_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecipeList]
     """


    kwargs = _get_kwargs(
        cuisine=cuisine,
diet=diet,
ingredient=ingredient,
q=q,
author_id=author_id,
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
    cuisine: str | Unset = UNSET,
    diet: list[str] | Unset = UNSET,
    ingredient: str | Unset = UNSET,
    q: str | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | RecipeList | None:
    """ Find recipes

     Every recipe, newest first, filtered by cuisine, diets (`diet` may repeat: a recipe must carry every
    requested diet), an ingredient (case-insensitive substring of any ingredient line), the title (`q`)
    and the author.

    Args:
        cuisine (str | Unset):
        diet (list[str] | Unset):
        ingredient (str | Unset):
        q (str | Unset):
        author_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecipeList
     """


    return sync_detailed(
        client=client,
cuisine=cuisine,
diet=diet,
ingredient=ingredient,
q=q,
author_id=author_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cuisine: str | Unset = UNSET,
    diet: list[str] | Unset = UNSET,
    ingredient: str | Unset = UNSET,
    q: str | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | RecipeList]:
    """ Find recipes

     Every recipe, newest first, filtered by cuisine, diets (`diet` may repeat: a recipe must carry every
    requested diet), an ingredient (case-insensitive substring of any ingredient line), the title (`q`)
    and the author.

    Args:
        cuisine (str | Unset):
        diet (list[str] | Unset):
        ingredient (str | Unset):
        q (str | Unset):
        author_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecipeList]
     """


    kwargs = _get_kwargs(
        cuisine=cuisine,
diet=diet,
ingredient=ingredient,
q=q,
author_id=author_id,
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
    cuisine: str | Unset = UNSET,
    diet: list[str] | Unset = UNSET,
    ingredient: str | Unset = UNSET,
    q: str | Unset = UNSET,
    author_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | RecipeList | None:
    """ Find recipes

     Every recipe, newest first, filtered by cuisine, diets (`diet` may repeat: a recipe must carry every
    requested diet), an ingredient (case-insensitive substring of any ingredient line), the title (`q`)
    and the author.

    Args:
        cuisine (str | Unset):
        diet (list[str] | Unset):
        ingredient (str | Unset):
        q (str | Unset):
        author_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecipeList
     """


    return (await asyncio_detailed(
        client=client,
cuisine=cuisine,
diet=diet,
ingredient=ingredient,
q=q,
author_id=author_id,
limit=limit,
cursor=cursor,

    )).parsed
