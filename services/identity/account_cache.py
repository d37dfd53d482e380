"""The per-request account check without the database: an in-process cache of what the check
reads (the account's role, disabled flag, password-change time and login, email verification,
and whether the token's login is live), kept exact across processes by a per-account epoch in
Redis, and announced on a Redis pub/sub channel. Active when REDIS_URL is set and
IDENTITY_ACCOUNT_CACHE is on; without Redis there is no channel between processes, and every
request reads the database as before.

Two ways to trust an entry, chosen per request:
  listened      while this process's listener thread is subscribed to the channel (its
                subscription confirmed, its connection answering pings), an entry is trusted
                without asking Redis at all: every change is published after commit and the
                listener drops the account's entries the moment the message arrives. No round
                trip per request.
  epoch         while the listener is not connected (starting, Redis restarted, the connection
                lost), the account's epoch is read from Redis on every request (one GET) and an
                entry is trusted only when it carries that epoch; when Redis does not answer
                either, the database is read.

    account_changed(session, user_id)
                    a change to what the check reads is being made in `session`: once it
                    commits, the account's epoch in Redis gets a new random value (nothing for a
                    rolled-back change). Changes to the User row's checked columns (or its
                    deletion) are noticed by the ORM here; ending logins calls it
                    (token_families), as do bulk statements that bypass the ORM.
    current_epoch(user_id)
                    async, on the event loop: the account's epoch (one GET), created at random
                    when missing; None when Redis does not answer (the caller reads the database)
    listening()     the listener is subscribed and alive (starts it on first use)
    lookup / store  the cache of rows by (account, login), each tagged with the epoch read
                    BEFORE its database read (or LISTENED): a change racing with that read renews
                    the epoch after it, so the entry never matches again; `store` keeps nothing
                    when the listener saw any change (or connected or lost its connection) since
                    `generation()` was read before the database read

Why it is exact: a change commits, then renews the epoch before its own request answers. Any
request sent after that answer reads the new epoch and misses the cache in every process. An
epoch is a random value, never a counter, so a Redis restart or an evicted key cannot bring back
a value an old entry carries. What it cannot prevent: a renewal lost after the commit (Redis
unreachable at that moment, the process killed in between) leaves other processes trusting their
entry until it is IDENTITY_ACCOUNT_CACHE_MAX_AGE_SECONDS old; docs/security/identity.md weighs it.
When Redis errs or times out, requests read the database (and cache nothing) for a second before
asking it again, so a Redis outage costs no more than the check did before this cache.

Why the listened way is exact too: the writer publishes before its own request answers, so the
message is in every subscriber's socket before anyone can act on that answer; each listener
applies it on its own thread as soon as it is read (a request racing with that delivery is
answered within the microseconds the thread takes to be scheduled). A listener that connects
empties the cache (it missed what was published while it was away), one that loses its connection
(an error, or no answer to its pings for LIVENESS_SECONDS) empties it and requests go the epoch
way until it is back. Entries are kept per process; the writer's own process drops its entries
at once, without waiting for its message.
"""

from __future__ import annotations

import collections
import os
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

import redis
import structlog
from cachetools import LRUCache
from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper, Session

from core.redis_client import get_async_redis, get_redis
from core.settings import get_settings
from db.models.identity import User
from services.identity.account_settings import flow_settings

log = structlog.get_logger("trellis.identity.account_cache")

KEY = "trellis:account-epoch:{}"
#: An epoch unused this long is dropped (Redis memory); the next request makes a new one.
KEY_TTL_SECONDS = 24 * 3600
SIZE = 10_000
#: After a Redis error, how long requests skip it and read the database.
PAUSE_AFTER_ERROR_SECONDS = 1.0
_PENDING = "trellis.account_cache.changed"
#: The pub/sub channel of changes: each message is one account id.
CHANNEL = "trellis:account-changed"
#: The marker of an entry read while the listener was subscribed (never a real epoch).
LISTENED = b"listened"
#: The listener pings Redis this often, and counts as gone after this long without an answer.
PING_SECONDS = 1.0
LIVENESS_SECONDS = 3.0
#: After losing its connection, the listener tries again after this long.
RECONNECT_SECONDS = 5.0
#: The listener's Redis client name, followed by "-<pid>" (CLIENT LIST shows the listeners).
CLIENT_NAME = "trellis-account-listener"
#: The User columns the per-request check reads (services.identity.authentication).
CHECKED_COLUMNS = (
    "role",
    "is_disabled",
    "credentials_changed_at",
    "credentials_changed_by",
    "email_verified",
)


