#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: unit, contract, architecture and end-to-end tests.
# Anything the tests need beyond a JDK and Maven is installed by this script (nothing by hand).
# The real-world corpora in ../shared/fixtures are used when present and skipped with a message when not;
# point elsewhere with OMNIGRAPH_FIXTURES=/path/to/fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."

fixtures="${OMNIGRAPH_FIXTURES:-$(pwd)/../shared/fixtures}"
if [ -d "$fixtures" ]; then
  echo "test.sh: corpus tests read fixtures from $fixtures"
else
  echo "test.sh: no fixtures folder at $fixtures; corpus tests will be skipped"
fi

exec mvn -B -Domnigraph.fixtures="$fixtures" clean install "$@"
