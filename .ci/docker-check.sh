#!/usr/bin/env bash
# Container check for PartnerWatch, run by .ci/run after the tests:  bash .ci/docker-check.sh
#
# Builds deploy/Dockerfile, serves a small fixture site (deploy/smoke/site) on loopback, runs the image
# against it with --network host, and checks what an operator relies on: /healthz, /readyz, /status
# (the site scanned, an open claim for "microsoft"), the image's HEALTHCHECK, a non-root user, JSON logs,
# an alert in the outbox, clean shutdown on SIGTERM, the one-shot `scan --json` / `validate` commands, and
# the first run with nothing mounted (the bundled demo answers /status with its claim; one log line on mounting).
# Finally `docker-compose config -q` validates docker-compose.yml.
#
# Exit codes: 0 passed, or skipped because no Docker engine can be had here (printed loudly as
# "DOCKER CHECK SKIPPED: <reason>"); non-zero when the engine runs and the image or container fails.
#
# Environment knobs:
#   DOCKER_CHECK_IMAGES_SCRIPT  path of local-dotnet-images.sh (default: ../shared/docker/ beside the repo,
#                               then /work/shared/docker/)
#   DOCKER_CHECK_KEEP_ENGINE=1  leave a Docker engine that this script started running afterwards
#   DOCKER_CHECK_IMAGE          tag to build (default partnerwatch:check)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"

IMAGE=${DOCKER_CHECK_IMAGE:-partnerwatch:check}
RUN_ID="pwcheck-$$"
SERVE_CONTAINER="$RUN_ID-serve"
DEMO_CONTAINER="$RUN_ID-demo"
WORK_DIR=""
SITE_PID=""
ENGINE_STARTED_HERE=0
APT_UPDATED=0

log() { printf '[docker-check] %s\n' "$*"; }

skip() {
  printf '\n[docker-check] ==============================================================\n'
  printf '[docker-check] DOCKER CHECK SKIPPED: %s\n' "$*"
  printf '[docker-check] (the container image was NOT built or tested on this machine)\n'
  printf '[docker-check] ==============================================================\n\n'
  exit 0
}

show_container_logs() {
  if docker container inspect "$SERVE_CONTAINER" >/dev/null 2>&1; then
    log "---- last 60 log lines of $SERVE_CONTAINER ----"
    docker logs --tail 60 "$SERVE_CONTAINER" 2>&1 | sed 's/^/[docker-check]   | /' || true
  fi
}

fail() {
  log "FAIL: $*"
  show_container_logs
  if [ -n "$WORK_DIR" ] && [ -s "$WORK_DIR/site.log" ]; then
    log "---- last 20 lines of the fixture site's request log ----"
    tail -n 20 "$WORK_DIR/site.log" | sed 's/^/[docker-check]   | /' || true
  fi
  printf '[docker-check] DOCKER CHECK FAILED\n'
  exit 1
}

cleanup() {
  local rc=$?
  docker rm -f -v "$SERVE_CONTAINER" >/dev/null 2>&1 || true
  docker rm -f -v "$DEMO_CONTAINER" >/dev/null 2>&1 || true
  if [ -n "$SITE_PID" ]; then kill "$SITE_PID" 2>/dev/null || true; wait "$SITE_PID" 2>/dev/null || true; fi
  if [ -n "$WORK_DIR" ]; then rm -rf "$WORK_DIR"; fi
  if [ "$ENGINE_STARTED_HERE" = 1 ] && [ "${DOCKER_CHECK_KEEP_ENGINE:-0}" != 1 ]; then
    local pid
    pid=$(cat /var/run/docker.pid 2>/dev/null || true)
    if [ -n "$pid" ]; then
      log "stopping the Docker engine this check started (pid $pid; DOCKER_CHECK_KEEP_ENGINE=1 keeps it)"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    timeout 300 apt-get update -qq >/dev/null 2>&1 || log "apt-get update failed (continuing)"
    APT_UPDATED=1
  fi
}

