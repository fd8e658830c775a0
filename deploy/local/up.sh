#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL, a KRaft Kafka broker, the four services and demo data.
# Builds first when a service's build is missing or older than its sources. Java 17 is the only prerequisite.
set -euo pipefail
cd "$(dirname "$0")/../.."

needs_build=false
for module in contracts eventstore deploy/local enterprise-registry inspection-service hazard-service reporting-service; do
  case "$module" in
    deploy/local) built="deploy/local/target/lib" ;;
    contracts|eventstore) built="$module/target/classes" ;;
    *) built="$module/target/quarkus-app/quarkus-run.jar" ;;
  esac
  if [ ! -e "$built" ] || [ -n "$(find "$module/src" "$module/pom.xml" -newer "$built" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if [ "$needs_build" = true ] || [ "${1:-}" = "--build" ]; then
  echo "Building (./mvnw -DskipTests install)..."
  ./mvnw -q -DskipTests install -pl '!system-tests'
fi

exec java -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.hazardledger.local.StackCommand up
