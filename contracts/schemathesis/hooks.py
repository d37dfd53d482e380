"""Schemathesis CLI hooks (SCHEMATHESIS_HOOKS=contracts.schemathesis.hooks), as in pytest."""

from __future__ import annotations

import json
import uuid
from typing import Any

import schemathesis
from hypothesis import strategies as st
from schemathesis import GenerationMode

# Hypothesis's own uuids() draws from a true random source, which derandomized (replayable) runs
# reject as flaky; build UUIDs from drawn integers instead. Imported by the pytest run as well.
UUIDS = st.integers(min_value=0, max_value=2**128 - 1).map(
    lambda n: str(uuid.UUID(int=n, version=4))
)
schemathesis.openapi.format("uuid", UUIDS)
#: The smallest body the uploads type sniffer accepts as a PDF (its metadata job then FAILs).
TINY_PDF = b"%PDF-1.4\n%%EOF\n"


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Makes schema-valid requests also meaningful, as a real client's are.

    Generated credentials are dropped: each run authenticates with its own.

    Only the server mints cursors: a schema-valid random one is rightly a 400. An Idempotency-Key
    names one logical operation: generated data reuses short keys ("0") across unrelated
    requests, and a replay then rightly returns a resource another step has deleted. Replays are
    proven by the API tests (tests/tasks, tests/tickets).
    """
    # Schemathesis fills the session cookie in as if it were a parameter; a made-up session id
    # beside the run's real credential is rightly refused (401), which would hide the operation.
    # The credential each run uses is passed explicitly.
    if case.cookies:
        case.cookies.pop("trellis_session", None)
    if case.headers:
        case.headers.pop("X-API-Key", None)
    positive = case.meta is None or case.meta.generation.mode == GenerationMode.POSITIVE
    if not positive:
        return
    if case.query and "cursor" in case.query:
        del case.query["cursor"]
    # A link Schemathesis infers by a parameter's name alone can carry another resource's id
    # where the contract asks for a UUID (seed 20261213: a chat message's integer `id` into the
    # outbox's `message_id`): that request is not schema-valid, and its 400 is right. A
    # schema-valid one has a UUID there, which names nothing of ours (404).
    if case.path_parameters:
        for parameter in case.operation.path_parameters:
            value = case.path_parameters.get(parameter.name)
            wanted = parameter.definition.get("schema", {}).get("format")
            if value is not None and wanted == "uuid" and not _is_uuid(value):
                case.path_parameters[parameter.name] = str(uuid.uuid4())
    # Any bytes are a schema-valid file, but only the types the server sniffs are accepted (415):
    # a positive upload sends a real one, so the cases that follow have a file to work on.
    upload = case.operation.definition.raw.get("operationId") == "createUploadsFile"
    if upload and isinstance(case.body, dict):
        case.body["file"] = TINY_PDF
    if case.headers and "Idempotency-Key" in case.headers:
        case.headers["Idempotency-Key"] = str(uuid.uuid4())
    # The Conduit facade's PUT /user may set a new password, which rightly ends every token handed
    # out before it, the run's own included; the rest of the run would only see 401s. Password
    # changes are proven by tests/conduit and tests/core/test_security_tokens.py.
    if case.path == "/user" and case.method.upper() == "PUT" and isinstance(case.body, dict):
        user = case.body.get("user")
        if isinstance(user, dict):
            user.pop("password", None)


@schemathesis.check
def empty_answer_names_no_media_type(ctx: Any, response: Any, case: Any) -> None:
    """A 204 or 304 has no body, so it must not claim one: clients that trust Content-Type (some
    RealWorld frontends do) try to parse the empty body as JSON and fail."""
    if response.status_code in (204, 304) and "content-type" in response.headers:
        raise AssertionError(
            f"{response.status_code} without a body carries "
            f"Content-Type: {response.headers['content-type'][0]}"
        )


def _documents_type(case: Any, answer: dict[str, Any], kind: str) -> bool:
    """Whether the operation's documented answer (a `$ref` to a shared response, or inline)
    names the problem type `kind` (a domain's own upstream failure, `/problems/feeds/not-a-feed`)
    in its description or examples."""
    ref = str(answer.get("$ref", ""))
    if ref.startswith("#/components/responses/"):
        shared = case.operation.schema.raw_schema.get("components", {}).get("responses", {})
        answer = shared.get(ref.rsplit("/", 1)[1], {})
    return bool(kind) and kind in json.dumps(answer)


@schemathesis.check
def server_errors_are_documented_upstream_failures(ctx: Any, response: Any, case: Any) -> None:
    """Where the built-in server-error check is off (operations that call third parties, which
    the gates cannot reach: schemathesis.toml), a 5xx is still a failure unless it is a 502 or
    504 the operation documents, with an upstream problem type or one its documented answer
    names: a 500 never passes."""
    if response.status_code < 500:
        return
    documented = case.operation.definition.raw.get("responses", {})
    try:
        kind = str(response.json().get("type", ""))
    except ValueError:
        kind = ""
    upstream = kind.startswith(("/problems/upstream-", "/problems/outbound/"))
    if response.status_code not in (502, 504) or str(response.status_code) not in documented:
        raise AssertionError(f"server error {response.status_code}: {kind or 'no problem type'}")
    if not upstream and not _documents_type(case, documented[str(response.status_code)], kind):
        raise AssertionError(f"{response.status_code} without an upstream problem type: {kind}")
