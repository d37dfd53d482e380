# Sourced, not run: a live Trellis server for the gates that speak HTTP to it (contracts, the
# RealWorld suite). `start_live_server` migrates the database named by DATABASE_URL, starts
# `trellis serve` with 2 workers on a free loopback port, waits until /health answers, and stops
# the server by its PID when the calling script exits.
# Sets LIVE_WORK (a scratch directory removed on exit), PORT and BASE.
PY=.venv/bin
LIVE_WORK=$(mktemp -d "${TMPDIR:-/tmp}/trellis-live.XXXXXX")
live_server_pid=""
stop_live_server() {
  local status=$?
  if [ -n "$live_server_pid" ]; then
    kill "$live_server_pid" 2>/dev/null || true
    wait "$live_server_pid" 2>/dev/null || true
  fi
  for pid in "$rates_provider_pid" "$weather_provider_pid" "$ghstats_provider_pid"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$LIVE_WORK"
  exit "$status"
}
trap stop_live_server EXIT INT TERM

free_port() {
  "$PY/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

mkdir -p "$LIVE_WORK/var"
export TRELLIS_ENV=development TRELLIS_VAR_DIR="$LIVE_WORK/var" ARGON2_MEMORY_KIB=1024 LOG_LEVEL=WARNING
# Fuzzed URLs never make the server look a name up (core.outbound); loopback pages are fetched
# (the contract gates' hooks serve them on 127.0.0.1: contracts/dredd/hooks/previews.py).
export OUTBOUND_DNS=0 OUTBOUND_ALLOW_LOOPBACK=1
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
# The exchange-rates provider: recorded answers replayed on loopback (contracts/rates_provider.py).
RATES_PROVIDER_PORT=$(free_port)
export RATES_BASE_URL="http://127.0.0.1:$RATES_PROVIDER_PORT"
rates_provider_pid=""
# The forecast provider: a recorded Open-Meteo answer replayed on loopback (contracts/weather_provider.py).
WEATHER_PROVIDER_PORT=$(free_port)
export WEATHER_PROVIDER_URL="http://127.0.0.1:$WEATHER_PROVIDER_PORT"
weather_provider_pid=""
# GitHub (the ghstats row): recorded answers replayed on loopback (contracts/ghstats_provider.py).
GHSTATS_PROVIDER_PORT=$(free_port)
export GHSTATS_BASE_URL="http://127.0.0.1:$GHSTATS_PROVIDER_PORT"
ghstats_provider_pid=""

start_live_server() {
  "$PY/python" -m contracts.rates_provider "$RATES_PROVIDER_PORT" &
  rates_provider_pid=$!
  "$PY/python" -m contracts.weather_provider "$WEATHER_PROVIDER_PORT" &
  weather_provider_pid=$!
  "$PY/python" -m contracts.ghstats_provider "$GHSTATS_PROVIDER_PORT" &
  ghstats_provider_pid=$!
  "$PY/trellis" migrate >/dev/null
  "$PY/trellis" serve --port "$PORT" --workers 2 >"$LIVE_WORK/server.log" 2>&1 &
  live_server_pid=$!
  for _ in $(seq 1 300); do
    "$PY/python" - "$BASE/health" <<'PY' 2>/dev/null && return 0
import sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=1)
PY
    kill -0 "$live_server_pid" 2>/dev/null || { cat "$LIVE_WORK/server.log"; echo "server died" >&2; exit 1; }
    sleep 0.1
  done
  echo "the server did not answer /health within 30 s" >&2
  exit 1
}
