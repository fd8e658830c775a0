#!/usr/bin/env bash
# Builds what the load benchmark needs and runs it: the REST API load with freshness samples and per-process CPU and
# memory, each service's start alone, and the pgbench and Kafka perf-tool baselines, all in one run.
# Settings go through as -D options, e.g.: benchmarks/run.sh -Dload.rate=200 -Dload.duration-seconds=30
set -euo pipefail

cd "$(dirname "$0")/.."

rate=1000
warmup=20
duration=60
mix=commands

echo "Building the services, deploy/local and the benchmarks (tests skipped)..."
./mvnw -B -ntp -q -DskipTests -pl enterprise-registry,inspection-service,hazard-service,reporting-service,benchmarks -am install "$@"

echo "Running the load benchmark: ${rate} requests/s, ${mix} mix, ${duration} s after ${warmup} s of warm-up (unless overridden)..."
./mvnw -B -ntp -pl benchmarks -Dbenchmark=true -Dtest=ApiLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dload.rate="${rate}" -Dload.mix="${mix}" -Dload.warmup-seconds="${warmup}" -Dload.duration-seconds="${duration}" \
    "$@" verify

echo
echo "Results: $(pwd)/benchmarks/target/api-load-results.md"
