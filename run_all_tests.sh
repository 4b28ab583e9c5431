#!/usr/bin/env bash
# Runs every test: the Rust unit and integration tests against the real PostgreSQL (each test on
# its own fresh database) and the real Temporal dev server (each test on its own task queue), in
# parallel; the frontend's checks and unit tests; then its browser tests in Debian's chromium
# against a server of their own. Services this script started are stopped when it ends.
set -euo pipefail
. "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"
require cargo "install Rust with rustup"

ensure_postgres
started_temporal=false
if ! port_open "$(temporal_port)"; then started_temporal=true; fi
ensure_temporal
if $started_temporal; then
  trap 'kill "$(cat "$RUN_DIR/temporal.pid")" 2>/dev/null || true; rm -f "$RUN_DIR/temporal.pid"' EXIT
fi
ensure_chromium
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

if ! command -v cargo-nextest >/dev/null 2>&1; then
  log "installing cargo-nextest"
  cargo install --locked cargo-nextest
fi

log "frontend: generated types, typecheck, lint, unit tests, build"
ensure_frontend_packages
(cd frontend && npm run --silent codegen:check && npm run --silent typecheck && npm run --silent lint \
  && npm test --silent && npm run --silent build >/dev/null)

# Each test leaves its database behind (see `TestDb`): dropping one forces a checkpoint that
# stalls the others. The databases a test run created (object ids above the highest before it)
# are dropped once it ends, passed or failed.
first_test_oid="$(psql "$DATABASE_URL" -Atc "SELECT max(oid) FROM pg_database")"
drop_test_databases() {
  psql "$DATABASE_URL" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'synapse\_test\_%'
                             AND oid > $first_test_oid" | while read -r db; do
    psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
}
run_tests() {
  local status=0
  cargo nextest run --workspace --locked --no-fail-fast "$@" || status=$?
  drop_test_databases
  return "$status"
}

log "running tests"
run_tests --test-threads 8

# Restarts PostgreSQL, so it runs alone, after everything else.
log "running the PostgreSQL restart test on its own"
run_tests --run-ignored only -E 'test(postgres_restart)'


log "browser tests against a server of their own (database, task queue and port)"
e2e_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
e2e_db="synapse_e2e_$$"
e2e_env=(DATABASE_URL="${DATABASE_URL%/*}/$e2e_db" BIND_ADDR="127.0.0.1:$e2e_port" TEMPORAL_WORKER_ENABLED=true
         TEMPORAL_TASK_QUEUE="e2e-$$" TEMPORAL_WORKFLOW_ID_PREFIX="e2e-$$-" FRONTEND_DIST=frontend/dist
         SYNAPSE_TESTING_FAULTS=true)
BIN="$CARGO_TARGET_DIR/debug/synapse"
env "${e2e_env[@]}" "$BIN" migrate up >/dev/null
env "${e2e_env[@]}" "$BIN" seed >/dev/null
env "${e2e_env[@]}" "$BIN" serve >"$RUN_DIR/e2e-server.log" 2>&1 &
e2e_server=$!
cleanup_e2e() {
  kill "$e2e_server" 2>/dev/null || true
  wait "$e2e_server" 2>/dev/null || true
  psql "${DATABASE_URL}" -qc "DROP DATABASE IF EXISTS $e2e_db WITH (FORCE)" >/dev/null 2>&1 || true
}
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$e2e_port/readyz" >/dev/null 2>&1 && break
  sleep 1
done
status=0
(cd frontend && E2E_BASE_URL="http://127.0.0.1:$e2e_port" E2E_DATABASE_URL="${DATABASE_URL%/*}/$e2e_db" \
  npm run --silent e2e) || status=$?
cleanup_e2e
if [ "$status" != 0 ]; then
  echo "browser tests failed; the server's log: .run/e2e-server.log" >&2
  exit "$status"
fi
