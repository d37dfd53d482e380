from __future__ import annotations

import re

import pytest

from core.slugs import first_free, normalize_tags, slugify, with_random_suffix


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Release checklist", "release-checklist"),
        ("  Café — Über Notes!  ", "cafe-uber-notes"),
        ("東京 Tokyo", "tokyo"),
        ("???", "fallback"),
        ("x" * 120, "x" * 80),
        ("a" * 79 + " b", "a" * 79),
    ],
)
def test_slugify(text, slug):
    assert slugify(text, max_length=80, fallback="fallback") == slug


def test_first_free_suffixes_within_the_maximum_length():
    taken = {"ideas", "ideas-2"}
    assert first_free("ideas", taken.__contains__, max_length=80) == "ideas-3"
    assert first_free("notes", taken.__contains__, max_length=80) == "notes"
    assert first_free("x" * 10, {"x" * 10}.__contains__, max_length=10) == "x" * 8 + "-2"


def test_random_suffixes_stay_within_the_maximum_length():
    assert re.fullmatch(r"ideas-[a-z0-9]{6}", with_random_suffix("ideas", max_length=80))
    trimmed = with_random_suffix("ab-" + "x" * 10, max_length=10)
    assert re.fullmatch(r"ab-[a-z0-9]{6}", trimmed)  # no `--` where the base was cut
    assert len({with_random_suffix("ideas", max_length=80) for _ in range(50)}) == 50


def test_normalize_tags_trims_lowers_dedupes_sorts_and_drops_empty_ones():
    assert normalize_tags([" Ops", "ops", "B", "  ", ""]) == ["b", "ops"]
