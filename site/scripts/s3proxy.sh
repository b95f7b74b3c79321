#!/usr/bin/env bash
# Starts or stops S3Proxy, the real S3-protocol server the storage tests run against
# (site/services/s3proxy/pom.xml), with its filesystem backend.
#
#   s3proxy.sh start   resolve the Maven project, start an empty server on
#                      127.0.0.1:$S3PROXY_PORT (default 9350), wait until it answers
#   s3proxy.sh stop    stop it and remove its data
#
# Credentials are fixed test values (nothing private): kvarken-test / kvarken-test-secret.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
project="$root/site/services/s3proxy"
state="$root/var/s3proxy"
port=${S3PROXY_PORT:-9350}
url="http://127.0.0.1:$port"
# shellcheck source=java-service.sh
source "$root/site/scripts/java-service.sh"

stop() {
  stop_java_service server.pid
}

start() {
  stop
  resolve_java_service "$project"
  mkdir -p "$state/data"
  cat >"$state/s3proxy.conf" <<CONF
s3proxy.endpoint=$url
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=kvarken-test
s3proxy.credential=kvarken-test-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$state/data
CONF
  nohup java -Xmx256m -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$(cat "$state/classpath.txt")" org.gaul.s3proxy.Main --properties "$state/s3proxy.conf" \
    >"$state/server.log" 2>&1 &
  echo $! >"$state/server.pid"
  for _ in $(seq 1 120); do
    # Anonymous requests get 403 once the server is up.
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url/" || true)
    if [ "$code" = "403" ] || [ "$code" = "200" ]; then
      echo "S3Proxy ready at $url"
      return 0
    fi
    if ! kill -0 "$(cat "$state/server.pid")" 2>/dev/null; then break; fi
    sleep 0.5
  done
  failed_java_service server.pid server.log
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
