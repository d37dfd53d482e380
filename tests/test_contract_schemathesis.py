"""Schemathesis over every operation of every spec, in process, authenticated as an admin.

Positive and negative data are generated from the contract; every response must match the spec
(status documented, body and headers valid, no 5xx, bad input rejected with 4xx). The stateful
test follows the spec's links (create a task, then read, update and delete it).
"""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck

from contracts.schemathesis.hooks import before_call
from core.app import create_app
from core.settings import PROJECT_ROOT
from core.spec import MAIN_SPEC, ROOT_SPEC
from tests.conftest import reset_state
from tests.factories.identity import auth_headers, make_user

APP = create_app()
SETTINGS = hypothesis.settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)
CONFIG = schemathesis.Config.from_path(
    str(PROJECT_ROOT / "contracts" / "schemathesis" / "schemathesis.toml")
)

main = schemathesis.openapi.from_path(str(MAIN_SPEC), config=CONFIG)
main.app = APP
root = schemathesis.openapi.from_path(str(ROOT_SPEC), config=CONFIG)
root.app = APP


def drop_opaque_cursor(case) -> None:
    """The CLI's hook, applied to in-process calls (it also registers a replayable uuid format)."""
    before_call(None, case, {})


@pytest.fixture
def admin_headers() -> dict[str, str]:
    return auth_headers(make_user(role="ADMIN"))


@main.parametrize()
@SETTINGS
def test_main_api_honours_its_contract(case, admin_headers):
    drop_opaque_cursor(case)
    case.call_and_validate(headers=admin_headers)


@root.parametrize()
@SETTINGS
def test_root_api_honours_its_contract(case):
    case.call_and_validate()


class _AuthenticatedStateMachine(main.as_state_machine()):  # type: ignore[misc]
    headers: dict[str, str] = {}

    def setup(self) -> None:
        type(self).headers = auth_headers(make_user(role="ADMIN"))

    def teardown(self) -> None:
        # Each run starts from empty tables, so a replayed run sees what the first one saw (shared
        # data such as blog profiles and follows would otherwise leak between runs: flaky).
        reset_state()

    def get_call_kwargs(self, case):
        drop_opaque_cursor(case)
        return {"headers": self.headers}


TestStatefulTasks = _AuthenticatedStateMachine.TestCase
TestStatefulTasks.settings = hypothesis.settings(
    max_examples=25,
    stateful_step_count=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)
