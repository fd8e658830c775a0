package io.hazardledger.reporting.live;

import java.util.UUID;

/**
 * One entry of the live feed: an event as it was appended to {@code live_event}.
 *
 * @param position     the feed's order and the SSE id
 * @param envelopeJson the event's envelope, sent as the SSE data
 */
public record LiveEvent(long position, UUID eventId, String type, String districtCode, UUID enterpriseId,
                        String envelopeJson) {
}
