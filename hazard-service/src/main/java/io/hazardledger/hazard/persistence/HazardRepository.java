package io.hazardledger.hazard.persistence;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.RuleViolation;
import io.hazardledger.eventstore.enterprises.EnterpriseDirectory;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.store.AggregateType;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.eventstore.store.ReadModelFilter;
import io.hazardledger.eventstore.store.ReadModelPages;
import io.hazardledger.eventstore.store.SnapshotPolicy;
import io.hazardledger.hazard.domain.FindingHazards;
import io.hazardledger.hazard.domain.Hazard;
import io.hazardledger.hazard.domain.HazardReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Hazard streams and their read model, written in one transaction. */
@ApplicationScoped
public class HazardRepository {
    static final AggregateType<Hazard> HAZARDS =
            new AggregateType<>(Hazard.STREAM_TYPE, "Hazard", Hazard.NONE, Hazard::apply)
                    .snapshotted(SnapshotPolicy.of(Hazard.class, 2));
    private static final String SERVICE = "hazard-service";

    @Inject
    Transactions transactions;
    @Inject
    EventStore store;
    @Inject
    EnterpriseDirectory enterprises;

    /** A hazard reported through the API: the enterprise must be in the ledger, its place comes from there. */
    public Uni<EventStore.Loaded<Hazard>> report(Caller caller, HazardReport report, CommandContext context) {
        return transactions.inTransaction(session -> enterprises.find(session, report.enterpriseId()).chain(enterprise -> {
            if (enterprise == null) {
                throw new RuleViolation("enterpriseId", "no enterprise " + report.enterpriseId() + " in the ledger");
            }
            HazardFound found = report.toEvent(UUID.randomUUID(), enterprise.districtCode,
                    new FindingHazards.Placement(enterprise.streetCode, enterprise.industryCode), Instant.now());
            return create(session, Hazard.report(caller, found), context);
        }));
    }

    /**
     * Registers the hazard a finding describes, inside the consumer's transaction. A finding whose hazard exists
     * already changes nothing.
     */
    public Uni<Void> registerFinding(Mutiny.Session session, EventEnvelope findingEvent) {
        FindingRecorded finding = EventCodec.payload(findingEvent, FindingRecorded.class);
        UUID hazardId = FindingHazards.idOfFinding(finding.findingId());
        return session.find(HazardRecord.class, hazardId).chain(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : enterprises.find(session, finding.enterpriseId()).chain(enterprise -> {
                    var placement = enterprise == null ? FindingHazards.Placement.UNKNOWN
                            : new FindingHazards.Placement(enterprise.streetCode, enterprise.industryCode);
                    HazardFound found = FindingHazards.fromFinding(finding, placement, findingEvent.occurredAt());
                    return create(session, Hazard.report(Caller.system(SERVICE), found),
                            CommandContext.reactingTo(findingEvent, SERVICE)).replaceWithVoid();
                }));
    }

    /** Runs one command on an existing hazard and refreshes its row. */
    public Uni<EventStore.Loaded<Hazard>> execute(UUID id, Long ifMatch, Function<Hazard, List<DomainEvent>> decide,
                                                  CommandContext context) {
        return transactions.inTransaction(session -> HAZARDS
                .update(store, session, id, ifMatch, hazard -> events(hazard, decide.apply(hazard)), context)
                .call(loaded -> session.find(HazardRecord.class, id).invoke(row -> row.refresh(loaded.state(), loaded.version()))));
    }

    public Uni<EventStore.Loaded<Hazard>> load(UUID id) {
        return transactions.read(session -> HAZARDS.load(store, session, id));
    }

    public Uni<EventStore.Loaded<Hazard>> loadAsOf(UUID id, Instant asOf) {
        return transactions.read(session -> HAZARDS.loadAsOf(store, session, id, asOf));
    }

    /** The hazard's stream, oldest first: its audit trail. */
    public Uni<List<EventEnvelope>> events(UUID id) {
        return transactions.read(session -> store.load(session, id));
    }

    /** Ids of hazards under rectification whose deadline ended before {@code today} and is not yet marked. */
    public Uni<List<UUID>> overdueCandidates(java.time.LocalDate today, int limit) {
        return transactions.read(session -> session.createSelectionQuery("""
                        select id from HazardRecord where status = io.hazardledger.hazard.domain.HazardStatus.RECTIFYING
                        and deadline < :today and (overdueFor is null or overdueFor <> deadline) order by deadline, id""", UUID.class)
                .setParameter("today", today).setMaxResults(limit).getResultList());
    }

    public Uni<Paged<HazardRecord>> list(HazardQuery q, Caller caller) {
        ReadModelFilter filter = new ReadModelFilter()
                .within(caller, "districtCode", "enterpriseId")
                .when(q.districtCode(), "districtCode = :district", "district")
                .when(q.streetCode(), "streetCode = :street", "street")
                .when(q.enterpriseId(), "enterpriseId = :enterprise", "enterprise")
                .when(q.status(), "status = :status", "status")
                .when(q.severity(), "severity = :severity", "severity")
                .when(q.source(), "source = :source", "source")
                .when(q.foundFrom(), "foundAt >= :foundFrom", "foundFrom")
                .when(q.foundTo(), "foundAt < :foundTo", "foundTo");
        if (q.overdue() != null) {
            filter.always((q.overdue() ? "" : "not ") + "(status = io.hazardledger.hazard.domain.HazardStatus.RECTIFYING"
                    + " and deadline < :today)").parameter("today", q.today());
        }
        if (q.underSupervision() != null) {
            filter.always("supervisionLevel is " + (q.underSupervision() ? "not null" : "null"));
        }
        if (q.reviewOverdue() != null) {
            filter.always((q.reviewOverdue() ? "" : "not ") + "(status = io.hazardledger.hazard.domain.HazardStatus.AWAITING_VERIFICATION"
                    + " and reviewDueBy is not null and reviewDueBy < :now)").parameter("now", q.now());
        }
        return transactions.read(session -> ReadModelPages.page(session, HazardRecord.class, filter, q.sort().hql,
                q.page(), q.size()));
    }

    private Uni<EventStore.Loaded<Hazard>> create(Mutiny.Session session, List<DomainEvent> decided, CommandContext context) {
        HazardFound found = (HazardFound) decided.get(0);
        return HAZARDS.create(store, session, found.hazardId(), events(null, decided), context)
                .call(loaded -> session.persist(HazardRecord.of(loaded.state(), loaded.version())));
    }

    /** Every event of a hazard carries its district and enterprise: from the state, or from the registration. */
    private static List<NewEvent> events(Hazard hazard, List<DomainEvent> decided) {
        String district = hazard != null ? hazard.districtCode() : ((HazardFound) decided.get(0)).districtCode();
        UUID enterprise = hazard != null ? hazard.enterpriseId() : ((HazardFound) decided.get(0)).enterpriseId();
        return decided.stream().map(event -> new NewEvent(event, district, enterprise)).toList();
    }
}
