#!/usr/bin/env bash
# Reproduces the scaling run of docs/scaling.md: grows a corpus of MB megabytes with CorpusGrower,
# ingests it (load + store, mining, concordance index) in one JVM with a fixed heap, and reports
# the wall time of each phase, the peak resident memory, the heap after/before collections (from
# the GC log), and the database and index sizes on disk.
#
#   bench/scale.sh [MB] [HEAP] [WORK]      defaults: 200 4g /tmp/paraterm-scale
#
# With PARATERM_DB_URL (and PARATERM_DB_USER / PARATERM_DB_PASSWORD) set, the run stores into that
# PostgreSQL database instead of H2; it must be empty (the script does not drop anything), and its
# size is reported with pg_database_size through psql.
#
# The jar is copied to WORK first, so a build during the run cannot change it under the JVM.
#
# Everything it writes goes under WORK (never into the repository): WORK/corpusMB (kept and
# reused: seed 1 gives the same corpus every time), WORK/dataMB (deleted first, so every run
# loads into an empty database), WORK/runMB-HEAP/ (stdout with timestamps, stderr, GC log,
# /usr/bin/time output, report.txt, a heap dump if the JVM runs out of memory).
set -euo pipefail
MB=${1:-200}
HEAP=${2:-4g}
WORK=${3:-/tmp/paraterm-scale}
cd "$(dirname "$0")/.."

if [[ ! -f target/paraterm.jar || ! -d target/test-classes ]]; then
    mvn -o -q -DskipTests package
fi
if [[ ! -f target/cp.txt ]]; then
    mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi

CORPUS=$WORK/corpus$MB
DATA=$WORK/data$MB
RUN=$WORK/run$MB-$HEAP
mkdir -p "$WORK"
if [[ ! -d $CORPUS ]]; then
    echo "growing $MB MB into $CORPUS"
    java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
        org.paraterm.mining.CorpusGrower "$CORPUS.part" "$MB"
    mv "$CORPUS.part" "$CORPUS"
fi
rm -rf "$DATA" "$RUN"
cp target/paraterm.jar "$WORK/paraterm.jar"
mkdir -p "$RUN"

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: nproc $(nproc), $(free -g | awk '/^Mem:/ {print $2 " GB RAM"}'), $(java -version 2>&1 | head -1)"
    echo "corpus: $(find "$CORPUS" -name '*.txt' | wc -l) files, $(du -sb "$CORPUS" | cut -f1) bytes"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RUN/report.txt"

# Load average sampled every 10 s during the run (the machine is shared with other builds).
( while sleep 10; do cut -d' ' -f1 /proc/loadavg; done ) > "$RUN/loadavg.txt" &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true' EXIT

START=$(date +%s.%N)
set +e
/usr/bin/time -v -o "$RUN/time.txt" \
    java -Xmx"$HEAP" -Xlog:gc:file="$RUN/gc.log" \
        -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$RUN/oom.hprof" \
        -jar "$WORK/paraterm.jar" ingest "$CORPUS" --data "$DATA" 2> "$RUN/stderr.txt" \
    | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done > "$RUN/stdout.txt"
STATUS=${PIPESTATUS[0]}
set -e
END=$(date +%s.%N)
kill $SAMPLER 2>/dev/null || true

at() { awk -v pattern="$1" '$0 ~ pattern {print $1; exit}' "$RUN/stdout.txt"; }
span() { [[ -n $1 && -n $2 ]] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f s", b - a}' || echo "-"; }
LOADED=$(at ' loaded, ')
MINED=$(at ' mined ')
INDEXED=$(at ' indexed ')
{
    echo "exit status: $STATUS"
    echo "output:"; cut -d' ' -f2- "$RUN/stdout.txt" | sed 's/^/  /'
    grep -m3 -E 'OutOfMemoryError|Exception' "$RUN/stderr.txt" | sed 's/^/  stderr: /' || true
    echo "phases (wall clock, from the time each summary line was printed):"
    echo "  start to loaded (JVM start, read + store): $(span "$START" "$LOADED")"
    echo "  loaded to mined (mining, storing candidates): $(span "$LOADED" "$MINED")"
    echo "  mined to indexed (concordance index): $(span "$MINED" "$INDEXED")"
    echo "  indexed to exit (closing the database; H2 rewrites its file here): $(span "$INDEXED" "$END")"
    echo "  total: $(span "$START" "$END")"
    echo "peak RSS: $(awk -F': ' '/Maximum resident/ {printf "%d MB", $2 / 1024}' "$RUN/time.txt")"
    echo "user + sys CPU: $(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.0f s", s}' "$RUN/time.txt")"
    # G1 lines look like "... Pause Young (Normal) (G1 Evacuation Pause) 1024M->512M(4096M) 12.3ms"
    awk 'match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/) {
            split(substr($0, RSTART, RLENGTH), p, /M->|M\(|M\)/)
            if (p[1] > before) before = p[1]; if (/Pause (Young|Full)/ && p[2] > after) after = p[2]; if (p[3] > committed) committed = p[3]; n++ }
         END { printf "heap (GC log, %d collections): largest before a collection %d MB, largest after a young or full collection (an upper bound of the live heap) %d MB, largest committed %d MB\n", n, before, after, committed }' \
        "$RUN/gc.log"
    echo "load average during the run: $(sort -n "$RUN/loadavg.txt" | awk '{a[NR]=$1} END {if (NR) printf "min %s, median %s, max %s", a[1], a[int((NR+1)/2)], a[NR]}')"
    if [[ -n ${PARATERM_DB_URL:-} ]]; then
        url=${PARATERM_DB_URL#jdbc:postgresql://}
        host=${url%%/*}
        name=${url#*/}
        size=$(PGPASSWORD=${PARATERM_DB_PASSWORD:-} psql -X -At -h "${host%%:*}" -p "$([[ $host == *:* ]] && echo "${host##*:}" || echo 5432)" \
            -U "${PARATERM_DB_USER:-}" -d "${name%%\?*}" -c 'SELECT pg_database_size(current_database())' 2>/dev/null || echo 0)
        echo "database: PostgreSQL $PARATERM_DB_URL, $(awk -v b="$size" 'BEGIN {printf "%.0f MB", b/1e6}') (pg_database_size)"
        echo "on disk: index $(du -sb "$DATA/index" 2>/dev/null | awk '{printf "%.0f MB", $1/1e6}')"
    else
        echo "database: H2 in $DATA"
        echo "on disk: database $(du -sb "$DATA"/*.mv.db 2>/dev/null | awk '{s+=$1} END {printf "%.0f MB", s/1e6}'), index $(du -sb "$DATA/index" 2>/dev/null | awk '{printf "%.0f MB", $1/1e6}')"
    fi
} >> "$RUN/report.txt"
cat "$RUN/report.txt"
exit "$STATUS"
