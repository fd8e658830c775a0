package io.hazardledger.registry.persistence;

import io.hazardledger.contracts.enterprise.EnterpriseStatus;
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
    public long version;
    @Column(name = "registered_at")
    public Instant registeredAt;
}
