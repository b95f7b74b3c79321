#!/usr/bin/env bash
# Starts or stops the single-node OpenSearch 2.19 server that the search tests and
# bench/ run against (see site/services/opensearch/pom.xml for why OpenSearch).
#
#   opensearch.sh start   resolve the Maven project, start a fresh node on
#                         127.0.0.1:$OPENSEARCH_PORT (default 9250), wait for green health
#   opensearch.sh stop    stop it and remove its data
#
# The node keeps its data under var/opensearch/ (var/opensearch-$port/ on another port, so
# that the benchmark's node runs beside the test suite's) and is always started empty.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
project="$root/site/services/opensearch"
port=${OPENSEARCH_PORT:-9250}
state="$root/var/opensearch"
[ "$port" = 9250 ] || state="$root/var/opensearch-$port"
heap=${OPENSEARCH_HEAP:-512m}
url="http://127.0.0.1:$port"
# shellcheck source=java-service.sh
source "$root/site/scripts/java-service.sh"

stop() {
  stop_java_service node.pid
}

start() {
  stop
  resolve_java_service "$project"
  # The runner numbers nodes from the base port: node 1 listens on base + 1.
  nohup java -Xms"$heap" -Xmx"$heap" -XX:+UseSerialGC -Djava.awt.headless=true \
    -cp "$(cat "$state/classpath.txt")" org.codelibs.opensearch.runner.OpenSearchRunner \
    -basePath "$state/data" -numOfNode 1 -clusterName kvarken-$port \
    -baseHttpPort $((port - 1)) \
    >"$state/node.log" 2>&1 &
  echo $! >"$state/node.pid"
  for _ in $(seq 1 240); do
    if curl -fs "$url/_cluster/health?wait_for_status=green&timeout=1s" >/dev/null 2>&1; then
      # Small disks must not turn the test indices read-only.
      curl -fs -X PUT "$url/_cluster/settings" -H 'Content-Type: application/json' \
        -d '{"persistent": {"cluster.routing.allocation.disk.threshold_enabled": false}}' \
        >/dev/null
      echo "OpenSearch ready at $url"
      return 0
    fi
    if ! kill -0 "$(cat "$state/node.pid")" 2>/dev/null; then break; fi
    sleep 0.5
  done
  failed_java_service node.pid node.log
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
