package io.hazardledger.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every event travels in. On Kafka it is the record value (JSON); its identifying attributes are
 * mirrored in CloudEvents 1.0 binary-mode headers (see {@link CloudEventHeaders}) so that tools can route and
 * filter without parsing the value.
 *
 * @param eventId          unique id of this event (CloudEvents {@code id})
 * @param type             event type name from {@link EventCatalog}
 * @param schemaVersion    version of the payload schema; older versions are upcast on read
 * @param aggregateId      the stream the event belongs to; the Kafka key
 * @param aggregateVersion 1-based position of the event in its stream
 * @param occurredAt       when the fact happened (UTC)
 * @param actor            who caused it
 * @param correlationId    id shared by every event that follows from one original request
 * @param causationId      id of the request or event that directly caused this one
 * @param districtCode     GB/T 2260 county-level code the fact belongs to, where relevant
 * @param enterpriseId     the enterprise concerned, where relevant
 * @param payload          the event-specific data
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        UUID aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        Actor actor,
        String correlationId,
        String causationId,
        String districtCode,
        UUID enterpriseId,
        JsonNode payload) {
}
