from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RatesConversion")



@_attrs_define
class RatesConversion:
    """ An amount converted with one day's rate. Amounts and the rate are decimal strings: the result is `amount × rate` in
    exact decimal arithmetic, rounded half up to the minor unit of `to` (ISO 4217: 2 decimals for most currencies, 0 for
    JPY or KRW, 3 for KWD or BHD).

        Example:
            {'from': 'EUR', 'to': 'USD', 'amount': '250.00', 'rate': '1.0565', 'result': '264.13', 'date': '2026-11-27',
                'fetched_at': '2026-11-27T16:05:00Z', 'stale': False}

        Attributes:
            from_ (str):
            to (str):
            amount (str): The amount converted, as given.
            rate (str): Units of `to` per one unit of `from`, as the provider published it.
            result (str): The amount in `to`, rounded half up to the minor unit of `to`.
            date (datetime.date): The day the rate was published for.
            fetched_at (datetime.datetime):
            stale (bool): True when the rate comes from a stale snapshot (see `Cache-Status`).
     """

    from_: str
    to: str
    amount: str
    rate: str
    result: str
    date: datetime.date
    fetched_at: datetime.datetime
    stale: bool





    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        to = self.to

        amount = self.amount

        rate = self.rate

        result = self.result

        date = self.date.isoformat()

        fetched_at = self.fetched_at.isoformat()

        stale = self.stale


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "from": from_,
            "to": to,
            "amount": amount,
            "rate": rate,
            "result": result,
            "date": date,
            "fetched_at": fetched_at,
            "stale": stale,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_ = d.pop("from")

        to = d.pop("to")

        amount = d.pop("amount")

        rate = d.pop("rate")

        result = d.pop("result")

        date = datetime.date.fromisoformat(d.pop("date"))




        fetched_at = datetime.datetime.fromisoformat(d.pop("fetched_at"))




        stale = d.pop("stale")

        rates_conversion = cls(
            from_=from_,
            to=to,
            amount=amount,
            rate=rate,
            result=result,
            date=date,
            fetched_at=fetched_at,
            stale=stale,
        )

        return rates_conversion

