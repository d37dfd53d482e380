"""Schemathesis over every operation of every spec, in process, authenticated as an admin, and
over the identity operations once more with an API key and with a session cookie.

Generated data comes from the contract; every response must match the spec (status documented,
body and headers valid, no 5xx, bad input rejected with 4xx). The stateful test follows the spec's
links (create a task, then read, update and delete it).

Which pass runs where. `make test` runs this module on SQLite, then on PostgreSQL + Redis; then
ci/contracts.sh runs the Schemathesis CLI against a live 2-worker server on PostgreSQL + Redis:
every operation of the three specs, all checks, positive and negative data, the stateful phase,
50 examples per operation, with a bearer token. Each pass below runs where nothing else covers it:

- Whole specs (main, root, Conduit), positive data: the spec's examples and 12 generated
  examples per operation, SQLite only. Schema-valid data reaches the handlers and the database,
  so it is what differs between engines, and SQLite has no other fuzzing; on PostgreSQL the CLI
  gate sends the same kind of cases and more. The coverage phase's boundary cases are left to
  the CLI gate (every operation, PostgreSQL): they probe request validation, the same code on
  both engines. Negative (schema-invalid) data is refused by request validation before any
  handler or database work: the CLI gate fuzzes it on every operation, the identity pass below
  in process, and tests/test_shared_answers.py checks each operation's 400s.
- The stateful machine over the links: SQLite only; on PostgreSQL the CLI's stateful phase.
- Identity operations with an API key and with a session cookie, 10 examples and the coverage
  phase: both engines, positive and negative data on SQLite, positive data on PostgreSQL
  (negative data stops at validation, as above). Nothing else fuzzes these credentials, and
  sessions live in the database on SQLite and in Redis on the services run. (With a bearer
  token these are the cases of the whole-spec pass and of the CLI gate, so that leg was
  dropped.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    ignored_auth,
    negative_data_rejection,
    positive_data_acceptance,
)

from contracts.schemathesis.hooks import before_call
from core.app import create_app
from core.settings import PROJECT_ROOT, get_settings
from core.spec import CONDUIT_SPEC, MAIN_SPEC, ROOT_SPEC, load_spec
from tests.conftest import reset_state
from tests.factories.apikeys import key_headers, make_api_key
from tests.factories.identity import auth_headers, conduit_headers, make_user
from tests.support.credentials import session_headers

APP = create_app()
SETTINGS = hypothesis.settings(
    # Generated examples per operation, on top of the spec's examples (and, for the identity
    # pass, the coverage phase's cases). Each case is a request through the whole app in process;
    # at 25 and with the coverage phase this module was more than half of the SQLite stage (CI's
    # budget). The live CLI gate sends the coverage cases and 50 more per operation on
    # PostgreSQL, and `make fuzz` 100 with a seed of one's own.
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)
# The identity pass keeps the coverage phase (negative data too, on SQLite): fewer generated.
IDENTITY_SETTINGS = hypothesis.settings(SETTINGS, max_examples=10)
# Where each pass runs, and why: the module docstring.
WHOLE_SPEC_REASON = (
    "on PostgreSQL the live CLI gate (ci/contracts.sh) fuzzes every operation: 50 examples, all "
    "checks, stateful phase"
)
WHOLE_SPEC_HERE = pytest.mark.skipif(not get_settings().is_sqlite, reason=WHOLE_SPEC_REASON)


def whole_spec_cases(schema):  # type: ignore[no-untyped-def]
    """`schema.parametrize()` where the whole-spec passes run (SQLite); elsewhere one skipped
    test in place of the operations, since merely collecting them generates their coverage-phase
    cases: about 10 s of CPU in every pytest worker, for tests that would all be skipped."""
    if get_settings().is_sqlite:
        return schema.parametrize()

    def skipped(test):  # type: ignore[no-untyped-def]
        @pytest.mark.skip(reason=WHOLE_SPEC_REASON)
        def placeholder() -> None:
            pass

        placeholder.__name__ = placeholder.__qualname__ = test.__name__
        return placeholder

    return skipped


def load(spec, *, positive_only: bool = False):  # type: ignore[no-untyped-def]
    """The spec with the shared configuration (contracts/schemathesis), a copy of its own."""
    config = schemathesis.Config.from_path(
        str(PROJECT_ROOT / "contracts" / "schemathesis" / "schemathesis.toml")
    )
    # The file's per-operation entry (the token endpoint's 400s, for the CLI gate) would replace
    # the tag selection of the identity pass below with every operation (a Schemathesis 4 quirk):
    # in process that entry is dropped and `_excluded` does its work.
    config.projects.default.operations = type(config.projects.default.operations)()
    # From the document the app already parsed (libyaml, once per process), copied through JSON
    # (Schemathesis may write into it): its own YAML loader took ~1 s per load, in every worker.
    schema = schemathesis.openapi.from_dict(json.loads(json.dumps(load_spec(spec))), config=config)
    schema.app = APP
    if positive_only:
        schema.config.generation.update(modes=[GenerationMode.POSITIVE])
    return schema


def without_coverage_phase(schema):  # type: ignore[no-untyped-def]
    """The spec's examples and generated data, without the coverage phase's boundary cases (~15
    per operation, each a request, and generated again in every worker as the module is
    collected): for positive data those are what the CLI gate sends every operation on
    PostgreSQL, and what they reach (request validation) is the same code on both engines."""
    schema.config.phases.update(phases=["examples", "fuzzing"])
    return schema


main = load(MAIN_SPEC, positive_only=not get_settings().is_sqlite)
whole_main = without_coverage_phase(load(MAIN_SPEC, positive_only=True))
root = without_coverage_phase(load(ROOT_SPEC, positive_only=True))
conduit = without_coverage_phase(load(CONDUIT_SPEC, positive_only=True))


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
    monkeypatch.setenv("SIGNUP_LIMIT_PER_ADDRESS", "1000000/minute")
    monkeypatch.setenv("IDENTITY_MAIL_LIMIT_PER_ADDRESS", "1000000/minute")
    monkeypatch.setenv("API_KEY_MAX_RATE_LIMIT_PER_MINUTE", "100000")
    # The event streams stay open until their deadline: short ones, so each case ends.
    monkeypatch.setenv("NOTIFICATIONS_STREAM_MAX_SECONDS", "0.05")
    monkeypatch.setenv("LIVEPOLLS_STREAM_MAX_SECONDS", "0.05")
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


def _excluded(case) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Checks a case is exempt from: a form request to the token endpoint answers a refused
    grant 400 `invalid_grant`, as RFC 6749 §5.2 requires, for schema-valid data; a preview of a
    URL the tests cannot reach answers 502, and so do exchange rates and GitHub stats (no provider
    here)."""
    operation_id = case.operation.definition.raw.get("operationId")
    tags = case.operation.definition.raw.get("tags")
    if operation_id == "createToken" and case.media_type == "application/x-www-form-urlencoded":
        return [positive_data_acceptance]
    if operation_id == "createUploadsFile":
        # Any bytes are a schema-valid file, but only the types the server sniffs from them are
        # accepted: the rest answer the documented 415 (tests/uploads proves both). The coverage
        # phase's "without credentials" variant of a real PDF is sent with this run's explicit
        # credentials and rightly accepted; the CLI gate checks negative data with its own auth.
        return [positive_data_acceptance, negative_data_rejection]
    if operation_id in (
        "createPreviewsLookup",
        "getWeatherForecast",
        "createFeedsRefresh",
    ) or tags in (["rates"], ["ghstats"]):
        # A schema-valid URL the tests cannot fetch (no name is looked up, OUTBOUND_DNS=0) or the
        # SSRF guard refuses answers its documented 502 or 422, and so do the rates and GitHub
        # stats operations, a weather forecast never fetched and a feed refresh (their providers
        # are not reachable here); any other 5xx still fails
        # (hooks.server_errors_are_documented_upstream_failures).
        return [positive_data_acceptance, not_a_server_error]
    return []


