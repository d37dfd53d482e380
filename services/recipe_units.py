"""Scaling ingredient quantities: within a unit family, rounded to what a cook can measure.

Families and their base unit: mass (g), metric volume (ml), kitchen volume (tsp: 1 tbsp = 3 tsp,
1 cup = 48 tsp) and counts (piece; no unit means the same). A scaled amount is shown in the
largest unit of its family it reaches, rounded to that unit's step:

    mass      g  (step 1, or 0.1 below 10 g)   from 1000 g: kg   (step 0.01)
    metric    ml (step 1, or 0.1 below 10 ml)  from 1000 ml: l   (step 0.01)
    kitchen   tsp (step 1/8) below 1 tbsp; tbsp (step 1/2) below 1 cup; cup (step 1/4)
    count     piece (step 1/2)

Every unit threshold is a multiple of the steps below it, so rounding never makes a larger
amount smaller. Amounts never round to zero: the smallest step is the floor. Lines without a
quantity, and `pinch` / `to_taste`, are never scaled.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

UNSCALED = frozenset({"pinch", "to_taste"})


@dataclass(frozen=True)
class Scale:
    """One presentation unit: used for base amounts from `start` (in base units) upward."""

    unit: str
    size: Decimal  # base units per unit
    start: Decimal
    steps: tuple[tuple[Decimal, Decimal], ...]  # (below this many units, step), last is default


def _d(value: str) -> Decimal:
    return Decimal(value)


_FINE = ((_d("10"), _d("0.1")), (_d("Infinity"), _d("1")))
FAMILIES: dict[str, tuple[Scale, ...]] = {
    "mass": (
        Scale("g", _d("1"), _d("0"), _FINE),
        Scale("kg", _d("1000"), _d("1000"), ((_d("Infinity"), _d("0.01")),)),
    ),
    "metric": (
        Scale("ml", _d("1"), _d("0"), _FINE),
        Scale("l", _d("1000"), _d("1000"), ((_d("Infinity"), _d("0.01")),)),
    ),
    "kitchen": (
        Scale("tsp", _d("1"), _d("0"), ((_d("Infinity"), _d("0.125")),)),
        Scale("tbsp", _d("3"), _d("3"), ((_d("Infinity"), _d("0.5")),)),
        Scale("cup", _d("48"), _d("48"), ((_d("Infinity"), _d("0.25")),)),
    ),
    "count": (Scale("piece", _d("1"), _d("0"), ((_d("Infinity"), _d("0.5")),)),),
}
UNIT_FAMILY = {scale.unit: family for family, scales in FAMILIES.items() for scale in scales} | {
    None: "count"
}


def family_of(unit: str | None) -> str | None:
    """The family of a unit, or None for units that are never scaled."""
    return UNIT_FAMILY.get(unit)


def to_base(quantity: float, unit: str | None) -> Decimal:
    """A quantity in its family's base unit (g, ml, tsp or piece)."""
    family = FAMILIES[UNIT_FAMILY[unit]]
    size = next(scale.size for scale in family if scale.unit == (unit or "piece"))
    return Decimal(str(quantity)) * size


def _round(value: Decimal, step: Decimal) -> Decimal:
    steps = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return max(steps, Decimal(1)) * step


def present(base: Decimal, family: str) -> tuple[Decimal, str]:
    """A base amount in the largest unit of the family it reaches, rounded to that unit's step."""
    scales = FAMILIES[family]
    chosen = scales[0]
    for scale in scales:
        if base >= scale.start:
            chosen = scale
    amount = base / chosen.size
    step = next(step for below, step in chosen.steps if amount < below)
    rounded = _round(amount, step)
    # Rounding up can reach the next unit (999.6 g -> 1000 g): show it there.
    following = scales[scales.index(chosen) + 1 :]
    if following and rounded * chosen.size >= following[0].start:
        return present(following[0].start, family)
    return rounded, chosen.unit


def scale_line(
    quantity: float | None, unit: str | None, factor: Decimal
) -> tuple[float | None, str | None]:
    """(quantity, unit) of one ingredient line multiplied by `factor`."""
    family = family_of(unit)
    if quantity is None or family is None:
        return quantity, unit
    value, shown = present(to_base(quantity, unit) * factor, family)
    if unit is None and shown == "piece":
        shown_unit: str | None = None
    else:
        shown_unit = shown
    number = float(value)
    return (int(number) if number.is_integer() else number), shown_unit
