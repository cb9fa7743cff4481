#!/usr/bin/env bash
# Verifies copies of registered photos through the packaged services and prints a Markdown table
# on stdout: p50 and p95 verify latency beside the decode time of the same files in the same run,
# and the server's time per step (decode, watermark detection, PDQ, match API).
#
# Usage: verification-service/bench/verify-bench.sh [PHOTO] [java system properties...]
#   PHOTO is a photo of about 12 megapixels (without it a generated 12-megapixel image is used);
#   the 1-megapixel rows are the same photo scaled down. Options: -Dbench.warmup=N (default 15),
#   -Dbench.runs=N (default 40).
#
# It builds the three services when their jars are missing. Then it starts them as processes on
# free ports of 127.0.0.1 against the database certana_test; the asset and verification schemas
# are cleaned at start, so run it where nothing else uses that database.
set -euo pipefail
cd "$(dirname "$0")/../.."

PHOTO=()
if [ $# -ge 1 ] && [[ "$1" != -D* ]]; then
  PHOTO=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")")
  shift
fi

for service in identity-service asset-service verification-service; do
  if [ ! -f $service/target/quarkus-app/quarkus-run.jar ]; then
    mvn -B -ntp -q -pl identity-service,asset-service,verification-service -am install -DskipTests
    break
  fi
done
mvn -B -ntp -q -pl verification-service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

cd verification-service
exec java -Xmx2g -Dcertana.identity.jar=../identity-service/target/quarkus-app/quarkus-run.jar \
  -Dcertana.asset.jar=../asset-service/target/quarkus-app/quarkus-run.jar \
  -Dcertana.verification.jar=target/quarkus-app/quarkus-run.jar "$@" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.certana.verification.bench.VerifyBenchmark "${PHOTO[@]}"
