# Sourced by bench/load.sh and bench/hostile.sh (not run by itself): their settings, the tools they
# need, the built jar started on a new temporary data folder on loopback, and the real concordance
# queries both use. The caller sets BENCH (its name, for messages) before sourcing this file, from
# the project folder.

JAR=${JAR:-target/paraterm.jar}
PORT=${PORT:-18089}
OUT=${OUT:-$(mktemp -d "/tmp/paraterm-$BENCH.XXXXXX")}
mkdir -p "$OUT"
DATA="$OUT/data"
BASE="http://127.0.0.1:$PORT"

# Concordance queries from hundreds of hits down to a few (docs/12-load.md lists their counts).
CONCORDANCE_STRINGS=(会员国 联合国 毒品和犯罪问题办公室 恐怖主义 有组织犯罪 偷运移民 外国恐怖主义作战人员 贩运人口
    '偷运移民 | 贩运人口' '打击*犯罪' 'Member States' 司法协助 网络犯罪 引渡)

bench_fail() {
    echo "$BENCH.sh: $*" >&2
    exit 2
}

# Every tool named must be installed; the message says how to get it.
bench_need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || bench_fail "$tool is not installed (Debian: apt-get install $tool)"
    done
}

uri() { jq -rR @uri; }

# The jar on $DATA, stopped when the script ends; returns once /health answers 200 (the first start
# loads, mines and indexes the bundled corpus and imports the starter glossary).
bench_start_server() {
    [ -f "$JAR" ] || bench_fail "no $JAR; run mvn -DskipTests package first"
    PARATERM_ADMIN_PASSWORD=${PARATERM_ADMIN_PASSWORD:-$BENCH-test-admin} java ${JAVA_OPTS:-} -jar "$JAR" serve \
        --port "$PORT" --data "$DATA" >"$OUT/server.log" 2>&1 &
    SERVER=$!
    trap 'bench_stop' EXIT

    local started
    started=$(date +%s)
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ]; do
        kill -0 $SERVER 2>/dev/null || { echo "$BENCH.sh: the server stopped; see $OUT/server.log" >&2; exit 1; }
        [ $(( $(date +%s) - started )) -lt 600 ] || { echo "$BENCH.sh: not ready after 600 s" >&2; exit 1; }
        sleep 1
    done
    echo "server ready after $(( $(date +%s) - started )) s (first start: load, mine, index)"
}

# Stops the background jobs the caller started (BENCH_JOBS), then the server.
BENCH_JOBS=()
bench_stop() {
    for job in "${BENCH_JOBS[@]}"; do
        kill "$job" 2>/dev/null || true
    done
    kill $SERVER 2>/dev/null || true
    wait $SERVER 2>/dev/null || true
}
