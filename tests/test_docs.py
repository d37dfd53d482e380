"""The documents assembled from declarations and slices are in step with them."""

from __future__ import annotations

import re

import pytest

from ci import assemble_docs
from core.settings import PROJECT_ROOT


def test_assembled_documents_are_what_make_generate_writes():
    for path, text in assemble_docs.outputs().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run 'make generate'"


def test_every_setting_in_env_example_is_in_the_readme_table():
    settings = re.findall(r"^([A-Z][A-Z0-9_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.M)
    documented = re.findall(
        r"^\| `([A-Z][A-Z0-9_]+)`", (PROJECT_ROOT / "README.md").read_text(), re.M
    )
    assert len(settings) > 30
    assert settings == documented


def test_every_catalogue_row_is_in_the_feature_table_in_catalogue_order():
    catalogue = (assemble_docs.FEATURE_SLICES / "_catalogue.md").read_text()
    table = assemble_docs.FEATURES.read_text()
    slugs = re.findall(r"^\| [a-z]+ \| `([a-z]+)` \|", catalogue, re.M)
    assert len(slugs) >= 45  # the catalogue of DESIGN.md §5, then any `other` rows
    assert re.findall(r"^\| [a-z]+ \| `([a-z]+)` \|", table, re.M) == slugs


@pytest.fixture
def slices(tmp_path, monkeypatch):
    (tmp_path / "_catalogue.md").write_text(
        "Intro.\n\n| group | slug | service |\n|---|---|---|\n"
        "| records | `widgets` | Widget shop |\n| records | `gadgets` | Gadgets |\n"
    )
    (tmp_path / "_cross-cutting.md").write_text("- **Everywhere**: one rule.\n")
    monkeypatch.setattr(assemble_docs, "FEATURE_SLICES", tmp_path)
    return tmp_path


def test_a_row_file_makes_its_row_and_bullets_and_the_rest_are_planned(slices):
    (slices / "gadgets.md").write_text(
        "| records | `gadgets` | Gadgets | done | tests |\n\n- **Gadgets**: a rule\n  continued.\n"
    )
    text = assemble_docs.features()
    assert "| records | `widgets` | Widget shop | planned |  |\n" in text
    assert "| records | `gadgets` | Gadgets | done | tests |\n" in text
    assert text.index("widgets") < text.index("`gadgets` | Gadgets | done")
    assert text.endswith("- **Gadgets**: a rule\n  continued.\n- **Everywhere**: one rule.\n")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("gizmos.md", "| records | `gizmos` | Gizmos | done | x |\n", "no catalogue row"),
        ("gadgets.md", "| content | `gadgets` | Gadgets | done | x |\n", "must start"),
        ("gadgets.md", "| records | `gadgets` | Gadgets | done | x |\n\nA paragraph.\n", "bullets"),
    ],
)
def test_a_feature_slice_that_breaks_the_layout_is_refused(slices, name, text, message):
    (slices / name).write_text(text)
    with pytest.raises(assemble_docs.SliceError, match=message):
        assemble_docs.features()
