#!/usr/bin/env bash
# Starts or stops Redis (Debian's redis-server), the shared cache the app servers use for
# rendered pages and the inquiry rate limits; the cache tests and the benchmark run on it.
#
#   redis.sh start   install if missing, start an empty, memory-only server on
#                    127.0.0.1:$REDIS_PORT (default 6390), wait until it answers
#   redis.sh stop    stop it
#
# Memory is capped with least-recently-used eviction, as a cache in production should be:
# every key can be rebuilt, so nothing is saved to disk.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${REDIS_PORT:-6390}
state="$root/var/redis-$port"

stop() {
  if [ -f "$state/redis.pid" ]; then
    pid=$(cat "$state/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$state/redis.pid"
  fi
}

start() {
  bash "$root/site/scripts/system-packages.sh" redis-server
  stop
  mkdir -p "$state"
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --maxmemory "${REDIS_MAXMEMORY:-256mb}" --maxmemory-policy allkeys-lru \
    --daemonize yes --pidfile "$state/redis.pid" --logfile "$state/redis.log" --dir "$state"
  for _ in $(seq 1 50); do
    if [ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ]; then
      echo "Redis ready at redis://127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  echo "Redis did not start; its log:" >&2
  cat "$state/redis.log" >&2 || true
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
