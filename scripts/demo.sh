#!/usr/bin/env bash
# `make demo`: a fresh SQLite database with realistic demo data, served at http://localhost:PORT, and
# flis-registry-sim (the external state systems, docs/registries.md) on 127.0.0.1:SIM_PORT beside it;
# the simulator stops when the server stops.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8080}
db=${2:-var/demo.sqlite}
sim_port=${SIM_PORT:-8090}
mkdir -p "$(dirname "$db")" var/keys
# GET /metrics answers only this bearer token (Prometheus: authorization.credentials_file).
[ -s var/keys/metrics.token ] || { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; echo; } >var/keys/metrics.token
rm -f "$db" "$db-wal" "$db-shm"
flis=build/bin/flis
"$flis" --db "sqlite:$db" --key var/keys/signer.pem migrate >/dev/null
"$flis" --db "sqlite:$db" --key var/keys/signer.pem load-reference
# The simulator first: the seed asks it for the quota employers' violations (F-QR1).
build/bin/flis-registry-sim --listen "127.0.0.1:$sim_port" --seed demo &
sim=$!
server=
stop() {
  [ -n "$server" ] && kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  kill -TERM "$sim" 2>/dev/null || true
  wait "$sim" 2>/dev/null || true
}
trap stop EXIT INT TERM
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$sim_port/admin/health" >/dev/null 2>&1 && break
  sleep 0.1
done
"$flis" --db "sqlite:$db" --key var/keys/signer.pem seed-demo --registry-url "http://127.0.0.1:$sim_port"
cat <<MSG

FLIS demo: http://localhost:$port
Sign in at http://localhost:$port/login (demo mode: one click per user), or get an API token:
  curl -X POST localhost:$port/api/v1/auth/demo-token -H 'Content-Type: application/json' -d '{"login":"officer.astana"}'

  foreigner (applicant)   chen, aliyev, kowalska, kaya, sharma, petrov, tashiev, nguyen, sato
  employer (EP)           employer.ksm (large, Almaty; also a foreign entity's workers, EP-39),
                          employer.adl (small, Astana; ICT), employer.dostyk (small, in liquidation),
                          employer.nomad (ratio breached, banned; Astana), employer.cps (Atyrau)
  household (LI)          employer.aigerim, employer.omarov      akim's office   akimat.almaty, akimat.astana
  LEB officer             officer.astana, officer.almaty
  LEB head                head.astana, head.almaty
  SE Commission (SE-6)    commission1.astana .. commission3.astana, se.commission1.almaty, se.commission2.almaty
  quota Commission (QT-9) commission1.almaty, commission2.almaty, qt.commission1.astana .. qt.commission3.astana
  quality authority       quality        Ministry   ministry
  State Corporation       operator       police     police       administrator   admin

Public pages: /verify (certificate check), /self-assessment (SE-10 points), /api/v1/openapi.json
External systems: flis-registry-sim at http://127.0.0.1:$sim_port (faults: PUT /admin/faults/<system>);
stuck calls for officers at /external-calls.
Metrics: curl -H "Authorization: Bearer $(cat var/keys/metrics.token)" localhost:$port/metrics
Stop with Ctrl-C.
MSG
build/bin/flis-server --listen "0.0.0.0:$port" --db "sqlite:$db" --key var/keys/signer.pem --demo \
  --public-url "http://localhost:$port" --registry-url "http://127.0.0.1:$sim_port" \
  --metrics-token-file var/keys/metrics.token &
server=$!
wait "$server"
