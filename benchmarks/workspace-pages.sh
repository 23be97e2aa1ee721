#!/usr/bin/env bash
# How long each page of the officers' workspace takes on the demo register (issue 14: under 300 ms on this machine),
# as p50/p95 of sequential requests with a signed-in session, beside GET /api/v1/health/live (no database, no
# template) on the same node in the same run: the ratio says what a page costs above the container's own floor.
# Pages: the country's dashboard, a province's, the register's list and a name search, a record, its edit form and
# history, a nomination's form, suspected duplicates, networks and a network, nominations and a nomination, imports,
# and central IT's accounts, tokens, extensions, health and audit trail.
# Usage: [REQUESTS=50] benchmarks/workspace-pages.sh   (needs a built distribution: mvn -DskipTests install;
#   uses ports 8181 and 8101: stop ./apom first; needs jq)
set -euo pipefail
# set -e ends a script without a word when a command in $(...) fails (a curl that timed out): say where
trap 'echo "workspace-pages: stopped by a failed command at line $LINENO" >&2' ERR
root="$(cd "$(dirname "$0")/.." && pwd)"
requests="${REQUESTS:-50}"
work="$root/benchmarks/target/workspace-pages"
rm -rf "$work" && mkdir -p "$work"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
password="benchmark-password-$RANDOM$RANDOM"
url="http://localhost:8181"
auth="Basic $(printf 'admin:%s' "$password" | base64 -w0)"
api() { curl -s -m 10 -H "Authorization: $auth" "$@"; }
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }

dir="$work/apom"
mkdir -p "$dir" && tar xzf "$(ls "$root"/karaf-distribution/target/apom-karaf-distribution-*.tar.gz)" -C "$dir" \
    --strip-components=1
echo "requestsPerMinute = 100000000" > "$dir/etc/org.apom.security.limits.cfg"
APOM_ADMIN_PASSWORD="$password" APOM_DEMO_DATA=true "$dir/bin/start" >/dev/null 2>&1
trap '"$dir/bin/stop" >/dev/null 2>&1 || true' EXIT
# ready = the demo register, its networks and its nominations are in (they load while the platform serves)
for _ in $(seq 1 900); do
    n="$(api "$url/api/v1/nominations?limit=500" | jq -r '.items | length' 2>/dev/null || echo 0)"
    [ "${n:-0}" -ge 30 ] && break
    sleep 1
done
sleep 5

# a session as a browser gets one: the sign-in form's cookie and token, then the session's cookie and its CSRF token
jar="$work/cookies"
curl -s -c "$jar" -o /dev/null "$url/sign-in"
token="$(awk '$6 == "apom-sign-in" {print $7}' "$jar")"
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "username=admin" \
    --data-urlencode "password=$password" "$url/sign-in"
grep -q apom-session "$jar" || { echo "could not sign in" >&2; exit 1; }

# (jq, not grep | head: under pipefail a grep that head cuts short ends the script without a word)
volunteer="$(api "$url/api/v1/volunteers?province=50&limit=1" | jq -r '.items[0].id')"
surname="$(api "$url/api/v1/volunteers/$volunteer" | jq -r '.lastName')"
network="$(api "$url/api/v1/networks?province=50&limit=1" | jq -r '.items[0].id')"
nomination="$(api "$url/api/v1/nominations?limit=1" | jq -r '.items[0].id')"
q="$(printf '%s' "$surname" | jq -sRr @uri)"

# "p50-ms p95-ms" of REQUESTS sequential GETs (after 5 to warm up); anything but 200 stops the benchmark
timing() {
    local path="$1" cookie="$2" times=() code t
    for i in $(seq 1 $((requests + 5))); do
        read -r code t < <(curl -s -o /dev/null -b "$cookie" -w '%{http_code} %{time_total}\n' "$url$path")
        [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
        [ "$i" -gt 5 ] && times+=("$t")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1 * 1000} END {printf "%.1f %.1f\n", a[int(NR * 0.5 + 0.5)], a[int(NR * 0.95 + 0.5)]}'
}

read -r base50 base95 < <(timing /api/v1/health/live /dev/null)
printf '%-34s %8s %8s %10s\n' page p50_ms p95_ms p50_ratio
printf '%-34s %8s %8s %10s\n' "(baseline) /api/v1/health/live" "$base50" "$base95" 1.00
for path in / /provinces/50 /volunteers "/volunteers?q=$q" "/volunteers/$volunteer" "/volunteers/$volunteer/edit" \
        "/volunteers/$volunteer/history" "/volunteers/$volunteer/nominate" /duplicates /networks \
        "/networks/$network" /nominations "/nominations/$nomination" /imports /admin/users /admin/tokens \
        /admin/extensions /admin/health /admin/audit; do
    read -r p50 p95 < <(timing "$path" "$jar")
    label="${path/$volunteer/\{id\}}"; label="${label/$network/\{id\}}"; label="${label/$nomination/\{id\}}"
    label="${label/\?q=*/?q=(a surname)}"; [ "${#label}" -gt 34 ] && label="${label:0:31}..."
    printf '%-34s %8s %8s %10s\n' "$label" "$p50" "$p95" "$(echo "scale=2; $p50 / $base50" | bc)"
done
echo "target: every page's p95 under 300 ms on the demo register"
