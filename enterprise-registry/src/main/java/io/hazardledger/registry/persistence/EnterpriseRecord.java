package io.hazardledger.registry.persistence;

import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.RiskLevel;
import io.hazardledger.contracts.enterprise.StandardisationGrade;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One row of the ledger's read model: an enterprise as of its latest event. */
@Entity
@Table(name = "enterprise")
public class EnterpriseRecord {
    @Id
    public UUID id;
    public String uscc;
    public String name;
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "industry_code")
    public String industryCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "supervision_category")
    public SupervisionCategory supervisionCategory;
    @Enumerated(EnumType.STRING)
    public EnterpriseStatus status;
    public String address;
    @Column(name = "park_name")
    public String parkName;
    /** Null when the ledger has no 两重点一重大 assessment of the enterprise (registrations of schema v1). */
    @Column(name = "key_hazardous_process")
    public Boolean keyHazardousProcess;
    @Column(name = "key_hazardous_chemical")
    public Boolean keyHazardousChemical;
    @Column(name = "major_hazard_sources")
    public Integer majorHazardSources;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;
    @Enumerated(EnumType.STRING)
    @Column(name = "standardisation_grade")
    public StandardisationGrade standardisationGrade;
    @Column(name = "responsible_cadre")
    public String responsibleCadre;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    public Double longitude;
    public Double latitude;
    public boolean blacklisted;
    public long version;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
