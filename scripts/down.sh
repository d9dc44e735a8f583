#!/usr/bin/env bash
# Stop the services that scripts/up.sh started (by their pid files in .data/run/): SIGTERM, wait up to
# 20 s for them to drain and exit, then SIGKILL. With arguments, stops only those services.
# NATS and PostgreSQL keep running (scripts/infra/stop-local.sh stops the ones the scripts started).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
GRACE=20

is_service() { [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF "dist/services/$2/"; }

services=("$@")
if ((${#services[@]} == 0)); then
  shopt -s nullglob
  for f in "$RUN_DIR"/*.pid; do
    name="$(basename "$f" .pid)"
    case "$name" in nats | postgres | embedded-postgres) continue ;; esac # infrastructure: stop-local.sh
    services+=("$name")
  done
fi
if ((${#services[@]} == 0)); then
  log "no services running"
  exit 0
fi

declare -A PIDS=()
stopping=()
for svc in "${services[@]}"; do
  pidfile="$RUN_DIR/$svc.pid"
  pid="$(tr -dc '0-9' 2>/dev/null <"$pidfile" || true)"
  if [[ -z "$pid" ]] || ! alive "$pid"; then
    [[ -f "$pidfile" ]] && log "$svc: not running"
    rm -f "$pidfile"
    continue
  fi
  if [[ -r "/proc/$pid/cmdline" ]] && ! is_service "$pid" "$svc"; then
    log "$svc: pid $pid is not the service any more; leaving it alone"
    rm -f "$pidfile"
    continue
  fi
  log "stopping $svc (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  PIDS[$svc]="$pid"
  stopping+=("$svc")
done

deadline=$((SECONDS + GRACE))
for svc in "${stopping[@]}"; do
  pid="${PIDS[$svc]}"
  while alive "$pid" && ((SECONDS < deadline)); do sleep 0.25; done
  if alive "$pid"; then
    log "$svc (pid $pid) still running after ${GRACE} s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  else
    log "stopped $svc"
  fi
  rm -f "$RUN_DIR/$svc.pid"
done
