#!/usr/bin/env bash
# `make bench`: FLIS against the floor on this machine, in one run (see bench/README.md).
#   1. GET /healthz            flis-server vs nginx serving the same bytes         (wrk, loopback)
#   2. GET /api/v1/cases/{id}  flis-server vs nginx serving the captured bytes     (wrk, loopback)
#      GET /api/v1/cases       an officer's inbox of 50 cases, the same way (bench/fill_inbox.py files them)
#      GET /api/v1/quota/{year}/balance  the public quota balance, the same way
#   3. durable case creation   create_draft (1 and 16 clients) vs raw one-row SQLite commits of one
#                              client                                              (Google Benchmark)
#   4. the same on PostgreSQL  create_draft (1 and 16 clients) vs pgbench one-row insert -c 1 and
#      with fsync on           -c 16 -j 2, on scripts/pg-harness.sh with FLIS_PG_FSYNC=on (optional)
#   5. the quota race (I-17)   10 000 concurrent permits for 1 000 units, SQLite and PostgreSQL: exactly
#                              1 000 granted, decisions per second                 (quota_race_benchmark)
#   6. documents as PDF         SE certificate, EP permit, QT-A1/QT-A2 per core    (document_benchmark)
#   7. the opening of a quota   100 000 labour immigrants filing online for 30 000 units of one region
#      year (LI, issue 12)      through cases::LabourImmigrantService, SQLite and PostgreSQL: exactly
#                              30 000 filed and kept, the rest li.quota_exhausted (li_opening_benchmark)
# Prints a markdown summary and writes it to var/bench/summary.md. Everything listens on 127.0.0.1
# only; every process started here is stopped on exit.
#
# Environment: BIN (default build/bin) holds flis, flis-server and case_create_benchmark;
# BENCH_DURATION (default 5s), BENCH_RUNS (default 3), BENCH_PG=0 skips PostgreSQL;
# BENCH_RACE_REQUESTS / BENCH_RACE_UNITS / BENCH_RACE_THREADS (10000 / 1000 / 16) size the quota race;
# BENCH_LI_IMMIGRANTS / BENCH_LI_UNITS / BENCH_LI_THREADS (100000 / 30000 / 16) the opening of the LI quota year;
# BENCH_ONLY=http runs parts 1 and 2 only (the wrk comparisons) and prints their table;
# BENCH_FLIS_PROCESSES sets how many flis-server processes share the port (default: as nginx's workers, 2)
# and BENCH_FLIS_THREADS the I/O threads of each (default 1; with one process, as wrk's threads, 2).
set -euo pipefail
self=$(realpath "$0")
cd "$(dirname "$0")/.."
repo=$(pwd)

BIN=${BIN:-build/bin}
BIN=$(cd "$BIN" && pwd)
DURATION=${BENCH_DURATION:-5s}
RUNS=${BENCH_RUNS:-3}
THREADS=2       # wrk threads, flis-server --threads, nginx worker_processes
CONNECTIONS=32
BENCH_PG=${BENCH_PG:-1}
ONLY=${BENCH_ONLY:-}

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
bins=(flis flis-server)
[ "$ONLY" = http ] || bins+=(case_create_benchmark quota_race_benchmark document_benchmark li_opening_benchmark)
for bin in "${bins[@]}"; do
  [ -x "$BIN/$bin" ] || { echo "bench: $BIN/$bin not built" >&2; exit 1; }
done

work=$(mktemp -d /tmp/flis-bench.XXXXXX)
pids=()
pg_state=""
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$pg_state" ]; then FLIS_PG_HARNESS_STATE=$pg_state bash scripts/pg-harness.sh stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
wait_http() {  # url: up to 10 s
  for _ in $(seq 100); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "bench: nothing answers at $1" >&2
  return 1
}
log() { echo "bench: $*" >&2; }

