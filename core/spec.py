"""Loading the bundled contracts and splitting the main API per domain.

`generated/openapi.yaml` is the one published document. Connexion routes an API's operations
through a router scanned linearly, so at load time the bundle is cut into one sub-spec per domain
(the first path segment: `/tasks/...` -> `tasks`), each served by its own Connexion app; the outer
dispatcher picks the app with one dict lookup, so per-request cost does not grow with the number of
domains.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from core.settings import PROJECT_ROOT

GENERATED = PROJECT_ROOT / "generated"
MAIN_SPEC = GENERATED / "openapi.yaml"
ROOT_SPEC = GENERATED / "root.yaml"
CONDUIT_SPEC = GENERATED / "conduit.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@lru_cache(maxsize=8)
def load_spec(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        loaded: dict[str, Any] = yaml.load(handle, Loader=yaml.CSafeLoader)
    return loaded


def domain_of(path: str) -> str:
    return path.strip("/").split("/", 1)[0]


def route_group(path: str) -> str:
    """The dispatch key of a spec path: its first two segments, a template segment as `*`.

    `/tasks` -> `tasks`, `/tasks/{task_id}` -> `tasks/*`, `/identity/users/me` -> `identity/users`.
    Each group is served by its own small Connexion app, so routing a request costs two dict
    lookups plus a scan of its group's few paths, however large the contract grows.
    """
    first, _, rest = path.strip("/").partition("/")
    if not _:
        return first
    second = rest.split("/", 1)[0]
    return f"{first}/{'*' if second.startswith('{') else second}"


def split_paths(spec: dict[str, Any], key: Callable[[str], str]) -> dict[str, dict[str, Any]]:
    """One spec per `key(path)`, each with the full components and info."""
    grouped: dict[str, dict[str, Any]] = {}
    for path, item in spec.get("paths", {}).items():
        grouped.setdefault(key(path), {})[path] = item
    parts = {}
    for name, paths in grouped.items():
        part = {field: value for field, value in spec.items() if field != "paths"}
        part["paths"] = copy.deepcopy(paths)
        part["components"] = copy.deepcopy(spec.get("components", {}))
        parts[name] = part
    return parts


def split_by_domain(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return split_paths(spec, domain_of)


def split_by_route_group(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return split_paths(spec, route_group)


def iter_operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation of a spec."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                found.append((path, method, item[method]))
    return found


def allow_index(spec: dict[str, Any]) -> list[tuple[re.Pattern[str], str]]:
    """(full-path pattern, Allow header value) per path of a spec, for 405 answers.

    Starlette's own 405 lists only the first matching route's methods; the contract is the truth.
    """
    base = (spec.get("servers") or [{"url": ""}])[0]["url"].rstrip("/")
    index = []
    for path, item in spec.get("paths", {}).items():
        methods = [method.upper() for method in HTTP_METHODS if method in item]
        if "GET" in methods:
            methods.append("HEAD")
        pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(base + path))
        index.append((re.compile(f"^{pattern}$"), ", ".join(methods)))
    return index
