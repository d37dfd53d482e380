"""Slugs and tags: the URL-safe names and the filter labels several domains derive from text.

A slug is the text folded to ASCII (`é` -> `e`, anything without an ASCII form dropped), lower
case, with every run of other characters turned into one `-`, cut to a maximum length.
`first_free` picks the first of `base`, `base-2`, `base-3`... that `taken` refuses, still within
the length. Tags (and other labels users filter by, like cuisines) are compared trimmed and
lower-cased; a list of them is stored sorted, without duplicates or empty labels.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def ascii_lower(text: str) -> str:
    """`Café` -> `cafe`: the text folded to lower-case ASCII."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def slugify(text: str, *, max_length: int, fallback: str) -> str:
    """`Café — Dragons!` -> `cafe-dragons`; `fallback` when nothing is left."""
    slug = _NOT_SLUG.sub("-", ascii_lower(text)).strip("-")[:max_length].strip("-")
    return slug or fallback


def first_free(base: str, taken: Callable[[str], bool], *, max_length: int) -> str:
    """`base`, or `base-2`, `base-3`... (trimmed to `max_length`), the first that is not taken."""
    candidate, suffix = base, 1
    while taken(candidate):
        suffix += 1
        candidate = f"{base[: max_length - len(str(suffix)) - 1]}-{suffix}"
    return candidate


def normalize_tag(tag: str) -> str:
    return tag.strip().lower()


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, lower-cased, without empties or duplicates, sorted."""
    return sorted({normalize_tag(tag) for tag in tags} - {""})
