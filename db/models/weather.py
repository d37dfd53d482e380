"""Weather: users' subscriptions (a place and its alert rules), the forecast of each distinct
place as last fetched, and the alerts sent (one per subscription, rule and forecast window)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base, Timestamped, new_id


class WeatherLocation(Base):
    """A forecast point shared by every subscription near it (coordinates rounded to 0.01°),
    fetched once per sweep whatever the number of subscriptions, with its retry state."""

    __tablename__ = "weather_locations"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    #: "<lat>,<lon>" of the rounded coordinates: what makes two subscriptions share a fetch.
    key: Mapped[str] = mapped_column(String(32), unique=True)
    latitude: Mapped[float]
    longitude: Mapped[float]
    #: The hourly forecast as last fetched: [{"time", "temperature_2m",
    #: "precipitation_probability", "wind_speed_10m"}, ...] (times in UTC, values may be null).
    forecast: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    fetched_at: Mapped[datetime | None]
    #: Failed fetches since the last success; the backoff grows with it.
    failures: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(300))
    #: The sweep fetches this location once this time has come (due at once when created).
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    #: Held while one sweep fetches it, so concurrent sweeps do not fetch it twice.
    lease_expires_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WeatherSubscription(Timestamped, Base):
    """A user's place and the rules that make its forecast worth an alert."""

    __tablename__ = "weather_subscriptions"
    __table_args__ = (
        Index("ix_weather_subscriptions_owner_created", "owner_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("weather_locations.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    latitude: Mapped[float]
    longitude: Mapped[float]
    #: [{"kind": "RAIN_PROBABILITY_ABOVE", "threshold": 60.0}, ...]
    rules: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    #: A paused subscription keeps its rules but gets no alerts.
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped on every owner's edit; the ETag is derived from it.
    version: Mapped[int] = mapped_column(default=1)


class WeatherAlert(Base):
    """One rule met in one forecast window of one subscription: at most one row (and so one
    message) per (subscription, rule, window), whatever the number of sweeps that see it."""

    __tablename__ = "weather_alerts"
    __table_args__ = (
        UniqueConstraint("subscription_id", "rule", "window_start"),
        Index("ix_weather_alerts_subscription_created", "subscription_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("weather_subscriptions.id", ondelete="CASCADE")
    )
    #: The rule's identity: "<KIND>:<threshold>" (an edit that keeps a rule keeps its alerts).
    rule: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(30))
    threshold: Mapped[float]
    window_start: Mapped[datetime]
    window_end: Mapped[datetime]
    #: The most extreme forecast value in the window and its hour.
    value: Mapped[float]
    peak_at: Mapped[datetime]
    #: The outbox message that carries it (None when the owner has no address to send to).
    message_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
