"""Weather: users subscribe places with alert rules; a periodic sweep fetches each place's
forecast and sends each alert once per forecast window through the outbox.

Rules:
- A subscription is a named place (latitude, longitude) and 1 to 10 rules, each a kind and a
  threshold: RAIN_PROBABILITY_ABOVE (%, 0-100), TEMPERATURE_ABOVE / TEMPERATURE_BELOW (°C,
  -90 to 60), WIND_SPEED_ABOVE (km/h, 0-400). ABOVE means strictly greater, BELOW strictly
  less; the same rule twice is refused. A user holds at most WEATHER_MAX_SUBSCRIPTIONS_PER_USER.
- Places are shared: coordinates rounded to 0.01° (about 1 km) name one `WeatherLocation`, and
  the sweep fetches each due location once, whatever the number of subscriptions on it.
- A location is due at its `next_attempt_at`: WEATHER_REFRESH_SECONDS after a success; after a
  failure, WEATHER_RETRY_BASE_SECONDS doubling per consecutive failure up to
  WEATHER_RETRY_MAX_SECONDS, jittered (backoff per location). A sweep takes a location under a
  lease (one conditional UPDATE) so concurrent sweeps do not fetch it twice.
- A sweep's turn at one location (driven by jobs.weather through core.callout): claim it
  (`claim_point`), fetch with no transaction open (`fetch_point`), then store and alert
  (`alerted`) or record the failure (`failed`).
- Alerts: the hours from now to WEATHER_HORIZON_HOURS ahead are grouped in windows of
  WEATHER_WINDOW_HOURS (UTC, from midnight); a rule met by any hour of a window is one alert for
  (subscription, rule, window), with the window's most extreme value. The alert row is inserted
  with ON CONFLICT DO NOTHING against a unique constraint on that triple, and its email is
  queued in the outbox in the same transaction only when the row is new: two sweeps racing over
  one forecast, or the next refresh seeing the same window again, send nothing twice. The new
  alerts of one subscription in one refresh go out as one email to its owner. A failed fetch
  evaluates nothing (a forecast already evaluated has already alerted).
- Staleness: a forecast older than WEATHER_FORECAST_TTL_SECONDS is served flagged `stale`.
  The forecast endpoint serves what is stored; with nothing stored, or a stale forecast whose
  location is due, it asks the provider in the request (recording a failure's backoff like the
  sweep) and answers 502/504 only when there is nothing to serve.

The provider is called with no transaction open (core.callout): a slow provider never holds a
database lock.
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from core.callout import Done, read_call_write
from core.concurrency import versioned_delete, versioned_write
from core.db import utcnow
from core.errors import DomainError, NotFound, RuleViolated
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404, insert_ignoring_duplicates
from core.security import Actor
from db.models.identity import User
from db.models.weather import WeatherAlert, WeatherLocation, WeatherSubscription
from services import outbox
from services.weather import provider
from services.weather.provider import Hour, ProviderTimeout, ProviderUnavailable
from services.weather.settings import WeatherSettings, weather_settings

__all__ = [
    "ProviderTimeout",
    "ProviderUnavailable",
    "WeatherAlert",
    "WeatherSettings",
    "WeatherSubscription",
]

log = structlog.get_logger("trellis.weather")

#: kind -> (forecast variable, above?, lowest threshold, highest threshold, unit)
KINDS: dict[str, tuple[str, bool, float, float, str]] = {
    "RAIN_PROBABILITY_ABOVE": ("precipitation_probability", True, 0, 100, "%"),
    "TEMPERATURE_ABOVE": ("temperature_2m", True, -90, 60, "°C"),
    "TEMPERATURE_BELOW": ("temperature_2m", False, -90, 60, "°C"),
    "WIND_SPEED_ABOVE": ("wind_speed_10m", True, 0, 400, "km/h"),
}
MAX_RULES = 10
#: A sweep's lease on a location outlives the provider call it covers (core.outbound's deadline).
LEASE_SECONDS = 120.0
#: Locations one sweep takes; the rest wait for the next one.
SWEEP_BATCH = 500
UPDATABLE = ("name", "active")
PROVIDER_FAILURES = (ProviderUnavailable, ProviderTimeout)
#: The `next_attempt_at` of a location never fetched: due at once, whatever the clock.
NEVER_FETCHED = datetime(2000, 1, 1, tzinfo=UTC)


class SubscriptionNotFound(NotFound, type="/problems/weather/subscription-not-found"): ...


class InvalidRule(RuleViolated, type="/problems/weather/invalid-rule", title="Invalid rule"):
    """A threshold outside its kind's range, or the same rule twice."""


