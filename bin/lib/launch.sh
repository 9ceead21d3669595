# Shared by bin/omnigraph and bin/omnigraph-server: find the distribution, build it on first use,
# and start the JVM with the flags Arrow and Lance need. Source it, then call: launch <main-class> "$@".

OMNIGRAPH_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OMNIGRAPH_JAR="$OMNIGRAPH_HOME/bootstrap/target/omnigraph.jar"

omnigraph_build_if_missing() {
  if [ -f "$OMNIGRAPH_JAR" ] && [ -d "$OMNIGRAPH_HOME/bootstrap/target/lib" ]; then
    return 0
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "omnigraph: the distribution is not built and Maven (mvn) is not installed" >&2
    exit 1
  fi
  echo "omnigraph: building the distribution on first use (mvn package, tests skipped)..." >&2
  (
    cd "$OMNIGRAPH_HOME"
    # concurrent first uses wait for one build instead of racing two
    if command -v flock >/dev/null 2>&1; then
      exec 9>"$OMNIGRAPH_HOME/.omnigraph-build.lock"
      flock 9
    fi
    if [ ! -f "$OMNIGRAPH_JAR" ] || [ ! -d "$OMNIGRAPH_HOME/bootstrap/target/lib" ]; then
      mvn -q -B -DskipTests -pl bootstrap -am package 1>&2
    fi
  ) || { echo "omnigraph: the build failed" >&2; exit 1; }
}

# launch <main-class> <jvm-flags> [args...]: <jvm-flags> is one word-split string of launcher-specific flags.
launch() {
  local main_class="$1"
  local launcher_flags="$2"
  shift 2
  omnigraph_build_if_missing
  local java_bin="java"
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_bin="$JAVA_HOME/bin/java"
  fi
  # --add-opens: Arrow's memory module needs it on every JVM that touches Lance.
  # OMNIGRAPH_JAVA_OPTS: extra JVM flags from the caller (heap size, debugging).
  # shellcheck disable=SC2086
  exec "$java_bin" \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    $launcher_flags \
    ${OMNIGRAPH_JAVA_OPTS:-} \
    -cp "$OMNIGRAPH_JAR" "$main_class" "$@"
}
