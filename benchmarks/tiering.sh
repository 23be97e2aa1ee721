#!/usr/bin/env bash
# A national grading run (POST /tiering/runs, every network of the country) on PostgreSQL and on the embedded Derby,
# reported as a ratio against its floor, measured in the same run on the same database: one SQL statement that
# computes the same raw facts for every network (TieringBench floor). Goal: the run within 60 s and 3x its floor at
# 100,000 networks, 1,000,000 volunteers and 5,000,000 activities on PostgreSQL.
# Usage: benchmarks/tiering.sh [NETWORKS VOLUNTEERS ACTIVITIES] [postgresql] [derby]
#   Defaults: 100000 1000000 5000000, both databases; give Derby a smaller size to find the largest it grades in
#   the time PostgreSQL takes at the full one (e.g. benchmarks/tiering.sh 20000 200000 1000000 derby).
#   Needs a built distribution (mvn -DskipTests install) and, for postgresql, initdb/pg_ctl on the PATH (as root
#   the cluster runs as the postgres user). Uses ports 8181 (stop ./apom first) and 55432.
#   The data is written straight into the database while the platform is stopped (the register's import would take
#   longer than the run it feeds); the platform then starts on it and grades the fiscal year gone by.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
networks="${1:-100000}"
volunteers="${2:-1000000}"
activities="${3:-5000000}"
shift $(( $# >= 3 ? 3 : 0 ))
if [ "$#" -eq 0 ]; then databases=(postgresql derby); else databases=("$@"); fi
work="$root/benchmarks/target/tiering"
rm -rf "$work" && mkdir -p "$work"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
password="benchmark-password-$RANDOM$RANDOM"
url="http://localhost:8181"
m2="${M2_REPO:-$HOME/.m2/repository}"
derby_jar="$(ls "$m2"/org/apache/derby/derby/10.14.2.0/derby-10.14.2.0.jar)"
pg_jar="$(ls "$m2"/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar | sort -V | tail -1)"
subdistricts="$root/bundles/org.apom.areas/src/main/resources/org/apom/areas/internal/data/subdistricts.csv"
# the fiscal year gone by: this one's number minus one (the Thai fiscal year starts on 1 October)
year=$(( $(date +%Y) + 543 + ( $(date +%-m) >= 10 ? 1 : 0 ) - 1 ))

# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"
bench() { java -cp "$1" "$root/benchmarks/TieringBench.java" "${@:2}"; }

up() { # dir, env...
    env "${@:2}" "$1/bin/start" >/dev/null 2>&1
    for _ in $(seq 1 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -m 1 "$url/api/v1/health")" = 200 ] && return 0; sleep 0.5
    done
    echo "the platform in $1 did not start" >&2; exit 1
}
down() { # dir
    local pid
    pid="$(cat "$1/karaf.pid" 2>/dev/null || true)"
    "$1/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 120); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    kill "$pid" 2>/dev/null || true
}

dir=""
cleanup() { if [ -n "$dir" ]; then down "$dir"; fi; pg_stop; }
trap cleanup EXIT

echo "national grading of fiscal year $year: $networks networks, $volunteers volunteers, $activities activities"
for db in "${databases[@]}"; do
    dir="$work/apom-$db"
    mkdir -p "$dir" && tar xzf "$(ls "$root"/karaf-distribution/target/apom-karaf-distribution-*.tar.gz)" -C "$dir" \
        --strip-components=1
    # the distribution's own memory settings (bin/setenv: 1024 MB of heap), as a ministry would run it
    env=(APOM_ADMIN_PASSWORD="$password" APOM_DEMO_DATA=false)
    if [ "$db" = postgresql ]; then
        pg_start
        env+=(APOM_DB_URL="jdbc:postgresql://localhost:55432/apom" APOM_DB_USER=postgres APOM_DB_PASSWORD=unused)
        jdbc=("$pg_jar" "jdbc:postgresql://localhost:55432/apom?reWriteBatchedInserts=true" postgres unused)
    else
        jdbc=("$derby_jar" "jdbc:derby:$dir/data/derby/apom" "" "")
    fi
    # a first start makes the schema (Liquibase) and loads the areas; the data goes in while it is stopped
    up "$dir" "${env[@]}"
    down "$dir"
    bench "${jdbc[0]}" generate "${jdbc[@]:1}" "$subdistricts" "$networks" "$volunteers" "$activities" "$year"
    if [ "$db" = postgresql ]; then psql -h /tmp -p 55432 -U postgres -q -d apom -c "VACUUM ANALYZE" >/dev/null; fi
    read -r floor_ms floor_rows < <(bench "${jdbc[0]}" floor "${jdbc[@]:1}" "$year")
    up "$dir" "${env[@]}"
    read -r run_ms status done total < <(bench "" run "$url" "$password" "$year")
    rss_kb="$(ps -o rss= -p "$(cat "$dir/karaf.pid")" | tr -d ' ')"
    down "$dir"
    dir=""
    echo "== $db"
    printf 'national run: %s ms, %s, %s of %s networks; floor (one SQL statement, %s rows): %s ms; ' \
        "$run_ms" "$status" "$done" "$total" "$floor_rows" "$floor_ms"
    # a run that failed fast is no result: no ratio for it
    if [ "$status" = DONE ]; then printf 'ratio %.2f; ' "$(echo "$run_ms / $floor_ms" | bc -l)"; else printf 'no ratio: the run did not complete; '; fi
    printf 'platform RSS after the run: %s MB\n' "$(( rss_kb / 1024 ))"
    if [ "$db" = postgresql ]; then pg_stop; fi
done
