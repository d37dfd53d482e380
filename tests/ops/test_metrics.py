from __future__ import annotations

import os
import shutil
import subprocess

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.factories.identity import auth_headers


def samples(text: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                found[tuple(sorted(sample.labels.items()))] = sample.value
    return found


def count(text: str, **labels: str) -> float:
    for key, value in samples(text, "trellis_http_requests_total").items():
        if dict(key) == labels:
            return value
    return 0.0


def test_a_request_is_counted_under_its_operation_id(client, user):
    before = count(
        client.get("/metrics").text, operation_id="listTasks", method="GET", status="2xx"
    )
    assert client.get("/api/v1/tasks", headers=auth_headers(user)).status_code == 200
    text = client.get("/metrics").text
    assert count(text, operation_id="listTasks", method="GET", status="2xx") == before + 1
    histogram = samples(text, "trellis_http_request_duration_seconds_count")
    assert histogram[(("method", "GET"), ("operation_id", "listTasks"), ("status", "2xx"))] >= 1


def test_the_latency_histogram_has_the_counters_labels(client, user):
    assert client.get("/api/v1/tasks", headers=auth_headers(user)).status_code == 200
    assert client.get("/api/v1/tasks").status_code == 401
    text = client.get("/metrics").text
    counted = set(samples(text, "trellis_http_requests_total"))
    timed = samples(text, "trellis_http_request_duration_seconds_count")
    assert set(timed) == counted
    for status in ("2xx", "4xx"):
        key = (("method", "GET"), ("operation_id", "listTasks"), ("status", status))
        assert timed[key] == dict(samples(text, "trellis_http_requests_total"))[key]


def test_unknown_routes_collapse_into_one_label(client):
    client.get("/api/v1/does-not-exist-1")
    client.get("/random/path/2")
    text = client.get("/metrics").text
    operation_ids = {dict(k)["operation_id"] for k in samples(text, "trellis_http_requests_total")}
    assert "unmatched" in operation_ids
    assert not any("does-not-exist" in op or "random" in op for op in operation_ids)
    assert count(text, operation_id="unmatched", method="GET", status="4xx") >= 2


def test_metrics_include_pool_queue_and_process_gauges(client):
    text = client.get("/metrics").text
    for name in (
        "trellis_http_requests_in_flight",
        "trellis_db_pool_connections_in_use",
        "trellis_job_queue_depth",
        "process_cpu_seconds_total",
    ):
        assert samples(text, name), name


def test_metrics_aggregate_every_worker_process(live_server, user):
    with httpx.Client(base_url=live_server, timeout=10) as http:
        before = count(
            http.get("/metrics").text, operation_id="getCurrentUser", method="GET", status="2xx"
        )
        for _ in range(40):  # spread over both workers by the kernel
            assert (
                http.get("/api/v1/identity/users/me", headers=auth_headers(user)).status_code == 200
            )
        for _ in range(3):  # whichever worker answers the scrape sees the same total
            text = http.get("/metrics").text
            assert (
                count(text, operation_id="getCurrentUser", method="GET", status="2xx")
                == before + 40
            )


def _promtool() -> str | None:
    return shutil.which("promtool") or os.environ.get("PROMTOOL")


@pytest.mark.skipif(
    _promtool() is None and os.environ.get("REQUIRE_SERVICES") != "1",
    reason="promtool is not installed (CI installs it)",
)
def test_promtool_accepts_the_exposition(client, user):
    client.get("/api/v1/tasks", headers=auth_headers(user))
    promtool = _promtool()
    assert promtool, "REQUIRE_SERVICES=1 but promtool is missing"
    result = subprocess.run(
        [promtool, "check", "metrics"],
        input=client.get("/metrics").content,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
