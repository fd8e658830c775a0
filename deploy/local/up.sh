#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL, a KRaft Kafka broker, the four services and demo data.
# Builds first when a build is missing or the sources changed since this script last built.
# Java 17 is the only prerequisite.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Whether a build is due is judged against a stamp this script leaves after its own build. The build output's times
# say too little: a class folder keeps the time it was made and a library's jar is rewritten only when it changed, so
# sources looked newer after every edit; and each build rewrites the services' jars, which makes their class-data
# archives stale, to be recorded again on the next start.
stamp="deploy/local/target/up-build.stamp"
needs_build=false
[ -e "$stamp" ] && [ ! pom.xml -nt "$stamp" ] || needs_build=true
for module in contracts eventstore deploy/local enterprise-registry inspection-service hazard-service reporting-service; do
  case "$module" in
    deploy/local) built="deploy/local/target/lib" ;;
    contracts|eventstore) built="$module/target/classes" ;;
    *) built="$module/target/quarkus-app/quarkus-run.jar" ;;
  esac
  if [ ! -e "$built" ] || { [ -e "$stamp" ] \
      && [ -n "$(find "$module/src/main" "$module/pom.xml" -newer "$stamp" -print -quit 2>/dev/null)" ]; }; then
    needs_build=true
  fi
done
if [ "$needs_build" = true ] || [ "${1:-}" = "--build" ]; then
  echo "Building (./mvnw -DskipTests install)..."
  ./mvnw -q -DskipTests install -pl '!system-tests'
  touch "$stamp"
fi

exec java -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.hazardledger.local.StackCommand up
