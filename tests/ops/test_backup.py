"""Backup and restore on the engine under test: faithful, consistent under writes, and refusing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

import cli
from core.db import get_engine, transaction
from core.settings import get_settings
from services import backup, tasks
from tests.factories.identity import actor_of, auth_headers, make_user
from tests.factories.tasks import make_task


def _seed(client) -> None:  # type: ignore[no-untyped-def]
    """Rows in every domain so far: users, refresh tokens, tasks, an idempotency record."""
    owner = make_user(email="owner@example.com")
    other = make_user(email="other@example.com")
    for number in range(25):
        make_task(owner if number % 3 else other, title=f"Task {number}", notes='é ✓ "quoted"')
    login = client.post(
        "/api/v1/identity/tokens",
        json={
            "grant_type": "PASSWORD",
            "email": "owner@example.com",
            "password": "correct horse battery",
        },
    )
    assert login.status_code == 200
    created = client.post(
        "/api/v1/tasks",
        json={"title": "Idempotent"},
        headers={**auth_headers(owner), "Idempotency-Key": "seed-1"},
    )
    assert created.status_code == 201


def test_backup_restores_into_an_empty_database_with_an_equal_manifest(
    client, tmp_path, target_url
):
    _seed(client)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    manifest = made.manifest
    assert manifest["tables"]["tasks_tasks"]["rows"] == 26
    assert manifest["tables"]["identity_users"]["rows"] == 2
    assert manifest["tables"]["identity_refresh_tokens"]["rows"] == 2  # two token logins
    assert manifest["tables"]["core_idempotency_keys"]["rows"] == 1
    assert manifest["alembic_revision"]

    backup.restore_backup(made.directory, target_url)

    assert backup.verify(made.directory, target_url) == []
    # The live database still matches too: the backup changed nothing.
    assert backup.verify(made.directory, get_settings().database_url) == []


def test_verify_names_the_table_that_differs(client, tmp_path, target_url):
    _seed(client)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    backup.restore_backup(made.directory, target_url)
    restored = create_engine(target_url, poolclass=NullPool)
    with restored.begin() as connection:
        connection.execute(text("UPDATE tasks_tasks SET title = 'changed' WHERE title = 'Task 4'"))
    restored.dispose()

    problems = backup.verify(made.directory, target_url)

    assert len(problems) == 1
    assert problems[0].startswith("tasks_tasks: 26 rows")


def test_restore_refuses_a_database_that_is_not_empty(client, tmp_path):
    _seed(client)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    with pytest.raises(backup.BackupError, match="Refusing"):
        backup.restore_backup(made.directory, get_settings().database_url)


def test_restore_refuses_a_corrupted_image(client, tmp_path, target_url):
    _seed(client)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    image = made.directory / made.manifest["image"]["file"]
    data = bytearray(image.read_bytes())
    data[len(data) // 2] ^= 0xFF
    image.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match="does not match its manifest"):
        backup.restore_backup(made.directory, target_url)


def test_restore_refuses_a_directory_without_manifest(tmp_path, target_url):
    with pytest.raises(backup.BackupError, match=r"manifest\.json is missing"):
        backup.restore_backup(tmp_path, target_url)


def test_backup_during_writes_restores_a_consistent_state(tmp_path, target_url):
    """A writer commits tasks (each with its owner's row touched) while the backup runs."""
    owner = make_user(email="writer@example.com")
    actor = actor_of(owner)
    started = threading.Event()
    stop = threading.Event()
    written = 0
    failures: list[BaseException] = []

    def writer() -> None:
        nonlocal written
        try:
            while not stop.is_set():
                with transaction(write=True) as session:
                    tasks.create_task(session, actor, title=f"In flight {written}")
                written += 1
                if written == 20:
                    started.set()
        except BaseException as error:  # reported by the test thread
            failures.append(error)
            started.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(timeout=30)
        before = written
        made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
        during = written - before
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not failures
    assert during > 0, "no write overlapped the backup"
    in_backup = made.manifest["tables"]["tasks_tasks"]["rows"]
    assert 20 <= in_backup <= written

    backup.restore_backup(made.directory, target_url)

    assert backup.verify(made.directory, target_url) == []
    restored = create_engine(target_url, poolclass=NullPool)
    with restored.connect() as connection:
        titles = connection.execute(text("SELECT title FROM tasks_tasks")).scalars().all()
    restored.dispose()
    # Whole commits only, and a prefix of them: task n is present only with tasks 0..n-1.
    assert sorted(int(title.rsplit(" ", 1)[1]) for title in titles) == list(range(in_backup))


def test_cli_backup_then_restore_with_verify(client, tmp_path, target_url, capsys):
    _seed(client)
    assert cli.main(["backup", "--output", str(tmp_path / "out")]) == 0
    output = capsys.readouterr().out
    directory = Path(output.strip().splitlines()[-1])
    assert (directory / "manifest.json").is_file()
    assert "Backup complete" in output
    assert "tasks_tasks: 26 rows" in output

    assert cli.main(["restore", str(directory), "--database-url", target_url, "--verify"]) == 0
    assert "Verified: the database matches the backup manifest" in capsys.readouterr().out


def test_cli_restore_reports_refusal_and_mismatch(client, tmp_path, capsys):
    _seed(client)
    assert cli.main(["backup", "--output", str(tmp_path / "out")]) == 0
    directory = Path(capsys.readouterr().out.strip().splitlines()[-1])
    live = get_settings().database_url

    assert cli.main(["restore", str(directory), "--database-url", live]) == 1
    assert "Refusing" in capsys.readouterr().err

    with get_engine().begin() as connection:
        connection.execute(text("DELETE FROM tasks_tasks WHERE title = 'Task 1'"))
    assert cli.main(["restore", str(directory), "--database-url", live, "--verify-only"]) == 1
    err = capsys.readouterr().err
    assert "MISMATCH tasks_tasks: 25 rows" in err
    assert "Verification failed: 1 differences" in err
