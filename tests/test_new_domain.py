"""`make new-domain` writes a slice that passes the gates as written, on every run of the suite.

The scaffold runs on a throwaway copy of the working tree (its tracked and untracked files, with
this checkout's .venv and node_modules linked in), then, in that copy: the static gates that read
the new files (ruff, mypy, import-linter, the assembled documents, alembic check) and the tests
that cover the new slice (its own modules, and the spec wiring and shared-answer tests of its
operations). The new modules exist only in the copy, so a passing run cannot have imported this
checkout's code instead. The copy's tests run on this run's engine: SQLite in a file of its own,
PostgreSQL in a database of its own that is dropped afterwards; never on this session's data.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from core.settings import PROJECT_ROOT, get_settings
from tests.support.workers import create_database, drop_database

SLUG = "scaffoldcheck"
#: What belongs to this test session, not to the copy's own runs.
SESSION_ONLY = ("DATABASE_URL", "REDIS_URL", "TRELLIS_VAR_DIR", "COVERAGE_PROCESS_START")


def _tree_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    return [name for name in listed.stdout.decode().split("\0") if name]


def _environment(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SESSION_ONLY and not key.startswith(("PYTEST_", "COV_CORE_"))
    }
    return {**env, **extra}


def run(copy: Path, *command: str, **extra_env: str) -> str:
    done = subprocess.run(
        list(command), cwd=copy, env=_environment(**extra_env), capture_output=True, text=True
    )
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    copy = tmp_path_factory.mktemp("new-domain") / "trellis"
    for name in _tree_files():
        source = PROJECT_ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    for shared in (".venv", "node_modules"):
        (copy / shared).symlink_to(PROJECT_ROOT / shared)
    run(copy, sys.executable, "-m", "ci.new_domain", SLUG, "--service", "Scaffold check")
    yield copy
    shutil.rmtree(copy.parent, ignore_errors=True)


@pytest.fixture
def copy_database(scaffolded: Path) -> Iterator[str]:
    """A database for the copy's own runs, on the engine of this run."""
    url = get_settings().database_url
    if url.startswith("sqlite"):
        (scaffolded / "var").mkdir(exist_ok=True)
        yield f"sqlite:///{scaffolded / 'var' / f'{uuid.uuid4().hex}.db'}"
        return
    name = f"{make_url(url).database}_scaffold_{uuid.uuid4().hex[:8]}"
    own = make_url(url).set(database=name).render_as_string(hide_password=False)
    create_database(own)
    try:
        yield own
    finally:
        drop_database(own)


def test_the_skeleton_is_a_whole_slice(scaffolded):
    expected = [
        f"spec/tags/{SLUG}.yaml",
        f"spec/paths/{SLUG}_items.yaml",
        f"spec/paths/{SLUG}_items_{{item_id}}.yaml",
        f"spec/components/schemas/{SLUG}/{SLUG.capitalize()}Item.yaml",
        f"db/models/{SLUG}.py",
        f"services/{SLUG}.py",
        f"handlers/{SLUG}.py",
        f"tests/factories/{SLUG}.py",
        f"tests/{SLUG}/test_{SLUG}_service.py",
        f"tests/{SLUG}/test_{SLUG}_api.py",
        f"contracts/dredd/hooks/{SLUG}.py",
        f"docs/features/{SLUG}.md",
    ]
    assert [name for name in expected if not (scaffolded / name).is_file()] == []
    assert list((scaffolded / "db/migrations/versions").glob(f"*_{SLUG}_add_{SLUG}_items.py"))
    assert f"/{SLUG}/items/{{item_id}}:" in (scaffolded / "generated/openapi.yaml").read_text()
    features = (scaffolded / "docs/FEATURES.md").read_text()
    assert f"| other | `{SLUG}` | Scaffold check | partial |" in features


def test_a_taken_slug_is_refused_and_nothing_is_written(scaffolded):
    before = sorted(str(path) for path in (scaffolded / "tests").rglob("*"))
    done = subprocess.run(
        [sys.executable, "-m", "ci.new_domain", "tasks"],
        cwd=scaffolded,
        env=_environment(),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "exists already" in done.stderr
    assert sorted(str(path) for path in (scaffolded / "tests").rglob("*")) == before


def test_the_skeleton_passes_the_static_gates(scaffolded, copy_database):
    bin_dir = scaffolded / ".venv" / "bin"
    if get_settings().is_sqlite:
        # Engine-independent (and the costliest part of this module): once per `make test`.
        run(scaffolded, str(bin_dir / "ruff"), "check", ".")
        run(scaffolded, str(bin_dir / "ruff"), "format", "--check", ".")
        run(scaffolded, str(bin_dir / "mypy"))
        run(scaffolded, str(bin_dir / "lint-imports"))
        run(scaffolded, sys.executable, "-m", "ci.assemble_docs", "--check")
    var = str(scaffolded / "var")
    for alembic in (["upgrade", "head"], ["check"]):
        run(
            scaffolded,
            str(bin_dir / "alembic"),
            *alembic,
            DATABASE_URL=copy_database,
            TRELLIS_VAR_DIR=var,
        )


def _passed(output: str) -> int:
    found = re.search(r"(\d+) passed", output)
    assert found, output
    assert " failed" not in output and " error" not in output, output
    return int(found.group(1))


def test_the_skeleton_passes_its_own_tests_and_the_shared_ones(scaffolded, copy_database):
    pytest_in_copy = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    env = {"DATABASE_URL": copy_database}
    own = run(scaffolded, *pytest_in_copy, f"tests/{SLUG}", **env)
    assert _passed(own) == 7
    shared = run(
        scaffolded,
        *pytest_in_copy,
        "tests/test_spec_wiring.py",
        "tests/test_shared_answers.py",
        "-k",
        SLUG,
        **env,
    )
    # The wiring and the shared answers (401, 400, 404, 413, 415...) of the three new operations.
    assert _passed(shared) >= 16
    run(scaffolded, *pytest_in_copy, "tests/test_docs.py", **env)
