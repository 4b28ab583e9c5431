#!/usr/bin/env bash
# Runs the whole system on its defaults: PostgreSQL (when local and down), the Temporal dev
# server, migrations, demo data, the Temporal worker and the API server on :8000, which also
# serves the built frontend (the web app at http://localhost:8000/).
# Stop it with ./stop_all_services.sh.
set -euo pipefail
. "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"
load_env
require cargo "install Rust with rustup"

ensure_postgres
ensure_temporal

log "building synapse"
cargo build --locked --bin synapse
BIN="$CARGO_TARGET_DIR/debug/synapse"

build_frontend

log "migrating and seeding"
"$BIN" migrate up
"$BIN" seed

for name in synapse worker; do
  if [ -f "$RUN_DIR/$name.pid" ] && kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
    log "stopping the previous $name"
    kill "$(cat "$RUN_DIR/$name.pid")" || true
    sleep 1
  fi
done

log "starting the Temporal worker (log: .run/worker.log)"
nohup "$BIN" worker >"$RUN_DIR/worker.log" 2>&1 &
echo $! >"$RUN_DIR/worker.pid"

log "starting the API server (log: .run/synapse.log)"
nohup "$BIN" serve >"$RUN_DIR/synapse.log" 2>&1 &
echo $! >"$RUN_DIR/synapse.pid"

PORT="${BIND_ADDR:-0.0.0.0:8000}"; PORT="${PORT##*:}"
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then
    log "ready"
    echo "  Web app:   http://localhost:$PORT/   (monitoring: /workflow-monitoring, inbox: /inbox)"
    echo "  GraphiQL:  http://localhost:$PORT/graphiql"
    echo "  GraphQL:   http://localhost:$PORT/graphql   (websocket: ws://localhost:$PORT/graphql/ws)"
    echo "  Temporal UI: http://localhost:$(( $(temporal_port) + 1000 ))"
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
