"""Password hashing with argon2id; hashes made with older parameters are upgraded at login."""

from __future__ import annotations

import os
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


@lru_cache(maxsize=1)
def hasher() -> PasswordHasher:
    # Tests lower the cost through ARGON2_MEMORY_KIB; production keeps the library's defaults.
    memory = int(os.environ.get("ARGON2_MEMORY_KIB", "0") or 0)
    return PasswordHasher(memory_cost=memory) if memory else PasswordHasher()


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not the account exists (a dummy hash stands in)."""
    try:
        return hasher().verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher().check_needs_rehash(password_hash)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hasher().hash("not a real password, only burns the same time")