@dataclass(frozen=True)
class Entry:
    epoch: bytes
    #: time.monotonic() just before the database read.
    read_at: float
    row: Any


_entries: LRUCache[tuple[uuid.UUID, uuid.UUID], Entry] = LRUCache(maxsize=SIZE)
# A server has one event loop per process, but tests run apps on several loops in threads.
_entries_lock = threading.Lock()
_paused_until = 0.0
#: Moved (under _entries_lock) by every change heard, and when the listener connects or is lost.
_generation = 0
#: How many changes this process's listener has heard, and the last ones heard as (count, user
#: id), notified on each (`wait_heard`).
heard_count = 0
_heard_lately: collections.deque[tuple[int, uuid.UUID]] = collections.deque(maxlen=64)
_heard = threading.Condition()


def active() -> bool:
    """The cache is used: REDIS_URL is set and IDENTITY_ACCOUNT_CACHE is on."""
    return bool(get_settings().redis_url) and flow_settings().account_cache


# ---- the writers' side: renew the epoch after commit ------------------------------------------


def account_changed(session: Session, user_id: uuid.UUID) -> None:
    """Renews the account's epoch once `session` commits (with Redis; nothing otherwise)."""
    if get_settings().redis_url:
        session.info.setdefault(_PENDING, set()).add(user_id)


@event.listens_for(Session, "after_commit")
def _renew_after_commit(session: Session) -> None:
    changed: set[uuid.UUID] | None = session.info.pop(_PENDING, None)
    if changed:
        renew_epochs(changed)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


def renew_epochs(user_ids: set[uuid.UUID]) -> None:
    """Gives each account a new epoch now and announces it on CHANNEL (blocking); this process's
    entries of those accounts go at once. Never raises: the change is committed, and a lost
    renewal is bounded by the entries' maximum age."""
    client = get_redis()
    if client is None:
        return
    forget(user_ids)
    try:
        with client.pipeline(transaction=False) as pipe:
            for user_id in user_ids:
                pipe.set(KEY.format(user_id), _new_epoch(), ex=KEY_TTL_SECONDS)
                pipe.publish(CHANNEL, str(user_id))
            pipe.execute()
    except (redis.RedisError, OSError) as error:
        log.warning("account_epoch_renewal_lost", accounts=len(user_ids), error=str(error))


@event.listens_for(User, "after_update")
def _user_updated(_mapper: Mapper[User], _connection: Connection, user: User) -> None:
    state = inspect(user)
    if any(state.attrs[name].history.has_changes() for name in CHECKED_COLUMNS):
        session = state.session
        if session is not None:
            account_changed(session, user.id)


@event.listens_for(User, "after_delete")
def _user_deleted(_mapper: Mapper[User], _connection: Connection, user: User) -> None:
    session = inspect(user).session
    if session is not None:
        account_changed(session, user.id)


def _new_epoch() -> bytes:
    return secrets.token_hex(8).encode()


# ---- the readers' side: on the event loop -----------------------------------------------------


async def current_epoch(user_id: uuid.UUID) -> bytes | None:
    """The account's epoch, or None when Redis does not answer (read the database then)."""
    global _paused_until
    if time.monotonic() < _paused_until:
        return None
    client = get_async_redis()
    if client is None:
        return None
    key = KEY.format(user_id)
    try:
        epoch = await client.get(key)
        if epoch is None:
            fresh = _new_epoch()
            if await client.set(key, fresh, nx=True, ex=KEY_TTL_SECONDS):
                return fresh
            epoch = await client.get(key)  # another request made it first
        return epoch if isinstance(epoch, bytes) or epoch is None else str(epoch).encode()
    except (redis.RedisError, OSError, TimeoutError) as error:
        _paused_until = time.monotonic() + PAUSE_AFTER_ERROR_SECONDS
        log.warning("account_epoch_unavailable", error=str(error))
        return None


def resume() -> None:
    """Asks Redis again on the next request, even within the pause after an error (tests)."""
    global _paused_until
    _paused_until = 0.0


def lookup(user_id: uuid.UUID, login_id: uuid.UUID, epoch: bytes) -> Entry | None:
    """The cached entry of this account and login when it carries `epoch` and is young enough."""
    with _entries_lock:
        entry = _entries.get((user_id, login_id))
    if entry is None or entry.epoch != epoch:
        return None
    if time.monotonic() - entry.read_at >= flow_settings().account_cache_max_age_seconds:
        return None
    return entry


