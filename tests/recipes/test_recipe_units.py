"""Scaling rules, stated as properties and checked by Hypothesis over all units and factors."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.recipe_units import FAMILIES, UNSCALED, family_of, present, scale_line, to_base

SCALED_UNITS = [scale.unit for scales in FAMILIES.values() for scale in scales] + [None]
quantities = st.decimals(min_value="0.01", max_value="5000", places=2).map(float)
factors = st.fractions(min_value="1/20", max_value=50).map(
    lambda f: Decimal(f.numerator) / Decimal(f.denominator)
)
units = st.sampled_from(SCALED_UNITS)


def tolerance(base: Decimal, family: str) -> Decimal:
    """How far from the exact amount rounding may land: half a step of the unit chosen."""
    shown, unit = present(base, family)
    scale = next(scale for scale in FAMILIES[family] if scale.unit == unit)
    step = next(step for below, step in scale.steps if shown < below or below.is_infinite())
    return step * scale.size / 2


@given(quantity=quantities, unit=units, factor=factors)
def test_scaling_stays_in_the_family(quantity, unit, factor):
    _, shown = scale_line(quantity, unit, factor)
    assert family_of(shown) == family_of(unit)


@given(quantity=quantities, unit=units, factor=factors)
def test_scaled_amount_is_the_exact_amount_rounded_to_a_measurable_step(quantity, unit, factor):
    family = family_of(unit)
    assert family is not None
    exact = to_base(quantity, unit) * factor
    value, shown = scale_line(quantity, unit, factor)
    smallest = min(scale.size * scale.steps[0][1] for scale in FAMILIES[family][:1])
    # Never zero: the smallest measurable step is the floor.
    assert value > 0
    assert abs(to_base(value, shown) - exact) <= max(tolerance(exact, family), smallest)


@given(quantity=quantities, unit=units, small=factors, large=factors)
def test_more_servings_never_need_less(quantity, unit, small, large):
    small, large = sorted((small, large))
    low = scale_line(quantity, unit, small)
    high = scale_line(quantity, unit, large)
    assert to_base(*low) <= to_base(*high)


@given(quantity=quantities, unit=units, factor=factors)
def test_scaled_lines_are_already_in_their_best_unit(quantity, unit, factor):
    value, shown = scale_line(quantity, unit, factor)
    assert scale_line(value, shown, Decimal(1)) == (value, shown)


@given(quantity=st.none() | quantities, unit=st.sampled_from(sorted(UNSCALED)), factor=factors)
def test_unmeasured_lines_are_never_scaled(quantity, unit, factor):
    assert scale_line(quantity, unit, factor) == (quantity, unit)


@given(unit=units, factor=factors)
def test_lines_without_quantity_are_never_scaled(unit, factor):
    assert scale_line(None, unit, factor) == (None, unit)


@pytest.mark.parametrize(
    ("quantity", "unit", "factor", "expected"),
    [
        (200, "g", "3", (600, "g")),
        (400, "g", "2.5", (1, "kg")),
        (999.6, "g", "1", (1, "kg")),
        (750, "ml", "2", (1.5, "l")),
        (3, "tbsp", "3", (9, "tbsp")),
        (1, "tsp", "0.5", (0.5, "tsp")),
        (2, "cup", "0.1", (3, "tbsp")),
        (8, "tbsp", "2", (1, "cup")),
        (4, None, "0.75", (3, None)),
        (3, "piece", "0.5", (1.5, "piece")),
        (0.001, "g", "1", (0.1, "g")),
        (1.5, "kg", "0.25", (375, "g")),
    ],
)
def test_worked_examples(quantity, unit, factor, expected):
    assert scale_line(quantity, unit, Decimal(factor)) == expected
