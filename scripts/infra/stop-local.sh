#!/usr/bin/env bash
# Stop the servers that scripts/infra/ensure-*.sh started for this checkout (by their pid files in
# .data/run/): nats-server, the .data/postgres cluster, embedded PostgreSQL. Machine-wide servers
# (the ones that were already running, or a Debian cluster started with pg_ctlcluster) are left alone.
# Data stays in .data/ (make clean removes it).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

cmdline_has() { [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"; }
wait_gone() { # pid seconds
  local i
  for ((i = 0; i < $2 * 4; i++)); do
    alive "$1" || return 0
    sleep 0.25
  done
  return 1
}

# stop NAME PIDFILE EXPECTED_CMDLINE_FRAGMENT SIGNAL LAST_RESORT_SIGNAL
stop_one() {
  local name="$1" pidfile="$2" expect="$3" sig="$4" last="$5" pid
  [[ -f "$pidfile" ]] || return 0
  FOUND=1
  pid="$(head -n 1 "$pidfile" | tr -dc '0-9')"
  if [[ -z "$pid" ]] || ! alive "$pid"; then
    log "$name: not running (removing stale ${pidfile#"$ROOT_DIR/"})"
    rm -f "$pidfile"
    return 0
  fi
  if [[ -r "/proc/$pid/cmdline" ]] && ! cmdline_has "$pid" "$expect"; then
    log "$name: pid $pid is not $expect any more; leaving it alone (removing stale ${pidfile#"$ROOT_DIR/"})"
    rm -f "$pidfile"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill "-$sig" "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" 30; then
    log "$name (pid $pid) still running after 30 s; sending SIG$last"
    kill "-$last" "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || log "$name (pid $pid) did not exit"
  fi
  rm -f "$pidfile"
  log "stopped $name"
}

FOUND=0

stop_one "nats-server" "$RUN_DIR/nats.pid" "nats-server" TERM KILL
# postgres: SIGINT = fast shutdown (rolls back sessions, checkpoints); SIGQUIT = immediate shutdown
stop_one "PostgreSQL (.data/postgres)" "$RUN_DIR/postgres.pid" "postgres" INT QUIT
# the node wrapper stops its postgres child on SIGTERM
stop_one "embedded PostgreSQL" "$RUN_DIR/embedded-postgres.pid" "embedded-postgres.cjs" TERM KILL

# If the embedded wrapper was killed hard, its postgres child may still be running.
pm="$DATA_DIR/postgres-embedded/postmaster.pid"
if [[ -f "$pm" ]]; then
  pid="$(head -n 1 "$pm" | tr -dc '0-9')"
  if [[ -n "$pid" ]] && alive "$pid" && cmdline_has "$pid" "postgres"; then
    log "stopping orphaned embedded postgres (pid $pid)"
    kill -INT "$pid" 2>/dev/null || true
    wait_gone "$pid" 30 || kill -QUIT "$pid" 2>/dev/null || true
    FOUND=1
  fi
fi
((FOUND)) || log "nothing to stop: no NATS or PostgreSQL started by scripts/infra (machine-wide servers are left alone)"
exit 0
