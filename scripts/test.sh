#!/usr/bin/env bash
# Runs every test of the suite against the local PostgreSQL: prepares the machine with
# scripts/setup.sh, then builds all modules and runs their tests with Maven.
# Extra arguments go to Maven, for example: scripts/test.sh -pl identity-service -am
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
exec mvn -B -ntp verify "$@"
