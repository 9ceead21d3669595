#!/usr/bin/env bash
# The main job until the server lands: build the distribution if needed, create the example graph
# (examples/people) in a fresh folder, load its seed data and run its queries.
# Usage: scripts/demo.sh [graph-folder]   (default: ./target/demo-graph, recreated each run)
set -euo pipefail
cd "$(dirname "$0")/.."
graph="${1:-target/demo-graph}"
rm -rf "$graph"
mkdir -p "$(dirname "$graph")"
og=bin/omnigraph
q=examples/people/queries.gq

$og schema check examples/people/schema.pg
$og lint --query "$q" --schema examples/people/schema.pg
$og init --schema examples/people/schema.pg "$graph"
$og load --data examples/people/seed.jsonl --mode overwrite "$graph"
$og snapshot "$graph"
echo
echo "# who is older than 40?"
$og query older_than --query "$q" --params '{"min": 40}' --store "$graph"
echo
echo "# friends of friends of Ada"
$og query friends_of_friends --query "$q" --params '{"name": "Ada"}' --store "$graph"
echo
echo "# headcount per company (JSON)"
$og query headcount --query "$q" --store "$graph" --json
echo
echo "graph left at $graph; try: $og query person --query $q --params '{\"name\":\"Grace\"}' --store $graph"
