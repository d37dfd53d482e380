"""Writes the documents assembled from declarations and domain slices; `--check` only compares.

- `.env.example` and the README's configuration table (between its `settings` markers), from the
  setting declarations: `core.settings.Settings`, every `SettingsSection` subclass defined under
  `services/` or `jobs/` (each of those modules is imported to find them), then
  `core.settings.READ_ELSEWHERE`.
- `docs/FEATURES.md`, from `docs/features/`: `_catalogue.md` (the introduction and the catalogue,
  group | slug | service, in catalogue order), one `<slug>.md` per row that is not just planned
  (its table row, then optionally its "behaviour chosen" bullets) and `_cross-cutting.md` (the
  bullets no single domain owns). A catalogue row without a file is `planned`.

Run as `python -m ci.assemble_docs [--check]` from the project root (`make generate` writes,
`make lint` checks).
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

from core.settings import (
    PROJECT_ROOT,
    READ_ELSEWHERE,
    Setting,
    SettingsSection,
    declared,
    discover_sections,
)

ENV_EXAMPLE = PROJECT_ROOT / ".env.example"
README = PROJECT_ROOT / "README.md"
FEATURES = PROJECT_ROOT / "docs" / "FEATURES.md"
FEATURE_SLICES = PROJECT_ROOT / "docs" / "features"
SETTINGS_BEGIN = "<!-- settings: written by `make generate` from the setting declarations -->\n"
SETTINGS_END = "<!-- /settings -->\n"
SECTION_PACKAGES = ("services", "jobs")


class SliceError(ValueError):
    """A slice breaks one of the rules above."""


def sections() -> list[type[SettingsSection]]:
    """Every settings section: core's first, then the domains' (imported to register them) by
    module name. Not in registration order: that is import order, which differs between
    `make generate` and a test run that imported some domain first."""
    discover_sections(SECTION_PACKAGES)
    found = [
        cls
        for cls in SettingsSection.registry
        if cls.__module__ == "core.settings" or cls.__module__.startswith(SECTION_PACKAGES)
    ]
    return sorted(found, key=lambda cls: (cls.__module__ != "core.settings", cls.__module__))


def documented() -> list[tuple[str, list[Setting]]]:
    """(title, settings) per section, as .env.example and the README list them."""
    found = []
    for cls in sections():
        settings = [setting for _, setting in declared(cls)]
        if cls.__module__ != "core.settings":
            prefix = cls.__module__.split(".")[1].upper() + "_"
            strays = [setting.env for setting in settings if not setting.env.startswith(prefix)]
            if strays:
                raise SliceError(
                    f"{cls.__qualname__}: a domain's variables start {prefix}: {strays}"
                )
        title = (cls.__doc__ or cls.__name__).strip().splitlines()[0].rstrip(".")
        found.append((title, settings))
    found.append(("Read where they are used (not part of Settings)", list(READ_ELSEWHERE)))
    names = [setting.env for _, settings in found for setting in settings]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise SliceError(f"settings declared more than once: {twice}")
    return found


def production_requires(found: list[tuple[str, list[Setting]]]) -> list[str]:
    """The variables `TRELLIS_ENV=production` refuses to start without, in declaration order."""
    return [s.env for _, settings in found for s in settings if s.required_in_production]


def _comment(text: str) -> list[str]:
    return textwrap.wrap(
        text, 98, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False
    )


def env_example() -> str:
    found = documented()
    required = production_requires(found)
    lines = [
        "# Trellis settings. Copy to .env (never committed) or export in the environment.",
        "# Every value shown is the default, and an empty value means the default: nothing here",
        "# is required for `make run`. Written by `make generate` from the setting declarations",
        "# (core/settings.py and the domains' SettingsSection classes): edit those, not this file.",
        "#",
        *_comment(
            "Production (TRELLIS_ENV=production, as in the container image) refuses to start, "
            "naming each one, until these are set: " + ", ".join(required) + ". Docker Compose "
            "sets DATABASE_URL and REDIS_URL itself and needs POSTGRES_PASSWORD, JWT_SIGNING_KEYS "
            "and API_KEY_PEPPER here."
        ),
    ]
    for title, settings in found:
        lines += ["", f"# --- {title}"]
        for setting in settings:
            if setting.required_in_production:
                unless = f" unless {setting.unless_set} is set" if setting.unless_set else ""
                lines.append(f"# REQUIRED in production{unless}.")
            lines += _comment(setting.help)
            # A default computed at run time (a path, a URL under it) is left empty, so the
            # file never pins a value that only suits one layout (./var inside the image).
            value = "" if callable(setting.default) else setting.shown_value()
            if callable(setting.default) and setting.shown_value():
                lines.append(f"# Empty: {setting.shown_value()} (computed at run time).")
            lines.append(f"{setting.env}={value}")
    return "\n".join(lines) + "\n"


def settings_table() -> str:
    found = documented()
    required = ", ".join(f"`{name}`" for name in production_requires(found))
    rows = [
        f"Required in production (`trellis` refuses to start and names each one missing): "
        f"{required}; Docker Compose also requires `POSTGRES_PASSWORD`.",
        "",
        "| setting | default | meaning |",
        "|---|---|---|",
    ]
    for _title, settings in found:
        for setting in settings:
            shown = setting.shown_value()
            default = f"`{shown}`" if shown else setting.unset
            if setting.required_in_production:
                unless = f" unless `{setting.unless_set}` is set" if setting.unless_set else ""
                default = f"**required in production**{unless}; {default}"
            rows.append(f"| `{setting.env}` | {default} | {setting.help} |")
    return "\n".join(rows) + "\n"


def readme(current: str) -> str:
    """The README with its configuration table replaced."""
    head, begin, rest = current.partition(SETTINGS_BEGIN)
    _old, end, tail = rest.partition(SETTINGS_END)
    if not begin or not end:
        raise SliceError("README.md lacks the settings table markers")
    return head + begin + settings_table() + end + tail


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def features() -> str:
    catalogue = (FEATURE_SLICES / "_catalogue.md").read_text(encoding="utf-8")
    intro, _, table = catalogue.partition("| group | slug | service |\n|---|---|---|\n")
    entries = [_cells(row) for row in table.splitlines() if row.startswith("|")]
    slugs = [slug.strip("`") for _, slug, _ in entries]
    files = {file.stem for file in FEATURE_SLICES.glob("[!_]*.md")}
    if files - set(slugs):
        raise SliceError(f"docs/features/ files for no catalogue row: {sorted(files - set(slugs))}")
    rows, bullets = [], []
    for (group, slug, service), bare in zip(entries, slugs, strict=True):
        if bare not in files:
            rows.append(f"| {group} | {slug} | {service} | planned |  |")
            continue
        row, _, rest = (FEATURE_SLICES / f"{bare}.md").read_text(encoding="utf-8").partition("\n")
        if _cells(row)[:3] != [group, slug, service]:
            raise SliceError(f"docs/features/{bare}.md: the row must start | {group} | {slug} |")
        rows.append(row)
        bullets += [line for line in rest.splitlines() if line.strip()]
    cross = (FEATURE_SLICES / "_cross-cutting.md").read_text(encoding="utf-8")
    bullets += [line for line in cross.splitlines() if line.strip()]
    if any(not re.match(r"- |  ", line) for line in bullets):
        raise SliceError("docs/features/: after a row, only `- ` bullets (and their continuation)")
    return (
        "# Feature table\n\n"
        "<!-- Written by `make generate` from docs/features/ (the catalogue, one file per row,\n"
        "the cross-cutting choices): edit those files, not this one. -->\n\n"
        f"{intro.strip()}\n\n"
        "| group | slug | service | status | proof |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\n## Behaviour chosen where the issues are silent\n\n"
        + "\n".join(bullets)
        + "\n"
    )


def outputs() -> dict[Path, str]:
    return {
        ENV_EXAMPLE: env_example(),
        README: readme(README.read_text(encoding="utf-8")),
        FEATURES: features(),
    }


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    try:
        wanted = outputs()
    except SliceError as error:
        print(f"assemble_docs: {error}", file=sys.stderr)
        return 1
    stale = [path for path, text in wanted.items() if path.read_text(encoding="utf-8") != text]
    if check:
        for path in stale:
            print(
                f"{path.relative_to(PROJECT_ROOT)} is stale: run 'make generate'", file=sys.stderr
            )
        return 1 if stale else 0
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
