#!/usr/bin/env bash
# Stops what ./start_all_services.sh started, and nothing else.
set -euo pipefail
. "$(dirname "$0")/scripts/lib.sh"

for pidfile in "$RUN_DIR"/*.pid; do
  [ -e "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $(basename "$pidfile" .pid) ($pid)"
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
done

if [ -f "$RUN_DIR/postgres.started" ]; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  log "stopping PostgreSQL $version (started by start_all_services.sh)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main stop || true
  rm -f "$RUN_DIR/postgres.started"
fi
