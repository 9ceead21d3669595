#!/usr/bin/env bash
# Runs a timing harness from the benchmarks module (outside the default build). Numbers are printed,
# never asserted. The engine run uses the serial collector, as bin/omnigraph does. Usage: scripts/bench.sh language [fixtures-dir] | scripts/bench.sh engine [people] [edges]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-language}"
shift || true
mvn -q -B -Pbench -DskipTests -pl benchmarks -am install
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
case "$which" in
  language) exec java -cp "$cp" dev.omnigraph.benchmarks.LanguageBenchmark "${@:-../shared/fixtures}" ;;
  engine) exec java --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseSerialGC -Xmx2g -cp "$cp" dev.omnigraph.benchmarks.EngineBenchmark "$@" ;;
  *) echo "unknown benchmark '$which' (available: language, engine)" >&2; exit 2 ;;
esac
