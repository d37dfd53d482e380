"""The README's configuration table documents every setting of .env.example."""

from __future__ import annotations

import re

from core.settings import PROJECT_ROOT


def test_every_setting_in_env_example_is_in_the_readme_table():
    settings = re.findall(r"^([A-Z][A-Z0-9_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.M)
    readme = (PROJECT_ROOT / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)`", readme, re.M))
    documented |= set(re.findall(r"`([A-Z][A-Z0-9_]+)` / `[A-Z0-9_]+`", readme))
    documented |= set(re.findall(r"`[A-Z0-9_]+` / `([A-Z][A-Z0-9_]+)`", readme))
    assert settings
    assert set(settings) <= documented, sorted(set(settings) - documented)
