#!/usr/bin/env bash
# Registers every image of a folder through the packaged asset-service and prints a Markdown table
# on stdout. It shows registrations per minute, and the CPU time per registration beside the
# imaging core's own time on the same files (decode + watermark embed + encode + PDQ).
#
# Usage: asset-service/bench/registration-bench.sh DIR [java system properties...]
#   for example: asset-service/bench/registration-bench.sh ../shared/data/photos -Dbench.rounds=3
# Options: -Dbench.warmupRounds=N (default 12), -Dbench.rounds=N (default 3), -Dbench.coreRuns=N (default 5),
#   -Dbench.clipModel=FILE -Dbench.dinoModel=FILE (ONNX embedding models), -Dbench.trackCModelDir=DIR.
#
# It builds identity-service and asset-service when their jars are missing. Then it starts both as
# processes on free ports of 127.0.0.1 against the database certana_test, with quotas off. The
# asset schema is cleaned at start, so run it where nothing else uses that database.
set -euo pipefail
cd "$(dirname "$0")/../.."

[ $# -ge 1 ] || { echo "usage: $0 DIR [-Dbench.rounds=N ...]" >&2; exit 2; }
DIR=$(cd "$1" && pwd)
shift

if [ ! -f identity-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f asset-service/target/quarkus-app/quarkus-run.jar ]; then
  mvn -B -ntp -q -pl identity-service,asset-service -am install -DskipTests
fi
mvn -B -ntp -q -pl asset-service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

exec java -Xmx2g -Dcertana.identity.jar=identity-service/target/quarkus-app/quarkus-run.jar "$@" \
  -cp "asset-service/target/test-classes:asset-service/target/classes:$(cat asset-service/target/bench.classpath)" \
  io.certana.asset.bench.RegistrationBenchmark "$DIR"
