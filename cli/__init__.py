"""`trellis` command line: serve, worker, migrate, create-admin, dev-admin, backup, restore,
fingerprints, import."""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import shutil
import sys
from pathlib import Path


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from core.serving import HTTP_PROTOCOL
    from core.settings import get_settings

    settings = get_settings()
    # One fresh directory per server start: prometheus_client aggregates every worker's samples.
    metrics_dir = settings.var_dir / "prometheus"
    shutil.rmtree(metrics_dir, ignore_errors=True)
    metrics_dir.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    uvicorn.run(
        "core.app:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers,
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=",".join(settings.trusted_proxies) or None,
        access_log=False,
        log_level="warning",
        http=HTTP_PROTOCOL,
    )
    return 0


def _worker(args: argparse.Namespace) -> int:
    import signal

    # A stop signal that arrives while the worker starts (imports, job modules) must not be lost:
    # before the consumer installs its own handlers, Python's default one raised KeyboardInterrupt
    # somewhere in startup code that swallowed it, and the worker then ran on until killed. Until
    # then the signals are kept here and handed to the consumer once its handlers are in place.
    early: list[int] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda received, _frame: early.append(received))

    from huey.consumer import Consumer

    import jobs
    from core.jobs import queue
    from core.logging import configure_logging
    from core.settings import get_settings

    class _Consumer(Consumer):  # type: ignore[misc]
        def _set_signal_handlers(self) -> None:
            super()._set_signal_handlers()
            for received in early:
                self._handle_signal(received, None)

    configure_logging(get_settings().log_level, get_settings().log_json)
    jobs.load_all()
    _Consumer(queue, workers=args.workers, periodic=True).run()
    return 0


def _migrate(_args: argparse.Namespace) -> int:
    from core.db import transaction
    from core.migrations import upgrade
    from services import ops

    print("Migrating the database to the latest revision...", flush=True)
    upgrade()
    print("Database is at the latest revision.", flush=True)
    with transaction(write=True) as session:
        recorded = ops.record_fingerprints(session)
    if recorded:
        print(f"Recorded the fingerprints of {', '.join(recorded)}.", flush=True)
    return 0


def _fingerprints(args: argparse.Namespace) -> int:
    """Compares the running secrets with those the data was written with; --accept re-records."""
    from core import fingerprints
    from core.db import transaction
    from core.settings import get_settings
    from services import ops

    with transaction(write=args.accept) as session:
        if args.accept:
            accepted = ops.accept_fingerprints(session)
            print(f"Recorded the running configuration's secrets: {', '.join(accepted)}")
            return 0
        recorded = ops.recorded_fingerprints(session)
    problems = fingerprints.mismatches(recorded, fingerprints.current(get_settings()))
    for problem in problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    if not problems:
        print(f"The secrets match the data ({', '.join(sorted(recorded)) or 'none recorded'}).")
    return 1 if problems else 0


def _create_admin(args: argparse.Namespace) -> int:
    from core.db import transaction
    from services import identity

    password = os.environ.get("TRELLIS_ADMIN_PASSWORD") or None
    generated = False
    if password is None and sys.stdin.isatty():
        password = getpass.getpass("Password (8-128 characters, empty to generate one): ") or None
    if password is None:
        password, generated = secrets.token_urlsafe(18), True
    if not 8 <= len(password) <= 128:
        print("error: the password must have 8 to 128 characters", file=sys.stderr)
        return 2
    with transaction(write=True) as session:
        user, created = identity.ensure_admin(session, email=args.email, password=password)
    print(f"{'Created' if created else 'Promoted'} admin {user.email}")
    if generated:
        print(f"Password (shown once): {password}")
    return 0


def _dev_admin(_args: argparse.Namespace) -> int:
    """Makes sure a development admin exists; prints its credentials only when it is created."""
    from core.db import transaction
    from services import identity

    with transaction(write=True) as session:
        existing = identity.find_admin(session)
        if existing is not None:
            print(
                f"Dev admin: {existing.email} (password was printed when it was created; "
                "reset it with `trellis create-admin --email ...`)"
            )
            return 0
        password = secrets.token_urlsafe(18)
        user, _ = identity.ensure_admin(session, email="admin@example.com", password=password)
    print("=" * 60)
    print(f"Dev admin created: {user.email}")
    print(f"Password (shown once): {password}")
    print("=" * 60)
    return 0


def _progress(message: str) -> None:
    print(message, flush=True)


