#!/usr/bin/env bash
# Webhook delivery against the change feed, on the embedded Derby and on PostgreSQL, measured in the same run on the
# same node: messages/s one webhook gets from a backlog of N changes (an import of N rows, default 20,000, made
# while the webhook was paused, then the webhook enabled), against rows/s one client reads the same changes from
# GET /changes (what polling gets). Default settings (senders = 4, pollMillis = 1000); the receiver answers 204 at
# once on loopback, so the figure is the platform's side.
# Usage: benchmarks/webhooks.sh [N] [derby] [postgresql]
#   needs a built distribution (mvn -DskipTests install) and, for postgresql, PostgreSQL's initdb/pg_ctl on the
#   PATH. Uses ports 8181 (stop ./apom first) and 55432.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-20000}"
shift $(( $# >= 1 ? 1 : 0 ))
if [ "$#" -eq 0 ]; then databases=(derby postgresql); else databases=("$@"); fi
work="$root/benchmarks/target/webhooks"
rm -rf "$work" && mkdir -p "$work"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
password="benchmark-password-$RANDOM$RANDOM"
url="http://localhost:8181"

# shellcheck source=lib/demo-file.sh
. "$root/benchmarks/lib/demo-file.sh"
generate "$rows" 7 "$work/import.csv"

# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"

for db in "${databases[@]}"; do
    dir="$work/apom-$db"
    mkdir -p "$dir" && tar xzf "$(ls "$root"/karaf-distribution/target/apom-karaf-distribution-*.tar.gz)" -C "$dir" \
        --strip-components=1
    printf 'allowedHosts = 127.0.0.1\nallowLoopback = true\n' >> "$dir/etc/org.apom.webhooks.cfg"
    env=(APOM_ADMIN_PASSWORD="$password" APOM_DEMO_DATA=false JAVA_MAX_MEM=2048M)
    if [ "$db" = postgresql ]; then
        pg_start
        env+=(APOM_DB_URL="jdbc:postgresql://localhost:55432/apom" APOM_DB_USER=postgres APOM_DB_PASSWORD=unused)
    fi
    env "${env[@]}" "$dir/bin/start" >/dev/null 2>&1
    for _ in $(seq 1 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -m 1 "$url/api/v1/health")" = 200 ] && break; sleep 0.5
    done
    read -r delivered messages feed changes attempts < <(java "$root/benchmarks/WebhookBench.java" "$url" "$password" \
        "$work/import.csv")
    echo "== $db"
    printf 'webhook from a backlog of %s changes: %s messages/s (%s messages, %s attempts); the change feed read by one client: %s rows/s (%s changes); ratio %.2f\n' \
        "$rows" "$delivered" "$messages" "$attempts" "$feed" "$changes" "$(echo "$delivered / $feed" | bc -l)"
    "$dir/bin/stop" >/dev/null 2>&1; sleep 5; pkill -f "karaf.home=$dir" 2>/dev/null || true
    if [ "$db" = postgresql ]; then pg_stop; fi
done
