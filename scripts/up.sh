#!/usr/bin/env bash
# Run the platform locally: dependencies, NATS + PostgreSQL, build, migrations, then each service in the
# background (logs .data/logs/<svc>.log, pids .data/run/<svc>.pid), waiting for /health/ready.
# Running it again restarts the services, so code changes take effect. Stop them with scripts/down.sh.
#
#   SERVICES       services to start (default: "scheduler market-data news predictions portfolio vc")
#   <SVC>_PORT     a service's HTTP port, e.g. MARKET_DATA_PORT=4001 (defaults: the table in DESIGN.md)
#   NATS_URL, DATABASE_URL are passed through to the services.
#   NO_DEMO=1      skip the demo predictions and votes (scripts/demo/seed-predictions.ts), the demo portfolios
#                  (scripts/demo/seed-portfolio.ts) and the first signal run
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT_DIR"

export NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/marketpulse}"

read -r -a SERVICES <<<"${SERVICES:-scheduler market-data news predictions portfolio vc}"
declare -A PORTS=(
  [market-data]=3001
  [news]=3002
  [predictions]=3003
  [portfolio]=3004
  [vc]=3005
  [scheduler]=3006
)
declare -A LINKS=( # what the summary points at, besides /docs
  [market-data]="/prices/latest"
  [scheduler]="/jobs"
  [news]="/news /sources"
  [predictions]="/predictions /leaderboards/all-time/accuracy"
  [vc]="/summary /landscape /ipos /funds"
)
HEALTH_TIMEOUT=60

port_of() { # svc -> port, honouring <SVC>_PORT
  local var
  var="$(echo "$1" | tr '[:lower:]-' '[:upper:]_')_PORT"
  echo "${!var:-${PORTS[$1]:-}}"
}
http_status() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true
  else
    node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
      .then((r) => process.stdout.write(String(r.status)), () => process.stdout.write("000"))' "$1"
  fi
}

for svc in "${SERVICES[@]}"; do
  [[ -n "$(port_of "$svc")" ]] || die "no port known for service '$svc' (add it to PORTS in scripts/up.sh or set $(echo "$svc" | tr '[:lower:]-' '[:upper:]_')_PORT)"
done

bash "$ROOT_DIR/scripts/install.sh"
bash "$ROOT_DIR/scripts/infra/ensure-nats.sh"
bash "$ROOT_DIR/scripts/infra/ensure-postgres.sh"

log "building (npm run build)"
npm run --silent build
log "migrating (node dist/scripts/migrate.js)"
node dist/scripts/migrate.js

mkdir -p "$RUN_DIR" "$LOG_DIR"

# Stop what runs from an earlier `up` so the new build takes effect.
running=()
for svc in "${SERVICES[@]}"; do
  pid="$(cat "$RUN_DIR/$svc.pid" 2>/dev/null || true)"
  [[ -n "$pid" ]] && alive "$pid" && running+=("$svc")
