package io.hazardledger.hazard.persistence;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.enterprises.EnterpriseDirectory;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.store.AggregateType;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.eventstore.store.SnapshotPolicy;
import io.hazardledger.hazard.domain.Hazard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/** Hazard streams and their read model. */
@ApplicationScoped
public class HazardRepository {
    // Raise the snapshot revision whenever Hazard's components change shape or meaning.
    static final AggregateType<Hazard> HAZARDS =
            new AggregateType<>(Hazard.STREAM_TYPE, "Hazard", Hazard.NONE, Hazard::apply)
                    .snapshotted(SnapshotPolicy.of(Hazard.class, 1));
    private static final String SERVICE = "hazard-service";

    @Inject
    Transactions transactions;
    @Inject
    EventStore store;
    @Inject
    EnterpriseDirectory enterprises;

    /**
     * Registers the hazard a finding describes, inside the consumer's transaction. A finding whose hazard exists
     * already changes nothing.
     */
    public Uni<Void> registerFinding(Mutiny.Session session, EventEnvelope findingEvent) {
        FindingRecorded finding = EventCodec.payload(findingEvent, FindingRecorded.class);
        UUID hazardId = Hazard.idOfFinding(finding.findingId());
        return session.find(HazardRecord.class, hazardId).chain(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : enterprises.find(session, finding.enterpriseId()).chain(enterprise -> {
                    var placement = enterprise == null ? Hazard.Placement.UNKNOWN
                            : new Hazard.Placement(enterprise.streetCode, enterprise.industryCode);
                    HazardFound found = Hazard.fromFinding(finding, placement);
                    return HAZARDS.create(store, session, hazardId,
                                    List.of(new NewEvent(found, found.districtCode(), found.enterpriseId())),
                                    CommandContext.reactingTo(findingEvent, SERVICE))
                            .chain(loaded -> session.persist(toRecord(found, loaded.version(), findingEvent)));
                }));
    }

    public Uni<HazardRecord> find(UUID id) {
        return transactions.read(session -> session.find(HazardRecord.class, id));
    }

    /** The hazard's stream, oldest first: its audit trail. */
    public Uni<List<EventEnvelope>> events(UUID id) {
        return transactions.read(session -> store.load(session, id));
    }

    public Uni<Paged<HazardRecord>> list(String districtCode, UUID enterpriseId, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (districtCode != null) {
            where.append(" and districtCode = :district");
        }
        if (enterpriseId != null) {
            where.append(" and enterpriseId = :enterprise");
        }
        return transactions.read(session -> {
            var items = session.createSelectionQuery("from HazardRecord" + where + " order by foundAt desc, id", HazardRecord.class);
            var count = session.createSelectionQuery("select count(*) from HazardRecord" + where, Long.class);
            if (districtCode != null) {
                items.setParameter("district", districtCode);
                count.setParameter("district", districtCode);
            }
            if (enterpriseId != null) {
                items.setParameter("enterprise", enterpriseId);
                count.setParameter("enterprise", enterpriseId);
            }
            return items.setFirstResult(page * size).setMaxResults(size).getResultList()
                    .chain(rows -> count.getSingleResult().map(total -> new Paged<>(rows, total)));
        });
    }

    private static HazardRecord toRecord(HazardFound found, long version, EventEnvelope cause) {
        HazardRecord record = new HazardRecord();
        record.id = found.hazardId();
        record.enterpriseId = found.enterpriseId();
        record.districtCode = found.districtCode();
        record.streetCode = found.streetCode();
        record.industryCode = found.industryCode();
        record.source = found.source();
        record.category = found.category();
        record.severity = found.severity();
        record.status = io.hazardledger.hazard.domain.HazardStatus.REPORTED;
        record.title = found.title();
        record.description = found.description();
        record.location = found.location();
        record.inspectionId = found.inspectionId();
        record.findingId = found.findingId();
        record.foundAt = cause.occurredAt();
        record.version = version;
        return record;
    }
}
