"""Schemathesis over every operation of every spec, in process, authenticated as an admin, and
over the identity operations once more with an API key and with a session cookie.

Positive and negative data are generated from the contract; every response must match the spec
(status documented, body and headers valid, no 5xx, bad input rejected with 4xx). The stateful
test follows the spec's links (create a task, then read, update and delete it).

Which pass runs where (`make test` runs this module on SQLite, then on PostgreSQL + Redis, then
ci/contracts.sh runs the Schemathesis CLI against a live 2-worker server on PostgreSQL + Redis with
every check, the stateful phase and 50 examples per operation, authenticated with a bearer token):

| pass                                   | SQLite | PostgreSQL | why                              |
|----------------------------------------|--------|------------|----------------------------------|
| whole specs (main, root, Conduit), 40  | yes    | no         | on PostgreSQL the CLI gate runs  |
| stateful machine over the links        | yes    | no         | the same cases and more (50      |
|                                        |        |            | examples, stateful phase) on the |
|                                        |        |            | same engine; SQLite has no other |
|                                        |        |            | fuzzing, so it keeps its pass    |
| identity operations with an API key    | yes    | yes        | nothing else fuzzes these        |
| and with a session cookie, 40          |        |            | credentials; sessions live in    |
|                                        |        |            | the database on SQLite and in    |
|                                        |        |            | Redis on the services run        |

The identity pass used to run with a bearer token too: those are the cases of the whole-spec pass
(same operations, same credential kind, same checks, 40 examples on SQLite, 50 in the CLI gate).
"""

from __future__ import annotations

from collections.abc import Iterator

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck
from schemathesis.specs.openapi.checks import negative_data_rejection

from contracts.schemathesis.hooks import before_call
from core.app import create_app
from core.settings import PROJECT_ROOT, get_settings
from core.spec import CONDUIT_SPEC, MAIN_SPEC, ROOT_SPEC
from tests.conftest import reset_state
from tests.factories.apikeys import key_headers, make_api_key
from tests.factories.identity import auth_headers, conduit_headers, make_user
from tests.support.credentials import session_headers

APP = create_app()
SETTINGS = hypothesis.settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)
# See the table in the module docstring.
WHOLE_SPEC_HERE = pytest.mark.skipif(
    not get_settings().is_sqlite,
    reason="on PostgreSQL the live CLI gate (ci/contracts.sh) fuzzes every operation: 50 examples, "
    "all checks, stateful phase",
)
CONFIG = schemathesis.Config.from_path(
    str(PROJECT_ROOT / "contracts" / "schemathesis" / "schemathesis.toml")
)

main = schemathesis.openapi.from_path(str(MAIN_SPEC), config=CONFIG)
main.app = APP
root = schemathesis.openapi.from_path(str(ROOT_SPEC), config=CONFIG)
root.app = APP
conduit = schemathesis.openapi.from_path(str(CONDUIT_SPEC), config=CONFIG)
conduit.app = APP


def drop_opaque_cursor(case) -> None:
    """The CLI's hook, applied to in-process calls (it also registers a replayable uuid format)."""
    before_call(None, case, {})


@pytest.fixture(autouse=True)
def _generous_limits(monkeypatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Generated traffic sends thousands of bad keys and passwords from one address; the throttles
    are tested elsewhere, here they would only turn later answers into 429s."""
    monkeypatch.setenv("API_KEY_FAILURES_PER_ADDRESS", "1000000/minute")
    monkeypatch.setenv("LOGIN_LIMIT_PER_ADDRESS", "1000000/minute")
    monkeypatch.setenv("LOGIN_LIMIT_PER_ACCOUNT", "1000000/minute")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def admin_headers() -> dict[str, str]:
    return auth_headers(make_user(role="ADMIN"))


@pytest.fixture(params=["apikey", "session"])
def credential_headers(request, client) -> dict[str, str]:  # type: ignore[no-untyped-def]
    admin = make_user(role="ADMIN")
    if request.param == "apikey":
        return key_headers(make_api_key(admin, rate_limit_per_minute=100000))
    return session_headers(client, admin)


def _only_session_cookie(case) -> bool:  # type: ignore[no-untyped-def]
    security = case.operation.definition.raw.get("security", [])
    return [list(alternative) for alternative in security] == [["sessionCookie"]]


identity_ops = main.include(tag=["identity", "apikeys", "sessions", "oauth", "admin"])


@identity_ops.parametrize()
@SETTINGS
def test_identity_operations_honour_the_contract_with_each_credential(case, credential_headers):
    drop_opaque_cursor(case)
    excluded = []
    if "Cookie" in credential_headers and _only_session_cookie(case):
        # The operation's one input is the session cookie; a negative case "without the cookie"
        # is overridden by the credential this run sends, so it cannot be rejected.
        excluded.append(negative_data_rejection)
    case.call_and_validate(headers=credential_headers, excluded_checks=excluded or None)


@WHOLE_SPEC_HERE
@main.parametrize()
@SETTINGS
def test_main_api_honours_its_contract(case, admin_headers):
    drop_opaque_cursor(case)
    case.call_and_validate(headers=admin_headers)


@WHOLE_SPEC_HERE
@root.parametrize()
@SETTINGS
def test_root_api_honours_its_contract(case):
    case.call_and_validate()


@pytest.fixture
def facade_headers() -> dict[str, str]:
    return conduit_headers(make_user())


@WHOLE_SPEC_HERE
@conduit.parametrize()
@SETTINGS
def test_conduit_facade_honours_its_contract(case, facade_headers):
    case.call_and_validate(headers=facade_headers)


class _AuthenticatedStateMachine(main.as_state_machine()):  # type: ignore[misc]
    headers: dict[str, str] = {}

    def setup(self) -> None:
        type(self).headers = auth_headers(make_user(role="ADMIN"))

    def teardown(self) -> None:
        # Each run starts from empty tables, so a replayed run sees what the first one saw (shared
        # data such as blog profiles, follows and API keys would otherwise leak between runs).
        reset_state()

    def get_call_kwargs(self, case):
        drop_opaque_cursor(case)
        return {"headers": self.headers}


TestStatefulTasks = WHOLE_SPEC_HERE(_AuthenticatedStateMachine.TestCase)
TestStatefulTasks.settings = hypothesis.settings(
    max_examples=25,
    stateful_step_count=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)
