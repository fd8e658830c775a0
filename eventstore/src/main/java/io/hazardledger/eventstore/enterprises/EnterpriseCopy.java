package io.hazardledger.eventstore.enterprises;

import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What a service knows of an enterprise from enterprise-events: enough to check and place its own facts. */
@Entity
@Table(name = "enterprise_copy")
public class EnterpriseCopy {
    @Id
    public UUID id;
    public String name;
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "industry_code")
    public String industryCode;
    @Enumerated(EnumType.STRING)
    public EnterpriseStatus status;
    /** Version of the enterprise stream last applied; older or repeated events change nothing. */
    public long version;
}
