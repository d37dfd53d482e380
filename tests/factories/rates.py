from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from core.db import transaction, utcnow
from db.models.rates import RatesSnapshot

EUR_RATES = {"GBP": "0.8300", "JPY": "160.00", "USD": "1.0500"}


def make_snapshot(
    *,
    base: str = "EUR",
    day: date | None = None,
    age: timedelta = timedelta(0),
    rates: dict[str, str] | None = None,
    published_on: date = date(2026, 11, 26),
) -> datetime:
    """A cached snapshot fetched `age` ago (older rates than the recorded provider answers, so
    a test sees whether it was refreshed); returns its fetched_at."""
    fetched_at = utcnow() - age
    key = f"{base}:{'latest' if day is None else day.isoformat()}"
    with transaction(write=True) as session:
        session.add(
            RatesSnapshot(
                key=key,
                base=base,
                published_on=published_on,
                rates=json.dumps(rates or EUR_RATES),
                fetched_at=fetched_at,
                final=False,
            )
        )
    return fetched_at
