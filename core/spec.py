"""Loading the bundled contracts and cutting the main API into parts, one Connexion app each.

`generated/openapi.yaml` is the one published document. Connexion routes an API's operations
through a router scanned linearly, so at load time the bundle is cut into parts
(`split_by_route_group`): the route groups (first two path segments, see `route_group`) of one
domain, at most MAX_PATHS_PER_PART paths each. The outer dispatcher (core.app.GroupDispatcher)
finds a request's part with dict lookups, so per-request cost does not grow with the contract.

Each part holds only the components its operations reference, followed transitively (`$ref`s
inside components, security schemes named by `security`): Connexion resolves every spec it
loads, so parts carrying the whole contract's components would make startup grow with the square
of the number of domains. Nothing is copied here: Connexion deep-copies the spec it is given.
"""

from __future__ import annotations

import re
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
#: Paths one Connexion app routes at most: a request scans them in order (~1.4 µs each).
MAX_PATHS_PER_PART = 12


@lru_cache(maxsize=8)
def load_spec(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        loaded: dict[str, Any] = yaml.load(handle, Loader=yaml.CSafeLoader)
    return loaded


def route_group(path: str) -> str:
    """The dispatch key of a spec path: its first two segments, a template segment as `*`.

    `/tasks` -> `tasks`, `/tasks/{task_id}` -> `tasks/*`, `/identity/users/me` -> `identity/users`.
    """
    first, _, rest = path.strip("/").partition("/")
    if not _:
        return first
    second = rest.split("/", 1)[0]
    return f"{first}/{'*' if second.startswith('{') else second}"


def split_by_route_group(
    spec: dict[str, Any], *, max_paths: int = MAX_PATHS_PER_PART
) -> list[tuple[list[str], dict[str, Any]]]:
    """The spec cut into parts, each with the route groups it serves: the groups of one domain
    (first path segment) share a part up to `max_paths` paths, so a domain is usually one
    Connexion app and a large one several, none with more than a few paths to scan.

    Within a part, concrete groups come before templated ones (`/sessions/current` before
    `/sessions/{session_id}`): Starlette takes the first route that matches, and OpenAPI says
    the concrete path wins.
    """
    groups: dict[str, dict[str, Any]] = {}
    for path, item in spec.get("paths", {}).items():
        groups.setdefault(route_group(path), {})[path] = item
    shared = {k: v for k, v in spec.items() if k not in ("paths", "components", "tags")}
    parts: list[tuple[list[str], dict[str, Any]]] = []
    keys: list[str] = []
    paths: dict[str, Any] = {}
    for key in sorted(groups, key=lambda k: (k.split("/", 1)[0], k.endswith("/*"))):
        same_domain = bool(keys) and keys[0].split("/", 1)[0] == key.split("/", 1)[0]
        if keys and not (same_domain and len(paths) + len(groups[key]) <= max_paths):
            parts.append((keys, _part(spec, shared, paths)))
            keys, paths = [], {}
        keys.append(key)
        paths.update(groups[key])
    if keys:
        parts.append((keys, _part(spec, shared, paths)))
    return parts


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


def _base_path(spec: dict[str, Any]) -> str:
    return str((spec.get("servers") or [{"url": ""}])[0]["url"]).rstrip("/")


def _full_path_pattern(template: str) -> re.Pattern[str]:
    """`/api/v1/tasks/{task_id}` -> a pattern matching the request paths it stands for."""
    return re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template)) + "$")


def allow_index(spec: dict[str, Any]) -> list[tuple[re.Pattern[str], str]]:
    """(full-path pattern, Allow header value) per path of a spec, for 405 answers.

    Starlette's own 405 lists only the first matching route's methods; the contract is the truth.
    """
    base = _base_path(spec)
    index = []
    for path, item in spec.get("paths", {}).items():
        methods = [method.upper() for method in HTTP_METHODS if method in item]
        if "GET" in methods:
            methods.append("HEAD")
        index.append((_full_path_pattern(base + path), ", ".join(methods)))
    return index


def concrete_paths(spec: dict[str, Any]) -> dict[str, str]:
    """Full path -> Allow header value, for every path of a spec with no template segment.

    OpenAPI matches a concrete path before a templated one, so `DELETE /imports/targets` is a
    405 of `/imports/targets` even though `DELETE /imports/{import_id}` exists (Starlette's
    router would pick the template's operation, whose path parameter then answers 400).
    """
    base = _base_path(spec)
    found = {}
    for path, item in spec.get("paths", {}).items():
        if "{" not in path:
            methods = [method.upper() for method in HTTP_METHODS if method in item]
            if "GET" in methods:
                methods.append("HEAD")
            found[base + path] = ", ".join(methods)
    return found


def body_caps(spec: dict[str, Any]) -> list[tuple[str, re.Pattern[str], int | str]]:
    """(METHOD, full-path pattern, cap) of every operation declaring `x-max-body-bytes`.

    The cap is a number of bytes or the name of the setting that holds it
    (`x-max-body-bytes: UPLOADS_MAX_BYTES`); operations without it keep MAX_BODY_BYTES.
    """
    base = _base_path(spec)
    caps = []
    for path, method, operation in iter_operations(spec):
        cap = operation.get("x-max-body-bytes")
        if cap is not None:
            caps.append((method.upper(), _full_path_pattern(base + path), cap))
    return caps
