#!/usr/bin/env bash
# Runs the whole system on its defaults: PostgreSQL (when local and down), migrations, demo
# data, and the API server on :8000. Stop it with ./stop_all_services.sh.
set -euo pipefail
. "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"
load_env
require cargo "install Rust with rustup"

ensure_postgres

log "building synapse"
cargo build --locked --bin synapse
BIN="$CARGO_TARGET_DIR/debug/synapse"

log "migrating and seeding"
"$BIN" migrate up
"$BIN" seed

if [ -f "$RUN_DIR/synapse.pid" ] && kill -0 "$(cat "$RUN_DIR/synapse.pid")" 2>/dev/null; then
  log "stopping the previous server"
  kill "$(cat "$RUN_DIR/synapse.pid")" || true
  sleep 1
fi

log "starting the API server (log: .run/synapse.log)"
nohup "$BIN" serve >"$RUN_DIR/synapse.log" 2>&1 &
echo $! >"$RUN_DIR/synapse.pid"

PORT="${BIND_ADDR:-0.0.0.0:8000}"; PORT="${PORT##*:}"
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then
    log "ready"
    echo "  GraphiQL:  http://localhost:$PORT/graphiql"
    echo "  GraphQL:   http://localhost:$PORT/graphql   (websocket: ws://localhost:$PORT/graphql/ws)"
    echo "  Demo users: admin, test-manager, tester, report-owner, report-owner-executive,"
    echo "              data-executive, data-owner; password \$SYNAPSE_DEMO_PASSWORD (default synapse-demo)"
    exit 0
  fi
  kill -0 "$(cat "$RUN_DIR/synapse.pid")" 2>/dev/null || break
  sleep 1
done
echo "the server did not become ready; see .run/synapse.log" >&2
tail -n 20 "$RUN_DIR/synapse.log" >&2 || true
exit 1
