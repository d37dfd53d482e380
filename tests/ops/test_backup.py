"""Backup and restore on the engine under test: faithful, consistent under writes, and refusing."""

from __future__ import annotations

import base64
import io
import os
import stat
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

import cli
from core import fingerprints
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


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_manifest_fingerprints_the_secrets_and_never_holds_them(client, tmp_path):
    _seed(client)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    settings = get_settings()
    assert made.manifest["secrets"] == fingerprints.current(settings)
    assert set(made.manifest["secrets"]) == {
        "API_KEY_PEPPER",
        "JWT_SIGNING_KEYS:test-k1",
        "JWT_SIGNING_KEYS:test-k0",
    }
    text = (made.directory / "manifest.json").read_text()
    for secret in (settings.api_key_pepper, *settings.jwt_signing_keys.values()):
        assert secret not in text


def test_verify_names_each_secret_the_restoring_machine_holds_otherwise(
    client, tmp_path, target_url, reconfigure, capsys
):
    _seed(client)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    backup.restore_backup(made.directory, target_url)
    reconfigure(
        API_KEY_PEPPER="another pepper of more than thirty-two characters",
        JWT_SIGNING_KEYS="test-k1:" + "x" * 48,  # same id, another secret; test-k0 rotated away
    )

    problems = backup.verify(made.directory, target_url)

    assert [problem.split(" is not")[0] for problem in problems] == [
        "secrets: API_KEY_PEPPER",
        "secrets: JWT_SIGNING_KEYS key id 'test-k1'",
    ]
    assert (
        cli.main(["restore", str(made.directory), "--database-url", target_url, "--verify-only"])
        == 1
    )
    err = capsys.readouterr().err
    assert "MISMATCH secrets: API_KEY_PEPPER is not the secret the data was written with" in err
    assert "another pepper" not in err


def test_backup_files_are_private(client, tmp_path):
    _seed(client)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    assert _mode(made.directory) == 0o700
    files = list(made.directory.iterdir())
    assert {file.name for file in files} == {"manifest.json", made.manifest["image"]["file"]}
    assert {_mode(file) for file in files} == {0o600}


def test_a_restored_sqlite_database_is_private(client, tmp_path, target_url):
    _seed(client)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    backup.restore_backup(made.directory, target_url)
    if target_url.startswith("sqlite"):
        restored = Path(make_url(target_url).database)
        assert _mode(restored) == 0o600


def test_an_encrypted_backup_restores_only_with_its_key(client, tmp_path, target_url, reconfigure):
    _seed(client)
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    reconfigure(BACKUP_ENCRYPTION_KEY=key)
    made = backup.create_backup(get_settings().database_url, tmp_path / "backups")
    image = made.directory / made.manifest["image"]["file"]
    assert image.name.endswith(".enc")
    assert made.manifest["image"]["encryption"] == "aes-256-gcm-chunked-v1"
    assert sorted(path.name for path in made.directory.iterdir()) == [image.name, "manifest.json"]
    data = image.read_bytes()
    assert b"SQLite format 3" not in data and not data.startswith(b"PGDMP")
    assert b"owner@example.com" not in data

    reconfigure(BACKUP_ENCRYPTION_KEY="")
    with pytest.raises(backup.BackupError, match="encrypted: set BACKUP_ENCRYPTION_KEY"):
        backup.restore_backup(made.directory, target_url)
    reconfigure(BACKUP_ENCRYPTION_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode())
    with pytest.raises(backup.BackupError, match="does not decrypt this backup"):
        backup.restore_backup(made.directory, target_url)
    reconfigure(BACKUP_ENCRYPTION_KEY=key)
    backup.restore_backup(made.directory, target_url)
    assert backup.verify(made.directory, target_url) == []


@pytest.mark.parametrize("size", [0, 10, backup.CHUNK, 2 * backup.CHUNK + 5])
def test_encryption_round_trips_and_refuses_a_truncated_image(size):
    key, plain = os.urandom(32), os.urandom(size)
    sealed = io.BytesIO()
    backup._encrypt(io.BytesIO(plain), sealed, key)
    out = io.BytesIO()
    backup._decrypt(io.BytesIO(sealed.getvalue()), out, key)
    assert out.getvalue() == plain
    chunks = max(1, -(-size // backup.CHUNK))
    last_chunk = 4 + (size - (chunks - 1) * backup.CHUNK) + 16
    if chunks > 1:  # cut at a chunk boundary: what is left still decrypts chunk by chunk
        truncated = io.BytesIO(sealed.getvalue()[:-last_chunk])
        with pytest.raises(backup.BackupError, match="does not decrypt"):
            backup._decrypt(truncated, io.BytesIO(), key)


@pytest.mark.parametrize("value", ["short", "not base64 at all !!", base64.b64encode(b"x" * 31)])
def test_a_malformed_encryption_key_names_its_variable(value, reconfigure):
    reconfigure(BACKUP_ENCRYPTION_KEY=value if isinstance(value, str) else value.decode())
    with pytest.raises(ValueError, match="BACKUP_ENCRYPTION_KEY must be 32 bytes"):
        get_settings().section(backup.BackupSettings)


def test_keep_removes_all_but_the_newest_backups(client, tmp_path, capsys):
    _seed(client)
    parent = tmp_path / "backups"
    made = [backup.create_backup(get_settings().database_url, parent) for _ in range(3)]
    foreign = parent / "trellis-notes"
    foreign.mkdir()
    assert cli.main(["backup", "--output", str(parent), "--keep", "2"]) == 0
    newest = Path(capsys.readouterr().out.strip().splitlines()[-1])
    out_lines = [made[0].directory.name, made[1].directory.name]
    assert sorted(path.name for path in parent.iterdir()) == sorted(
        [made[2].directory.name, newest.name, foreign.name]
    )
    assert all(not (parent / name).exists() for name in out_lines)
    with pytest.raises(backup.BackupError, match="at least 1"):
        backup.create_backup(get_settings().database_url, parent, keep=0)
