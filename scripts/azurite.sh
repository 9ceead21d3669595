#!/usr/bin/env bash
# Installs and runs Azurite's blob service (the Azure Storage emulator, npm package `azurite`) on loopback
# for the Azure Blob tests.
#
#   eval "$(scripts/azurite.sh start)"   # install if needed, start, export AZURITE_BLOB_STORAGE_URL
#   scripts/azurite.sh status            # print the export line of the running instance, or fail
#   scripts/azurite.sh stop              # stop it and forget its state
#
# `start` prints exactly one line on stdout, `export AZURITE_BLOB_STORAGE_URL=http://127.0.0.1:<port>`;
# everything else goes to stderr. It is idempotent: with an instance already running for the same state
# folder it prints that instance's line.
#
# Settings (environment):
#   AZURITE_VERSION    npm version to install (default 3.37.0, the version the storage tests were verified on)
#   AZURITE_PORT       blob port (default 0: an ephemeral port chosen by the OS, read back from Azurite's log)
#   AZURITE_STATE_DIR  where the pid, URL and log live (default ${TMPDIR:-/tmp}/omnigraph-azurite-<uid>);
#                      scripts/test.sh uses a fresh folder per run, so parallel runs never share an instance
#   OMNIGRAPH_CACHE_DIR  cache root (default ~/.cache/omnigraph); Azurite is installed under azurite/<version>
#
# Why these flags: --inMemoryPersistence keeps nothing on disk; --skipApiVersionCheck because the Blob SDK we
# use (12.36) sends a newer API version than Azurite 3.37 knows; --loose ignores headers Azurite does not
# implement; --disableTelemetry keeps the emulator off the network. Azurite in memory logs "successfully
# closed" on SIGTERM but does not exit, so `stop` sends SIGKILL after a grace period.
set -euo pipefail

version="${AZURITE_VERSION:-3.37.0}"
cache_root="${OMNIGRAPH_CACHE_DIR:-$HOME/.cache/omnigraph}"
install_dir="$cache_root/azurite/$version"
state_dir="${AZURITE_STATE_DIR:-${TMPDIR:-/tmp}/omnigraph-azurite-$(id -u)}"
pid_file="$state_dir/azurite.pid"
url_file="$state_dir/azurite.url"
log_file="$state_dir/azurite.log"

say() { echo "azurite.sh: $*" >&2; }

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid="$(cat "$pid_file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

install() {
  if [ -x "$install_dir/node_modules/.bin/azurite-blob" ]; then
    return 0
  fi
  command -v npm >/dev/null || { say "npm is not installed; install Node.js (>= 18) to run the Azure Blob tests"; return 1; }
  mkdir -p "$(dirname "$install_dir")"
  # install into a private folder and rename it into place, so concurrent installs never see a half-written one
  local staging
  staging="$(mktemp -d "$install_dir.staging.XXXXXX")"
  say "installing azurite@$version into $install_dir"
  if ! npm install --prefix "$staging" --no-audit --no-fund --loglevel=error "azurite@$version" >&2; then
    rm -rf "$staging"
    say "npm install azurite@$version failed"
    return 1
  fi
  mv -T "$staging" "$install_dir" 2>/dev/null || rm -rf "$staging"
}

start() {
  local pid
  if pid="$(running_pid)"; then
    echo "export AZURITE_BLOB_STORAGE_URL=$(cat "$url_file")"
    return 0
  fi
  install
  mkdir -p "$state_dir"
  rm -f "$pid_file" "$url_file"
  nohup "$install_dir/node_modules/.bin/azurite-blob" \
      --blobHost 127.0.0.1 --blobPort "${AZURITE_PORT:-0}" \
      --inMemoryPersistence --extentMemoryLimit 1024 \
      --skipApiVersionCheck --loose --silent --disableTelemetry \
      >"$log_file" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
  local url="" waited=0
  while [ -z "$url" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "Azurite exited during start-up; its log ($log_file):"
      cat "$log_file" >&2
      rm -f "$pid_file"
      return 1
    fi
    if [ "$waited" -ge 600 ]; then
      say "Azurite did not report a listening port within 60 s; its log ($log_file):"
      cat "$log_file" >&2
      stop
      return 1
    fi
    url="$(grep -o 'successfully listens on http://[0-9.]*:[0-9]*' "$log_file" 2>/dev/null | head -n 1 | sed 's/.* on //')" || true
    [ -n "$url" ] || { sleep 0.1; waited=$((waited + 1)); }
  done
  echo "$url" >"$url_file"
  say "Azurite $version blob service (pid $pid) listening on $url"
  echo "export AZURITE_BLOB_STORAGE_URL=$url"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
    say "stopped Azurite (pid $pid)"
  fi
  rm -f "$pid_file" "$url_file"
}

status() {
  if running_pid >/dev/null; then
    echo "export AZURITE_BLOB_STORAGE_URL=$(cat "$url_file")"
  else
    say "no Azurite is running for $state_dir"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 64 ;;
esac
