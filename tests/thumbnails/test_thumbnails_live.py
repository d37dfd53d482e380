"""One job per file across processes, over a live 2-worker server on PostgreSQL: concurrent
requests for the same file's thumbnails, spread over both workers, make exactly one job (the
unique key on the file decides); every other request answers 409 with that job's id."""

from __future__ import annotations

import pytest

from core.settings import get_settings
from tests.factories.identity import auth_headers
from tests.factories.uploads import make_uploads_file
from tests.live import all_at_once

CLIENTS = 12
# The claim is about processes sharing PostgreSQL; on SQLite the same rule is proven with
# threads over the service (test_thumbnails_service.py).
pytestmark = pytest.mark.skipif(
    get_settings().is_sqlite, reason="the two-process claim is proven on PostgreSQL"
)


def test_concurrent_requests_over_two_processes_make_one_job(live_server, user):
    file = make_uploads_file(user)
    answers = all_at_once(
        live_server,
        "/api/v1/thumbnails/jobs",
        auth_headers(user),
        CLIENTS,
        method="POST",
        json={"file_id": str(file.id)},
    )
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [202] + [409] * (CLIENTS - 1), [a.text for a in answers]
    created = next(answer.json() for answer in answers if answer.status_code == 202)
    refused = [answer.json() for answer in answers if answer.status_code == 409]
    assert {problem["type"] for problem in refused} == {"/problems/thumbnails/job-exists"}
    assert {problem["job_id"] for problem in refused} == {created["id"]}
