package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The enterprise reported the rectification done and asked for verification. For a MAJOR hazard this is the
 * application that starts the regulator's 10-day review (16号令 §23): {@code reviewDueBy}, else null.
 */
public record RectificationSubmitted(UUID hazardId, String summary, List<String> evidence, Instant submittedAt,
                                     Instant reviewDueBy)
        implements DomainEvent {
    /** 16号令 §23: the regulator reviews a MAJOR hazard's rectification within 10 days of the application. */
    public static final Duration MAJOR_REVIEW_PERIOD = Duration.ofDays(10);
}
