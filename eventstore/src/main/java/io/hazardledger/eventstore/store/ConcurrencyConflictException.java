package io.hazardledger.eventstore.store;

import java.util.UUID;

/** Another writer appended to the stream first: the command was decided on a stale version. */
public class ConcurrencyConflictException extends RuntimeException {
    private final UUID streamId;
    private final long expectedVersion;

    public ConcurrencyConflictException(UUID streamId, long expectedVersion, Throwable cause) {
        super("Stream " + streamId + " is no longer at version " + expectedVersion, cause);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public UUID streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
