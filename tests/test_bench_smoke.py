"""The bench smoke's verdict (bench/smoke.py): what counts as a regression. The measurement itself
runs as its own stage of `make test`, never inside the suite."""

from __future__ import annotations

from bench.smoke import TOLERANCE, regressions

BASELINE = {"get one task": {"ratio": 1.2}, "list 20 tasks": {"ratio": 1.0}}


def _figures(**ratios: float) -> dict[str, dict[str, float]]:
    names = {"get": "get one task", "list": "list 20 tasks", "new": "new scenario"}
    return {names[key]: {"ratio": ratio} for key, ratio in ratios.items()}


def test_within_the_tolerance_is_no_regression() -> None:
    assert regressions(_figures(get=1.2 * TOLERANCE, list=0.5), BASELINE) == []


def test_beyond_the_tolerance_is_a_regression() -> None:
    assert regressions(_figures(get=1.2 * TOLERANCE + 0.01, list=1.0), BASELINE) == ["get one task"]


def test_a_scenario_without_a_baseline_fails_until_the_baseline_is_rewritten() -> None:
    assert regressions(_figures(get=1.0, new=1.0), BASELINE) == ["new scenario"]
