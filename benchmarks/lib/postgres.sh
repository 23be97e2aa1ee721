# A throwaway PostgreSQL cluster for the benchmarks, on port 55432 (sourced; needs $work).
# As root, the cluster runs as the postgres user. Needs initdb and pg_ctl on the PATH.
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_start() {
    local data="$work/pg"
    rm -rf "$data" && mkdir -p "$data" && chown postgres "$work" "$data" 2>/dev/null || true
    pg_as initdb -D "$data" -A trust -U postgres -E UTF8 >/dev/null
    pg_as pg_ctl -D "$data" -o "-p 55432 -k /tmp -c fsync=on" -l "$data/log" -w start >/dev/null
    psql -h /tmp -p 55432 -U postgres -q -c "CREATE DATABASE apom" >/dev/null
}
pg_stop() { pg_as pg_ctl -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; }