def generation() -> int:
    """Read before the database read; `store` then keeps the row only if nothing was heard since."""
    return _generation


def store(user_id: uuid.UUID, login_id: uuid.UUID, entry: Entry, since: int) -> None:
    with _entries_lock:
        if _generation == since:
            _entries[(user_id, login_id)] = entry


def forget(user_ids: set[uuid.UUID]) -> None:
    """Drops this process's entries of these accounts (a change heard or made here)."""
    global _generation
    with _entries_lock:
        _generation += 1
        for key in [key for key in _entries if key[0] in user_ids]:
            del _entries[key]


def forget_all() -> None:
    """Empties this process's cache (the listener connecting or lost; tests)."""
    global _generation
    with _entries_lock:
        _generation += 1
        _entries.clear()


# ---- the listener: one thread per process, subscribed to CHANNEL -------------------------------


class _Listener:
    def __init__(self, url: str) -> None:
        self.url = url
        self.pid = os.getpid()
        self.subscribed = False
        self.ready = threading.Event()  # set while subscribed
        self.thread = threading.Thread(target=self._run, name=CLIENT_NAME, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        # Ends when REDIS_URL no longer names its server (tests change it; a server never does).
        while get_settings().redis_url == self.url:
            try:
                self._listen()
            except Exception as error:  # any failure: lost, the epoch way serves meanwhile
                log.info("account_listener_lost", error=str(error))
            finally:
                if self.subscribed:
                    self.subscribed = False
                    self.ready.clear()
                    forget_all()
            time.sleep(RECONNECT_SECONDS)

    def _listen(self) -> None:
        client = redis.Redis.from_url(
            self.url, socket_timeout=LIVENESS_SECONDS, socket_connect_timeout=LIVENESS_SECONDS
        )
        with client, client.pubsub() as pubsub:  # type: ignore[no-untyped-call]
            client.client_setname(f"{CLIENT_NAME}-{self.pid}")
            pubsub.subscribe(CHANNEL)
            heard = time.monotonic()
            pinged = heard
            while get_settings().redis_url == self.url:
                message = pubsub.get_message(timeout=PING_SECONDS)
                now = time.monotonic()
                if message is not None:
                    heard = now
                    kind = message["type"]
                    if kind == "subscribe" and not self.subscribed:
                        forget_all()  # whatever was published before is unknown here
                        self.subscribed = True
                        self.ready.set()
                        log.info("account_listener_subscribed")
                    elif kind == "message":
                        user_id = uuid.UUID(message["data"].decode())
                        forget({user_id})
                        _count_heard(user_id)
                if now - heard > LIVENESS_SECONDS:
                    raise TimeoutError("no answer from Redis to the listener's pings")
                if now - pinged >= PING_SECONDS:
                    pubsub.ping()
                    pinged = now


def _count_heard(user_id: uuid.UUID) -> None:
    global heard_count
    with _heard:
        heard_count += 1
        _heard_lately.append((heard_count, user_id))
        _heard.notify_all()


def wait_heard(user_id: uuid.UUID, after: int, timeout: float) -> bool:
    """Waits until this process's listener has heard a change of `user_id` after the `after`th
    change it heard (tests: a change made here is heard back after the writer's own `forget`,
    and drops what was read in between; other processes' changes are heard too)."""
    with _heard:
        return _heard.wait_for(
            lambda: any(count > after and heard == user_id for count, heard in _heard_lately),
            timeout,
        )


_listener: _Listener | None = None
_listener_lock = threading.Lock()


def listening() -> bool:
    """This process's listener is subscribed to CHANNEL on the configured Redis (started here on
    first use; False until its subscription is confirmed)."""
    global _listener
    listener = _listener
    url = get_settings().redis_url
    if listener is not None and listener.url == url and listener.pid == os.getpid():
        return listener.subscribed and listener.thread.is_alive()
    if not url:
        return False
    with _listener_lock:
        listener = _listener
        if listener is None or listener.url != url or listener.pid != os.getpid():
            _listener = _Listener(url)
    return False


def wait_until_listening(timeout: float) -> bool:
    """Starts the listener if needed and waits for its subscription (tests, benchmarks)."""
    if listening():
        return True
    listener = _listener
    return listener is not None and listener.ready.wait(timeout) and listening()