# ---- flis-server on a fresh demo database -------------------------------------------------------
db="sqlite:$work/demo.sqlite"
key="$work/signer.pem"
"$BIN/flis" --db "$db" --key "$key" migrate >/dev/null
"$BIN/flis" --db "$db" --key "$key" load-reference >/dev/null
"$BIN/flis" --db "$db" --key "$key" seed-demo >/dev/null
# flis-server as nginx runs: one process per core (BENCH_FLIS_PROCESSES, default the nginx workers), each
# with one I/O thread, all on one port (--reuse-port: the kernel spreads the connections). Beside it, for
# the case read, one process with THREADS I/O threads ("one process" rows), on the same database.
# Request logs go to files, as in production; nginx keeps an access log too.
PROCESSES=${BENCH_FLIS_PROCESSES:-$THREADS}
FLIS_THREADS=${BENCH_FLIS_THREADS:-1}
[ "$PROCESSES" -gt 1 ] || FLIS_THREADS=${BENCH_FLIS_THREADS:-$THREADS}
flis_port=$(free_port)
for p in $(seq "$PROCESSES"); do
  "$BIN/flis-server" --listen "127.0.0.1:$flis_port" --db "$db" --key "$key" --demo --threads "$FLIS_THREADS" \
    --reuse-port --assets assets --i18n data/i18n >"$work/flis-server-$p.log" 2>&1 &
  pids+=($!)
done
flis="http://127.0.0.1:$flis_port"
wait_http "$flis/healthz"
single_port=$(free_port)
"$BIN/flis-server" --listen "127.0.0.1:$single_port" --db "$db" --key "$key" --demo --threads "$THREADS" \
  --assets assets --i18n data/i18n >"$work/flis-server-single.log" 2>&1 &
pids+=($!)
single="http://127.0.0.1:$single_port"
wait_http "$single/healthz"

