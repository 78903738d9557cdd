#!/usr/bin/env bash
# Installs (Debian packages) and starts the real brokers the conformance suite checks the simulators
# against: RabbitMQ (AMQP on localhost:5672) and NATS with JetStream (localhost:4222). Safe to run
# again: what is installed is not reinstalled, what is running is not restarted. Needs root for apt;
# a newcomer without root can install the two packages once and run this script for the rest.
set -euo pipefail

need=()
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
command -v nats-server >/dev/null 2>&1 || need+=(nats-server)
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

wait_for RabbitMQ 5672 "$state/rabbitmq.log"
wait_for NATS 4222 "$state/nats.log"
# AMQP accepts connections a moment before the broker's own startup has finished.
if command -v rabbitmqctl >/dev/null 2>&1; then rabbitmqctl await_startup >/dev/null 2>&1 || true; fi
rabbitmq_version=$(rabbitmqctl version 2>/dev/null || echo unknown)
echo "brokers: RabbitMQ ${rabbitmq_version}, $(nats-server --version 2>/dev/null || echo 'NATS unknown')"
