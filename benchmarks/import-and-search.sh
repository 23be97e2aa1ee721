#!/usr/bin/env bash
# Import throughput and search latency of the register, on the embedded Derby and on PostgreSQL, as ratios
# against baselines measured in the same run on the same node:
#   import: rows/s of one CSV import of N rows (default 100,000) against rows/s of the same kind of rows
#           registered one by one with POST /volunteers (2,000 rows): what the bulk path gains
#   search: p50/p95 latency of typical searches with N records, then with M records (default 1,000,000),
#           against the p50 of GET /health on the same node: the cost of a search over a trivial request
#   feed:   rows/s of GET /changes read from cursor zero to the end (every change: the N imported and the 2,000
#           registered), against rows/s of paging the whole register with GET /volunteers (500 a page)
# Usage: [BENCH_RUNS=20] benchmarks/import-and-search.sh [N] [M] [derby] [postgresql]
#   needs a built distribution (mvn -DskipTests install) and, for postgresql, PostgreSQL's initdb/pg_ctl on
#   the PATH (run as root, the cluster runs as the postgres user). Uses port 8181 (stop ./apom first), 55432.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-100000}"
search_rows="${2:-1000000}"
shift $(( $# >= 2 ? 2 : $# ))
if [ "$#" -eq 0 ]; then databases=(derby postgresql); else databases=("$@"); fi
work="$root/benchmarks/target/import-and-search"
rm -rf "$work" && mkdir -p "$work"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
password="benchmark-password-$RANDOM$RANDOM"
url="http://localhost:8181"

# shellcheck source=lib/demo-file.sh
. "$root/benchmarks/lib/demo-file.sh"
bench() { java "$root/benchmarks/RegisterBench.java" "$1" "$url" "$password" "${@:2}"; }

# a request body has at most 32 MiB (etc/org.apom.security.limits.cfg): the larger register comes in parts
part_rows=100000
parts=$(( (search_rows - rows + part_rows - 1) / part_rows ))
echo "generating files: $rows rows, $parts parts of $part_rows more, 2,000 for the baseline"
generate "$rows" 1 "$work/import.csv"
generate 2000 2 "$work/single.csv"
for p in $(seq 1 "$parts"); do generate "$part_rows" $((p + 2)) "$work/more-$p.csv"; done

# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"

for db in "${databases[@]}"; do
    dir="$work/apom-$db"
    mkdir -p "$dir" && tar xzf "$(ls "$root"/karaf-distribution/target/apom-karaf-distribution-*.tar.gz)" -C "$dir" \
        --strip-components=1
    # the one-by-one baseline and the timed searches would meet the per-caller rate limit
    echo "requestsPerMinute = 1000000" > "$dir/etc/org.apom.security.limits.cfg"
    env=(APOM_ADMIN_PASSWORD="$password" APOM_DEMO_DATA=false JAVA_MAX_MEM=2048M)
    if [ "$db" = postgresql ]; then
        pg_start
        env+=(APOM_DB_URL="jdbc:postgresql://localhost:55432/apom" APOM_DB_USER=postgres APOM_DB_PASSWORD=unused)
    fi
    env "${env[@]}" "$dir/bin/start" >/dev/null 2>&1
    for _ in $(seq 1 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -m 1 "$url/api/v1/health")" = 200 ] && break; sleep 0.5
    done
    single=$(bench single "$work/single.csv" 2000)
    read -r imported accepted rejected status < <(bench import "$work/import.csv")
    echo "== $db"
    printf 'import of %s rows: %s rows/s (%s in, %s rejected, %s); one by one: %s rows/s; ratio %.1f\n' "$rows" \
        "$imported" "$accepted" "$rejected" "$status" "$single" "$(echo "$imported / $single" | bc -l)"
    read -r feed changes paged records < <(bench feed)
    printf 'change feed from cursor zero: %s rows/s (%s changes); the register paged by search: %s rows/s (%s records); ratio %.2f\n' \
        "$feed" "$changes" "$paged" "$records" "$(echo "$feed / $paged" | bc -l)"
    echo "-- search at $((rows + 2000)) records"
    bench search "${BENCH_RUNS:-20}"
    for p in $(seq 1 "$parts"); do
        read -r more _ _ status < <(bench import "$work/more-$p.csv")
        echo "   part $p: $more rows/s, $status"
    done
    echo "-- search at about $((rows + 2000 + parts * part_rows)) records"
    bench search "${BENCH_RUNS:-20}"
    "$dir/bin/stop" >/dev/null 2>&1; sleep 5; pkill -f "karaf.home=$dir" 2>/dev/null || true
    if [ "$db" = postgresql ]; then pg_stop; fi
done
