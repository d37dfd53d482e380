"""The backup runbook's dry run, for real: prints the log docs/runbooks/backup-restore.md shows.

    bash ci/services.sh .venv/bin/python -m ci.backup_dry_run

On a throwaway PostgreSQL (ci/services.sh) and a clean directory: `trellis migrate`, rows in
every domain's tables (through the services, as the tests' factories write them), an encrypted
`trellis backup --keep`, then a "clean machine" (a new empty database, a new directory) restoring
it blind: first with a wrong API_KEY_PEPPER (verify names it), then with the right secrets
(verify passes, /ready passes, the backed-up API key, password and refresh token still work).
Every command is run as a subprocess, as an operator would; the log has the temporary directory
written `$WORK`, ports `PORT` and the database password `***`.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
TRELLIS = str(ROOT / ".venv" / "bin" / "trellis")
PYTHON = sys.executable

SEED = """
from core.db import transaction
from services import portfolio, sessions
from tests.factories import apikeys, blog, identity, notes, oauth, recipes, tasks, tickets
from core.security import Actor

alice = identity.make_user(email="alice@example.com")
bob = identity.make_user(email="bob@example.com")
admin = identity.make_user(email="admin@example.com", role="ADMIN")
for n in range(120):
    tasks.make_task(alice if n % 3 else bob, title=f"Task {n}", notes="é ✓")
post = blog.make_post(alice, title="Backups you can restore blind", tags=["ops", "backup"])
blog.make_comment(bob, post, body="Restored it twice.")
blog.favorite(bob, post)
blog.follow(bob, alice)
page = notes.make_page(alice, title="Runbook", body="Take a backup first.", tags=["ops"])
notes.edit_page(alice, page, title="Backup runbook", body="Take a backup, then restore it.")
recipes.make_recipe(bob)
ticket = tickets.make_ticket(bob, title="Restore drill")
tickets.move_ticket(admin, ticket, "OPEN", "IN_PROGRESS")
with transaction(write=True) as session:
    from services import tickets as ticket_service
    ticket_service.add_comment(
        session, identity.actor_of(admin), ticket_id=ticket.id, body="On it.")
    portfolio.publish(session, Actor(user_id=admin.id, role="ADMIN"),
                      content={"projects": [{"name": "Trellis"}], "skills": [], "contacts": []},
                      if_match=None)
key = apikeys.make_api_key(alice, name="backup drill")
oauth.make_link(bob, subject="bob-at-the-provider")  # as bob's first login with a provider would

# What only the HTTP layer writes: a refresh token, a cookie session, an idempotent replay, a
# mailed password-reset code.
from starlette.testclient import TestClient
from core.app import create_app
with TestClient(create_app(), base_url="http://127.0.0.1") as client:
    login = client.post("/api/v1/identity/tokens", json={
        "grant_type": "PASSWORD", "email": "alice@example.com", "password": identity.PASSWORD})
    assert login.status_code == 200, login.text
    bearer = {"Authorization": "Bearer " + login.json()["access_token"]}
    created = client.post("/api/v1/tasks", json={"title": "Once"},
                          headers={**bearer, "Idempotency-Key": "drill-1"})
    assert created.status_code == 201, created.text
    cookie = client.post("/api/v1/sessions",
                         json={"email": "bob@example.com", "password": identity.PASSWORD})
    assert cookie.status_code == 201, cookie.text
    reset = client.post("/api/v1/identity/password-resets", json={"email": "bob@example.com"})
    assert reset.status_code == 202, reset.text
print(key.secret)
"""

CREDENTIALS = """
import sys
from starlette.testclient import TestClient
from core.app import create_app

api_key, password = sys.argv[1], sys.argv[2]
with TestClient(create_app(), base_url="http://127.0.0.1") as client:
    ready = client.get("/ready").json()
    print("GET /ready ->", ready["status"], {k: v[0]["status"] for k, v in ready["checks"].items()})
    listed = client.get("/api/v1/tasks", headers={"X-API-Key": api_key})
    print("GET /api/v1/tasks with the backed-up API key ->", listed.status_code)
    login = client.post("/api/v1/identity/tokens", json={
        "grant_type": "PASSWORD", "email": "alice@example.com", "password": password})
    print("POST /api/v1/identity/tokens (password) ->", login.status_code)
    refresh = client.post("/api/v1/identity/tokens", json={
        "grant_type": "REFRESH_TOKEN", "refresh_token": login.json()["refresh_token"]})
    print("POST /api/v1/identity/tokens (refresh) ->", refresh.status_code)
    with_cookie = client.post("/api/v1/sessions", json={
        "email": "bob@example.com", "password": password})
    print("POST /api/v1/sessions (cookie login) ->", with_cookie.status_code)
