package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.EnterpriseStatusChanged;
import io.hazardledger.contracts.enterprise.EnterpriseUpdated;
import io.hazardledger.eventstore.consumer.ReadEvent;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** Keeps {@code rp_enterprise} from enterprise-events: the enterprise as it is now. */
final class EnterpriseRows {
    private static final String WHERE = " WHERE generation = :g AND enterprise_id = :id";

    private EnterpriseRows() {
    }

    static Uni<Integer> apply(Mutiny.Session s, int g, ReadEvent read) {
        EventEnvelope event = read.envelope();
        var id = event.aggregateId();
        return switch (event.type()) {
            case "EnterpriseRegistered" -> registered(s, g, event, read.payload(EnterpriseRegistered.class));
            case "EnterpriseUpdated" -> {
                EnterpriseUpdated u = read.payload(EnterpriseUpdated.class);
                yield Sql.update(s, """
                        UPDATE rp_enterprise SET name = coalesce(CAST(:name AS text), name),
                               industry_code = coalesce(CAST(:industry AS varchar), industry_code)""" + WHERE,
                        "g", g, "id", id, "name", u.name(), "industry", u.industryCode());
            }
            case "EnterpriseRelocated" -> {
                EnterpriseRelocated r = read.payload(EnterpriseRelocated.class);
                yield Sql.update(s, "UPDATE rp_enterprise SET district_code = :district, street_code = CAST(:street AS varchar)"
                        + WHERE, "g", g, "id", id, "district", r.districtCode(), "street", r.streetCode());
            }
            case "EnterpriseStatusChanged" -> Sql.update(s, "UPDATE rp_enterprise SET status = :status" + WHERE,
                    "g", g, "id", id, "status", read.payload(EnterpriseStatusChanged.class).to().name());
            case "EnterpriseBlacklisted" -> Sql.update(s, "UPDATE rp_enterprise SET blacklisted = TRUE" + WHERE, "g", g, "id", id);
            case "EnterpriseUnblacklisted" -> Sql.update(s, "UPDATE rp_enterprise SET blacklisted = FALSE" + WHERE, "g", g, "id", id);
            default -> Uni.createFrom().item(0);
        };
    }

    private static Uni<Integer> registered(Mutiny.Session s, int g, EventEnvelope event, EnterpriseRegistered r) {
        return Sql.update(s, """
                INSERT INTO rp_enterprise (generation, enterprise_id, name, district_code, street_code, industry_code,
                                           status, registered_at)
                VALUES (:g, :id, :name, :district, CAST(:street AS varchar), CAST(:industry AS varchar), 'ACTIVE',
                        CAST(:at AS timestamptz))
                ON CONFLICT (generation, enterprise_id) DO NOTHING""",
                "g", g, "id", r.enterpriseId(), "name", r.name(), "district", r.districtCode(), "street", r.streetCode(),
                "industry", r.industryCode(), "at", event.occurredAt());
    }
}
