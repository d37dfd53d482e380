"""Assembles the realtime contract: spec/asyncapi.yaml (info, servers, security schemes, close
codes) plus one slice per realtime row, spec/asyncapi/<slug>.yaml (its channels, operations,
messages and schemas), into generated/asyncapi.yaml. A row adds its channels without editing a
shared file; two slices naming the same channel, operation or component fail.

    python -m ci.assemble_asyncapi generated/asyncapi.yaml
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "spec" / "asyncapi.yaml"
SLICES = ROOT / "spec" / "asyncapi"
#: What a slice may add to, as paths of keys in the document.
SECTIONS = (("channels",), ("operations",), ("components", "messages"), ("components", "schemas"))


def _section(document: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    node = document
    for key in path:
        node = node.setdefault(key, {})
    return node


def assemble() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    for path in sorted(SLICES.glob("*.yaml")):
        part: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section in SECTIONS:
            node: Any = part
            for key in section:
                node = node.get(key, {}) if isinstance(node, dict) else {}
            target = _section(document, section)
            for name, value in node.items():
                if name in target:
                    raise SystemExit(f"{path.name}: {'.'.join(section)}.{name} is defined twice")
                target[name] = value
        unknown = set(part) - {"channels", "operations", "components"}
        unknown |= set(part.get("components", {})) - {"messages", "schemas"}
        if unknown:
            raise SystemExit(
                f"{path.name}: a slice holds channels, operations, components "
                f"messages and schemas only, not {sorted(unknown)}"
            )
    return document


def main(argv: list[str]) -> int:
    (target,) = argv
    text = yaml.safe_dump(assemble(), sort_keys=False, allow_unicode=True, width=100)
    Path(target).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
