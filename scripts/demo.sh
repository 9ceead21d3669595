#!/usr/bin/env bash
# The main job: serve the example cluster (examples/cluster) from local disk.
#
# Builds the distribution on first use, copies the example cluster to a fresh folder (the ledger, catalog
# and graph roots are written next to its cluster.yaml), converges it with `cluster import` + `cluster
# apply`, loads the seed data into graph `people`, and serves it on 127.0.0.1:8080 (OMNIGRAPH_BIND
# overrides) with demo bearer tokens, printing ready-to-paste curl lines; OMNIGRAPH_GRPC_BIND=IP:PORT also
# serves the gRPC API there (docs/grpc.md). Ctrl-C stops the server.
#
# Usage: scripts/demo.sh [cluster-folder]   (default: ./target/demo-cluster, recreated each run)
set -euo pipefail
cd "$(dirname "$0")/.."
cluster="${1:-target/demo-cluster}"
bind="${OMNIGRAPH_BIND:-127.0.0.1:8080}"
grpc_bind="${OMNIGRAPH_GRPC_BIND:-}"
og=bin/omnigraph

rm -rf "$cluster"
mkdir -p "$(dirname "$cluster")"
cp -r examples/cluster "$cluster"
cluster="$(cd "$cluster" && pwd)"

$og cluster validate --config "$cluster"
$og cluster import --config "$cluster"
$og cluster apply --config "$cluster" --as act-admin
$og load --data "$cluster/seed.jsonl" --mode overwrite "$cluster/graphs/people.omni"

# Demo tokens only: act-alice reads, act-bob also writes, act-admin lists graphs (examples/cluster/policies).
export OMNIGRAPH_SERVER_BEARER_TOKENS_JSON='{"act-alice":"demo-alice-token","act-bob":"demo-bob-token","act-admin":"demo-admin-token"}'
port="${bind##*:}"
cat <<INFO

Serving the example cluster at http://$bind (Ctrl-C stops). Try:

  curl -s -H 'Authorization: Bearer demo-alice-token' -H 'Content-Type: application/json' \\
       -d '{"params":{"name":"Alice"}}' http://127.0.0.1:$port/graphs/people/queries/acquaintances

  curl -s -H 'Authorization: Bearer demo-alice-token' http://127.0.0.1:$port/graphs/people/queries
  curl -s -H 'Authorization: Bearer demo-admin-token' http://127.0.0.1:$port/graphs
  curl -s http://127.0.0.1:$port/openapi.json

INFO
grpc_args=()
if [ -n "$grpc_bind" ]; then
  grpc_args=(--grpc-bind "$grpc_bind")
  cat <<INFO
and over gRPC at $grpc_bind (omnigraph.v1.GraphService, with reflection), e.g.:

  grpcurl -plaintext -H 'authorization: Bearer demo-alice-token' \\
       -d '{"graph_id":"people","name":"acquaintances","params":{"name":"Alice"}}' \\
       $grpc_bind omnigraph.v1.GraphService/InvokeStoredQuery

INFO
fi
exec bin/omnigraph-server --cluster "$cluster" --bind "$bind" ${grpc_args[@]+"${grpc_args[@]}"}