def _backup(args: argparse.Namespace) -> int:
    from core.settings import get_settings
    from services import backup

    settings = get_settings()
    parent = Path(args.output) if args.output else settings.var_dir / "backups"
    try:
        made = backup.create_backup(settings.database_url, parent, _progress, keep=args.keep)
    except backup.BackupError as error:
        print(f"error: {error.detail}", file=sys.stderr)
        return 1
    print(made.directory)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from core.settings import get_settings
    from services import backup

    url = args.database_url or get_settings().database_url
    directory = Path(args.backup)
    try:
        if not args.verify_only:
            backup.restore_backup(directory, url, _progress)
        problems = (
            backup.verify(directory, url, _progress) if args.verify or args.verify_only else []
        )
    except backup.BackupError as error:
        print(f"error: {error.detail}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    if problems:
        print(f"Verification failed: {len(problems)} differences", file=sys.stderr)
        return 1
    if args.verify or args.verify_only:
        print("Verified: the database matches the backup manifest")
    return 0


def _bar(done: int, total: int, width: int = 30) -> str:
    filled = width * done // max(total, 1)
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _import(args: argparse.Namespace) -> int:
    """Imports a CSV file for a user (by email), drawing a progress bar until it finishes."""
    import threading
    import time

    from core.db import transaction
    from core.errors import DomainError
    from jobs.imports import execute
    from services import imports

    with transaction(write=True) as session:
        owner = imports.actor_for_email(session, email=args.owner)
        if owner is None:
            print(f"error: no account has the email {args.owner}", file=sys.stderr)
            return 2
        try:
            with open(args.file, "rb") as upload:
                row = imports.create_import(
                    session,
                    owner,
                    target=args.target,
                    policy=args.policy,
                    filename=Path(args.file).name,
                    upload=upload,
                )
        except DomainError as error:
            print(f"error: {error.detail}", file=sys.stderr)
            return 1
        import_id, total = row.id, row.total_rows
    print(f"Import {import_id}: {total} rows for {args.target} ({row.encoding}, {row.policy})")
    if not args.queue:
        threading.Thread(target=execute, args=(import_id,), daemon=True).start()
    interactive = sys.stdout.isatty()
    shown, shown_status = -1, ""
    while True:
        with transaction(write=False) as session:
            state = session.get_one(imports.Import, import_id)
            percent, status = imports.progress(state), state.status
            counts = (state.imported_rows, state.invalid_rows, state.last_error)
        moved = percent != shown and (interactive or percent // 10 != shown // 10)
        if moved or status != shown_status:  # 100% RUNNING, then DONE: both drawn
            line = f"{_bar(percent, 100)} {percent:3d}% {status}"
            print(f"\r{line}" if interactive else line, end="" if interactive else "\n", flush=True)
            shown, shown_status = percent, status
        if status in (imports.DONE, imports.FAILED):
            break
        time.sleep(0.2)  # a row in another process has no event to wait on
    if interactive:
        print()
    imported, invalid, last_error = counts
    print(
        f"{status}: {imported} imported, {invalid} invalid"
        + (f" ({last_error})" if last_error else "")
    )
    if invalid:
        print(f"Errors: GET /api/v1/imports/{import_id}/errors")
    return 0 if status == imports.DONE else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="trellis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the API with uvicorn")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(func=_serve)
    worker = commands.add_parser("worker", help="run the job consumer (periodic jobs included)")
    worker.add_argument("--workers", type=int, default=2)
    worker.set_defaults(func=_worker)
    commands.add_parser(
        "migrate", help="upgrade the database to the latest migration"
    ).set_defaults(func=_migrate)
    admin = commands.add_parser("create-admin", help="create or promote an admin account")
    admin.add_argument("--email", required=True)
    admin.set_defaults(func=_create_admin)
    commands.add_parser("dev-admin", help="ensure a development admin exists").set_defaults(
        func=_dev_admin
    )
    make_backup = commands.add_parser(
        "backup", help="back up the database (pg_dump or SQLite online backup) with a manifest"
    )
    make_backup.add_argument(
        "--output", help="parent directory (default: $TRELLIS_VAR_DIR/backups)"
    )
    make_backup.add_argument(
        "--keep", type=int, metavar="N", help="then remove all but the newest N backups there"
    )
    make_backup.set_defaults(func=_backup)
    restore = commands.add_parser("restore", help="restore a backup into an empty database")
    restore.add_argument("backup", help="the backup directory (holds manifest.json)")
    restore.add_argument("--database-url", help="target database (default: DATABASE_URL)")
    restore.add_argument("--verify", action="store_true", help="then compare with the manifest")
    restore.add_argument(
        "--verify-only", action="store_true", help="only compare an existing database"
    )
    restore.set_defaults(func=_restore)
    check = commands.add_parser(
        "fingerprints",
        help="compare the secrets configured with those the data was written with",
    )
    check.add_argument(
        "--accept",
        action="store_true",
        help="record the configured secrets as the data's (after a deliberate rotation)",
    )
    check.set_defaults(func=_fingerprints)
    run_import = commands.add_parser(
        "import",
        help="import a CSV file for a user, with a progress bar (see docs/features/imports.md)",
    )
    run_import.add_argument("file", help="the CSV file")
    run_import.add_argument("--target", required=True, help="tasks, recipes, notes, ...")
    run_import.add_argument("--owner", required=True, help="email of the account it is for")
    run_import.add_argument(
        "--policy", choices=("SKIP_INVALID", "ALL_OR_NOTHING"), default="SKIP_INVALID"
    )
    run_import.add_argument(
        "--queue",
        action="store_true",
        help="leave the work to `trellis worker` and follow it (default: import here)",
    )
    run_import.set_defaults(func=_import)
    args = parser.parse_args(argv)
    from core.settings import MissingSettings, discover_sections, missing_in_production

    try:
        discover_sections()  # a domain's section may declare settings production requires
        missing = missing_in_production()
        if missing:
            raise MissingSettings(missing)
        return int(args.func(args))
    except MissingSettings as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
