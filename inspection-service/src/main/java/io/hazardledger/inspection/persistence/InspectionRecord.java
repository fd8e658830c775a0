package io.hazardledger.inspection.persistence;

import io.hazardledger.contracts.inspection.Checklist;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.inspection.domain.Inspection;
import io.hazardledger.inspection.domain.InspectionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** Read model row of one inspection. */
@Entity
@Table(name = "inspection")
public class InspectionRecord {
    @Id
    public UUID id;
    @Column(name = "enterprise_id")
    public UUID enterpriseId;
    @Column(name = "district_code")
    public String districtCode;
    @Enumerated(EnumType.STRING)
    public InspectionKind kind;
    @Enumerated(EnumType.STRING)
    public InspectionStatus status;
    @Column(name = "planned_date")
    public LocalDate plannedDate;
    public String campaign;
    @Enumerated(EnumType.STRING)
    public Checklist checklist;
    public int findings;
    @Column(name = "major_findings")
    public int majorFindings;
    @Column(name = "enforcement_actions")
    public int enforcementActions;
    public String summary;
    @Column(name = "cancel_reason")
    public String cancelReason;
    public long version;

    /** Takes over what the state knows; the planned date, conclusion and reason come from their events. */
    void refresh(Inspection state, long version) {
        enterpriseId = state.enterpriseId();
        districtCode = state.districtCode();
        kind = state.kind();
        status = state.status();
        campaign = state.campaign();
        checklist = state.checklist();
        findings = state.findings();
        majorFindings = state.majorFindings();
        enforcementActions = state.enforcementActions();
        this.version = version;
    }
}