done
if ((${#running[@]})); then
  log "restarting ${running[*]} (already running)"
  bash "$ROOT_DIR/scripts/down.sh" "${running[@]}"
fi

for svc in "${SERVICES[@]}"; do # check everything before starting anything
  main="dist/services/$svc/src/main.js"
  port="$(port_of "$svc")"
  [[ -f "$main" ]] || die "$main not found after the build"
  if tcp_open 127.0.0.1 "$port"; then
    die "port $port (for $svc) is already in use by another process; stop it or set $(echo "$svc" | tr '[:lower:]-' '[:upper:]_')_PORT"
  fi
done

launcher=()
command -v setsid >/dev/null 2>&1 && launcher=(setsid) # detach: Ctrl-C of make must not kill the services
for svc in "${SERVICES[@]}"; do
  main="dist/services/$svc/src/main.js"
  port="$(port_of "$svc")"
  pidfile="$RUN_DIR/$svc.pid"
  logfile="$LOG_DIR/$svc.log"
  rm -f "$pidfile"
  echo "----- $(date -u +%Y-%m-%dT%H:%M:%SZ) starting $svc on port $port -----" >>"$logfile"
  # bash writes its own pid, then becomes node: the pid file holds the service's pid.
  PORT="$port" "${launcher[@]}" bash -c 'echo $$ >"$0"; exec node "$1"' "$pidfile" "$main" \
    </dev/null >>"$logfile" 2>&1 &
  log "started $svc (port $port, log .data/logs/$svc.log)"
done

for svc in "${SERVICES[@]}"; do
  port="$(port_of "$svc")"
  url="http://127.0.0.1:$port/health/ready"
  pidfile="$RUN_DIR/$svc.pid"
  ok=""
  for ((i = 0; i < HEALTH_TIMEOUT * 2; i++)); do
    if [[ "$(http_status "$url")" == 200 ]]; then ok=1; break; fi
    pid="$(cat "$pidfile" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && ! alive "$pid"; then break; fi # exited: no point in waiting
    sleep 0.5
  done
  if [[ -z "$ok" ]]; then
    echo "[marketpulse] last 40 lines of .data/logs/$svc.log:" >&2
    tail -n 40 "$LOG_DIR/$svc.log" >&2 || true
    pid="$(cat "$pidfile" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && alive "$pid"; then
      die "$svc (pid $pid) is not ready at $url after ${HEALTH_TIMEOUT} s (make down stops what runs)"
    fi
    die "$svc exited before it was ready at $url (make down stops what runs)"
  fi
  log "$svc ready at $url (pid $(cat "$pidfile"))"
done

if [[ " ${SERVICES[*]} " == *" predictions "* && " ${SERVICES[*]} " == *" market-data "* && -z "${NO_DEMO:-}" ]]; then
  # Demo predictions and votes through the public API (NO_DEMO=1 skips them).
  PREDICTIONS_URL="http://127.0.0.1:$(port_of predictions)" MARKET_DATA_URL="http://127.0.0.1:$(port_of market-data)" \
    node dist/scripts/demo/seed-predictions.js || log "demo predictions were not seeded (see above); the platform is up"
fi
if [[ " ${SERVICES[*]} " == *" portfolio "* && " ${SERVICES[*]} " == *" market-data "* && -z "${NO_DEMO:-}" ]]; then
  # Demo portfolios, transactions and alerts through the public API (NO_DEMO=1 skips them).
  PORTFOLIO_URL="http://127.0.0.1:$(port_of portfolio)" MARKET_DATA_URL="http://127.0.0.1:$(port_of market-data)" \
    node dist/scripts/demo/seed-portfolio.js || log "demo portfolios were not seeded (see above); the platform is up"
fi
if [[ " ${SERVICES[*]} " == *" market-data "* && -z "${NO_DEMO:-}" ]]; then
  # Signals and a trend report from the backfilled history now, rather than at the next 08:00 run
  # (the daily report detects signals first).
  node dist/services/scheduler/src/cli/run-job.js market-data.daily-report --timeout 90 >/dev/null &&
    log "signals detected and a trend report written (GET /signals, /reports/latest)" ||
    log "daily-report did not complete; it runs daily at 08:00 UTC"
fi

if [[ " ${SERVICES[*]} " == *" news "* ]]; then
  # The bundled sample feeds now, rather than at the next quarter hour (offline: the service serves them).
  node dist/services/scheduler/src/cli/run-job.js news.fetch --timeout 60 >/dev/null &&
    log "news fetched from the bundled sample feeds (GET /news)" ||
    log "news.fetch did not complete; it runs every 15 minutes"
fi

echo
log "Marketpulse is up:"
for svc in "${SERVICES[@]}"; do
  port="$(port_of "$svc")"
  line="  $(printf '%-12s' "$svc") http://127.0.0.1:$port/docs"
  for p in ${LINKS[$svc]:-}; do line+="  http://127.0.0.1:$port$p"; done
  echo "$line"
done
if command -v nats >/dev/null 2>&1; then
  echo "  events:      nats --server '$NATS_URL' sub 'price.updated.>'"
else
  echo "  events:      node scripts/watch-events.cjs 'price.updated.>'"
fi
echo "  logs:        make logs"
echo "  stop:        make down"
