"""core.logging: one JSON object per line, each line written whole."""

from __future__ import annotations

import json
import sys

import pytest
import structlog

from core.context import request_id_var
from core.logging import configure_logging, hot_logger
from core.settings import get_settings


class _Recording:
    """A stdout that keeps each write apart."""

    def __init__(self) -> None:
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_a_log_line_and_its_newline_are_one_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers share stdout: a line written in two parts could be cut by another's line."""
    stdout = _Recording()
    monkeypatch.setattr(sys, "stdout", stdout)
    configure_logging("INFO")
    try:
        structlog.get_logger("trellis.test").info("request", status=200)
    finally:
        monkeypatch.undo()
        configure_logging(get_settings().log_level, get_settings().log_json)
    assert len(stdout.writes) == 1
    line = stdout.writes[0]
    assert line.endswith("}\n") and line.count("\n") == 1
    assert json.loads(line)["status"] == 200


def test_a_value_the_fast_encoder_refuses_is_still_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    stdout = _Recording()
    monkeypatch.setattr(sys, "stdout", stdout)
    configure_logging("INFO")
    try:
        structlog.get_logger("trellis.test").info("big", count=2**70, when=object())
    finally:
        monkeypatch.undo()
        configure_logging(get_settings().log_level, get_settings().log_json)
    line = json.loads(stdout.writes[0])
    assert line["count"] == 2**70 and line["when"].startswith("<object object")


def test_a_line_written_while_a_request_is_served_carries_its_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdout = _Recording()
    monkeypatch.setattr(sys, "stdout", stdout)
    configure_logging("INFO")
    token = request_id_var.set("req-0001")
    try:
        structlog.get_logger("trellis.test").warning("realtime publish lost")
        structlog.get_logger("trellis.test").info("request", request_id="its-own")
    finally:
        request_id_var.reset(token)
        structlog.get_logger("trellis.test").info("outside any request")
        monkeypatch.undo()
        configure_logging(get_settings().log_level, get_settings().log_json)
    lines = [json.loads(line) for line in stdout.writes]
    assert [line.get("request_id") for line in lines] == ["req-0001", "its-own", None]


def test_a_hot_logger_is_bound_once_per_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    """The request line's logger is kept between requests, and follows a new configuration (a
    test app's startup may change the level)."""
    stdout = _Recording()
    monkeypatch.setattr(sys, "stdout", stdout)
    log = hot_logger("trellis.test")
    try:
        configure_logging("WARNING")
        quiet = log()
        assert log() is quiet  # kept, not bound again
        quiet.info("request", status=200)
        assert stdout.writes == []
        configure_logging("INFO")
        assert log() is not quiet
        log().info("request", status=201)
    finally:
        monkeypatch.undo()
        configure_logging(get_settings().log_level, get_settings().log_json)
    assert [json.loads(line)["status"] for line in stdout.writes] == [201]
