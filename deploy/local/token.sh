#!/usr/bin/env bash
# Prints a bearer token for the local stack: token.sh ROLE [DISTRICT|ENTERPRISE_ID]
#   ROLE: enterprise (needs ENTERPRISE_ID), inspector, regulator, analyst (no DISTRICT = all districts), admin.
# Signed with the stack's key pair (deploy/local/run/jwt, made on first start).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.hazardledger.local.StackCommand token "$@"
