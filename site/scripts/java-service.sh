# Shared by opensearch.sh and s3proxy.sh: a Java server from a Maven project, run in the
# background with its pid and data under var/<name>/. Source it; set $state first.

# Stop the server whose pid is in $state/$1 and remove $state/data.
stop_java_service() {
  local pidfile="$state/$1"
  if [ -f "$pidfile" ]; then
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  fi
  rm -rf "$state/data"
}

# Install Java, Maven and curl if missing, and resolve the Maven project $1 into
# $state/classpath.txt (quick once ~/.m2 holds the artifacts).
resolve_java_service() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  command -v java >/dev/null || bash "$root/site/scripts/system-packages.sh" openjdk-17-jre-headless
  command -v mvn >/dev/null || bash "$root/site/scripts/system-packages.sh" maven
  command -v curl >/dev/null || bash "$root/site/scripts/system-packages.sh" curl
  mkdir -p "$state"
  mvn -q -B -f "$1/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$state/classpath.txt" >"$state/maven.log" 2>&1 \
    || { cat "$state/maven.log"; return 1; }
}

# Report that the server with pid file $state/$1 and log $state/$2 did not start, and stop it.
failed_java_service() {
  echo "$(basename "$state") did not start; the end of its log:" >&2
  tail -n 40 "$state/$2" >&2
  stop_java_service "$1"
  exit 1
}
