from __future__ import annotations

import orjson
import pytest

from core.errors import NotFound, UpstreamTimeout, UpstreamUnavailable
from core.problems import render


class ProviderDown(UpstreamUnavailable, type="/problems/weather/provider-down"): ...


class ThingGone(NotFound, status=410, title="Gone", keeps_changes=True): ...


def test_class_keywords_set_the_problem_members_and_keep_the_rest():
    assert (ProviderDown.status, ProviderDown.type, ProviderDown.title) == (
        502,
        "/problems/weather/provider-down",
        "Bad Gateway",
    )
    assert (ThingGone.status, ThingGone.type, ThingGone.title) == (410, NotFound.type, "Gone")
    assert ThingGone.keeps_changes
    assert not NotFound.keeps_changes


@pytest.mark.parametrize(
    ("error", "status", "type_"),
    [
        (UpstreamUnavailable("The provider answered 500."), 502, "/problems/upstream-unavailable"),
        (UpstreamTimeout("The provider did not answer in 5 s."), 504, "/problems/upstream-timeout"),
        (ProviderDown(), 502, "/problems/weather/provider-down"),
    ],
)
def test_upstream_failures_render_as_gateway_problems(error, status, type_):
    rendered_status, body, _headers = render(error, "/api/v1/weather")
    problem = orjson.loads(body)
    assert rendered_status == problem["status"] == status
    assert problem["type"] == type_
    assert problem["instance"] == "/api/v1/weather"


def test_a_timeout_is_caught_as_an_upstream_failure():
    with pytest.raises(UpstreamUnavailable):
        raise UpstreamTimeout()
