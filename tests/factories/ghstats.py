"""GitHub stats for the tests that run every operation from the spec (tests/test_shared_answers.py):
a username is only known or unknown to GitHub, so those cases get the recorded GitHub replayed on
loopback (contracts.ghstats_provider), and an unknown name answers GitHub's 404."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contracts.ghstats_provider import RecordedGitHub
from tests.support.upstream import loopback_reachable, serving


@pytest.fixture(scope="session")
def ghstats_recorded_github() -> Iterator[str]:
    with serving(RecordedGitHub) as url:
        yield url


@pytest.fixture(autouse=True)
def ghstats_github_for_spec_driven_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    callspec = getattr(request.node, "callspec", None)
    operation = callspec.params.get("operation") if callspec is not None else None
    if not str(getattr(operation, "path", "")).startswith("/ghstats/"):
        yield
        return
    # Asked for here only: as a parameter, every test's `monkeypatch` would be set up before the
    # suite's own autouse fixtures and undone after their teardown, which then read the settings
    # under the test's environment and left them cached for the next test.
    monkeypatch = request.getfixturevalue("monkeypatch")
    url = request.getfixturevalue("ghstats_recorded_github")
    with loopback_reachable(monkeypatch, GHSTATS_BASE_URL=url):
        yield
