#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against the real PostgreSQL (each test
# on its own fresh database), in parallel.
set -euo pipefail
. "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"
require cargo "install Rust with rustup"

ensure_postgres
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

if ! command -v cargo-nextest >/dev/null 2>&1; then
  log "installing cargo-nextest"
  cargo install --locked cargo-nextest
fi

log "running tests"
cargo nextest run --workspace --locked --no-fail-fast --test-threads 8
