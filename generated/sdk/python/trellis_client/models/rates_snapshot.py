from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.rates_snapshot_rates import RatesSnapshotRates





T = TypeVar("T", bound="RatesSnapshot")



@_attrs_define
class RatesSnapshot:
    """ The provider's rates for one day against one base currency: one unit of `base` buys `rates[X]` units of X. Rates are
    decimal strings, exactly as the provider published them.

        Example:
            {'base': 'EUR', 'date': '2026-11-27', 'rates': {'GBP': '0.8342', 'JPY': '161.47', 'USD': '1.0565'},
                'fetched_at': '2026-11-27T16:05:00Z', 'stale': False}

        Attributes:
            base (str): The base currency (ISO 4217).
            date (datetime.date): The day the rates were published for. For a date without a publication (a weekend, a
                holiday) the provider answers the last working day before it, and so does this field.
            rates (RatesSnapshotRates): Currency code → units of that currency per one unit of `base`.
            fetched_at (datetime.datetime): When the snapshot was fetched from the provider.
            stale (bool): True when the snapshot is older than RATES_TTL_SECONDS (served while a refresh runs, or because
                the provider failed); the `Cache-Status` header says which.
     """

    base: str
    date: datetime.date
    rates: RatesSnapshotRates
    fetched_at: datetime.datetime
    stale: bool





    def to_dict(self) -> dict[str, Any]:
        from ..models.rates_snapshot_rates import RatesSnapshotRates # noqa: PLC0415
        base = self.base

        date = self.date.isoformat()

        rates = self.rates.to_dict()

        fetched_at = self.fetched_at.isoformat()

        stale = self.stale


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "base": base,
            "date": date,
            "rates": rates,
            "fetched_at": fetched_at,
            "stale": stale,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rates_snapshot_rates import RatesSnapshotRates # noqa: PLC0415
        d = dict(src_dict)
        base = d.pop("base")

        date = datetime.date.fromisoformat(d.pop("date"))




        rates = RatesSnapshotRates.from_dict(d.pop("rates"))




        fetched_at = datetime.datetime.fromisoformat(d.pop("fetched_at"))




        stale = d.pop("stale")

        rates_snapshot = cls(
            base=base,
            date=date,
            rates=rates,
            fetched_at=fetched_at,
            stale=stale,
        )

        return rates_snapshot

