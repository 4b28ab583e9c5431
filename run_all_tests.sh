#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against the real PostgreSQL (each test
# on its own fresh database) and the real Temporal dev server (each test on its own task queue),
# in parallel. Services this script started are stopped when it ends.
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
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

if ! command -v cargo-nextest >/dev/null 2>&1; then
  log "installing cargo-nextest"
  cargo install --locked cargo-nextest
fi

log "running tests"
cargo nextest run --workspace --locked --no-fail-fast --test-threads 8

# Restarts PostgreSQL, so it runs alone, after everything else.
log "running the PostgreSQL restart test on its own"
cargo nextest run --workspace --locked --no-fail-fast --run-ignored only -E 'test(postgres_restart)'

