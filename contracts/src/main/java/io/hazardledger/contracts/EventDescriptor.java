package io.hazardledger.contracts;

/**
 * What the published language says about one event type: its name ({@code ce_type} suffix), the topic it is
 * published on, the current schema version of its payload and the record that holds it.
 */
public record EventDescriptor(String type, String topic, int schemaVersion, Class<? extends DomainEvent> payloadType) {
}
