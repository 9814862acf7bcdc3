#!/usr/bin/env bash
# The test command (README, quick start step 2; .ci/run runs it too): installs what the tests need on a fresh Debian
# machine, then runs every test. Arguments are passed to `dotnet test` (e.g. --filter, --logger).
#
# Besides what NuGet restores (SQLite is bundled, SMTP and HTTP servers run in-process) the tests need Chromium for the
# browser-rendering tests (tests/PartnerWatch.Tests/Fetch/Browser) and the PostgreSQL server binaries for the store tests
# on PostgreSQL (their fixture starts a private server: initdb into a temp folder, pg_ctl on a free loopback port; the
# package's own cluster is neither used nor started; PARTNERWATCH_TEST_POSTGRES, a connection string, names a server
# instead). Both kinds of test fail rather than skip without them. Installs use apt-get, as root or through `sudo -n`.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[tests] %s\n' "$*"; }

apt_updated=0
install_package() { # install_package PACKAGE WHAT-FAILS-WITHOUT-IT
  local sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    else log "$1 missing and not root (no sudo): $2 will fail"; return; fi
  fi
  log "installing $1"
  if ! DEBIAN_FRONTEND=noninteractive timeout 600 "${sudo_cmd[@]}" apt-get install -y -qq "$1" >/dev/null 2>&1; then
    # Package lists may be missing or stale on a fresh machine: refresh once and retry.
    if [ "$apt_updated" -eq 0 ]; then timeout 300 "${sudo_cmd[@]}" apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive timeout 600 "${sudo_cmd[@]}" apt-get install -y -qq "$1" >/dev/null 2>&1 \
      || log "could not install $1: $2 will fail"
  fi
}

have_initdb() { command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

command -v chromium >/dev/null 2>&1 || install_package chromium "the browser-rendering tests"
if [ -z "${PARTNERWATCH_TEST_POSTGRES:-}" ] && ! have_initdb; then install_package postgresql "the PostgreSQL store tests"; fi

log "dotnet $(dotnet --version)"
command -v chromium >/dev/null 2>&1 && log "$(chromium --version 2>/dev/null | head -n 1)"
have_initdb && log "postgresql $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sed -E 's#.*/postgresql/([^/]+)/bin#\1#' | sort -n | tail -n 1) binaries for the store tests"

exec dotnet test PartnerWatch.sln "$@"