# One HTTP GET with python3 (always present where CI runs; curl may not be): prints the status code
# (000 when nothing answered) and writes the body to $2.
http_get() {
  python3 - "$1" "$2" <<'PY'
import sys, urllib.request, urllib.error
url, out = sys.argv[1], sys.argv[2]
try:
    with urllib.request.urlopen(url, timeout=5) as r:
        code, body = r.status, r.read(4 * 1024 * 1024)
except urllib.error.HTTPError as e:
    code, body = e.code, e.read(4 * 1024 * 1024)
except Exception:
    code, body = 0, b""
open(out, "wb").write(body)
print(f"{code:03d}")
PY
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

container_running() {
  [ "$(docker inspect -f '{{.State.Running}}' "$SERVE_CONTAINER" 2>/dev/null || echo false)" = true ]
}

# Waits up to $2 seconds for GET $1 to answer $3 (default 200) while the serve container runs.
wait_for_status() {
  local url=$1 seconds=$2 want=${3:-200} code=000 deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    container_running || fail "the container stopped (exit code $(docker inspect -f '{{.State.ExitCode}}' "$SERVE_CONTAINER" 2>/dev/null)) while waiting for $url"
    code=$(http_get "$url" "$WORK_DIR/last-body")
    [ "$code" = "$want" ] && return 0
    sleep 1
  done
  fail "$url did not answer $want within ${seconds}s (last status $code)"
}

# ---------------------------------------------------------------------------------------------
# 1. A Docker engine and the two .NET base images (made locally: no container registry is reachable)
# ---------------------------------------------------------------------------------------------
command -v docker >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] || skip "no docker client and not root"; }
if ! command -v python3 >/dev/null 2>&1; then
  apt_update_once
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq python3 >/dev/null 2>&1 \
    || fail "python3 is needed for the HTTP and JSON checks and could not be installed"
fi

IMAGES_SCRIPT=${DOCKER_CHECK_IMAGES_SCRIPT:-}
if [ -z "$IMAGES_SCRIPT" ]; then
  for candidate in "$REPO_ROOT/../shared/docker/local-dotnet-images.sh" /work/shared/docker/local-dotnet-images.sh; do
    if [ -f "$candidate" ]; then IMAGES_SCRIPT=$candidate; break; fi
  done
fi

engine_up() { docker info >/dev/null 2>&1; }
engine_up && engine_was_up=1 || engine_was_up=0

if [ -n "$IMAGES_SCRIPT" ]; then
  if [ "$(id -u)" != 0 ]; then
    engine_up || skip "no Docker engine answers and starting one needs root"
  fi
  # The images script installs docker.io/debootstrap with apt-get but never refreshes the package lists.
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then apt_update_once; fi
  log "preparing the engine and base images with $IMAGES_SCRIPT (first time: a few minutes)"
  images_log=$(mktemp)
  t0=$SECONDS
  if ! timeout 1200 bash "$IMAGES_SCRIPT" >"$images_log" 2>&1; then
    sed 's/^/[docker-check]   | /' "$images_log" | tail -n 25
    rm -f "$images_log"
    engine_up && [ "$engine_was_up" = 0 ] && ENGINE_STARTED_HERE=1
    skip "local-dotnet-images.sh failed (engine or base images unavailable; output above)"
  fi
  rm -f "$images_log"
  log "engine and base images ready in $((SECONDS - t0))s"
else
  log "local-dotnet-images.sh not found (looked beside the repo in ../shared and in /work/shared)"
fi
engine_up || skip "no Docker engine answers (docker info fails)"
[ "$engine_was_up" = 0 ] && ENGINE_STARTED_HERE=1
for base in mcr.microsoft.com/dotnet/sdk:10.0 mcr.microsoft.com/dotnet/aspnet:10.0; do
  docker image inspect "$base" >/dev/null 2>&1 || skip "base image $base is missing and no registry is reachable"
done
log "engine $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?') is up"

# ---------------------------------------------------------------------------------------------
# 2. Build the image
# ---------------------------------------------------------------------------------------------
WORK_DIR=$(mktemp -d)
chmod 0755 "$WORK_DIR"
log "building $IMAGE from deploy/Dockerfile"
t0=$SECONDS
if ! timeout 1800 docker build --network host -f deploy/Dockerfile -t "$IMAGE" . >"$WORK_DIR/build.log" 2>&1; then
  tail -n 40 "$WORK_DIR/build.log" | sed 's/^/[docker-check]   | /'
  fail "docker build failed (last lines above)"
fi
log "image built in $((SECONDS - t0))s ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1/1000000}'))"

[ "$(docker image inspect -f '{{.Config.User}}' "$IMAGE")" != "" ] || fail "the image has no USER (would run as root)"
[ "$(docker image inspect -f '{{if .Config.Healthcheck}}yes{{end}}' "$IMAGE")" = yes ] || fail "the image has no HEALTHCHECK"

