#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: unit, contract, architecture and end-to-end tests.
# Anything the tests need beyond a JDK, Maven and Node.js/npm is installed by this script (nothing by hand).
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

# The Azure Blob tests run against Azurite (npm; installed into ~/.cache/omnigraph on first use), started
# here on an ephemeral loopback port with a state folder of this run's own and stopped on exit, however the
# run ends. If it cannot start, those tests are skipped with a message -- and fail when CI=true. The S3 tests
# need nothing from here: they start S3Proxy inside the test JVM.
azurite_state="$(mktemp -d "${TMPDIR:-/tmp}/omnigraph-azurite.XXXXXX")"
export AZURITE_STATE_DIR="$azurite_state"
stop_azurite() {
  bash scripts/azurite.sh stop || true
  rm -rf "$azurite_state"
}
trap stop_azurite EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if azurite_env="$(bash scripts/azurite.sh start)"; then
  eval "$azurite_env"
  echo "test.sh: Azure Blob tests run against Azurite at $AZURITE_BLOB_STORAGE_URL"
else
  echo "test.sh: Azurite could not be started; the Azure Blob tests will be skipped (and fail when CI=true)" >&2
fi

mvn -B -Domnigraph.fixtures="$fixtures" clean install "$@"
