#!/usr/bin/env bash
# Shows the records of a topic of the local stack with their CloudEvents headers, using Kafka's own console
# consumer from the broker's jars. Usage: deploy/local/kafka-console.sh hazard-events [extra console-consumer options]
set -euo pipefail
cd "$(dirname "$0")/../.."
topic="${1:?usage: $0 TOPIC [options]}"; shift
exec java -Dlog4j2.configurationFile=deploy/local/kafka-tools-log4j2.properties \
  -cp "$(cat deploy/local/target/classes/kafka-broker.classpath)" org.apache.kafka.tools.consumer.ConsoleConsumer \
  --bootstrap-server "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}" --topic "$topic" --from-beginning \
  --timeout-ms "${TIMEOUT_MS:-5000}" \
  --property print.headers=true --property print.key=true \
  --property headers.separator=' | ' "$@"