#: (operation, credential headers) whose authentication `ignored_auth` has confirmed in this
#: worker. The check sends two more requests (without and with a broken credential) after every
#: 2xx answer: the CLI confirms each operation once per run, and so does this module — after
#: one 2xx the operation's later cases skip the probes (they were two requests in every five).
_AUTH_CONFIRMED: set[tuple[str, tuple[str, ...]]] = set()


def call_and_validate(case, headers: dict[str, str] | None = None, excluded: list | None = None):  # type: ignore[no-untyped-def,type-arg]
    """`case.call_and_validate` with the run's exemptions, probing authentication once."""
    excluded = list(excluded if excluded is not None else _excluded(case))
    key = (case.operation.label, tuple(sorted(headers or {})))
    if key in _AUTH_CONFIRMED:
        excluded.append(ignored_auth)
    response = case.call_and_validate(headers=headers, excluded_checks=excluded or None)
    if 200 <= response.status_code < 300:
        _AUTH_CONFIRMED.add(key)
    return response


def _only_session_cookie(case) -> bool:  # type: ignore[no-untyped-def]
    security = case.operation.definition.raw.get("security", [])
    return [list(alternative) for alternative in security] == [["sessionCookie"]]


identity_ops = main.include(tag=["identity", "apikeys", "sessions", "oauth", "admin"])


@identity_ops.parametrize()
@IDENTITY_SETTINGS
def test_identity_operations_honour_the_contract_with_each_credential(case, credential_headers):
    drop_opaque_cursor(case)
    excluded = _excluded(case)
    if "Cookie" in credential_headers and _only_session_cookie(case):
        # The operation's one input is the session cookie; a negative case "without the cookie"
        # is overridden by the credential this run sends, so it cannot be rejected.
        excluded.append(negative_data_rejection)
    call_and_validate(case, credential_headers, excluded)


@whole_spec_cases(whole_main)
@SETTINGS
def test_main_api_honours_its_contract(case, admin_headers):
    drop_opaque_cursor(case)
    call_and_validate(case, admin_headers)


@whole_spec_cases(root)
@SETTINGS
def test_root_api_honours_its_contract(case):
    call_and_validate(case)


@pytest.fixture
def facade_headers() -> dict[str, str]:
    return conduit_headers(make_user())


@whole_spec_cases(conduit)
@SETTINGS
def test_conduit_facade_honours_its_contract(case, facade_headers):
    call_and_validate(case, facade_headers)


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

    def validate_response(self, response, case, additional_checks=None, **kwargs):  # type: ignore[no-untyped-def]
        # The same per-operation exemptions as the other passes (`_excluded`).
        __tracebackhide__ = True
        case.validate_response(
            response,
            additional_checks=additional_checks,
            excluded_checks=_excluded(case) or None,
            transport_kwargs=kwargs or None,
            recorder=getattr(self, "recorder", None),
        )


TestStatefulTasks = WHOLE_SPEC_HERE(_AuthenticatedStateMachine.TestCase)
TestStatefulTasks.settings = hypothesis.settings(
    max_examples=15,
    stateful_step_count=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)
