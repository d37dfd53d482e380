"""core.auth: what reaches the info functions, and how refusals rank."""

from __future__ import annotations

import types
from typing import Any

import anyio
import pytest
from connexion.security import NO_VALUE
from starlette.testclient import TestClient

from core.auth import ApiKeyScheme, verify_every_credential
from core.connexion_app import build_now, connexion_app
from core.credentials import Credential, Presented
from core.errors import Forbidden, TooManyRequests, Unauthorized
from tests.core import probe


def test_the_info_function_gets_the_credential_and_the_request_facts():
    probe.seen.clear()
    app = connexion_app(probe.SPEC, package="tests.core")
    build_now(app)
    with TestClient(app) as client:
        client.get("/probe/things", headers={"X-Probe-Key": "good"})
    assert probe.seen == [Presented("good", "GET", "testclient")]


def test_api_keys_in_the_query_string_are_refused_when_the_app_is_built():
    scheme = {"x-apikeyInfoFunc": "tests.core.probe.key_holder", "in": "query", "name": "k"}
    with pytest.raises(NotImplementedError):
        ApiKeyScheme().get_fn(scheme, [])


def _verifier(outcome: Any) -> Any:
    async def verify(_request: Any) -> Any:
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return verify


def _verify(*outcomes: Any, authorization: str | None = None) -> dict[str, Any]:
    headers = {"authorization": authorization} if authorization else {}
    request = types.SimpleNamespace(headers=headers, context={})
    anyio.run(verify_every_credential([_verifier(o) for o in outcomes]), request)
    return request.context


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        ([Unauthorized(), Forbidden()], Forbidden),
        ([TooManyRequests(retry_after=1), Unauthorized()], Unauthorized),
        ([TooManyRequests(retry_after=1), NO_VALUE], TooManyRequests),
        ([NO_VALUE, NO_VALUE], Unauthorized),
    ],
)
def test_refusals_rank_403_then_401_then_the_lowest_status(outcomes, expected):
    with pytest.raises(expected):
        _verify(*outcomes)


def test_a_bad_credential_beside_a_good_one_refuses_the_request():
    good = Credential(probe.HOLDER, "USER", "bearer")
    with pytest.raises(Unauthorized):
        _verify(good, Unauthorized())
    with pytest.raises(Unauthorized):
        _verify(good, authorization="Basic dXNlcjpwYXNz")


def test_the_first_valid_credential_acts_and_anonymous_is_none():
    first, second = (Credential(probe.HOLDER, role, "apikey") for role in ("USER", "ADMIN"))
    assert _verify(NO_VALUE, first, second)["token_info"] is first
    assert _verify(NO_VALUE, {})["token_info"] is None
