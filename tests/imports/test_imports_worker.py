"""Real `trellis worker` processes and a live 2-worker server: the claims that need several
processes."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx

from core.jobs import queue
from jobs.imports import run_import
from tests.factories.identity import auth_headers
from tests.factories.imports import URL, upload
from tests.live import all_at_once
from tests.support.job_workers import wait_until


def test_worker_processes_import_a_file_once_though_its_job_is_queued_thrice(
    client, user, start_worker, configure
):
    configure(IMPORTS_BATCH_ROWS=7)
    queue.flush()
    content = "title,notes\n" + "".join(f"Task {n},row {n}\n" for n in range(60))
    body = upload(client, user, content).json()
    run_import(body["id"])
    run_import(body["id"])
    start_worker()
    start_worker()

    def finished() -> bool:
        answer = client.get(f"{URL}/{body['id']}", headers=auth_headers(user)).json()
        return answer["status"] == "DONE"

    wait_until(finished, timeout=60)
    wait_until(lambda: queue.pending_count() == 0)
    done = client.get(f"{URL}/{body['id']}", headers=auth_headers(user)).json()
    assert (done["imported_rows"], done["attempts"]) == (60, 1)
    titles = []
    cursor = None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/tasks", params=params, headers=auth_headers(user)).json()
        titles += [task["title"] for task in page["items"]]
        if not (cursor := page["next"]):
            break
    assert sorted(titles) == sorted(f"Task {n}" for n in range(60))


def test_the_same_file_uploaded_concurrently_makes_one_import(live_server, user):
    content = b"title\n" + b"".join(b"Row %d\n" % n for n in range(50))
    barrier = threading.Barrier(8)

    def post(_: int) -> int:
        with httpx.Client(base_url=live_server, timeout=60) as http:
            barrier.wait(timeout=60)
            return http.post(
                URL,
                data={"target": "tasks"},
                files={"file": ("same.csv", content, "text/csv")},
                headers=auth_headers(user),
            ).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(pool.map(post, range(8)))
    assert statuses == [202] + [409] * 7
    with httpx.Client(base_url=live_server) as http:
        assert len(http.get(URL, headers=auth_headers(user)).json()["items"]) == 1


def test_concurrent_deletes_of_one_import_delete_it_once(live_server, client, user):
    import_id = upload(client, user, "title\nOnly\n").json()["id"]
    path = f"{URL}/{import_id}"
    answers = all_at_once(live_server, path, auth_headers(user), 8, method="DELETE")
    assert sorted(answer.status_code for answer in answers) == [204] + [404] * 7
