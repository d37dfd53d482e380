from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

import jobs
from core.db import transaction, utcnow
from core.jobs import queue
from db.models.core import IdempotencyRecord
from tests.factories.identity import auth_headers


def test_periodic_purge_forgets_expired_idempotency_records(client, user):
    headers = {**auth_headers(user), "Idempotency-Key": "old"}
    assert client.post("/api/v1/tasks", json={"title": "x"}, headers=headers).status_code == 201
    with transaction(write=True) as session:
        session.execute(update(IdempotencyRecord).values(expires_at=utcnow() - timedelta(1)))
    jobs.load_all()
    from jobs.ops import purge_expired

    assert purge_expired.call_local() == {"idempotency_keys": 1, "refresh_tokens": 0}
    with transaction(write=False) as session:
        assert session.scalars(select(IdempotencyRecord)).all() == []
    assert any(task.__name__ == "purge_expired" for task in queue._registry._periodic_tasks)
