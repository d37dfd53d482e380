"""Slugs and tags: the URL-safe names and the filter labels several domains derive from text.

A slug is the text folded to ASCII (`é` -> `e`, anything without an ASCII form dropped), lower
case, with every run of other characters turned into one `-`, cut to a maximum length. `first_free`
picks the first of `base`, `base-2`, `base-3`... that `taken` refuses, still within the length;
`with_random_suffix` makes `base-k3x9q2` for callers that try `base` first and let a unique index
refuse it (no read of the names already taken, whose cost grows with them). Tags (and other labels
users filter by, like cuisines) are compared trimmed and lower-cased; a list of them is stored
sorted, without duplicates or empty labels.
"""

from __future__ import annotations

import re
import secrets
import string
import unicodedata
from collections.abc import Callable, Iterable

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SUFFIX_ALPHABET = string.ascii_lowercase + string.digits


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


def with_random_suffix(base: str, *, max_length: int, length: int = 6) -> str:
    """`base-k3x9q2`: `length` random lower-case letters or digits after `base`, which is trimmed
    to keep the whole within `max_length` (36**6, about 2e9, suffixes per base)."""
    suffix = "".join(secrets.choice(_SUFFIX_ALPHABET) for _ in range(length))
    return f"{base[: max_length - length - 1].rstrip('-')}-{suffix}"


def normalize_tag(tag: str) -> str:
    return tag.strip().lower()


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, lower-cased, without empties or duplicates, sorted."""
    return sorted({normalize_tag(tag) for tag in tags} - {""})
