# Sourced by the scripts in scripts/: where this checkout keeps its local state, and the helpers they share.
# shellcheck shell=bash
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="$ROOT_DIR/.data"
RUN_DIR="$DATA_DIR/run"
LOG_DIR="$DATA_DIR/logs"

log() { echo "[marketpulse] $*"; }
die() {
  echo "[marketpulse] ERROR: $*" >&2
  exit 1
}
alive() { # running, and not a zombie waiting to be reaped
  kill -0 "$1" 2>/dev/null && [[ "$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]]
}
tcp_open() { timeout 2 bash -c ': >"/dev/tcp/$1/$2"' _ "$1" "$2" >/dev/null 2>&1; }
