package io.hazardledger.contracts;

/** Marker for the payload records of the event catalogue; see {@link EventCatalog} for type names and topics. */
public interface DomainEvent {
}
