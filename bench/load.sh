#!/usr/bin/env bash
# Load test: the built jar on a temporary data folder on loopback (bundled corpus and starter
# glossary, loaded by its first start), then wrk over real URLs, one run per endpoint group and one
# over all of them together. Each run: a warm-up, then DURATION at CONNECTIONS connections.
# Prints per run: requests, requests/s, p50 and p99 latency (ms), errors (responses neither 2xx nor 3xx), socket errors.
#
#   bench/load.sh                      # from the project folder, after mvn -DskipTests package
#   DURATION=60s CONNECTIONS=128 bench/load.sh
#
# Needs wrk (apt-get install wrk), jq and curl. Results and the server log stay in $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
MIXES=${MIXES:-search entry concordance concordance-cold check all}
BENCH=load
. bench/server.sh    # JAR, PORT, OUT, DATA, BASE, CONCORDANCE_STRINGS, uri, bench_start_server

bench_need wrk jq curl java
bench_start_server

# Search: every term of the starter glossary and the 60 best mined candidates.
{
    grep -o '<term>[^<]*</term>' glossary/starter.tbx | sed 's/<[^>]*>//g'
    curl -s "$BASE/api/candidates?size=60" | jq -r '.candidates[].term'
} | sort -u | uri | sed 's|^|GET /entries?q=|' >"$OUT/search.txt"

# Entry pages: every published entry.
curl -s "$BASE/api/entries?size=200" | jq -r '.entries[].id' | sed 's|^|GET /entries/|' >"$OUT/entry.txt"

# Concordance: strings from hundreds of hits down to a few (CONCORDANCE_STRINGS, bench/server.sh).
: >"$OUT/concordance.txt"
: >"$OUT/concordance-hits.txt"
for q in "${CONCORDANCE_STRINGS[@]}"; do
    encoded=$(printf '%s' "$q" | uri)
    echo "GET /concordance?q=$encoded" >>"$OUT/concordance.txt"
    printf '%s\t%s\n' "$q" "$(curl -s "$BASE/api/concordance/counts?q=$encoded" | jq -r .total)" >>"$OUT/concordance-hits.txt"
done

# Concordance without help from the result cache: 600 different mined terms, more than the cache
# keeps (500), taken round-robin, so every request computes its hits, lines and charts afresh.
for page in 1 2; do curl -s "$BASE/api/candidates?size=300&page=$page" | jq -r '.candidates[].term'; done | uri \
    | sed 's|^|GET /concordance?q=|' >"$OUT/concordance-cold.txt"

# Text check: three real paragraphs of the bundled corpus (as the reader cleans them), as JSON.
: >"$OUT/check.txt"
n=0
for file in glossary/corpus/un-zh/00[0-2]_*.txt; do
    n=$((n + 1))
    java -jar "$JAR" clean "$file" | grep -v '^#' | awk 'length($0) > 150 && length($0) < 400' | sed -n 3p \
        | jq -Rs '{text: .}' >"$OUT/check-$n.json"
    echo "POST /api/check $OUT/check-$n.json" >>"$OUT/check.txt"
done

cat "$OUT"/search.txt "$OUT"/entry.txt "$OUT"/concordance.txt "$OUT"/check.txt >"$OUT/all.txt"

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "URLs: $(wc -l <"$OUT/search.txt") searches, $(wc -l <"$OUT/entry.txt") entry pages," \
     "$(wc -l <"$OUT/concordance.txt") concordance queries ($(wc -l <"$OUT/concordance-cold.txt") uncached)," \
     "$(wc -l <"$OUT/check.txt") check paragraphs"
echo "concordance hits per query:"; sed 's/^/  /' "$OUT/concordance-hits.txt"
printf '%-12s %9s %8s %8s %8s %8s %7s\n' mix requests 'req/s' 'p50 ms' 'p99 ms' errors socket
for mix in $MIXES; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -s bench/mix.lua "$BASE" -- "$OUT/$mix.txt" "$mix" \
        >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/mix.lua "$BASE" \
        -- "$OUT/$mix.txt" "$mix" >"$OUT/wrk-$mix.txt"
    grep '^RESULT' "$OUT/wrk-$mix.txt" | awk '{printf "%-12s %9s %8s %8s %8s %8s %7s\n", $2, $3, $4, $5, $6, $7, $8}'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "details in $OUT"
