from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, NoContent, created, page_json, with_etag
from handlers._versioned import change_under_if_match, delete_under_if_match
from services import weather
from services.weather import WeatherAlert, WeatherSubscription


def _subscription_json(subscription: WeatherSubscription) -> dict[str, Any]:
    return {
        "id": str(subscription.id),
        "name": subscription.name,
        "latitude": subscription.latitude,
        "longitude": subscription.longitude,
        "rules": subscription.rules,
        "active": subscription.active,
        "created_at": subscription.created_at.isoformat(),
        "updated_at": subscription.updated_at.isoformat(),
    }


def _with_etag(subscription: WeatherSubscription) -> Answer:
    return with_etag(_subscription_json(subscription), subscription.version)


def _alert_json(alert: WeatherAlert) -> dict[str, Any]:
    return {
        "id": str(alert.id),
        "rule": {"kind": alert.kind, "threshold": alert.threshold},
        "window_start": alert.window_start.isoformat(),
        "window_end": alert.window_end.isoformat(),
        "value": alert.value,
        "peak_at": alert.peak_at.isoformat(),
        "message_id": str(alert.message_id) if alert.message_id else None,
        "created_at": alert.created_at.isoformat(),
    }


def list_weather_subscriptions(
    limit: int = 20, cursor: str | None = None, q: str | None = None, active: bool | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = weather.list_subscriptions(
            session, current_actor(), limit=limit, cursor=cursor, q=q, active=active
        )
        return page_json(page, _subscription_json)


@idempotent
def create_weather_subscription(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        subscription = weather.create_subscription(session, current_actor(), **body)
        return created(
            _subscription_json(subscription),
            subscription.version,
            "weather",
            "subscriptions",
            subscription.id,
        )


def get_weather_subscription(subscription_id: str) -> Answer:
    with transaction(write=False) as session:
        subscription = weather.get_subscription(
            session, current_actor(), subscription_id=uuid.UUID(subscription_id)
        )
        return _with_etag(subscription)


def update_weather_subscription(subscription_id: str, body: dict[str, Any]) -> Answer:
    return change_under_if_match(
        weather.update_subscription,
        _with_etag,
        subscription_id=uuid.UUID(subscription_id),
        changes=body,
    )


def delete_weather_subscription(subscription_id: str) -> NoContent:
    return delete_under_if_match(
        weather.delete_subscription, subscription_id=uuid.UUID(subscription_id)
    )


def list_weather_alerts(
    subscription_id: str, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = weather.list_alerts(
            session,
            current_actor(),
            subscription_id=uuid.UUID(subscription_id),
            limit=limit,
            cursor=cursor,
        )
        return page_json(page, _alert_json)


def get_weather_forecast(subscription_id: str) -> dict[str, Any]:
    # No transaction here: the provider is called between two short ones (core.callout).
    forecast = weather.current_forecast(current_actor(), subscription_id=uuid.UUID(subscription_id))
    return {
        "subscription_id": str(forecast.subscription_id),
        "latitude": forecast.latitude,
        "longitude": forecast.longitude,
        "fetched_at": forecast.fetched_at.isoformat(),
        "stale": forecast.stale,
        "next_refresh_at": forecast.next_attempt_at.isoformat(),
        "hours": forecast.hours,
    }