class TooManySubscriptions(
    RuleViolated, type="/problems/weather/too-many-subscriptions", title="Too many subscriptions"
): ...


# ---- places and rules ---------------------------------------------------------------------------


def location_key(latitude: float, longitude: float) -> tuple[str, float, float]:
    """The shared forecast point of a place: (key, rounded latitude, rounded longitude)."""
    lat, lon = round(latitude, 2) + 0.0, round(longitude, 2) + 0.0  # + 0.0: no "-0.0"
    return f"{lat:.2f},{lon:.2f}", lat, lon


def rule_key(rule: dict[str, Any]) -> str:
    return f"{rule['kind']}:{rule['threshold']:g}"


def check_rules(rules: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules in stored form; InvalidRule for a threshold out of range or a repeated rule."""
    checked: list[dict[str, Any]] = []
    seen: set[str] = set()
    for rule in rules:
        kind, threshold = rule["kind"], float(rule["threshold"]) + 0.0  # no "-0" rule
        _variable, _above, lowest, highest, unit = KINDS[kind]
        if not lowest <= threshold <= highest:
            raise InvalidRule(
                f"a {kind} threshold is from {lowest:g} to {highest:g} {unit}, not {threshold:g}"
            )
        stored = {"kind": kind, "threshold": threshold}
        if rule_key(stored) in seen:
            raise InvalidRule(f"the rule {kind} {threshold:g} is listed twice")
        seen.add(rule_key(stored))
        checked.append(stored)
    if not 1 <= len(checked) <= MAX_RULES:
        raise InvalidRule(f"a subscription has 1 to {MAX_RULES} rules")
    return checked


def _location_for(session: Session, latitude: float, longitude: float) -> uuid.UUID:
    key, lat, lon = location_key(latitude, longitude)
    # Concurrent first subscriptions of one place: one insert wins, the others find its row.
    insert_ignoring_duplicates(
        session,
        WeatherLocation,
        id=uuid.uuid4(),
        key=key,
        latitude=lat,
        longitude=lon,
        failures=0,
        next_attempt_at=NEVER_FETCHED,
        created_at=utcnow(),
    )
    return session.scalars(select(WeatherLocation.id).where(WeatherLocation.key == key)).one()


# ---- subscriptions ------------------------------------------------------------------------------


def create_subscription(
    session: Session,
    actor: Actor,
    *,
    name: str,
    latitude: float,
    longitude: float,
    rules: list[dict[str, Any]],
    active: bool = True,
) -> WeatherSubscription:
    """Subscribes the caller to a place's alerts; its location is fetched by the next sweep."""
    checked = check_rules(rules)
    held = session.scalar(
        select(func.count())
        .select_from(WeatherSubscription)
        .where(WeatherSubscription.owner_id == actor.user_id)
    )
    most = weather_settings().max_subscriptions
    if (held or 0) >= most:
        raise TooManySubscriptions(f"you hold {most} subscriptions already; delete one first")
    subscription = WeatherSubscription(
        owner_id=actor.user_id,
        location_id=_location_for(session, latitude, longitude),
        name=name,
        latitude=latitude,
        longitude=longitude,
        rules=checked,
        active=active,
    )
    session.add(subscription)
    session.flush()
    return subscription


def get_subscription(
    session: Session, actor: Actor, *, subscription_id: uuid.UUID, lock: bool = False
) -> WeatherSubscription:
    """The caller's subscription; someone else's is NotFound, like a missing one."""
    mine = WeatherSubscription.owner_id == actor.user_id
    return get_or_404(
        session,
        WeatherSubscription,
        subscription_id,
        where=mine,
        missing=SubscriptionNotFound(),
        lock=lock,
    )


def list_subscriptions(
    session: Session,
    actor: Actor,
    *,
    limit: int = 20,
    cursor: str | None = None,
    q: str | None = None,
    active: bool | None = None,
) -> Page[WeatherSubscription]:
    """The caller's subscriptions, newest first; `q` finds a name (any case), `active` filters."""
    query = select(WeatherSubscription).where(WeatherSubscription.owner_id == actor.user_id)
    if q:
        query = query.where(
            func.lower(WeatherSubscription.name).contains(q.lower(), autoescape=True)
        )
    if active is not None:
        query = query.where(WeatherSubscription.active == active)
    return paginate_by_creation(
        session, query, kind="weather-subscriptions", limit=limit, cursor=cursor
    )


def update_subscription(
    session: Session,
    actor: Actor,
    *,
    subscription_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> WeatherSubscription:
    """Changes the caller's subscription under its row lock; a stale If-Match changes nothing.
    Moving it re-points it to the location of its new coordinates."""
    rules = check_rules(changes["rules"]) if "rules" in changes else None
    subscription = get_subscription(session, actor, subscription_id=subscription_id, lock=True)
    with versioned_write(session, subscription, if_match=if_match):
        for field in UPDATABLE:
            if field in changes:
                setattr(subscription, field, changes[field])
        if rules is not None:
            subscription.rules = rules
        if "latitude" in changes or "longitude" in changes:
            subscription.latitude = changes.get("latitude", subscription.latitude)
            subscription.longitude = changes.get("longitude", subscription.longitude)
            subscription.location_id = _location_for(
                session, subscription.latitude, subscription.longitude
            )
    return subscription


def delete_subscription(
    session: Session, actor: Actor, *, subscription_id: uuid.UUID, if_match: str | None = None
) -> None:
    """Deletes the caller's subscription and its alert history."""
    subscription = get_subscription(session, actor, subscription_id=subscription_id, lock=True)
    versioned_delete(session, subscription, if_match=if_match)


def list_alerts(
    session: Session,
    actor: Actor,
    *,
    subscription_id: uuid.UUID,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[WeatherAlert]:
    """The alerts sent for the caller's subscription, newest first."""
    get_subscription(session, actor, subscription_id=subscription_id)
    query = select(WeatherAlert).where(WeatherAlert.subscription_id == subscription_id)
    return paginate_by_creation(session, query, kind="weather-alerts", limit=limit, cursor=cursor)


# ---- evaluating a forecast ----------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """A rule met in one window: the window and its most extreme value."""

    rule: str
    kind: str
    threshold: float
    window_start: datetime
    window_end: datetime
    value: float
    peak_at: datetime


def window_of(at: datetime, hours: int) -> datetime:
    midnight = at.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(hours=(at.hour // hours) * hours)


def evaluate(
    hours: list[Hour], rules: list[dict[str, Any]], *, now: datetime, settings: WeatherSettings
) -> list[Match]:
    """The (rule, window) pairs a forecast meets from the current hour to the horizon."""
    start = now.replace(minute=0, second=0, microsecond=0)
    end = now + timedelta(hours=settings.horizon_hours)
    best: dict[tuple[str, datetime], Match] = {}
    for hour in hours:
        at = datetime.fromisoformat(hour["time"]).astimezone(UTC)
        if not start <= at < end:
            continue
        window = window_of(at, settings.window_hours)
        for rule in rules:
            variable, above, *_ = KINDS[rule["kind"]]
            value = hour.get(variable)
            if value is None:
                continue
            threshold = rule["threshold"]
            if not (value > threshold if above else value < threshold):
                continue
            key = (rule_key(rule), window)
            found = best.get(key)
            if found is None or (value > found.value if above else value < found.value):
                best[key] = Match(
                    rule=rule_key(rule),
                    kind=rule["kind"],
                    threshold=threshold,
                    window_start=window,
                    window_end=window + timedelta(hours=settings.window_hours),
                    value=value,
                    peak_at=at,
                )
    return sorted(best.values(), key=lambda match: (match.window_start, match.rule))


def _alert_text(subscription: WeatherSubscription, matches: list[Match]) -> tuple[str, str]:
    subject = f"Weather alert: {subscription.name}"[:200]
    lines = [f"The forecast for {subscription.name} meets your rules:", ""]
    for match in matches:
        variable, above, *_rest, unit = KINDS[match.kind]
        word = "above" if above else "below"
        lines.append(
            f"- {match.window_start:%Y-%m-%d %H:%M}-{match.window_end:%H:%M} UTC: "
            f"{variable.replace('_', ' ')} {match.value:g} {unit} at {match.peak_at:%H:%M} "
            f"({word} {match.threshold:g} {unit})"
        )
    return subject, "\n".join(lines) + "\n"


def apply_forecast(
    session: Session, *, location_id: uuid.UUID, hours: list[Hour], now: datetime
) -> int:
    """Stores a location's fresh forecast and alerts its active subscriptions: an alert row per
    new (subscription, rule, window) and one outbox email per subscription with new alerts, in
    the caller's transaction. Returns the number of new alerts (0 when another sweep wrote them)."""
    settings = weather_settings()
    subscribers = session.execute(
        select(WeatherSubscription, User.email)
        .join(User, User.id == WeatherSubscription.owner_id)
        .where(WeatherSubscription.location_id == location_id, WeatherSubscription.active)
        .order_by(WeatherSubscription.created_at, WeatherSubscription.id)
    ).all()
    created = 0
    for subscription, email in subscribers:
        fresh: list[tuple[uuid.UUID, Match]] = []
        for match in evaluate(hours, subscription.rules, now=now, settings=settings):
            alert_id = uuid.uuid4()
            if insert_ignoring_duplicates(
                session,
                WeatherAlert,
                id=alert_id,
                subscription_id=subscription.id,
                rule=match.rule,
                kind=match.kind,
                threshold=match.threshold,
                window_start=match.window_start,
                window_end=match.window_end,
                value=match.value,
                peak_at=match.peak_at,
                created_at=now,
            ):
                fresh.append((alert_id, match))
        if not fresh:
            continue
        created += len(fresh)
        subject, text = _alert_text(subscription, [match for _id, match in fresh])
        message = outbox.enqueue_email(
            session,
            to=email,
            subject=subject,
            text=text,
            kind="weather-alert",
            owner_id=subscription.owner_id,
        )
        session.execute(
            update(WeatherAlert)
            .where(WeatherAlert.id.in_([alert_id for alert_id, _match in fresh]))
            .values(message_id=message.id)
            .execution_options(synchronize_session=False)
        )
    # Last, so concurrent writers of one forecast meet at the alerts' unique constraint first
    # (the location's row lock would otherwise serialise them before it).
    session.execute(
        update(WeatherLocation)
        .where(WeatherLocation.id == location_id)
        .values(
            forecast=hours,
            fetched_at=now,
            failures=0,
            last_error=None,
            next_attempt_at=now + timedelta(seconds=settings.refresh_seconds),
            lease_expires_at=None,
        )
        .execution_options(synchronize_session=False)
    )
    return created


def backoff_seconds(failures: int) -> float:
    """The wait after `failures` consecutive failed fetches: doubling, capped, jittered."""
    settings = weather_settings()
    bound = min(settings.retry_max_seconds, settings.retry_base_seconds * 2 ** (failures - 1))
    return random.uniform(bound / 2, bound)  # noqa: S311 (jitter, not a secret)


def record_failure(
    session: Session, *, location_id: uuid.UUID, error: DomainError, now: datetime
) -> datetime:
    """Counts a failed fetch of a location and sets its next attempt (backoff); the forecast it
    had stays, to be served flagged stale. Returns the next attempt's time."""
    location = session.get(WeatherLocation, location_id)
    assert location is not None
    failures = location.failures + 1
    next_attempt = now + timedelta(seconds=backoff_seconds(failures))
    session.execute(
        update(WeatherLocation)
        .where(WeatherLocation.id == location_id)
        .values(
            failures=failures,
            last_error=f"{error.type}: {error}"[:300],
            next_attempt_at=next_attempt,
            lease_expires_at=None,
        )
        .execution_options(synchronize_session=False)
    )
    log.warning("weather.fetch_failed", location=location.key, failures=failures, error=error.type)
    return next_attempt


# ---- the sweep ----------------------------------------------------------------------------------


def due_location_ids(session: Session, *, now: datetime) -> list[uuid.UUID]:
    """Locations whose forecast is due, not held by a sweep, and wanted by an active
    subscription; the oldest due first."""
    wanted = exists().where(
        WeatherSubscription.location_id == WeatherLocation.id, WeatherSubscription.active
    )
    return list(
        session.scalars(
            select(WeatherLocation.id)
            .where(
                WeatherLocation.next_attempt_at <= now,
                or_(
                    WeatherLocation.lease_expires_at.is_(None),
                    WeatherLocation.lease_expires_at < now,
                ),
                wanted,
            )
            .order_by(WeatherLocation.next_attempt_at, WeatherLocation.id)
            .limit(SWEEP_BATCH)
        )
    )


def claim_location(
    session: Session, *, location_id: uuid.UUID, now: datetime
) -> tuple[float, float] | None:
    """Takes a due location under a lease (one conditional UPDATE: of concurrent sweeps one
    wins); its coordinates, or None when it is not due or another sweep holds it."""
    found = session.execute(
        update(WeatherLocation)
        .where(
            WeatherLocation.id == location_id,
            WeatherLocation.next_attempt_at <= now,
            or_(WeatherLocation.lease_expires_at.is_(None), WeatherLocation.lease_expires_at < now),
        )
        .values(lease_expires_at=now + timedelta(seconds=LEASE_SECONDS))
        .returning(WeatherLocation.latitude, WeatherLocation.longitude)
        .execution_options(synchronize_session=False)
    ).first()
    return None if found is None else (found[0], found[1])


def claim_point(
    session: Session, *, location_id: uuid.UUID, now: datetime
) -> tuple[float, float] | Done[str]:
    """A sweep's first step (core.callout): the location taken under its lease, or Done
    ("skipped") when it is not due or another sweep holds it."""
    point = claim_location(session, location_id=location_id, now=now)
    return Done("skipped") if point is None else point


def fetch_point(point: tuple[float, float]) -> list[Hour]:
    """The forecast of a claimed point (no database access)."""
    return provider.fetch_forecast(latitude=point[0], longitude=point[1])


def alerted(session: Session, *, location_id: uuid.UUID, hours: list[Hour], now: datetime) -> str:
    """A sweep's last step: the forecast stored and alerted; `alerted:<new alerts>`."""
    return f"alerted:{apply_forecast(session, location_id=location_id, hours=hours, now=now)}"


def failed(
    session: Session, *, location_id: uuid.UUID, error: Exception, now: datetime
) -> Done[str]:
    """A sweep's last step when the provider failed: the backoff recorded; the problem type."""
    assert isinstance(error, DomainError)
    record_failure(session, location_id=location_id, error=error, now=now)
    return Done(error.type)


def purge_unused_locations(session: Session, *, now: datetime) -> int:
    """Deletes the places no subscription names (paused ones count as naming it) that were
    last fetched, or made, WEATHER_PURGE_UNUSED_SECONDS ago or more; how many."""
    cutoff = now - timedelta(seconds=weather_settings().purge_unused_seconds)
    named = exists().where(WeatherSubscription.location_id == WeatherLocation.id)
    last_used = func.coalesce(WeatherLocation.fetched_at, WeatherLocation.created_at)
    deleted = session.execute(
        delete(WeatherLocation)
        .where(~named, last_used <= cutoff)
        .execution_options(synchronize_session=False)
    )
    return int(deleted.rowcount)  # type: ignore[attr-defined]


# ---- the forecast of a subscription -------------------------------------------------------------


@dataclass(frozen=True)
class Forecast:
    subscription_id: uuid.UUID
    latitude: float
    longitude: float
    hours: list[Hour]
    fetched_at: datetime
    stale: bool
    next_attempt_at: datetime
    last_error: str | None


def _read_forecast(
    session: Session, actor: Actor, *, subscription_id: uuid.UUID
) -> tuple[WeatherLocation, WeatherSubscription]:
    subscription = get_subscription(session, actor, subscription_id=subscription_id)
    location = session.get(WeatherLocation, subscription.location_id)
    assert location is not None
    return location, subscription


def _answer(location: WeatherLocation, subscription_id: uuid.UUID, now: datetime) -> Forecast:
    assert location.forecast is not None and location.fetched_at is not None
    age = (now - location.fetched_at).total_seconds()
    return Forecast(
        subscription_id=subscription_id,
        latitude=location.latitude,
        longitude=location.longitude,
        hours=location.forecast,
        fetched_at=location.fetched_at,
        stale=age > weather_settings().ttl_seconds,
        next_attempt_at=location.next_attempt_at,
        last_error=location.last_error,
    )


@dataclass(frozen=True)
class ForecastFetch:
    """A forecast to ask the provider for in a request: where, and what to serve if it fails."""

    subscription_id: uuid.UUID
    location_id: uuid.UUID
    point: tuple[float, float]
    served: Forecast | None


def plan_forecast(
    session: Session, actor: Actor, *, subscription_id: uuid.UUID, now: datetime
) -> ForecastFetch | Done[Forecast]:
    """The stored forecast of the caller's subscription, flagged stale past the TTL (Done), or
    the fetch to make when there is none, or when it is stale and its location is due (the
    location taken under its lease, as a sweep would). ProviderUnavailable at once while the
    location backs off with nothing to serve."""
    location, _subscription = _read_forecast(session, actor, subscription_id=subscription_id)
    served = None if location.forecast is None else _answer(location, subscription_id, now)
    if served is not None and (not served.stale or location.next_attempt_at > now):
        return Done(served)
    point = claim_location(session, location_id=location.id, now=now)
    if point is None and served is not None:
        return Done(served)  # a sweep is fetching it right now
    if point is None:
        if location.failures:  # backing off: the provider is not asked before its time
            raise ProviderUnavailable(
                f"the weather provider is failing ({location.failures} attempts); the next "
                f"attempt is at {location.next_attempt_at.isoformat()}"
            )
        point = (location.latitude, location.longitude)  # a sweep's first fetch runs
    return ForecastFetch(subscription_id, location.id, point, served)


def fetch_planned(plan: ForecastFetch) -> list[Hour]:
    """The forecast a request planned to fetch (no database access)."""
    return fetch_point(plan.point)


def store_forecast(
    session: Session, actor: Actor, plan: ForecastFetch, hours: list[Hour], *, now: datetime
) -> Forecast:
    """Stores and alerts a forecast fetched in a request (as a sweep would); what it serves."""
    apply_forecast(session, location_id=plan.location_id, hours=hours, now=now)
    location, _subscription = _read_forecast(session, actor, subscription_id=plan.subscription_id)
    session.refresh(location)
    return _answer(location, plan.subscription_id, now)


def forecast_failed(
    session: Session, plan: ForecastFetch, error: Exception, *, now: datetime
) -> Done[Forecast] | None:
    """Records a request's failed fetch (the location's backoff); the stored forecast to serve
    instead, or None when there is none (the failure is the answer)."""
    assert isinstance(error, DomainError)
    next_attempt = record_failure(session, location_id=plan.location_id, error=error, now=now)
    if plan.served is None:
        return None
    return Done(dataclasses.replace(plan.served, next_attempt_at=next_attempt))


def current_forecast(
    actor: Actor, *, subscription_id: uuid.UUID, now: datetime | None = None
) -> Forecast:
    """The forecast `GET .../forecast` answers (plan_forecast, then the fetch through
    core.callout). ProviderUnavailable / ProviderTimeout only when there is nothing to serve."""
    at = now or utcnow()
    return read_call_write(
        lambda session: plan_forecast(session, actor, subscription_id=subscription_id, now=at),
        fetch_planned,
        lambda session, plan, hours: store_forecast(session, actor, plan, hours, now=at),
        failures=PROVIDER_FAILURES,
        recover=lambda session, plan, error: forecast_failed(session, plan, error, now=at),
        read_writes=True,
    )
