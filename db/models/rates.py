"""Rates: the snapshot cache (one row per base currency and day, shared by every user: the
provider publishes the same rates whoever asks) and the refresh leases that let exactly one
process at a time ask the provider for a snapshot."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.leases import KeyedLeaseRow
from db.base import Base


class RatesSnapshot(Base):
    """What the provider answered for one base currency and one day (or `latest`)."""

    __tablename__ = "rates_snapshots"

    #: `<base>:latest` or `<base>:<YYYY-MM-DD>` (the day asked for).
    key: Mapped[str] = mapped_column(String(20), primary_key=True)
    base: Mapped[str] = mapped_column(String(3))
    #: The day the provider published the rates for (a weekend asks for Friday's).
    published_on: Mapped[date]
    #: JSON object: currency code -> decimal string, exactly as the provider wrote it.
    rates: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime]
    #: A past day's rates never change: such a snapshot never goes stale.
    final: Mapped[bool] = mapped_column(default=False)


class RatesLease(KeyedLeaseRow, Base):
    """Who may ask the provider for a key now. Taken by one conditional UPDATE (at most one
    holder across every process); released when the snapshot is stored, kept until
    `leased_until` after a failure (`unavailable`, `timeout`, `unknown-currency`) so the provider
    is not asked again at once."""

    __tablename__ = "rates_leases"

    key: Mapped[str] = mapped_column(String(20), primary_key=True)
