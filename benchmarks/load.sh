#!/usr/bin/env bash
# The platform under 64 connections, on the embedded Derby and on PostgreSQL: throughput and p50/p99 of
#   GET /volunteers/{id} (a read of personal data, so audited), GET /volunteers?province=50 (a search page) and
#   PATCH /volunteers/{id} (an audited write), each beside GET /health/live, a resource that touches no database
#   (the same container's ceiling), measured in the same run; then reads and writes again with audit recording
#   off (benchmarkWithoutAudit, a benchmark-only switch) for what auditing costs.
# Usage: [SECONDS_EACH=15] [CONNECTIONS=64] benchmarks/load.sh [derby] [postgresql]
#   needs a built distribution (mvn -DskipTests install), wrk (Debian: wrk) and, for postgresql, PostgreSQL's
#   initdb/pg_ctl on the PATH. Loopback only; uses ports 8181 and 8101 (stop ./apom first), 55432.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$#" -eq 0 ]; then databases=(derby postgresql); else databases=("$@"); fi
seconds="${SECONDS_EACH:-15}"
connections="${CONNECTIONS:-64}"
work="$root/benchmarks/target/load"
rm -rf "$work" && mkdir -p "$work"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
password="benchmark-password-$RANDOM$RANDOM"
url="http://localhost:8181"
auth="Basic $(printf 'admin:%s' "$password" | base64 -w0)"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"

api() { curl -s -m 10 -H "Authorization: $auth" "$@"; }

# "requests/s p50-ms p99-ms non-2xx" of one wrk run
measure() { # $1 label, then wrk's target and script arguments
    local label="$1"; shift
    local out; out="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" 2>&1)"
    local rps p50 p99 bad
    rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    bad="$(awk '/^non-2xx/ {print $2} /Non-2xx or 3xx responses/ {print $NF}' <<<"$out" | tail -1)"
    printf '%s %s %s %s %s\n' "$label" "$rps" "$(ms "$p50")" "$(ms "$p99")" "${bad:-0}"
}
ms() { # wrk prints 812.00us, 3.21ms or 1.02s
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}

start_platform() { # $1 database, $2 audit on|off
    local dir="$work/apom-$1-$2"
    mkdir -p "$dir" && tar xzf "$(ls "$root"/karaf-distribution/target/apom-karaf-distribution-*.tar.gz)" -C "$dir" \
        --strip-components=1
    echo "requestsPerMinute = 100000000" > "$dir/etc/org.apom.security.limits.cfg"
    [ "$2" = off ] && echo "benchmarkWithoutAudit = true" > "$dir/etc/org.apom.security.audit.cfg"
    local env=(APOM_ADMIN_PASSWORD="$password" APOM_DEMO_DATA=true JAVA_MAX_MEM=2048M)
    if [ "$1" = postgresql ]; then
        env+=(APOM_DB_URL="jdbc:postgresql://localhost:55432/apom" APOM_DB_USER=postgres APOM_DB_PASSWORD=unused)
    fi
    env "${env[@]}" "$dir/bin/start" >/dev/null 2>&1
    # ready = the register answers (with audit off health is DOWN on purpose), and the demo register is loaded
    local last=-1 now
    for _ in $(seq 1 600); do
        now="$(api "$url/api/v1/volunteers?province=50&limit=100" | grep -o '"id"' | wc -l || true)"
        [ "$now" = 100 ] && [ "$now" = "$last" ] && break
        last="$now"; sleep 1
    done
    sleep 5
    echo "$dir"
}
stop_platform() { "$1/bin/stop" >/dev/null 2>&1 || true; for _ in $(seq 1 60); do "$1/bin/status" >/dev/null 2>&1 || break; sleep 1; done; }

report() { # the lines of measure, the first being the ceiling
    awk 'NR == 1 { base = $2; base99 = $4 }
         { printf "  %-34s %9.1f req/s  p50 %7.1f ms  p99 %7.1f ms  non-2xx %s  throughput %.2fx  p99 %.2fx\n",
                  $1, $2, $3, $4, $5, $2 / base, $4 / base99 }'
}

for db in "${databases[@]}"; do
    [ "$db" = postgresql ] && pg_start
    for audit in on off; do
        if [ "$db" = postgresql ] && [ "$audit" = off ]; then
            # a fresh database for the second run, as for the first
            pg_stop; pg_start
        fi
        dir="$(start_platform "$db" "$audit")"
        api "$url/api/v1/volunteers?province=50&limit=100" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 > "$work/ids"
        {
            measure "GET_/health/live" "$url/api/v1/health/live"
            measure "GET_/volunteers/{id}" -s "$root/benchmarks/load.lua" "$url" -- get "$work/ids" "$auth"
            if [ "$audit" = on ]; then
                measure "GET_/volunteers?province=50" -H "Authorization: $auth" \
                    "$url/api/v1/volunteers?province=50&limit=20"
            fi
            measure "PATCH_/volunteers/{id}" -s "$root/benchmarks/load.lua" "$url" -- patch "$work/ids" "$auth"
        } > "$work/$db-$audit.txt"
        echo "== $db, audit $audit ($connections connections, ${seconds} s each; ratios against the first line)"
        report < "$work/$db-$audit.txt"
        if [ "$audit" = on ]; then
            printf '  audit chain after the run: %s\n' "$(api "$url/api/v1/audit/verification")"
        fi
        stop_platform "$dir"
    done
    [ "$db" = postgresql ] && pg_stop
    on="$work/$db-on.txt"; off="$work/$db-off.txt"
    for op in "GET_/volunteers/{id}" "PATCH_/volunteers/{id}"; do
        awk -v op="$op" '$1 == op { print $2 }' "$on" "$off" | paste -sd' ' | \
            awk -v op="$op" '{ printf "  audit cost, %s: %.1f req/s with audit, %.1f without: %.2fx\n", op, $1, $2, $2 / $1 }'
    done
done
