#!/usr/bin/env bash
# Hot swap of a provincial extension under load, against a baseline measured in the same run:
#   swap: time from PUT /api/v1/extensions/org.apom.ext.p50.chiangmai (the other edition) until
#         GET /api/v1/ext/50/summary answers the new version, p50 and p99 over the swaps
#   gap:  the longest time a client polling the summary saw no successful answer, and how many of its requests
#         failed; core requests (areas, volunteers, data quality) made meanwhile, and how many failed
#   quiet: the same clients for as long again with no swap (the longest gap an answer takes anyway here)
#   baseline: the p50 of GET /api/v1/ext/50/summary on the same node with no swap going on
# Usage: benchmarks/extension-swap.sh [swaps (default 50)]
#   needs a built reactor (mvn -DskipTests install: the distribution and extensions/). Uses port 8181.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
swaps="${1:-50}"
work="$root/benchmarks/target/extension-swap"
rm -rf "$work" && mkdir -p "$work/apom"
password="benchmark-password-$RANDOM$RANDOM"
url="http://localhost:8181"
ext() { ls "$root/extensions/$1/target/$1"-*.jar | head -1; }

# another platform on the port would answer instead, and lock its admin out with our password
if curl -s -o /dev/null -m 1 "$url/"; then
    echo "something already listens on port 8181: stop it first" >&2; exit 1
fi
tar xzf "$(ls "$root"/karaf-distribution/target/apom-karaf-distribution-*.tar.gz)" -C "$work/apom" --strip-components=1
# the polling clients would meet the per-caller rate limit
echo "requestsPerMinute = 1000000" > "$work/apom/etc/org.apom.security.limits.cfg"
# the benchmark installs the samples without review, as a developer's platform does (docs/extensions.md)
env APOM_ADMIN_PASSWORD="$password" APOM_DEMO_DATA=false APOM_EXTENSIONS_DEV=true "$work/apom/bin/start" >/dev/null 2>&1
trap '"$work/apom/bin/stop" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -m 1 "$url/api/v1/health")" = 200 ] && break; sleep 0.5
done
java "$root/benchmarks/SwapBench.java" "$url" "$password" "$swaps" \
    "$(ext org.apom.ext.p50.chiangmai.v100)" "$(ext org.apom.ext.p50.chiangmai)"