# ---------------------------------------------------------------------------------------------
# 3. Fixture site on loopback and a smoke configuration pointing at it
# ---------------------------------------------------------------------------------------------
SITE_PORT=$(free_port)
APP_PORT=$(free_port)
while [ "$APP_PORT" = "$SITE_PORT" ]; do APP_PORT=$(free_port); done

python3 -m http.server --bind 127.0.0.1 --directory "$REPO_ROOT/deploy/smoke/site" "$SITE_PORT" >"$WORK_DIR/site.log" 2>&1 &
SITE_PID=$!
deadline=$((SECONDS + 15))
until [ "$(http_get "http://127.0.0.1:$SITE_PORT/" "$WORK_DIR/site-index")" = 200 ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "the fixture site did not start on 127.0.0.1:$SITE_PORT"
  sleep 0.5
done
log "fixture site on http://127.0.0.1:$SITE_PORT/ (pid $SITE_PID)"

CONFIG_DIR="$WORK_DIR/config"
mkdir -p "$CONFIG_DIR"
sed "s/__SITE_PORT__/$SITE_PORT/g" deploy/smoke/partnerwatch.json >"$CONFIG_DIR/partnerwatch.json"
cp -r deploy/smoke/logos "$CONFIG_DIR/logos"
# The container runs as uid 1654: the mounted config must be world-readable (mktemp makes 0700 dirs).
chmod -R a+rX "$CONFIG_DIR"

# Same hardening as docker-compose.yml, so the check proves the app runs under it.
HARDENING=(--read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges)

# ---------------------------------------------------------------------------------------------
# 4. One-shot commands: validate (smoke config and the shipped example config), scan --json
# ---------------------------------------------------------------------------------------------
log "validate --config /config/partnerwatch.json (smoke config)"
set +e
timeout 120 docker run --rm --network host "${HARDENING[@]}" -v "$CONFIG_DIR:/config:ro" "$IMAGE" \
  validate --config /config/partnerwatch.json >"$WORK_DIR/validate.out" 2>&1
rc=$?
set -e
[ "$rc" = 0 ] || { sed 's/^/[docker-check]   | /' "$WORK_DIR/validate.out" | tail -n 30; fail "validate of the smoke config exited $rc, expected 0"; }

log "validate --config /config/partnerwatch.json (example config/ from the repository)"
set +e
timeout 120 docker run --rm --network host "${HARDENING[@]}" -v "$REPO_ROOT/config:/config:ro" "$IMAGE" \
  validate --config /config/partnerwatch.json >"$WORK_DIR/validate-example.out" 2>&1
rc=$?
set -e
[ "$rc" = 0 ] || { sed 's/^/[docker-check]   | /' "$WORK_DIR/validate-example.out" | tail -n 30; fail "validate of config/partnerwatch.json exited $rc, expected 0"; }

log "scan --config /config/partnerwatch.json --json (expects exit 1 and an unverified microsoft claim)"
set +e
timeout 240 docker run --rm --network host "${HARDENING[@]}" -v "$CONFIG_DIR:/config:ro" "$IMAGE" \
  scan --config /config/partnerwatch.json --json >"$WORK_DIR/scan.json" 2>"$WORK_DIR/scan.err"
rc=$?
set -e
if [ "$rc" != 1 ]; then
  log "---- scan stdout ----"; head -c 3000 "$WORK_DIR/scan.json" | sed 's/^/[docker-check]   | /'
  log "---- scan stderr ----"; tail -n 30 "$WORK_DIR/scan.err" | sed 's/^/[docker-check]   | /'
  fail "scan exited $rc, expected 1 (an unverified claim)"
fi
python3 - "$WORK_DIR/scan.json" <<'PY' || { head -c 3000 "$WORK_DIR/scan.json" | sed 's/^/[docker-check]   | /'; fail "scan --json output is not as expected (stdout above)"; }
import json, sys
try:
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
except ValueError as e:
    sys.exit(f"[docker-check] stdout of scan --json is not one JSON document ({e}); logs must go to stderr")
sites = [s for s in doc.get("sites", []) if s.get("site") == "smoke"]
if not sites:
    sys.exit("[docker-check] scan --json lists no site 'smoke'")
claims = [c for c in sites[0].get("claims", []) if c.get("brand") == "microsoft"]
if not claims:
    sys.exit(f"[docker-check] no 'microsoft' claim for site 'smoke'; errors: {sites[0].get('errors')}")
if claims[0].get("status") != "unverified":
    sys.exit(f"[docker-check] the microsoft claim has status {claims[0].get('status')!r}, expected 'unverified'")
kinds = sorted({e.get("kind") for e in claims[0].get("evidence", [])})
print(f"[docker-check] scan --json: {sites[0].get('pagesScanned')} page(s), microsoft claim unverified, evidence {kinds}")
PY

# ---------------------------------------------------------------------------------------------
# 5. The service: endpoints, scheduled scan on start, health check, user, logs, outbox, shutdown
# ---------------------------------------------------------------------------------------------
log "starting the service: serve --urls http://127.0.0.1:$APP_PORT"
docker run -d --name "$SERVE_CONTAINER" --network host "${HARDENING[@]}" \
  -v "$CONFIG_DIR:/config:ro" \
  -e "PARTNERWATCH_HEALTHCHECK_URL=http://127.0.0.1:$APP_PORT/healthz" \
  --health-interval 2s --health-timeout 5s --health-start-period 5s --health-retries 3 \
  "$IMAGE" serve --config /config/partnerwatch.json --urls "http://127.0.0.1:$APP_PORT" >/dev/null

BASE_URL="http://127.0.0.1:$APP_PORT"
wait_for_status "$BASE_URL/healthz" 60
log "/healthz answers 200"
wait_for_status "$BASE_URL/readyz" 60
log "/readyz answers 200"

log "polling /status (up to 90 s) for the smoke site's first scan and an open microsoft claim"
deadline=$((SECONDS + 90))
status_note="no answer yet"
while :; do
  container_running || fail "the container stopped while waiting for the first scan"
  code=$(http_get "$BASE_URL/status" "$WORK_DIR/status.json")
  if [ "$code" = 200 ]; then
    if status_note=$(python3 - "$WORK_DIR/status.json" <<'PY'
import json, sys
try:
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
except ValueError as e:
    print(f"/status is not JSON: {e}"); sys.exit(2)
missing = [k for k in ("version", "uptime", "sites", "openClaims") if k not in doc]
if missing:
    print(f"/status lacks {missing}"); sys.exit(2)
site = next((s for s in doc["sites"] if s.get("id") == "smoke"), None)
if site is None:
    print("/status lists no site 'smoke'"); sys.exit(2)
last = site.get("lastScan")
if not last or not last.get("time"):
    print("site 'smoke' has no last scan yet"); sys.exit(1)
claim = next((c for c in doc["openClaims"] if c.get("site") == "smoke" and c.get("brand") == "microsoft"), None)
if claim is None:
    print(f"no open microsoft claim for 'smoke' (last scan: {last})"); sys.exit(1)
print(f"last scan {last.get('time')} outcome={last.get('outcome')} pages={last.get('pages')}; "
      f"open claim microsoft; nextScan={site.get('nextScan')}; version={doc['version']}")
PY
    ); then
      log "/status: $status_note"
      break
    elif [ $? = 2 ]; then
      head -c 2000 "$WORK_DIR/status.json" | sed 's/^/[docker-check]   | /'; echo
      fail "$status_note"
    fi
  else
    status_note="/status answered $code"
  fi
  [ "$SECONDS" -lt "$deadline" ] || { head -c 2000 "$WORK_DIR/status.json" | sed 's/^/[docker-check]   | /'; echo; fail "after 90 s: $status_note"; }
  sleep 2
done

deadline=$((SECONDS + 30))
until [ "$(docker inspect -f '{{.State.Health.Status}}' "$SERVE_CONTAINER")" = healthy ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "the image's HEALTHCHECK did not report healthy within 30 s: $(docker inspect -f '{{json .State.Health}}' "$SERVE_CONTAINER" | head -c 600)"
  sleep 1
done
log "HEALTHCHECK reports healthy"

uid=$(docker exec "$SERVE_CONTAINER" id -u)
[ "$uid" != 0 ] || fail "the service runs as root"
log "the service runs as uid $uid"

# The alert for the unverified claim goes to the outbox in /data (no Smtp:Host in the smoke config).
deadline=$((SECONDS + 30))
until [ -n "$(docker exec "$SERVE_CONTAINER" find /data -name '*.eml' 2>/dev/null | head -n 1)" ]; do
  [ "$SECONDS" -lt "$deadline" ] || { docker exec "$SERVE_CONTAINER" ls -lnR /data 2>&1 | head -n 30 | sed 's/^/[docker-check]   | /'; fail "no alert .eml appeared under /data within 30 s"; }
  sleep 1
done
log "alert written to the outbox: $(docker exec "$SERVE_CONTAINER" find /data -name '*.eml' | head -n 1)"

docker logs "$SERVE_CONTAINER" >"$WORK_DIR/serve.log" 2>&1 || true
python3 - "$WORK_DIR/serve.log" <<'PY' || fail "the service's log has no JSON lines although PartnerWatch__Logging__Format=json"
import json, sys
json_lines = other = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.strip()
    if not line:
        continue
    try:
        json_lines += isinstance(json.loads(line), dict)
    except ValueError:
        other += 1
print(f"[docker-check] log: {json_lines} JSON line(s), {other} other line(s)")
sys.exit(0 if json_lines else 1)
PY

log "docker stop (SIGTERM, 30 s grace): expecting exit code 0"
docker stop -t 30 "$SERVE_CONTAINER" >/dev/null
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$SERVE_CONTAINER")
[ "$exit_code" = 0 ] || fail "the service exited $exit_code on SIGTERM, expected 0"
log "clean shutdown (exit code 0)"

# ---------------------------------------------------------------------------------------------
# 5b. First run: the image with nothing mounted runs the bundled demo and says how to mount a configuration
# ---------------------------------------------------------------------------------------------
DEMO_PORT=$(free_port)
log "first run with no configuration mounted (default command) on 127.0.0.1:$DEMO_PORT"
docker run -d --name "$DEMO_CONTAINER" --network host "${HARDENING[@]}" \
  -e "ASPNETCORE_URLS=http://127.0.0.1:$DEMO_PORT" "$IMAGE" >/dev/null
deadline=$((SECONDS + 120))
until [ "$(http_get "http://127.0.0.1:$DEMO_PORT/status" "$WORK_DIR/demo-status.json")" = 200 ] \
  && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if any(c.get("site")=="dongfang-shiyun" and c.get("brand")=="microsoft" for c in d.get("openClaims",[])) else 1)' "$WORK_DIR/demo-status.json" 2>/dev/null; do
  [ "$(docker inspect -f '{{.State.Running}}' "$DEMO_CONTAINER" 2>/dev/null || echo false)" = true ] \
    || { docker logs --tail 30 "$DEMO_CONTAINER" 2>&1 | sed 's/^/[docker-check]   | /'; fail "the container with no configuration exited ($(docker inspect -f '{{.State.ExitCode}}' "$DEMO_CONTAINER"))"; }
  [ "$SECONDS" -lt "$deadline" ] || { docker logs --tail 30 "$DEMO_CONTAINER" 2>&1 | sed 's/^/[docker-check]   | /'; fail "no demo claim on /status within 120 s"; }
  sleep 2
done
log "/status shows the demo's claim (dongfang-shiyun shows microsoft)"
# The log is read once into a variable: `docker logs | grep -m1 | head` under pipefail failed with SIGPIPE (141)
# whenever grep or head stopped reading before docker logs had written everything.
demo_log=$(docker logs "$DEMO_CONTAINER" 2>&1)
notice=$(grep -c 'No configuration at /config/partnerwatch.json' <<<"$demo_log" || true)
[ "$notice" = 1 ] || fail "expected one log line saying how to mount a configuration, found $notice"
first_notice=$(grep -m1 'No configuration at' <<<"$demo_log" || true)
echo "[docker-check]   | ${first_notice:0:400}"
docker rm -f -v "$DEMO_CONTAINER" >/dev/null

# ---------------------------------------------------------------------------------------------
# 6. docker-compose.yml
# ---------------------------------------------------------------------------------------------
if ! command -v docker-compose >/dev/null 2>&1; then
  apt_update_once
  log "installing docker-compose"
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq docker-compose >/dev/null 2>&1 \
    || fail "could not install the docker-compose package"
fi
docker-compose -f docker-compose.yml config -q || fail "docker-compose config rejects docker-compose.yml"
log "docker-compose config: docker-compose.yml is valid"

printf '[docker-check] DOCKER CHECK PASSED\n'
