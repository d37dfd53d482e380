"""The rates provider: one Frankfurter/ECB-shaped API (RATES_BASE_URL), called through
core.outbound (timeouts, size cap, retries, SSRF guard).

    GET <base url>/latest?base=EUR         {"amount": 1.0, "base": "EUR", "date": "2026-11-27",
    GET <base url>/2026-11-27?base=EUR      "rates": {"USD": 1.0565, "JPY": 161.47, ...}}

Numbers are read as decimals from the JSON text (never through a float), so a rate keeps the
digits the provider wrote. An unknown base currency is a 404 there; any other error status or
an answer that is not such a snapshot is the provider's failure (502).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core import outbound
from core.errors import RuleViolated, UpstreamUnavailable
from services.rates.settings import rates_settings

#: A snapshot of every currency is about 1 kB; nothing sensible is a hundred times that.
MAX_ANSWER_BYTES = 100_000


class UnknownCurrency(
    RuleViolated, type="/problems/rates/unknown-currency", title="Unknown currency"
):
    """The provider publishes no rates for the currency, or the snapshot does not hold it."""


@dataclass(frozen=True)
class Published:
    """One snapshot as the provider answered it."""

    base: str
    published_on: date
    #: currency code -> decimal string (plain notation, as written by the provider)
    rates: dict[str, str]


def fetch_rates(*, base: str, day: date | None) -> Published:
    """Asks the provider for `base`'s rates of `day` (the latest when None). No database access:
    call it outside any transaction."""
    path = "latest" if day is None else day.isoformat()
    fetched = outbound.fetch(
        f"{rates_settings().base_url}/{path}?base={base}",
        headers={"Accept": "application/json"},
        max_bytes=MAX_ANSWER_BYTES,
    )
    if fetched.status == 404:
        raise UnknownCurrency(f"the provider publishes no rates for {base}")
    if fetched.status != 200:
        raise UpstreamUnavailable(f"the rates provider answered {fetched.status}")
    return parse(fetched.body, base=base)


def parse(body: bytes, *, base: str) -> Published:
    """The snapshot in a provider answer; UpstreamUnavailable if it is not one for `base`."""
    try:
        answer = json.loads(body, parse_float=Decimal, parse_int=Decimal)
        published_on = date.fromisoformat(answer["date"])
        raw = answer["rates"]
        if answer["base"] != base or not isinstance(raw, dict):
            raise ValueError("another base, or no rates")
        rates = {}
        for code, rate in raw.items():
            if not (isinstance(code, str) and len(code) == 3 and code.isascii() and code.isupper()):
                raise ValueError(f"not a currency code: {code!r}")
            if not isinstance(rate, Decimal) or not rate.is_finite() or rate <= 0:
                raise ValueError(f"not a rate: {rate!r}")
            rates[code] = format(rate, "f")
    except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        raise UpstreamUnavailable("the rates provider's answer is not a rates snapshot") from exc
    return Published(base=base, published_on=published_on, rates=dict(sorted(rates.items())))
