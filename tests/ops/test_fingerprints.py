"""The secrets the stored data depends on: recorded by `trellis migrate`, compared by /ready."""

from __future__ import annotations

import stat

import cli
from core import fingerprints
from core.db import make_engine, transaction
from core.settings import get_settings
from services import ops

OTHER_PEPPER = "another pepper of more than thirty-two characters"


def _recorded() -> dict[str, str]:
    with transaction(write=False) as session:
        return ops.recorded_fingerprints(session)


def test_a_fingerprint_is_stable_short_and_not_the_secret():
    secret = "p" * 40
    assert fingerprints.fingerprint(secret) == fingerprints.fingerprint(secret)
    assert len(fingerprints.fingerprint(secret)) == 16
    assert fingerprints.fingerprint(secret) != fingerprints.fingerprint(secret + "x")
    assert "p" * 8 not in fingerprints.fingerprint(secret)


def test_a_signing_key_rotated_away_is_no_mismatch_but_another_secret_under_its_id_is():
    recorded = {"API_KEY_PEPPER": "a" * 16, "JWT_SIGNING_KEYS:k0": "b" * 16}
    assert fingerprints.mismatches(recorded, {"API_KEY_PEPPER": "a" * 16}) == []
    [problem] = fingerprints.mismatches(
        recorded, {"API_KEY_PEPPER": "a" * 16, "JWT_SIGNING_KEYS:k0": "c" * 16}
    )
    assert problem.startswith("JWT_SIGNING_KEYS key id 'k0' is not the secret")


def test_migrate_records_the_fingerprints_once(capsys):
    assert cli.main(["migrate"]) == 0
    assert "Recorded the fingerprints of API_KEY_PEPPER, JWT_SIGNING_KEYS:test-k1" in (
        capsys.readouterr().out
    )
    assert _recorded() == fingerprints.current(get_settings())
    assert cli.main(["migrate"]) == 0
    assert "Recorded" not in capsys.readouterr().out


def test_ready_passes_when_the_secrets_match(client):
    cli.main(["migrate"])
    ready = client.get("/ready")
    assert ready.status_code == 200
    assert ready.json()["checks"]["secrets:fingerprints"][0]["status"] == "pass"


def test_ready_names_the_secret_the_data_was_not_written_with(client, reconfigure):
    cli.main(["migrate"])
    reconfigure(API_KEY_PEPPER=OTHER_PEPPER)

    ready = client.get("/ready")

    assert ready.status_code == 503
    check = ready.json()["checks"]["secrets:fingerprints"][0]
    assert check["status"] == "fail"
    assert check["output"].startswith("API_KEY_PEPPER is not the secret the data was written with")
    assert OTHER_PEPPER not in ready.text


def test_fingerprints_command_reports_and_accepts_a_deliberate_rotation(reconfigure, capsys):
    cli.main(["migrate"])
    capsys.readouterr()
    reconfigure(API_KEY_PEPPER=OTHER_PEPPER)
    assert cli.main(["fingerprints"]) == 1
    assert "MISMATCH API_KEY_PEPPER is not the secret" in capsys.readouterr().err
    assert cli.main(["fingerprints", "--accept"]) == 0
    assert cli.main(["fingerprints"]) == 0
    assert "The secrets match the data" in capsys.readouterr().out
    assert _recorded()["API_KEY_PEPPER"] == fingerprints.fingerprint(OTHER_PEPPER)


def test_a_new_sqlite_database_is_private(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x)")
    engine.dispose()
    created = [path for path in tmp_path.iterdir() if path.name.startswith("new.db")]
    assert created
    assert {stat.S_IMODE(path.stat().st_mode) for path in created} == {0o600}