token=$(curl -s -X POST "$flis/api/v1/auth/demo-token" -H 'Content-Type: application/json' -d '{"login":"officer.astana"}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
auth="Authorization: Bearer $token"
case_id=$(curl -s -H "$auth" "$flis/api/v1/cases" | python3 -c '
import json, sys
body = json.load(sys.stdin)
items = body if isinstance(body, list) else next(v for v in body.values() if isinstance(v, list))
print(sorted(c["id"] for c in items if c["id"].startswith("SE-"))[0])')
case_path="/api/v1/cases/$case_id"
# The officer's inbox, filled to 50 cases with SE applications filed through the API.
inbox_size=$(python3 bench/fill_inbox.py "$flis" officer.astana chen 50)
[ "$inbox_size" = 50 ] || { log "the inbox holds $inbox_size cases, not 50"; exit 1; }
inbox_path=/api/v1/cases
# The public quota balance of the year the demo distributed (QT-19), every region.
quota_year=$(python3 -c '
import json, sys, urllib.request
for year in (2027, 2026):
    body = json.load(urllib.request.urlopen(sys.argv[1] + f"/api/v1/quota/{year}/balance"))
    if body["balances"]:
        print(year); break' "$flis")
quota_path="/api/v1/quota/$quota_year/balance"

# ---- nginx serving the captured bytes -----------------------------------------------------------
mkdir -p "$work/www" "$work/nginx"
# nginx workers started by root run as nobody: let them reach (only) the served files.
chmod 711 "$work"
chmod 755 "$work/www"
capture() {  # path name [header]: body to www/name, headers to name.headers
  local extra=()
  [ $# -ge 3 ] && extra=(-H "$3")
  curl -s -D "$work/$2.headers" -o "$work/www/$2" "${extra[@]}" "$flis$1"
}
capture /healthz healthz
capture "$case_path" case "$auth"
capture "$inbox_path" inbox "$auth"
capture "$quota_path" quota
chmod 644 "$work/www/healthz" "$work/www/case" "$work/www/inbox" "$work/www/quota"
content_type() { awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$1"; }
healthz_type=$(content_type "$work/healthz.headers")
case_type=$(content_type "$work/case.headers")
inbox_type=$(content_type "$work/inbox.headers")
quota_type=$(content_type "$work/quota.headers")
# The case body must be stable between reads, or nginx would serve something flis no longer sends.
curl -s -H "$auth" "$flis$case_path" | cmp -s - "$work/www/case" || { log "case body changes between reads"; exit 1; }
curl -s -H "$auth" "$flis$inbox_path" | cmp -s - "$work/www/inbox" || { log "inbox body changes between reads"; exit 1; }
curl -s "$flis$quota_path" | cmp -s - "$work/www/quota" || { log "quota body changes between reads"; exit 1; }

nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes $THREADS;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  sendfile on;
  keepalive_requests 1000000;
  types {}
  etag off;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /healthz { default_type "$healthz_type"; alias $work/www/healthz; }
    location = $case_path { default_type "$case_type"; alias $work/www/case; }
    location = $inbox_path { default_type "$inbox_type"; alias $work/www/inbox; }
    location = $quota_path { default_type "$quota_type"; alias $work/www/quota; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>>"$work/nginx/error.log" &
pids+=($!)
ngx="http://127.0.0.1:$nginx_port"
wait_http "$ngx/healthz"

# Same status, same body bytes, same content type, or the comparison means nothing.
check_same() {  # path name [header]
  local name=$2 f n extra=()
  [ $# -ge 3 ] && extra=(-H "$3")
  for side in flis ngx; do
    local base=$flis
    [ "$side" = ngx ] && base=$ngx
    curl -s -D "$work/$side-$name.h" -o "$work/$side-$name.b" "${extra[@]}" "$base$1"
  done
  f=$(head -1 "$work/flis-$name.h" | awk '{print $2}')
  n=$(head -1 "$work/ngx-$name.h" | awk '{print $2}')
  [ "$f" = "$n" ] || { log "$name: status $f vs $n"; exit 1; }
  # /healthz says what time it is (to the second): that field may tick between the two reads.
  cmp -s <(sed -E 's/"now":"[^"]*"/"now":""/' "$work/flis-$name.b") <(sed -E 's/"now":"[^"]*"/"now":""/' "$work/ngx-$name.b") ||
    { log "$name: bodies differ"; exit 1; }
  [ "$(wc -c <"$work/flis-$name.b")" = "$(wc -c <"$work/ngx-$name.b")" ] || { log "$name: sizes differ"; exit 1; }
  [ "$(content_type "$work/flis-$name.h")" = "$(content_type "$work/ngx-$name.h")" ] ||
    { log "$name: content types differ"; exit 1; }
  log "$name: both answer $f, $(wc -c <"$work/flis-$name.b") bytes of $(content_type "$work/flis-$name.h")"
}
check_same /healthz healthz
check_same "$case_path" case "$auth"
check_same "$inbox_path" inbox "$auth"
check_same "$quota_path" quota
healthz_bytes=$(wc -c <"$work/www/healthz")
case_bytes=$(wc -c <"$work/www/case")
inbox_bytes=$(wc -c <"$work/www/inbox")
quota_bytes=$(wc -c <"$work/www/quota")

# ---- wrk: runs interleaved flis/nginx so drift hits both alike ----------------------------------
mkdir -p "$work/wrk"
for target in healthz case inbox quota; do
  header=()
  case $target in
    healthz) path=/healthz ;;
    case) path=$case_path; header=(-H "$auth") ;;
    inbox) path=$inbox_path; header=(-H "$auth") ;;
    quota) path=$quota_path ;;
  esac
  sides=(flis nginx)
  [ "$target" = case ] && sides+=(single)
  for run in $(seq "$RUNS"); do
    for side in "${sides[@]}"; do
      base=$flis
      [ "$side" = nginx ] && base=$ngx
      [ "$side" = single ] && base=$single
      log "wrk $target $side run $run/$RUNS"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$base$path" \
        >"$work/wrk/$target-$side-$run.txt"
    done
  done
done
# The case read at half the rate flis reached above (median of its runs), paced: its latency under a
# load it can carry (issue 10 item 1: p99 <= 10 ms there).
half_rate=$(python3 -c '
import re, statistics, sys
rates = [float(re.search(r"Requests/sec:\s+([\d.]+)", open(f"{sys.argv[1]}/wrk/case-flis-{r}.txt").read()).group(1))
         for r in range(1, int(sys.argv[2]) + 1)]
print(int(statistics.median(rates) / 2))' "$work" "$RUNS")
log "wrk case flis paced at $half_rate req/s"
WRK_RATE=$half_rate WRK_THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/paced.lua \
  -H "$auth" "$flis$case_path" >"$work/wrk/case-flis-half.txt"

if [ "$ONLY" = http ]; then
  mkdir -p var/bench
  export THREADS CONNECTIONS DURATION case_path healthz_bytes case_bytes inbox_bytes quota_bytes quota_path PROCESSES FLIS_THREADS
  # The summary below, which stops after its HTTP table.
  BENCH_ONLY=http python3 - "$work" "$RUNS" 0 >var/bench/summary.md <<<"$(sed -n '/^python3 - "\$work"/,/^PY$/p' "$self" | sed '1d;$d')"
  cat var/bench/summary.md
  exit 0
fi

# ---- durable case creation ----------------------------------------------------------------------
gbench_args=(--benchmark_repetitions=5 --benchmark_report_aggregates_only=true --benchmark_format=json)
log "case_create_benchmark (SQLite, synchronous=FULL; 1 and 16 clients, repetitions interleaved)"
# The repetitions of flis and of the raw floor interleaved, so that the disk's drift (fsync latency on
# this VM moves tenfold within minutes) hits both sides alike.
FLIS_BENCH_DIR="$work" FLIS_REFERENCE_DIR="$repo/data/reference" FLIS_RULES="$repo/data/rules" FLIS_TEST_PG_URL="" \
  "$BIN/case_create_benchmark" "${gbench_args[@]}" --benchmark_enable_random_interleaving=true >"$work/gbench-sqlite.json"

# ---- documents: PDFs per core (CPU time of the one rendering thread) -----------------------------
log "document_benchmark (SE certificate, EP and LI permits, QT-A1, QT-A2)"
"$BIN/document_benchmark" "${gbench_args[@]}" --benchmark_filter='_pdf' >"$work/gbench-docs.json"

# ---- the quota race (I-17): 10 000 concurrent requests for 1 000 units --------------------------
RACE_ARGS=(--requests "${BENCH_RACE_REQUESTS:-10000}" --units "${BENCH_RACE_UNITS:-1000}" --threads "${BENCH_RACE_THREADS:-16}")
log "quota_race_benchmark (SQLite, synchronous=FULL)"
FLIS_BENCH_DIR="$work" FLIS_TEST_PG_URL="" "$BIN/quota_race_benchmark" "${RACE_ARGS[@]}" >"$work/race.jsonl"

# ---- the opening of the labour-immigrant quota year (issue 12): N immigrants for K units ---------
LI_ARGS=(--immigrants "${BENCH_LI_IMMIGRANTS:-100000}" --units "${BENCH_LI_UNITS:-30000}" --threads "${BENCH_LI_THREADS:-16}")
li_env=(FLIS_BENCH_DIR="$work" FLIS_REFERENCE_DIR="$repo/data/reference" FLIS_RULES="$repo/data/rules")
log "li_opening_benchmark (SQLite, synchronous=FULL; ${LI_ARGS[*]})"
env "${li_env[@]}" FLIS_TEST_PG_URL="" "$BIN/li_opening_benchmark" "${LI_ARGS[@]}" --backend sqlite >"$work/li.jsonl"

# Payload of the raw PostgreSQL rows: the `data` of the case served above, as create_draft writes it.
python3 - "$work/www/case" >"$work/payload.json" <<'PY'
import json, sys
body = json.load(open(sys.argv[1]))
data = body.get("data", body) if isinstance(body, dict) else body
sys.stdout.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
PY

pg_ok=0
if [ "$BENCH_PG" = 1 ] && [ -x /usr/lib/postgresql/15/bin/pg_ctl ] && command -v pgbench >/dev/null; then
  pg_state="$work/pg.state"
  # fsync, synchronous_commit and full_page_writes on, as in production: the commits are durable ones.
  if pg_url=$(FLIS_PG_FSYNC=on FLIS_PG_HARNESS_STATE=$pg_state bash scripts/pg-harness.sh start 2>"$work/pg-harness.log"); then
    log "quota_race_benchmark (PostgreSQL via scripts/pg-harness.sh)"
    # Only the PostgreSQL line: the SQLite race already ran above.
    FLIS_BENCH_DIR="$work" FLIS_TEST_PG_URL="$pg_url" "$BIN/quota_race_benchmark" "${RACE_ARGS[@]}" |
      grep '"backend":"postgresql"' >>"$work/race.jsonl"
    log "li_opening_benchmark (PostgreSQL via scripts/pg-harness.sh)"
    env "${li_env[@]}" FLIS_TEST_PG_URL="$pg_url" "$BIN/li_opening_benchmark" "${LI_ARGS[@]}" --backend postgresql \
      >>"$work/li.jsonl"
    psql -q "$pg_url" -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE TABLE raw_cases (id TEXT PRIMARY KEY, service TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL,
  region TEXT NOT NULL, provider_body TEXT NOT NULL, applicant_id TEXT NOT NULL, registered_on TEXT,
  due_at BIGINT, step_due_at BIGINT, step_rule TEXT NOT NULL, data TEXT NOT NULL, version BIGINT NOT NULL,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
SQL
    payload_sql=$(sed "s/'/''/g" "$work/payload.json")
    printf "INSERT INTO raw_cases VALUES (gen_random_uuid()::text, 'SE', 'issue', 'draft', '710000000', 'leb-710000000', 'u-bench', NULL, NULL, NULL, 'SE-3', '%s', 1, 1767225600, 1767225600);\n" \
      "$payload_sql" >"$work/pgbench.sql"
    pg_settings=$(psql -At "$pg_url" -c "SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', full_page_writes=' || current_setting('full_page_writes')")
    # create_draft with 1 and 16 clients (2 repetitions each, interleaved) and pgbench -c 1 and -c 16
    # (the create_draft threads) from two pgbench threads, in turn, RUNS times: the disk's drift hits
    # both sides alike.
    for run in $(seq "$RUNS"); do
      log "pgbench -c 1 run $run/$RUNS"
      pgbench -n -f "$work/pgbench.sql" -T "${DURATION%s}" -c 1 "$pg_url" >"$work/pgbench-$run.txt" 2>&1
      log "case_create_benchmark (PostgreSQL via scripts/pg-harness.sh, fsync on; 1 and 16 clients) run $run/$RUNS"
      FLIS_BENCH_DIR="$work" FLIS_REFERENCE_DIR="$repo/data/reference" FLIS_RULES="$repo/data/rules" FLIS_TEST_PG_URL="$pg_url" \
        "$BIN/case_create_benchmark" --benchmark_repetitions=2 --benchmark_enable_random_interleaving=true \
        --benchmark_report_aggregates_only=true --benchmark_format=json --benchmark_filter=postgres >"$work/gbench-pg-$run.json"
      log "pgbench -c 16 -j 2 run $run/$RUNS"
      pgbench -n -f "$work/pgbench.sql" -T "${DURATION%s}" -c 16 -j 2 "$pg_url" >"$work/pgbench16-$run.txt" 2>&1
    done
    pg_ok=1
  else
    log "PostgreSQL not available: $(tail -1 "$work/pg-harness.log")"
    pg_state=""
  fi
fi

# ---- summary ------------------------------------------------------------------------------------
mkdir -p var/bench
export THREADS CONNECTIONS DURATION case_path healthz_bytes case_bytes inbox_bytes quota_bytes quota_path PROCESSES FLIS_THREADS
export pg_settings=${pg_settings:-}
python3 - "$work" "$RUNS" "$pg_ok" >var/bench/summary.md <<'PY'
import json, re, statistics, sys, os
E = os.environ
work, runs, pg_ok = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
unit = {"us": 1e-3, "ms": 1.0, "s": 1e3}

def wrk(path):
    text = open(path).read()
    if "Non-2xx" in text or "Socket errors" in text:
        bad = [l.strip() for l in text.splitlines() if "Non-2xx" in l or "Socket errors" in l]
        sys.exit(f"bench: {os.path.basename(path)}: {'; '.join(bad)}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    lat = {}
    for pct in ("50", "99"):
        v, u = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
        lat[pct] = float(v) * unit[u]
    return rps, lat["50"], lat["99"]

def median_of(target, side):
    rows = [wrk(f"{work}/wrk/{target}-{side}-{r}.txt") for r in range(1, runs + 1)]
    return [statistics.median(col) for col in zip(*rows)], rows

out = []
out.append("# FLIS bench summary\n")
out.append(f"Machine: {os.cpu_count()} CPUs, shared by load generator and servers; {runs} runs each, medians. "
           f"wrk -t{E['THREADS']} -c{E['CONNECTIONS']} -d{E['DURATION']} --latency on 127.0.0.1; flis-server: {E['PROCESSES']} "
           f"process(es) of --threads {E['FLIS_THREADS']} on one port (--reuse-port), and for the case read also one process of "
           f"--threads {E['THREADS']}; nginx worker_processes {E['THREADS']}.\n")
out.append("## HTTP (wrk)\n")
out.append("| endpoint | server | req/s (median) | p50 ms | p99 ms | runs req/s |")
out.append("|---|---|---:|---:|---:|---|")
ratios = []
for target, label in (("healthz", f"GET /healthz ({E['healthz_bytes']} B)"),
                      ("case", f"GET {E['case_path']} + bearer ({E['case_bytes']} B)"),
                      ("inbox", f"GET /api/v1/cases, officer's inbox of 50 + bearer ({E['inbox_bytes']} B)"),
                      ("quota", f"GET {E['quota_path']}, public ({E['quota_bytes']} B)")):
    (f_rps, f_p50, f_p99), f_rows = median_of(target, "flis")
    (n_rps, n_p50, n_p99), n_rows = median_of(target, "nginx")
    out.append(f"| {label} | flis-server | {f_rps:,.0f} | {f_p50:.2f} | {f_p99:.2f} | "
               + ", ".join(f"{r[0]:,.0f}" for r in f_rows) + " |")
    out.append(f"| | nginx (same bytes) | {n_rps:,.0f} | {n_p50:.2f} | {n_p99:.2f} | "
               + ", ".join(f"{r[0]:,.0f}" for r in n_rows) + " |")
    out.append(f"| | **flis/nginx** | **{f_rps / n_rps:.2f}x** | {f_p50 / n_p50:.1f}x | {f_p99 / n_p99:.1f}x | |")
    ratios.append((target, f_rps / n_rps))
    if target == "case":
        (s_rps, s_p50, s_p99), s_rows = median_of(target, "single")
        out.append(f"| | flis-server, one process of {E['THREADS']} I/O threads | {s_rps:,.0f} | {s_p50:.2f} | {s_p99:.2f} | "
                   + ", ".join(f"{r[0]:,.0f}" for r in s_rows) + " |")
        out.append(f"| | one process/nginx | {s_rps / n_rps:.2f}x | {s_p50 / n_p50:.1f}x | {s_p99 / n_p99:.1f}x | |")
h_rps, h_p50, h_p99 = wrk(f"{work}/wrk/case-flis-half.txt")
out.append(f"\nThe case read paced at half flis-server's median rate (`bench/paced.lua`): {h_rps:,.0f} req/s, "
           f"p50 {h_p50:.2f} ms, p99 **{h_p99:.2f} ms** (issue 10 item 1: p99 ≤ 10 ms).")
if E.get("BENCH_ONLY") == "http":
    print("\n".join(out))
    sys.exit(0)

def gbench(path):
    res = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") == "median":
            if b.get("error_occurred"):
                sys.exit(f"bench: {b['run_name']}: {b.get('error_message')}")
            res[b["run_name"].replace("/real_time", "")] = (b["real_time"], b["time_unit"], b["items_per_second"])
    return res

scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
g = gbench(f"{work}/gbench-sqlite.json")
def ms(name, table=g):
    t, u, _ = table[name]
    return t * scale[u]
out.append("\n## Durable case creation (Google Benchmark, medians: SQLite 5 repetitions of flis and raw interleaved; "
           f"PostgreSQL {runs} runs of 2 repetitions, in turn with the pgbench runs)\n")
out.append("| store | operation | ms/op (median) | ops/s | ratio |")
out.append("|---|---|---:|---:|---:|")
flis_sqlite = ms("flis_create_draft/sqlite")
raw1 = ms("raw_sqlite_insert")
raw2 = ms("raw_sqlite_two_commits")
out.append(f"| SQLite WAL, synchronous=FULL | create_draft (one txn: number, case, audit event) | {flis_sqlite:.3f} | {1000 / flis_sqlite:,.0f} | 1.00 |")
out.append(f"| | raw 1-row INSERT txn | {raw1:.3f} | {1000 / raw1:,.0f} | flis/raw = **{flis_sqlite / raw1:.2f}x** |")
out.append(f"| | raw UPSERT txn + INSERT txn | {raw2:.3f} | {1000 / raw2:,.0f} | flis/raw = **{flis_sqlite / raw2:.2f}x** |")
def met(ok):
    return "**met**" if ok else "**not met**"
# Issue 10 item 2: durable creations/s with 16 clients against the one-row commits/s of one raw client.
flis_sqlite16 = g["flis_create_draft/sqlite/threads:16"][2]
ratio16 = flis_sqlite16 / (1000 / raw1)
out.append(f"| | create_draft, 16 clients at once | {1000 / flis_sqlite16:.3f} | {flis_sqlite16:,.0f} | "
           f"16 clients ÷ raw 1-row INSERT txn of 1 client = **{ratio16:.2f}x** (target ≥ 2x: {met(ratio16 >= 2)}) |")
targets = [("SQLite: create_draft 16 clients ÷ raw 1-row txn 1 client (throughput)", ratio16, "≥ 2x", ratio16 >= 2)]
if pg_ok:
    # The medians over the runs, each the median of its repetitions.
    pg_runs = [gbench(f"{work}/gbench-pg-{r}.json") for r in range(1, runs + 1)]
    flis_pg = statistics.median(ms("flis_create_draft/postgres", p) for p in pg_runs)
    flis_pg16 = statistics.median(p["flis_create_draft/postgres/threads:16"][2] for p in pg_runs)
    def pgbench_tps(prefix):
        tps = []
        for r in range(1, runs + 1):
            text = open(f"{work}/{prefix}-{r}.txt").read()
            m = re.search(r"tps = ([\d.]+) \((?:without|excluding)", text)
            if not m:
                sys.exit("bench: pgbench: " + text[-300:])
            tps.append(float(m.group(1)))
        return tps
    tps = pgbench_tps("pgbench")
    t = statistics.median(tps)
    tps16 = pgbench_tps("pgbench16")
    t16 = statistics.median(tps16)
    slow1 = flis_pg / (1000 / t)
    ratio_pg16 = flis_pg16 / t16
    out.append(f"| PostgreSQL 15 ({E['pg_settings']}) | create_draft | {flis_pg:.3f} | {1000 / flis_pg:,.0f} | 1.00 |")
    out.append(f"| | pgbench 1-row INSERT, -c 1 ({', '.join(f'{x:,.0f}' for x in tps)} tps) | {1000 / t:.3f} | {t:,.0f} | "
               f"flis/raw = **{slow1:.2f}x** (target ≤ 2x: {met(slow1 <= 2)}) |")
    out.append(f"| | create_draft, 16 clients at once | {1000 / flis_pg16:.3f} | {flis_pg16:,.0f} | 1.00 |")
    out.append(f"| | pgbench 1-row INSERT, -c 16 -j 2 ({', '.join(f'{x:,.0f}' for x in tps16)} tps) | {1000 / t16:.3f} | {t16:,.0f} | "
               f"flis ÷ raw throughput = **{ratio_pg16:.2f}x** (target ≥ 1x: {met(ratio_pg16 >= 1)}) |")
    targets.append(("PostgreSQL: create_draft 1 client, time ÷ pgbench -c 1 time", slow1, "≤ 2x", slow1 <= 2))
    targets.append(("PostgreSQL: create_draft 16 clients ÷ pgbench -c 16 -j 2 (throughput)", ratio_pg16, "≥ 1x", ratio_pg16 >= 1))
else:
    out.append("| PostgreSQL | not measured (no server via scripts/pg-harness.sh, or BENCH_PG=0) | | | |")
out.append("\nDurable writes under load (issue 10 item 2), each on its store's settings above:\n")
out.append("| comparison | ratio | target | |")
out.append("|---|---:|---|---|")
for label, value, target, ok in targets:
    out.append(f"| {label} | {value:.2f}x | {target} | {met(ok)} |")
docs = {}
for b in json.load(open(f"{work}/gbench-docs.json"))["benchmarks"]:
    if b.get("aggregate_name") == "median":
        if b.get("error_occurred"):
            sys.exit(f"bench: {b['run_name']}: {b.get('error_message')}")
        docs[b["run_name"]] = (b["cpu_time"] * scale[b["time_unit"]], b["pdf_per_s"])
out.append("\n## Documents as PDF (Google Benchmark, CPU time of the rendering thread, 5 repetitions, medians)\n")
out.append("| document | ms CPU/PDF | PDFs/s per core | target |")
out.append("|---|---:|---:|---|")
for name, label, target in (("se_certificate_pdf", "SE certificate (SE-15, QR)", 200),
                            ("ep_permit_pdf", "EP permit (sealed QR)", None),
                            ("li_permit_pdf", "LI permit LI-A5 (sealed QR)", None),
                            ("qt_a1_pdf", "QT-A1 employer's request", None),
                            ("qt_a2_pdf", "QT-A2 LEB request, 20 employers", None)):
    if name not in docs:
        continue
    cpu_ms, rate = docs[name]
    verdict = "" if target is None else f"≥ {target}/s: {'**met**' if rate >= target else '**not met**'} ({rate / target:.2f}x)"
    out.append(f"| {label} | {cpu_ms:.2f} | {rate:,.0f} | {verdict} |")
out.append("\n## Quota race (I-17): concurrent permits for the last units of one quota key\n")
out.append("| store | requests | units | threads | granted | refused | other errors | decisions/s | p50 ms | p99 ms | exact |")
out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
race_ok = True
for line in open(f"{work}/race.jsonl"):
    r = json.loads(line)
    race_ok = race_ok and r["exact"]
    out.append(f"| {r['backend']} | {r['requests']:,} | {r['units']:,} | {r['threads']} | {r['granted']:,} | {r['refused']:,} | "
               f"{r['failed']} | {r['decisions_per_second']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
               f"{'**yes**' if r['exact'] else '**NO**'} |")
out.append("\nEach request is one CaseChange (new case + audit event + one consumed unit) committed durably; "
           "exact = granted equals the units, every other request refused `quota.exhausted`, the balance ends at 0 "
           "available with one ledger entry per granted unit.")
if not race_ok:
    print("\n".join(out))
    sys.exit("bench: the quota race was not exact (I-17)")

# The floor of each store, measured above in this run: SQLite's raw one-row commit (synchronous=FULL,
# one client), PostgreSQL's pgbench one-row insert (-c 1).
floors = {"sqlite": (1000 / raw1, "raw 1-row INSERT txn, 1 client")}
if pg_ok:
    floors["postgresql"] = (t, "pgbench 1-row INSERT, -c 1")
out.append("\n## Opening of the labour-immigrant quota year (issue 12): everyone files at once for one region's quota\n")
out.append("| store | immigrants | units | threads | filed (kept) | li.quota_exhausted | other errors | immigrants/s | filings/s "
           "| filing p50 / p99 ms | refusal p50 / p99 ms | floor txn/s | filings/s ÷ floor | filing p50 ÷ floor txn | exact |")
out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---|")
li_ok = True
for line in open(f"{work}/li.jsonl"):
    r = json.loads(line)
    li_ok = li_ok and r["exact"]
    floor_tps, floor_label = floors.get(r["backend"], (None, ""))
    ratio = f"{r['filings_per_second'] / floor_tps:.3f}x" if floor_tps else "n/a"
    in_txns = f"{r['filed_p50_ms'] / (1000 / floor_tps):.0f}" if floor_tps else "n/a"
    floor = f"{floor_tps:,.0f} ({floor_label})" if floor_tps else "not measured"
    out.append(f"| {r['backend']} | {r['immigrants']:,} | {r['units']:,} | {r['threads']} | {r['filed']:,} ({r['stored_submitted']:,}) | "
               f"{r['quota_exhausted']:,} | {r['other_errors']} | {r['immigrants_per_second']:,.0f} | {r['filings_per_second']:,.1f} | "
               f"{r['filed_p50_ms']:.1f} / {r['filed_p99_ms']:.1f} | {r['refused_p50_ms']:.1f} / {r['refused_p99_ms']:.1f} | "
               f"{floor} | {ratio} | {in_txns} | {'**yes**' if r['exact'] else '**NO**'} |")
out.append("\nEach immigrant runs cases::LabourImmigrantService on the durable store: the employer's offer, the immigrant's "
           "signing (a unit reserved, LI-12/I-16, or li.quota_exhausted citing LI-20/I-17), then for a unit the application, "
           "two scans, both signatures and the filing (status submitted) — 11 durable commits per filing, 2 per refusal. "
           "exact = filed equals the units and each is in the store as submitted, reserved + consumed equals the units, every "
           "other immigrant answered li.quota_exhausted. filings/s ÷ floor: a filing's share of what one client commits on "
           "the same store (1/11 ≈ 0.09 if FLIS cost nothing over its commits); filing p50 ÷ floor txn: the filing's median "
           "latency in floor transactions.")
if not li_ok:
    print("\n".join(out))
    sys.exit("bench: the opening of the LI quota year was not exact (LI-20, I-17)")
out.append("\nRatios: HTTP = flis req/s ÷ nginx req/s (1.00 = as fast as nginx serving a file); "
           "latency and storage ratios = flis time ÷ floor time (1.00 = no overhead over the floor).")
print("\n".join(out))
PY
cat var/bench/summary.md
