"""Livepolls fixtures: the results stream is skipped (it stays open)."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import skip


@hooks.before_each
def skip_the_stream(transaction):
    if "/livepolls/" in transaction["fullPath"]:
        skip(
            transaction,
            "an event stream stays open up to LIVEPOLLS_STREAM_MAX_SECONDS and Dredd waits for a "
            "whole body to compare with the example; tests/livepolls read it event by event",
        )
