package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** A regulator changed a hazard's grade; to MAJOR it states the assessment. */
public record HazardReclassified(UUID hazardId, Severity from, Severity to, String reason, MajorAssessment major)
        implements DomainEvent {
}
