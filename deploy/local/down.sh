#!/usr/bin/env bash
# Stops everything deploy/local/up.sh started; leaves no process and no port behind.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.hazardledger.local.StackCommand down