"""


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="trellis-dry-run-") as scratch:
        return dry_run(Path(scratch))


def dry_run(work: Path) -> int:
    url = make_url(os.environ["DATABASE_URL"])  # ci/services.sh's throwaway PostgreSQL
    pepper = secrets.token_urlsafe(48)
    base = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TRELLIS_ENV": "production",
        "TRELLIS_VAR_DIR": str(work / "var"),
        "JWT_SIGNING_KEYS": f"2026-12:{secrets.token_urlsafe(48)}",
        "API_KEY_PEPPER": pepper,
        "BACKUP_ENCRYPTION_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        "ARGON2_MEMORY_KIB": "1024",
        "LOG_LEVEL": "WARNING",
        "PYTHONWARNINGS": "ignore",
    }
    restored_url = url.set(database="trellis_restored").render_as_string(hide_password=False)
    scrub = [
        (TRELLIS, "trellis"),
        (PYTHON, "python"),
        (str(work), "$WORK"),
        (f":{url.port}", ":PORT"),
        (f"--port {url.port}", "--port PORT"),
        (f":{url.password}@", ":***@"),
    ]

    def show(text: str) -> str:
        for old, new in scrub:
            text = text.replace(old, new)
        return re.sub(r"trellis-\d{8}T\d{12}Z", "trellis-<UTC timestamp>", text)

    def run(
        *command: str,
        env: dict[str, str] | None = None,
        shown: str | None = None,
        expect: int = 0,
        quiet: bool = False,
    ) -> str:
        print(show(f"$ {shown or ' '.join(command)}"), flush=True)
        done = subprocess.run(command, env=env or base, capture_output=True, text=True, cwd=work)
        output = done.stdout + done.stderr
        if not quiet:
            print(show(output), end="", flush=True)
        if done.returncode != expect:
            status = f"(exit status {done.returncode}, expected {expect})"
            print(show(output) if quiet else "", status)
            raise SystemExit(1)
        if done.returncode:
            print(f"(exit status {done.returncode})")
        return done.stdout

    print("# machine 1: the running deployment")
    run(TRELLIS, "migrate")
    api_key = run(  # prints the new API key's secret: kept out of the log
        PYTHON, "-c", SEED, shown="(seed: rows in every domain's tables)", quiet=True
    )
    api_key = api_key.strip().splitlines()[-1]
    run(TRELLIS, "backup", "--output", str(work / "backups"), "--keep", "7")
    backup = next((work / "backups").iterdir())
    run("stat", "-c", "%A %n", str(backup), *sorted(str(p) for p in backup.iterdir()))

    print("\n# machine 2: clean, a new directory and an empty database; the secrets are typed in")
    clean = {**base, "TRELLIS_VAR_DIR": str(work / "machine-2"), "DATABASE_URL": restored_url}
    pg = os.environ["PG_BIN"]
    run(
        f"{pg}/createdb",
        "--host",
        "127.0.0.1",
        "--port",
        str(url.port),
        "--username",
        str(url.username),
        "trellis_restored",
        env={**clean, "PGPASSWORD": str(url.password)},
        shown=f"createdb --host 127.0.0.1 --port {url.port} trellis_restored",
    )
    wrong = {**clean, "API_KEY_PEPPER": secrets.token_urlsafe(48)}
    print("# a wrong API_KEY_PEPPER: the restore completes, and verify names the secret")
    run(
        TRELLIS,
        "restore",
        str(backup),
        "--database-url",
        restored_url,
        "--verify",
        env=wrong,
        expect=1,
    )
    print("# the right secrets: verify passes")
    run(TRELLIS, "restore", str(backup), "--database-url", restored_url, "--verify-only", env=clean)
    run(TRELLIS, "fingerprints", env=clean)
    run(
        PYTHON,
        "-c",
        CREDENTIALS,
        api_key,
        "correct horse battery",
        env=clean,
        shown="(the restored database serves the backed-up credentials)",
    )
    print(show(f"$ cat {backup}/manifest.json  # of its tables, tasks_tasks only"))
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["tables"] = {name: manifest["tables"][name] for name in ["tasks_tasks"]}
    print(show(json.dumps(manifest, indent=2, sort_keys=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
