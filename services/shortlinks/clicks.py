"""Click counting that never makes a redirect wait on a shared row.

A redirect adds one to a few counters in its own process's buffer (`record`): a dict under a
lock, no I/O. Each app process writes its buffer into the database on its own, in one short
transaction (`flush_buffer`):

- every SHORTLINKS_CLICK_FLUSH_SECONDS, from a daemon thread started with the first click;
- early, once the buffer holds SHORTLINKS_CLICK_BUFFER_KEYS distinct counters;
- when the process stops (the app's lifespan runs `core.lifecycle`'s shutdown hooks).

A flush adds its counts to the daily rows (`shortlinks_clicks`: INSERT ... ON CONFLICT DO UPDATE
SET clicks = clicks + excluded.clicks) and to each link's `visits`, in sorted key order so two
processes flushing at once lock rows in the same order and never deadlock. Counts only ever add
up, so any number of processes may flush in any order. A flush that fails puts its counts back
into the buffer for the next one.

What can be lost: the clicks a process counted since its last flush, if it dies without stopping
(SIGKILL, out of memory, power loss) — at most SHORTLINKS_CLICK_FLUSH_SECONDS of that process's
traffic. A link with max_visits counts its visits exactly, in the redirect itself (see
`services.shortlinks.claim_visit`); only its daily breakdown is buffered.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.db import transaction, utcnow
from db.models.shortlinks import ShortlinksClick, ShortlinksLink
from services.shortlinks.settings import shortlinks_settings

log = logging.getLogger(__name__)

#: (link id, UTC day, dimension, value)
Key = tuple[uuid.UUID, date, str, str]
NO_REFERRER = ""

# Checked in order; the first family whose marker appears in the User-Agent wins (Edge and Opera
# also say Chrome and Safari, Chrome also says Safari).
_FAMILIES = (
    ("BOT", ("bot", "crawler", "spider", "slurp", "facebookexternalhit", "preview")),
    ("TOOL", ("curl/", "wget/", "python", "httpx", "go-http-client", "okhttp", "java/", "wrk")),
    ("EDGE", ("edg/", "edge/", "edga/", "edgios/")),
    ("OPERA", ("opr/", "opera")),
    ("FIREFOX", ("firefox/", "fxios/")),
    ("CHROME", ("chrome/", "crios/", "chromium/")),
    ("SAFARI", ("safari/",)),
)


def agent_family(user_agent: str | None) -> str:
    """The browser family a User-Agent names: CHROME, FIREFOX, SAFARI, EDGE, OPERA, BOT, TOOL or
    OTHER (none sent, or none recognised)."""
    text = (user_agent or "").lower()
    for family, markers in _FAMILIES:
        if any(marker in text for marker in markers):
            return family
    return "OTHER"


def referrer_host(referrer: str | None) -> str:
    """The host of a Referer header, lower case (no path, query or credentials are kept); ''
    when none was sent or it names no host."""
    if not referrer:
        return NO_REFERRER
    rest = referrer.strip().partition("://")[2]
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1]
    bracketed = host.startswith("[")
    host = host.split("]", 1)[0] + "]" if bracketed else host.split(":", 1)[0]
    return host.lower().rstrip(".")[:255]


class ClickBuffer:
    """This process's counts since its last flush."""

    def __init__(self, interval: float | None = None) -> None:
        #: Seconds between flushes (None: SHORTLINKS_CLICK_FLUSH_SECONDS, read as the flusher
        #: starts, on the request's thread).
        self.interval = interval
        #: Set after each flush the flusher thread ran (tests await it).
        self.flushed = threading.Event()
        self._lock = threading.Lock()
        self._counts: Counter[Key] = Counter()
        #: Visits to add to links whose redirects did not count them already.
        self._visits: Counter[uuid.UUID] = Counter()
        self._wake = threading.Event()
        self._flusher: threading.Thread | None = None

    def add(self, link_id: uuid.UUID, *, counted: bool, referrer: str, agent: str) -> None:
        day = utcnow().date()
        with self._lock:
            counts = self._counts
            counts[(link_id, day, "total", "")] += 1
            counts[(link_id, day, "referrer", referrer)] += 1
            counts[(link_id, day, "agent", agent)] += 1
            if not counted:
                self._visits[link_id] += 1
            full = len(counts) >= shortlinks_settings().click_buffer_keys
            if self._flusher is None:
                self._start_flusher()
        if full:
            self._wake.set()

    def take(self) -> tuple[Counter[Key], Counter[uuid.UUID]]:
        with self._lock:
            taken = self._counts, self._visits
            self._counts, self._visits = Counter(), Counter()
        return taken

    def give_back(self, counts: Counter[Key], visits: Counter[uuid.UUID]) -> None:
        with self._lock:
            self._counts.update(counts)
            self._visits.update(visits)

    def pending(self) -> int:
        with self._lock:
            return sum(count for key, count in self._counts.items() if key[2] == "total")

    def _start_flusher(self) -> None:
        # The interval is read here, once: a background thread reading the settings on every turn
        # would read whatever the environment holds then (under the test suite, another test's
        # invalid value, which raised and ended the flusher for good).
        interval = self.interval or shortlinks_settings().click_flush_seconds
        self._flusher = threading.Thread(
            target=self._run, args=(interval,), name="shortlinks-clicks", daemon=True
        )
        self._flusher.start()

    def _run(self, interval: float) -> None:
        while True:
            self._wake.wait(interval)
            self._wake.clear()
            flush_buffer(self)
            self.flushed.set()


