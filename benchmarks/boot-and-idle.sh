#!/usr/bin/env bash
# Boot time and idle memory of the Apom distribution, as ratios against a plain Karaf 4.4.10 measured in the
# same run on the same machine (so the figures mean the same on a fast or a slow machine).
#   boot:  from bin/start until the platform serves (Apom: the areas answer; Karaf: its ssh port accepts)
#   idle:  resident memory (RSS) of the JVM 20 s after it is ready
# Usage: benchmarks/boot-and-idle.sh [runs]   (needs a built distribution: mvn -DskipTests install)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
work="$root/benchmarks/target"
rm -rf "$work" && mkdir -p "$work"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

apom_tar="$(ls "$root"/karaf-distribution/target/apom-karaf-distribution-*.tar.gz)"
(cd "$root" && mvn -q -B dependency:copy -Dartifact=org.apache.karaf:apache-karaf:4.4.10:tar.gz \
    -DoutputDirectory="$work" >/dev/null 2>&1)
karaf_tar="$work/apache-karaf-4.4.10.tar.gz"

now() { date +%s.%N; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# $1 tarball, $2 name, $3 readiness check; prints "seconds rss_mb"
measure() {
    local dir="$work/$2" start ready pid rss
    rm -rf "$dir" && mkdir -p "$dir" && tar xzf "$1" -C "$dir" --strip-components=1
    start=$(now)
    "$dir/bin/start" >/dev/null 2>&1
    for _ in $(seq 1 600); do "$3" && break; sleep 0.1; done
    ready=$(now)
    sleep 20
    pid=$(cat "$dir/karaf.pid" 2>/dev/null || pgrep -f "karaf.home=$dir" | head -1)
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
    "$dir/bin/stop" >/dev/null 2>&1; sleep 3; pkill -f "karaf.home=$dir" 2>/dev/null || true; sleep 1
    echo "$(echo "$ready - $start" | bc) $rss"
}

apom_ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' -m 1 http://localhost:8181/api/v1/areas/provinces)" = 401 ]; }
karaf_ready() { port_open 8101; }

printf 'run  karaf_boot_s  apom_boot_s  boot_ratio  karaf_rss_mb  apom_rss_mb  rss_ratio\n'
for i in $(seq 1 "$runs"); do
    read -r kb kr < <(measure "$karaf_tar" karaf karaf_ready)
    read -r ab ar < <(measure "$apom_tar" apom apom_ready)
    printf '%-4s %-13s %-12s %-11s %-13s %-12s %s\n' "$i" "$kb" "$ab" "$(echo "scale=2; $ab / $kb" | bc)" \
        "$kr" "$ar" "$(echo "scale=2; $ar / $kr" | bc)"
done
printf 'distribution: %s MB (plain Karaf %s MB)\n' "$(du -m "$apom_tar" | cut -f1)" "$(du -m "$karaf_tar" | cut -f1)"
