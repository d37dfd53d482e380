"""The deploy files agree with the code: what the image copies, what Compose sets, what CI pins.

The stack itself is booted by `ci/compose.sh` (a `make test` stage); these checks name the rule a
broken file breaks in a second, without an engine.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase

import yaml

from core import spec
from core.settings import PROJECT_ROOT, discover_sections, required_in_production


def _ignore_rules() -> list[tuple[bool, str]]:
    rules = []
    for line in (PROJECT_ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keep = line.startswith("!")
            rules.append((keep, line.lstrip("!").rstrip("/")))
    return rules


def _segments_match(pattern: list[str], path: list[str]) -> bool:
    if not pattern:
        return not path
    if pattern[0] == "**":
        return any(_segments_match(pattern[1:], path[i:]) for i in range(len(path) + 1))
    return (
        bool(path) and fnmatchcase(path[0], pattern[0]) and _segments_match(pattern[1:], path[1:])
    )


def in_build_context(relative: str) -> bool:
    """Whether .dockerignore sends a file to the builder (the last matching rule wins; a rule
    that matches a parent directory matches everything under it)."""
    parts = relative.split("/")
    kept = True
    for keep, pattern in _ignore_rules():
        segments = pattern.split("/")
        if any(_segments_match(segments, parts[:end]) for end in range(1, len(parts) + 1)):
            kept = keep
    return kept


def test_the_ignore_matcher_reads_rules_as_the_builder_does():
    assert not in_build_context(".env")
    assert not in_build_context("tests/conftest.py")
    assert not in_build_context("core/__pycache__/app.cpython-311.pyc")
    assert in_build_context("core/app.py")
    assert not in_build_context("generated/sdk/pyproject.toml")


def test_the_image_gets_every_contract_the_app_loads():
    for path in (spec.MAIN_SPEC, spec.ROOT_SPEC, spec.CONDUIT_SPEC):
        relative = path.relative_to(PROJECT_ROOT).as_posix()
        assert in_build_context(relative), f".dockerignore leaves {relative} out of the image"


def test_the_image_gets_every_directory_the_dockerfile_copies():
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text()
    copied = re.findall(r"^COPY (?:--chown=\S+ )?(\S+) ", dockerfile, re.M)
    copied = [source for source in copied if not source.startswith("--from")]
    assert "generated" in copied and "core" in copied
    for source in copied:
        root = PROJECT_ROOT / source
        found = [root] if root.is_file() else [path for path in root.rglob("*") if path.is_file()]
        files = [path.relative_to(PROJECT_ROOT).as_posix() for path in found]
        assert files and any(in_build_context(file) for file in files), source


def _compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())


def _app_environment() -> dict[str, str]:
    services = _compose()["services"]
    environments = [services[name]["environment"] for name in ("migrate", "api", "worker")]
    assert environments[0] == environments[1] == environments[2]
    return environments[0]


def _image_env() -> set[str]:
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text()
    runtime = dockerfile.split(" AS runtime", 1)[1]
    blocks = re.findall(r"^ENV ((?:.*\\\n)*.*)$", runtime, re.M)
    return {name for block in blocks for name in re.findall(r"([A-Z_]+)=", block)}


def test_an_env_file_from_env_example_cannot_override_the_images_settings():
    assigned = set(
        re.findall(r"^([A-Z][A-Z0-9_]*)=", (PROJECT_ROOT / ".env.example").read_text(), re.M)
    )
    environment = _app_environment()
    overlap = (_image_env() & assigned) - {"PATH"}
    assert {"TRELLIS_VAR_DIR", "TRELLIS_ENV", "HOST", "PORT"} <= overlap
    for name in overlap:
        assert name in environment, f"compose must restate the image's {name}"
    assert environment["TRELLIS_VAR_DIR"] == "/var/lib/trellis"
    assert "/var/lib/trellis" in [
        volume.split(":")[1] for volume in _compose()["services"]["api"]["volumes"]
    ]


def test_compose_sets_or_demands_every_setting_production_requires():
    discover_sections()
    environment = _app_environment()
    for name in required_in_production():
        assert name in environment, name
        # Interpolated from .env: Compose itself refuses to start while one is unset.
        for variable, operator in re.findall(r"\$\{(\w+)(:?[?-]?)", str(environment[name])):
            assert operator == ":?", f"{name}: ${{{variable}}} must be required with :?"


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)(?:\s+#\s*(\S+))?\s*$", re.M)


def test_workflow_actions_are_pinned_by_commit_with_the_tag_beside():
    found = []
    for workflow in sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml")):
        for action, ref, tag in USES.findall(workflow.read_text()):
            found.append(action)
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{workflow.name}: {action}@{ref}"
            assert re.fullmatch(r"v\d+(\.\d+)*", tag or ""), f"{action}: tag comment missing"
    assert "actions/checkout" in found


def test_the_compose_file_publishes_on_loopback_only():
    for name, service in _compose()["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), name
