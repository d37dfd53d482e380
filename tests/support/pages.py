"""Reading a whole keyset listing page after page, as a client does, for tests of pagination."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from core.pagination import Page

T = TypeVar("T")


def every_item(read_page: Callable[[str | None], Page[T]]) -> list[T]:
    """The items of every page in order, from the first (cursor None) to the one without `next`."""
    items: list[T] = []
    cursor = None
    while True:
        page = read_page(cursor)
        items += page.items
        if page.next is None:
            return items
        cursor = page.next


def every_api_item(client: Any, url: str, headers: dict[str, str], **params: Any) -> list[Any]:
    """`every_item` of a listing endpoint: GET `url` with `params`, then with each `next` cursor."""

    def read_page(cursor: str | None) -> Page[Any]:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        body = client.get(url, params=query, headers=headers).json()
        return Page(body["items"], body["next"])

    return every_item(read_page)
