from __future__ import annotations

from typing import Any

from core.wire import Answer
from services import rates
from services.rates import Served

# No transaction here: services.rates opens its own short units of work around the provider
# call, so a slow provider never holds a database lock.


def _headers(served: Served) -> dict[str, str]:
    return {"Cache-Status": served.cache_status, "Age": str(served.age)}


def _snapshot_json(served: Served, symbols: list[str] | None) -> dict[str, Any]:
    snapshot = served.snapshot
    return {
        "base": snapshot.base,
        "date": snapshot.published_on.isoformat(),
        "rates": rates.pick(served, symbols),
        "fetched_at": snapshot.fetched_at.isoformat(),
        "stale": served.stale,
    }


def get_latest_rates(base: str = "EUR", symbols: list[str] | None = None) -> Answer:
    served = rates.serve_snapshot(base=base, day=None)
    return _snapshot_json(served, symbols), 200, _headers(served)


def get_rates_on_date(date: str, base: str = "EUR", symbols: list[str] | None = None) -> Answer:
    served = rates.serve_day(base=base, text=date)
    return _snapshot_json(served, symbols), 200, _headers(served)


def convert_currency(to: str, amount: str, date: str | None = None, **query: str) -> Answer:
    day = rates.parse_day(date) if date else None
    done = rates.convert(source=query["from"], target=to, amount=amount, day=day)
    snapshot = done.served.snapshot
    body = {
        "from": done.source,
        "to": done.target,
        "amount": done.amount,
        "rate": done.rate,
        "result": done.result,
        "date": snapshot.published_on.isoformat(),
        "fetched_at": snapshot.fetched_at.isoformat(),
        "stale": done.served.stale,
    }
    return body, 200, _headers(done.served)
