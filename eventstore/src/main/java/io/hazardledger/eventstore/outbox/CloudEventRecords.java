package io.hazardledger.eventstore.outbox;

import io.hazardledger.contracts.CloudEventHeaders;
import io.hazardledger.contracts.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/** Builds the Kafka record of an event: key = aggregate id, value = envelope JSON, CloudEvents binary-mode headers. */
final class CloudEventRecords {
    private CloudEventRecords() {
    }

    static ProducerRecord<String, String> of(String topic, EventEnvelope envelope, String envelopeJson, String service) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, envelope.eventId().toString());
        add(headers, CloudEventHeaders.TYPE, CloudEventHeaders.ceType(envelope.type()));
        add(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.ceSource(service));
        add(headers, CloudEventHeaders.SUBJECT, envelope.aggregateId().toString());
        add(headers, CloudEventHeaders.TIME, envelope.occurredAt().toString());
        add(headers, CloudEventHeaders.DATA_CONTENT_TYPE, "application/json");
        add(headers, CloudEventHeaders.SCHEMA_VERSION, Integer.toString(envelope.schemaVersion()));
        add(headers, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(envelope.aggregateVersion()));
        add(headers, CloudEventHeaders.CORRELATION_ID, envelope.correlationId());
        add(headers, CloudEventHeaders.CAUSATION_ID, envelope.causationId());
        add(headers, CloudEventHeaders.DISTRICT_CODE, envelope.districtCode());
        add(headers, CloudEventHeaders.ENTERPRISE_ID, envelope.enterpriseId() == null ? null : envelope.enterpriseId().toString());
        return new ProducerRecord<>(topic, null, envelope.aggregateId().toString(), envelopeJson, headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
