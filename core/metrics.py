"""Prometheus metrics, correct with several worker processes.

When `PROMETHEUS_MULTIPROC_DIR` is set (`trellis serve` sets it, one fresh directory per server
start), prometheus_client writes each process's samples to memory-mapped files there and
`/metrics` aggregates all of them, so a scrape that lands on any worker sees the whole server:
counters and histograms are summed, the in-flight and pool gauges are summed over live processes.
Without it (tests, one process) the default registry is used.

Label cardinality is bounded: `operation_id` comes from the contract (unknown routes collapse into
`unmatched`), `status` is a class (2xx...5xx). The counter and the latency histogram carry the
same labels, so latency can be read for successes alone (a fast 401 must not flatter a slow 200).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

# `_created` series double the output and no dashboard here uses them.
disable_created_metrics()  # type: ignore[no-untyped-call]

UNMATCHED = "unmatched"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUESTS = Counter(
    "trellis_http_requests",
    "HTTP requests answered, by operation, method and status class.",
    ["operation_id", "method", "status"],
)
LATENCY = Histogram(
    "trellis_http_request_duration_seconds",
    "Time from the first byte of the request to the end of the response, by operation, method "
    "and status class.",
    ["operation_id", "method", "status"],
    buckets=LATENCY_BUCKETS,
)
IN_FLIGHT = Gauge(
    "trellis_http_requests_in_flight",
    "Requests being served right now.",
    multiprocess_mode="livesum",
)
DB_POOL_CHECKED_OUT = Gauge(
    "trellis_db_pool_connections_in_use",
    "Database connections checked out of the pool.",
    multiprocess_mode="livesum",
)


def status_class(status: int) -> str:
    return f"{status // 100}xx"


#: The two metrics' children per label values, as `labels()` finds them (it checks the values
#: and takes a lock on every call). Label values are an operationId, a method and a status class;
#: past the bound, children are looked up as before instead of kept here.
_CHILDREN: dict[tuple[str, str, str], tuple[Any, Any]] = {}
_CHILDREN_KEPT = 4096


def observe_request(operation_id: str | None, method: str, status: int, seconds: float) -> None:
    labels = (operation_id or UNMATCHED, method, status_class(status))
    children = _CHILDREN.get(labels)
    if children is None:
        children = (REQUESTS.labels(*labels), LATENCY.labels(*labels))
        if len(_CHILDREN) < _CHILDREN_KEPT:
            _CHILDREN[labels] = children
    requests, latency = children
    requests.inc()
    latency.observe(seconds)


class QueueDepthCollector(Collector):
    """Jobs waiting in the queue, read from the job store at scrape time."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from core.jobs import queue

        family = GaugeMetricFamily("trellis_job_queue_depth", "Jobs waiting to be run.")
        try:
            family.add_metric([], float(queue.pending_count()))
        except Exception:  # an unreachable job store must not break the scrape
            family.add_metric([], float("nan"))
        yield family


def _registry() -> Any:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        registry.register(QueueDepthCollector())
        # Process metrics are per process: these describe the worker that answered the scrape.
        ProcessCollector(registry=registry)
        return registry
    from prometheus_client import REGISTRY

    return REGISTRY


_QUEUE_COLLECTOR_REGISTERED = False


def render() -> tuple[bytes, str]:
    """(body, content type) of a scrape."""
    global _QUEUE_COLLECTOR_REGISTERED
    registry = _registry()
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR") and not _QUEUE_COLLECTOR_REGISTERED:
        registry.register(QueueDepthCollector())
        _QUEUE_COLLECTOR_REGISTERED = True
    return generate_latest(registry), CONTENT_TYPE_LATEST


def track_pool(engine: Any) -> None:
    """Keeps the pool gauge in step with connection checkouts of this process's engine."""
    from sqlalchemy import event

    @event.listens_for(engine, "checkout")
    def _checkout(*_args: Any) -> None:
        DB_POOL_CHECKED_OUT.inc()

    @event.listens_for(engine, "checkin")
    def _checkin(*_args: Any) -> None:
        DB_POOL_CHECKED_OUT.dec()
