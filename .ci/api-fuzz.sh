#!/usr/bin/env bash
# Schemathesis with all checks against a seeded Aula on PostgreSQL (issue 17): as an anonymous
# caller, the demo learner and the demo coordinator, with a fixed seed, then the learner again
# with a random one (printed, to replay a failure). Any failure (a 500, an undocumented status,
# a body the schema does not describe, a valid request refused) fails the run.
#
# Needs DATABASE_URL naming the PostgreSQL server (make test-services sources services.env).
#   AULA_FUZZ_EXAMPLES  examples per operation and phase (default 5)
#   AULA_FUZZ_PORT      the server's port (default 8017)
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$REPO_ROOT/.venv}"
PY="$VENV/bin/python"
ST="$VENV/bin/st"
EXAMPLES="${AULA_FUZZ_EXAMPLES:-5}"
PORT="${AULA_FUZZ_PORT:-8017}"
ORIGIN="http://localhost:$PORT"
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL server}"
FUZZ_DB="${DATABASE_URL%/*}/aula_fuzz"
LOG="$(mktemp -d)/server.log"

log() { echo "[api-fuzz] $*" >&2; }

psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS aula_fuzz WITH (FORCE)" -c "CREATE DATABASE aula_fuzz" || exit 1

# PostgreSQL only: tasks run in the server's process, files go to local storage.
run_env=(env -u REDIS_URL -u CELERY_BROKER_URL -u CELERY_RESULT_BACKEND
    -u AWS_STORAGE_BUCKET_NAME -u AWS_S3_ENDPOINT_URL
    DATABASE_URL="$FUZZ_DB" SITE_URL="$ORIGIN" LOG_LEVEL=ERROR)
cd "$REPO_ROOT"
"${run_env[@]}" "$PY" manage.py migrate --no-input -v 0 || exit 1
"${run_env[@]}" "$PY" manage.py seed_demo >/dev/null || exit 1
# gunicorn, as in production (Django's development server mishandles a body left unread).
# No request-line limit: a randomly generated query string may exceed gunicorn's 4 KB, and
# gunicorn's own HTML refusal would hide what the app answers (the front proxy sets the limit).
"${run_env[@]}" "$VENV/bin/gunicorn" config.wsgi --bind "localhost:$PORT" --workers 3 \
    --limit-request-line 0 --timeout 60 >"$LOG" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 60); do
    curl -sf -o /dev/null "$ORIGIN/api/schema/" && break
    sleep 1
done

token() {
    curl -sf -X POST -H 'Content-Type: application/json' \
        -d "{\"email\": \"$1@aula.example\", \"password\": \"aula-demo-2026\"}" \
        "$ORIGIN/api/v1/auth/token/" | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
learner="$(token learner)" && coordinator="$(token coordinator)" || {
    log "the demo accounts could not sign in; server log: $LOG"
    exit 1
}

status=0
fuzz() {
    local who="$1"
    shift
    log "as $who"  # the arguments hold the token: not printed
    "$ST" --no-color --config-file "$REPO_ROOT/.ci/schemathesis.toml" run "$ORIGIN/api/schema/" \
        --url "$ORIGIN" --checks all --max-examples "$EXAMPLES" --workers 1 \
        --request-timeout 30 "$@" || { log "FAILED as $who"; status=1; }
}
fuzz anonymous --seed 20261205
fuzz learner --seed 20261205 -H "Authorization: Token $learner"
fuzz coordinator --seed 20261205 -H "Authorization: Token $coordinator"
fuzz "learner (random seed)" -H "Authorization: Token $learner"
grep -q "Internal Server Error\|Traceback" "$LOG" && { log "server errors logged:"; grep -A5 "Internal Server Error" "$LOG" | head -40; status=1; }
exit $status
