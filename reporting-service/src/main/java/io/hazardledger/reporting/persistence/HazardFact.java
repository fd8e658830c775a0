package io.hazardledger.reporting.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One hazard as the statistics see it. */
@Entity
@Table(name = "hazard_fact")
public class HazardFact {
    @Id
    @Column(name = "hazard_id")
    public UUID hazardId;
    @Column(name = "enterprise_id")
    public UUID enterpriseId;
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "industry_code")
    public String industryCode;
    public String category;
    public String severity;
    public String source;
    @Column(name = "found_at")
    public Instant foundAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    public boolean voided;
    @Column(name = "correlation_id")
    public String correlationId;
    public long version;
}
