#!/usr/bin/env bash
# Install the npm dependencies when they are missing or older than package-lock.json; quiet otherwise.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT_DIR"

if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "[marketpulse] installing dependencies (npm ci)"
  out="$(mktemp)"
  trap 'rm -f "$out"' EXIT
  if npm ci --no-audit --no-fund >"$out" 2>&1; then
    cat "$out"
  else
    # A registry that does not serve some platforms' optional packages (e.g. @unrs/resolver-binding-darwin-*)
    # produces a lock file without them, which npm ci then calls "out of sync". npm install resolves the
    # same pinned versions from the lock and leaves it unchanged in that case.
    if grep -q "can only install packages when your package.json and package-lock.json" "$out"; then
      echo "[marketpulse] npm ci says package-lock.json is out of sync (a registry that lacks some platforms' optional packages causes this); falling back to npm install"
      npm install --no-audit --no-fund
    else
      cat "$out" >&2
      echo "[marketpulse] ERROR: npm ci failed" >&2
      exit 1
    fi
  fi
fi
