#!/usr/bin/env bash
# Installs (Debian packages) and starts the real servers the conformance suite checks the simulators
# against: RabbitMQ (AMQP on localhost:5672) and NATS with JetStream (localhost:4222), and, for the
# database and cache model in src/sim/store, PostgreSQL 15 (localhost:5432, role and database `lab`,
# password `lab`) and Redis 7 (localhost:6379, nothing persisted). Safe to run again: what is
# installed is not reinstalled, what is running is not restarted. Needs root for apt; a newcomer
# without root can install the four packages once and run this script for the rest.
set -euo pipefail

need=()
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
command -v nats-server >/dev/null 2>&1 || need+=(nats-server)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  echo "brokers: installing ${need[*]} (apt)"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {
  local name=$1 port=$2 log=$3
  for _ in $(seq 1 60); do
    if port_open "$port"; then echo "brokers: $name is up on port $port"; return 0; fi
    sleep 1
  done
  echo "brokers: $name did not open port $port within 60 s; its log ($log):" >&2
  tail -n 40 "$log" >&2 || true
  return 1
}

state=${BROKERS_DIR:-/tmp/redelivery-lab-brokers}
mkdir -p "$state"

if ! port_open 5672; then
  echo "brokers: starting rabbitmq-server"
  # Debian's package starts nothing by itself in a container; run it in the background. (It drops
  # to the rabbitmq user, so its own logs stay in /var/log/rabbitmq; ours is only the console.)
  (nohup rabbitmq-server >"$state/rabbitmq.log" 2>&1 &)
fi
if ! port_open 4222; then
  echo "brokers: starting nats-server -js"
  (nohup nats-server -js -sd "$state/jetstream" >"$state/nats.log" 2>&1 &)
fi

# PostgreSQL: Debian's package creates the cluster 15/main (owned by postgres) but, with no init
# system in a container, does not start it. Start it in the background, on localhost only.
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
as_postgres() { (cd / && if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }
if ! port_open 5432; then
  if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main '; then
    echo "brokers: creating the PostgreSQL 15 cluster 'main'"
    $SUDO pg_createcluster 15 main --port 5432 >"$state/postgresql-create.log" 2>&1
  fi
  if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main .*online'; then
    echo "brokers: starting PostgreSQL 15 (pg_ctlcluster 15 main start)"
    $SUDO pg_ctlcluster 15 main start -- -o "-c listen_addresses=localhost -c port=5432" >"$state/postgresql.log" 2>&1 \
      || { echo "brokers: PostgreSQL did not start:" >&2; cat "$state/postgresql.log" >&2; tail -n 40 /var/log/postgresql/postgresql-15-main.log >&2 || true; exit 1; }
  fi
fi
if ! port_open 6379; then
  echo "brokers: starting redis-server"
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes \
    --dir "$state" --logfile "$state/redis.log" --pidfile "$state/redis.pid"
fi

wait_for RabbitMQ 5672 "$state/rabbitmq.log"
wait_for NATS 4222 "$state/nats.log"
# AMQP accepts connections a moment before the broker's own startup has finished.
if command -v rabbitmqctl >/dev/null 2>&1; then rabbitmqctl await_startup >/dev/null 2>&1 || true; fi
rabbitmq_version=$(rabbitmqctl version 2>/dev/null || echo unknown)
echo "brokers: RabbitMQ ${rabbitmq_version}, $(nats-server --version 2>/dev/null || echo 'NATS unknown')"

wait_for PostgreSQL 5432 "$state/postgresql.log"
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
# The role and database the store conformance test connects with (PG_URL defaults to them).
as_postgres psql -q -p 5432 -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lab') THEN CREATE ROLE lab LOGIN PASSWORD 'lab'; END IF;
END \$\$;" >/dev/null
if [ "$(as_postgres psql -p 5432 -tAc "SELECT 1 FROM pg_database WHERE datname = 'lab'")" != 1 ]; then
  as_postgres createdb -p 5432 -O lab lab
fi
wait_for Redis 6379 "$state/redis.log"
postgres_version=$(as_postgres psql -p 5432 -tAc 'SHOW server_version' 2>/dev/null || echo unknown)
redis_version=$(redis-cli -h 127.0.0.1 -p 6379 INFO server 2>/dev/null | tr -d '\r' | sed -n 's/^redis_version://p')
echo "brokers: PostgreSQL ${postgres_version}, Redis ${redis_version:-unknown}"
