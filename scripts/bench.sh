#!/usr/bin/env bash
# Runs a timing harness from the benchmarks module (outside the default build). Numbers are printed,
# never asserted. The engine run uses the serial collector, as bin/omnigraph does.
# Usage: scripts/bench.sh language [fixtures-dir] | scripts/bench.sh engine [people] [edges]
#        scripts/bench.sh server [clients] [seconds]   (stored read on the example cluster over HTTP)
#        scripts/bench.sh grpc [clients] [seconds] [rows]
#          (the example cluster served with --grpc-bind: the stored read over HTTP and over gRPC side by side,
#           then [rows] people loaded over gRPC and, in a fresh server, exported over gRPC with its memory;
#           OMNIGRAPH_JAVA_OPTS reaches the server, e.g. -Xmx256m to show the export needs no large heap)
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-language}"
shift || true
mvn -q -B -Pbench -DskipTests -pl benchmarks -am install
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
case "$which" in
  language) exec java -cp "$cp" dev.omnigraph.benchmarks.LanguageBenchmark "${@:-../shared/fixtures}" ;;
  engine) exec java --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseSerialGC -Xmx2g -cp "$cp" dev.omnigraph.benchmarks.EngineBenchmark "$@" ;;
  server)
    # converge the example cluster into a scratch folder, serve it on a free port, load it, stop it
    clients="${1:-16}"; seconds="${2:-30}"
    dir="$(pwd)/target/bench-cluster"
    rm -rf "$dir"; mkdir -p target; cp -r examples/cluster "$dir"
    bin/omnigraph cluster import --config "$dir" >/dev/null
    bin/omnigraph cluster apply --config "$dir" >/dev/null
    bin/omnigraph load --data "$dir/seed.jsonl" --mode overwrite "$dir/graphs/people.omni" >/dev/null
    out="$(mktemp)"
    OMNIGRAPH_LOG_LEVEL=WARN OMNIGRAPH_SERVER_BEARER_TOKENS_JSON='{"act-alice":"bench-token"}' \
      bin/omnigraph-server --cluster "$dir" --bind 127.0.0.1:0 >"$out" &
    server=$!
    trap 'kill $server 2>/dev/null || true; rm -f "$out"' EXIT
    for _ in $(seq 1 120); do grep -q OMNIGRAPH_LISTEN_ADDR "$out" && break; sleep 0.5; done
    addr="$(sed -n 's/^OMNIGRAPH_LISTEN_ADDR=//p' "$out")"
    [ -n "$addr" ] || { echo "the server did not start" >&2; exit 1; }
    echo "server pid $server at $addr"
    java -cp "$cp" dev.omnigraph.benchmarks.ServerLoadBenchmark "http://$addr" /graphs/people/queries/person \
      '{"params":{"name":"Alice"}}' bench-token "$clients" "$seconds"
    echo "server peak RSS: $(grep VmHWM /proc/$server/status 2>/dev/null | awk '{print $2/1024 " MiB"}' || echo n/a)"
    ;;
  grpc)
    clients="${1:-16}"; seconds="${2:-30}"; rows="${3:-100000}"
    dir="$(pwd)/target/bench-grpc-cluster"
    rm -rf "$dir"; mkdir -p target; cp -r examples/cluster "$dir"
    bin/omnigraph cluster import --config "$dir" >/dev/null
    bin/omnigraph cluster apply --config "$dir" >/dev/null
    bin/omnigraph load --data "$dir/seed.jsonl" --mode overwrite "$dir/graphs/people.omni" >/dev/null
    out="$(mktemp)"
    server=""
    trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -f "$out"' EXIT
    # alice reads (stored queries, export), bob writes (the example cluster's policy)
    start_server() {
      : >"$out"
      OMNIGRAPH_LOG_LEVEL=WARN OMNIGRAPH_SERVER_BEARER_TOKENS_JSON='{"act-alice":"bench-token","act-bob":"bench-writer"}' \
        bin/omnigraph-server --cluster "$dir" --bind 127.0.0.1:0 --grpc-bind 127.0.0.1:0 >"$out" &
      server=$!
      for _ in $(seq 1 120); do grep -q OMNIGRAPH_GRPC_LISTEN_ADDR "$out" && break; sleep 0.5; done
      addr="$(sed -n 's/^OMNIGRAPH_LISTEN_ADDR=//p' "$out")"
      grpc_addr="$(sed -n 's/^OMNIGRAPH_GRPC_LISTEN_ADDR=//p' "$out")"
      [ -n "$grpc_addr" ] || { echo "the server did not start" >&2; exit 1; }
      echo "server pid $server at http $addr, grpc $grpc_addr"
    }
    stop_server() { kill "$server"; wait "$server" || true; server=""; }
    start_server
    java -cp "$cp" dev.omnigraph.benchmarks.ServerLoadBenchmark "http://$addr" /graphs/people/queries/person \
      '{"params":{"name":"Alice"}}' bench-token "$clients" "$seconds"
    java -cp "$cp" dev.omnigraph.benchmarks.GrpcBenchmark read "$grpc_addr" bench-token "$clients" "$seconds" \
      people person Alice
    java -cp "$cp" dev.omnigraph.benchmarks.GrpcBenchmark load-people "$grpc_addr" bench-writer people "$rows"
    stop_server
    # a fresh server: its memory before and during the export is the export's alone
    start_server
    sleep 2
    java -cp "$cp" dev.omnigraph.benchmarks.GrpcBenchmark export "$grpc_addr" bench-token people "$server"
    start=$(date +%s.%N)
    curl -sS -o /dev/null -w '  http export of the same: %{size_download} bytes' -X POST \
      -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' -d '{}' "http://$addr/graphs/people/export"
    echo ", $(echo "$(date +%s.%N) - $start" | bc) s"
    echo "server peak RSS (VmHWM, whole life): $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
    stop_server
    ;;
  *) echo "unknown benchmark '$which' (available: language, engine, server, grpc)" >&2; exit 2 ;;
esac
