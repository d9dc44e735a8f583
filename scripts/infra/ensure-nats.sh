#!/usr/bin/env bash
# Make sure a NATS server with JetStream answers at NATS_URL.
#
#   NATS_URL  default nats://127.0.0.1:4222 (only the first URL of a comma-separated list is checked)
#
# Reachable: nothing to do. Unreachable and local (127.0.0.1/localhost/::1): start nats-server with
# JetStream in the background, data in .data/nats, log in .data/logs/nats.log, pid in .data/run/nats.pid
# (scripts/infra/stop-local.sh stops it). Unreachable and remote: fail.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
STORE_DIR="$DATA_DIR/nats"
PID_FILE="$RUN_DIR/nats.pid"
LOG_FILE="$LOG_DIR/nats.log"

NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"

# --- parse the first URL: [scheme://][user[:pass]@]host[:port][/...] -----------------------------
first="${NATS_URL%%,*}"
first="${first#"${first%%[![:space:]]*}"}" # trim leading blanks
hostport="${first#*://}"
hostport="${hostport##*@}"
hostport="${hostport%%/*}"
if [[ "$hostport" == \[* ]]; then # [ipv6]:port
  host="${hostport#[}"
  host="${host%%]*}"
  rest="${hostport#*]}"
  port="${rest#:}"
else
  host="${hostport%%:*}"
  port=""
  [[ "$hostport" == *:* ]] && port="${hostport##*:}"
fi
host="${host:-127.0.0.1}"
port="${port:-4222}"
[[ "$port" =~ ^[0-9]+$ ]] || die "cannot parse a port from NATS_URL='$NATS_URL'"

# A NATS server greets every new connection with an INFO line (even when TLS is required), so this is a
# real check, not just "something accepted a TCP connection" (some networks accept any connection).
# Exit codes: 0 NATS answered, 1 connection refused, other: connected but no INFO line.
nats_probe() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1; IFS= read -r -t 2 line <&3 || exit 2; [[ $line == INFO* ]] || exit 3' \
    _ "$1" "$2" >/dev/null 2>&1
}
tcp_open() { nats_probe "$@"; }

probe_rc=0
nats_probe "$host" "$port" || probe_rc=$?
if ((probe_rc == 0)); then
  log "NATS reachable at $host:$port"
  exit 0
fi

case "$host" in
  127.0.0.1 | localhost | ::1) ;;
  *) die "NATS is not reachable at $host:$port (NATS_URL=$NATS_URL); it is not a local address, so start it there or point NATS_URL at a running server" ;;
esac

# --- a server we started before that is still coming up? -----------------------------------------
ours_alive() { [[ -s "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }
ours_on_port() { tr '\0' ' ' <"/proc/$(cat "$PID_FILE")/cmdline" 2>/dev/null | grep -q -- "-p $port "; }
if ours_alive && ours_on_port; then
  log "nats-server (pid $(cat "$PID_FILE")) is running but $host:$port is not answering yet; waiting"
  for _ in $(seq 1 20); do
    if tcp_open "$host" "$port"; then log "NATS reachable at $host:$port"; exit 0; fi
    sleep 0.5
  done
  die "nats-server pid $(cat "$PID_FILE") does not answer on $host:$port; see $LOG_FILE (stop it with scripts/infra/stop-local.sh)"
fi

if ((probe_rc != 1)); then
  die "something listens on $host:$port but does not answer as a NATS server; free the port or set NATS_URL"
fi
if ours_alive; then
  die "the nats-server these scripts started (pid $(cat "$PID_FILE")) listens on another port; stop it first with scripts/infra/stop-local.sh"
fi

# --- find (or install) nats-server ------------------------------------------------------------------
find_nats() {
  if command -v nats-server >/dev/null 2>&1; then
    command -v nats-server
  elif [[ -x /usr/sbin/nats-server ]]; then
    echo /usr/sbin/nats-server
  elif [[ -x /usr/local/bin/nats-server ]]; then
    echo /usr/local/bin/nats-server
  else
    return 1
  fi
}

NATS_BIN="$(find_nats || true)"
if [[ -z "$NATS_BIN" && "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  log "nats-server not found; installing the Debian package nats-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nats-server >/dev/null ||
    log "apt-get install nats-server failed"
  NATS_BIN="$(find_nats || true)"
fi
[[ -n "$NATS_BIN" ]] || die "nats-server not found. Install it (Debian/Ubuntu: 'sudo apt-get install nats-server'; macOS: 'brew install nats-server'; or a release from https://github.com/nats-io/nats-server/releases), or set NATS_URL to a running server"

# --- start it ---------------------------------------------------------------------------------------
mkdir -p "$RUN_DIR" "$LOG_DIR" "$STORE_DIR"
rm -f "$PID_FILE"

launcher=()
command -v setsid >/dev/null 2>&1 && launcher=(setsid) # detach from the terminal: Ctrl-C of make must not kill it
"${launcher[@]}" nohup "$NATS_BIN" -a "$host" -p "$port" -js -sd "$STORE_DIR" -l "$LOG_FILE" -P "$PID_FILE" \
  </dev/null >>"$LOG_FILE" 2>&1 &

for _ in $(seq 1 40); do # 10 s
  if tcp_open "$host" "$port"; then
    log "started nats-server (JetStream) on $host:$port (data in .data/nats, log in .data/logs/nats.log, pid $(cat "$PID_FILE" 2>/dev/null || echo '?'))"
    exit 0
  fi
  sleep 0.25
done

echo "[marketpulse] last lines of $LOG_FILE:" >&2
tail -n 20 "$LOG_FILE" >&2 || true
die "nats-server did not open $host:$port within 10 s"
