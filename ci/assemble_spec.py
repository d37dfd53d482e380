"""Assembles the main API's root document from the domain slices, for `redocly bundle`.

`spec/openapi.yaml` holds only what every domain shares: info, servers, the default security and
the security schemes. A domain adds itself without editing any shared file:

- `spec/tags/<slug>.yaml`: its tag. The file's stem is the tag's name; the file holds the rest of
  the tag object (at least a `description`).
- `spec/paths/<slug>[_<segment>...].yaml`: one file per path. The path is the file name with `_`
  read as `/` outside braces: `tasks_{task_id}.yaml` is `/tasks/{task_id}`. Path segments are
  kebab-case and never hold `_` outside braces, so the mapping is the same read both ways.
- `spec/components/<kind>/<slug>/`: its schemas, parameters, responses and headers; shared ones
  live under `common/`. Redocly names a bundled component after its file's stem, so stems are
  unique per kind across those folders (a clash would silently become `Name-2`).

Tags are listed by name. Paths are listed segment by segment with a literal segment before a
templated one: Connexion adds routes in document order and Starlette takes the first match, so
`/blog/profiles/me` must come before `/blog/profiles/{username}`.

`python -m ci.assemble_spec OUT` checks the layout and writes the assembled root to OUT, which must
sit in `spec/` for the relative `$ref`s to resolve.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parent.parent / "spec"
COMPONENT_KINDS = ("schemas", "parameters", "responses", "headers")
SLUG = re.compile(r"^[a-z][a-z0-9]*$")
LITERAL = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TEMPLATE = re.compile(r"^\{[a-z][a-z0-9_]*\}$")


class LayoutError(ValueError):
    """The spec/ tree breaks one of the layout rules above."""


def path_of(file_name: str) -> str:
    """`tasks_{task_id}.yaml` -> `/tasks/{task_id}`."""
    stem = file_name.removesuffix(".yaml")
    segments = re.split(r"_(?![^{]*\})", stem)  # an `_` inside braces belongs to the template
    for index, segment in enumerate(segments):
        if not (LITERAL.match(segment) or (index and TEMPLATE.match(segment))):
            raise LayoutError(
                f"spec/paths/{file_name}: segment {segment!r} is neither kebab-case nor "
                "a {snake_case} template (and the first segment is the domain slug)"
            )
    return "/" + "/".join(segments)


def file_of(path: str) -> str:
    """`/tasks/{task_id}` -> `tasks_{task_id}.yaml`."""
    return path.strip("/").replace("/", "_") + ".yaml"


def route_order(path: str) -> list[tuple[bool, str]]:
    """Sort key: segment by segment, a literal segment before a templated one."""
    return [(segment.startswith("{"), segment) for segment in path.strip("/").split("/")]


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def domain_tags(spec: Path = SPEC) -> list[dict[str, Any]]:
    tags = []
    for file in sorted((spec / "tags").glob("*.yaml")):
        if not SLUG.match(file.stem):
            raise LayoutError(f"spec/tags/{file.name}: a slug is lower-case letters and digits")
        body = _load(file) or {}
        if "name" in body or not body.get("description"):
            raise LayoutError(f"spec/tags/{file.name}: a description, and no name (the stem is)")
        tags.append({"name": file.stem, **body})
    return tags


def domain_paths(spec: Path = SPEC) -> dict[str, dict[str, str]]:
    """Every path of the main API, in routing order, as a `$ref` to its file."""
    paths = {path_of(file.name): file.name for file in (spec / "paths").glob("*.yaml")}
    return {path: {"$ref": f"paths/{paths[path]}"} for path in sorted(paths, key=route_order)}


def check_components(spec: Path, slugs: set[str]) -> None:
    for kind in COMPONENT_KINDS:
        seen: dict[str, Path] = {}
        for file in sorted((spec / "components" / kind).rglob("*.yaml")):
            where = file.relative_to(spec)
            folder = file.parent.relative_to(spec / "components" / kind).as_posix()
            if folder != "common" and folder not in slugs:
                raise LayoutError(f"spec/{where}: components live under common/ or a tag's slug")
            if file.stem in seen:
                raise LayoutError(f"spec/{where}: {file.stem} is also spec/{seen[file.stem]}")
            seen[file.stem] = where


def assemble(spec: Path = SPEC) -> dict[str, Any]:
    """The root document with its `tags` and `paths` gathered from the slices."""
    root: dict[str, Any] = _load(spec / "openapi.yaml")
    if "paths" in root or "tags" in root:
        raise LayoutError("spec/openapi.yaml: paths and tags come from spec/paths/ and spec/tags/")
    tags = domain_tags(spec)
    slugs = {tag["name"] for tag in tags}
    paths = domain_paths(spec)
    prefixes = {path.split("/")[1] for path in paths}
    if prefixes - slugs:
        raise LayoutError(f"paths without a spec/tags/<slug>.yaml: {sorted(prefixes - slugs)}")
    if slugs - prefixes:
        raise LayoutError(f"tags without a path in spec/paths/: {sorted(slugs - prefixes)}")
    check_components(spec, slugs)
    parts = {**root, "tags": tags, "paths": paths}
    first = [
        key for key in ("openapi", "info", "servers", "tags", "security", "paths") if key in parts
    ]
    assembled = {key: parts[key] for key in first}
    assembled.update((key, value) for key, value in parts.items() if key not in assembled)
    return assembled


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m ci.assemble_spec spec/<out>.yaml", file=sys.stderr)
        return 2
    out = Path(argv[0]).resolve()
    if out.parent != SPEC:
        print("the assembled root must sit in spec/ for its $refs to resolve", file=sys.stderr)
        return 2
    try:
        document = assemble()
    except LayoutError as error:
        print(f"assemble_spec: {error}", file=sys.stderr)
        return 1
    out.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
