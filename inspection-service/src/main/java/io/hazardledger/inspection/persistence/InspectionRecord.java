package io.hazardledger.inspection.persistence;

import io.hazardledger.contracts.inspection.InspectionKind;
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
    public int findings;
    public long version;
}
