"""Loading the bundled contracts and cutting the main API into route groups.

`generated/openapi.yaml` is the one published document. Connexion routes an API's operations
through a router scanned linearly, so at load time the bundle is cut into one small spec per route
group (the first two path segments, see `route_group`), each served by its own Connexion app; the
outer dispatcher (core.app.GroupDispatcher) picks the app with dict lookups, so per-request cost
does not grow with the number of operations.

Each group's spec holds only the components its operations reference, followed transitively
(`$ref`s inside components, security schemes named by `security`): Connexion validates and
resolves every spec it loads, so a group carrying the whole contract's components would make
startup grow with the square of the number of domains. Nothing is copied here: Connexion deep-copies
the spec it is given before touching it.
"""

from __future__ import annotations

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
    """One spec per `key(path)`, each with the document's info and servers, and only the tags
    and components its own paths use."""
    grouped: dict[str, dict[str, Any]] = {}
    for path, item in spec.get("paths", {}).items():
        grouped.setdefault(key(path), {})[path] = item
    shared = {k: v for k, v in spec.items() if k not in ("paths", "components", "tags")}
    return {name: _part(spec, shared, paths) for name, paths in grouped.items()}


def split_by_route_group(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return split_paths(spec, route_group)


def _part(spec: dict[str, Any], shared: dict[str, Any], paths: dict[str, Any]) -> dict[str, Any]:
    operations = [
        item[method] for item in paths.values() for method in HTTP_METHODS if method in item
    ]
    part = {**shared, "paths": paths, "components": referenced_components(spec, paths, operations)}
    if "tags" in spec:
        used = {tag for operation in operations for tag in operation.get("tags", ())}
        part["tags"] = [tag for tag in spec["tags"] if tag.get("name") in used]
    return part


def referenced_components(
    spec: dict[str, Any], paths: dict[str, Any], operations: list[dict[str, Any]]
) -> dict[str, Any]:
    """The components of `spec` that `paths` use: every `$ref` followed transitively, and the
    security schemes their operations (or the document's default `security`) name."""
    components = spec.get("components", {})
    requirements = [*spec.get("security", ())]
    for operation in operations:
        requirements += operation.get("security", ())
    kept: dict[str, dict[str, Any]] = {}
    for scheme in sorted({name for requirement in requirements for name in requirement}):
        kept.setdefault("securitySchemes", {})[scheme] = components["securitySchemes"][scheme]
    pending: list[Any] = [paths]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/"):
                kind, _, name = ref.removeprefix("#/components/").partition("/")
                if name not in kept.setdefault(kind, {}):
                    kept[kind][name] = components[kind][name]
                    pending.append(components[kind][name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return kept


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
