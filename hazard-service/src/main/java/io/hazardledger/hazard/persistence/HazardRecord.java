package io.hazardledger.hazard.persistence;

import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.hazard.domain.HazardStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model row of one hazard. */
@Entity
@Table(name = "hazard")
public class HazardRecord {
    @Id
    public UUID id;
    @Column(name = "enterprise_id")
    public UUID enterpriseId;
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "industry_code")
    public String industryCode;
    @Enumerated(EnumType.STRING)
    public HazardSource source;
    @Enumerated(EnumType.STRING)
    public HazardCategory category;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Enumerated(EnumType.STRING)
    public HazardStatus status;
    public String title;
    public String description;
    public String location;
    @Column(name = "inspection_id")
    public UUID inspectionId;
    @Column(name = "finding_id")
    public UUID findingId;
    @Column(name = "found_at")
    public Instant foundAt;
    public long version;
}
