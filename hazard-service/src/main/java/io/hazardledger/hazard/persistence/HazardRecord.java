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

import io.hazardledger.contracts.hazard.SupervisionLevel;
import io.hazardledger.hazard.domain.Hazard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
    public LocalDate deadline;
    @Column(name = "original_deadline")
    public LocalDate originalDeadline;
    @Column(name = "overdue_for")
    public LocalDate overdueFor;
    @Column(name = "rework_count")
    public int reworkCount;
    @Column(name = "funds_yuan")
    public BigDecimal fundsYuan;
    @Enumerated(EnumType.STRING)
    @Column(name = "supervision_level")
    public SupervisionLevel supervisionLevel;
    @Column(name = "review_due_by")
    public Instant reviewDueBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "reward_yuan")
    public BigDecimal rewardYuan;

    /** The row as the hazard stands after its latest event. */
    public static HazardRecord of(Hazard hazard, long version) {
        HazardRecord r = new HazardRecord();
        r.id = hazard.id();
        r.refresh(hazard, version);
        return r;
    }

    public void refresh(Hazard h, long newVersion) {
        enterpriseId = h.enterpriseId();
        districtCode = h.districtCode();
        streetCode = h.streetCode();
        industryCode = h.industryCode();
        source = h.source();
        category = h.category();
        severity = h.severity();
        status = h.status();
        title = h.title();
        description = h.description();
        location = h.location();
        inspectionId = h.inspectionId();
        findingId = h.findingId();
        foundAt = h.foundAt();
        version = newVersion;
        deadline = h.deadline();
        originalDeadline = h.originalDeadline();
        overdueFor = h.overdueFor();
        reworkCount = h.reworkCount();
        fundsYuan = h.plan() == null ? null : h.plan().fundsYuan();
        supervisionLevel = h.supervision() == null ? null : h.supervision().level();
        reviewDueBy = h.reviewDueBy();
        closedAt = h.closedAt();
        rewardYuan = h.rewardYuan();
    }
}
