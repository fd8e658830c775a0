#!/bin/bash
# Creates every topic of the published language and its sequenced dead-letter topic (<topic>.dlq).
# Idempotent: an existing topic is left as it is (its partitions can only be raised, see deploy/README.md).
# Used by the kafka-topics Job (deploy/k8s) and the kafka-topics service (deploy/docker-compose.yml).
#   KAFKA_BOOTSTRAP_SERVERS   where the brokers are
#   TOPICS                    space-separated topic names (contracts: Topics.java)
#   TOPIC_PARTITIONS          partitions of each event topic (>= 6, and >= the most replicas of any consumer)
#   TOPIC_REPLICATION_FACTOR  copies of each partition (1 on one broker, 3 in production)
#   TOPIC_MIN_INSYNC_REPLICAS copies that must have a record before acks=all succeeds
set -euo pipefail
KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
: "${KAFKA_BOOTSTRAP_SERVERS:?}" "${TOPICS:?}" "${TOPIC_PARTITIONS:?}" "${TOPIC_REPLICATION_FACTOR:?}"
MIN_ISR=${TOPIC_MIN_INSYNC_REPLICAS:-1}

for attempt in $(seq 1 60); do
  if "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --list >/dev/null 2>&1; then
    break
  fi
  echo "waiting for Kafka at $KAFKA_BOOTSTRAP_SERVERS ($attempt)"
  sleep 5
done

for topic in $TOPICS; do
  for name in "$topic" "$topic.dlq"; do
    # retention.ms=-1: projections are rebuilt from the beginning of the topics (DESIGN §2).
    "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
      --topic "$name" --partitions "$TOPIC_PARTITIONS" --replication-factor "$TOPIC_REPLICATION_FACTOR" \
      --config retention.ms=-1 --config min.insync.replicas="$MIN_ISR"
  done
done
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --describe