BUFFER = ClickBuffer()


def record(
    link_id: uuid.UUID, *, counted: bool, referrer: str | None, user_agent: str | None
) -> None:
    """Counts one redirect of a link in this process's buffer (`counted`: its visits column was
    already incremented by the redirect)."""
    BUFFER.add(
        link_id, counted=counted, referrer=referrer_host(referrer), agent=agent_family(user_agent)
    )


def flush_buffer(buffer: ClickBuffer | None = None) -> int:
    """Writes this process's buffered clicks; the number of redirects written. On failure the
    counts go back into the buffer (and the error is logged), so the next flush retries them."""
    buffer = buffer or BUFFER
    counts, visits = buffer.take()
    if not counts:
        return 0
    try:
        with transaction(write=True) as session:
            write_clicks(session, counts, visits)
    except Exception:
        log.exception("shortlinks: writing buffered clicks failed; kept for the next flush")
        buffer.give_back(counts, visits)
        return 0
    return sum(count for key, count in counts.items() if key[2] == "total")


def _existing(session: Session, link_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    ids = sorted(set(link_ids))
    found = session.scalars(select(ShortlinksLink.id).where(ShortlinksLink.id.in_(ids)))
    return set(found)


def write_clicks(session: Session, counts: Counter[Key], visits: Counter[uuid.UUID]) -> None:
    """Adds counted clicks to the daily rows and to the links' visits (links deleted since are
    skipped), in key order."""
    alive = _existing(session, (key[0] for key in counts))
    rows = [
        {"link_id": key[0], "day": key[1], "dimension": key[2], "value": key[3], "clicks": count}
        for key, count in sorted(counts.items(), key=lambda item: (str(item[0][0]), *item[0][1:]))
        if key[0] in alive
    ]
    if not rows:
        return
    clicks, links = cast(Table, ShortlinksClick.__table__), cast(Table, ShortlinksLink.__table__)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert(clicks) if dialect == "postgresql" else sqlite.insert(clicks)
    upsert = insert.on_conflict_do_update(
        index_elements=["link_id", "day", "dimension", "value"],
        set_={"clicks": clicks.c.clicks + insert.excluded.clicks},
    )
    # Core executemany on the session's connection (ORM bulk modes want no WHERE clause).
    connection = session.connection()
    connection.execute(upsert, rows)
    added = [
        {"link": link_id, "added": count}
        for link_id, count in sorted(visits.items(), key=lambda item: str(item[0]))
        if link_id in alive
    ]
    if added:
        connection.execute(
            update(links)
            .where(links.c.id == bindparam("link"))
            .values(visits=links.c.visits + bindparam("added")),
            added,
        )
