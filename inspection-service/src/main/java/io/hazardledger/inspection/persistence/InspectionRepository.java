package io.hazardledger.inspection.persistence;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.inspection.InspectionCancelled;
import io.hazardledger.contracts.inspection.InspectionCompleted;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.eventstore.CommandContext;
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
import io.hazardledger.inspection.domain.Inspection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Inspection streams and their read model, written in one transaction. */
@ApplicationScoped
public class InspectionRepository {
    // Raise the snapshot revision whenever Inspection's components change shape or meaning.
    static final AggregateType<Inspection> INSPECTIONS =
            new AggregateType<>(Inspection.STREAM_TYPE, "Inspection", Inspection.NONE, Inspection::apply)
                    .snapshotted(SnapshotPolicy.of(Inspection.class, 2));

    @Inject
    Transactions transactions;
    @Inject
    EventStore store;
    @Inject
    EnterpriseDirectory enterprises;

    public Uni<InspectionRecord> plan(Caller caller, UUID enterpriseId, Inspection.Plan plan, CommandContext context) {
        return transactions.inTransaction(session -> enterprises.find(session, enterpriseId).chain(enterprise -> {
            if (enterprise == null) {
                throw new RuleViolation("enterpriseId", "no enterprise " + enterpriseId + " in the ledger");
            }
            InspectionPlanned planned = Inspection.plan(caller, UUID.randomUUID(),
                    new Inspection.Subject(enterprise.id, enterprise.districtCode, enterprise.status), plan);
            return INSPECTIONS.create(store, session, planned.inspectionId(), List.of(event(planned)), context)
                    .chain(loaded -> {
                        InspectionRecord record = new InspectionRecord();
                        record.id = planned.inspectionId();
                        record.plannedDate = planned.plannedDate();
                        record.refresh(loaded.state(), loaded.version());
                        Uni<Void> rows = session.persist(record);
                        for (String inspector : planned.inspectors().stream().distinct().toList()) {
                            rows = rows.chain(() -> session.persist(InspectorAssignment.of(record.id, inspector)));
                        }
                        return rows.replaceWith(record);
                    });
        }));
    }

    /** Runs one command on an existing inspection and refreshes its row. */
    public Uni<InspectionRecord> execute(UUID id, Long ifMatch, Function<Inspection, DomainEvent> decide,
                                         CommandContext context) {
        DomainEvent[] decided = new DomainEvent[1];
        return transactions.inTransaction(session -> INSPECTIONS
                .update(store, session, id, ifMatch, state -> {
                    decided[0] = decide.apply(state);
                    return List.of(event(state, decided[0]));
                }, context)
                .chain(loaded -> session.find(InspectionRecord.class, id).invoke(record -> {
                    record.refresh(loaded.state(), loaded.version());
                    if (decided[0] instanceof InspectionCompleted completed) {
                        record.summary = completed.summary();
                    } else if (decided[0] instanceof InspectionCancelled cancelled) {
                        record.cancelReason = cancelled.reason();
                    }
                })));
    }

    public Uni<InspectionRecord> find(UUID id) {
        return transactions.read(session -> session.find(InspectionRecord.class, id));
    }

    /** The inspectors and experts of an inspection, in name order. */
    public Uni<List<String>> inspectors(UUID id) {
        return transactions.read(session -> session.createSelectionQuery(
                        "select inspector from InspectorAssignment where inspectionId = :id order by inspector", String.class)
                .setParameter("id", id).getResultList());
    }

    public Uni<Paged<InspectionRecord>> list(InspectionQuery q, Caller caller) {
        ReadModelFilter filter = new ReadModelFilter()
                .within(caller, "r.districtCode", "r.enterpriseId")
                .when(q.districtCode(), "r.districtCode = :district", "district")
                .when(q.enterpriseId(), "r.enterpriseId = :enterprise", "enterprise")
                .when(q.kind(), "r.kind = :kind", "kind")
                .when(q.campaign(), "r.campaign = :campaign", "campaign")
                .when(q.status(), "r.status = :status", "status")
                .when(q.plannedFrom(), "r.plannedDate >= :plannedFrom", "plannedFrom")
                .when(q.plannedTo(), "r.plannedDate <= :plannedTo", "plannedTo")
                .when(q.inspector(), "exists (select 1 from InspectorAssignment a"
                        + " where a.inspectionId = r.id and a.inspector = :inspector)", "inspector");
        return transactions.read(session -> ReadModelPages.page(session, InspectionRecord.class, filter,
                "r.plannedDate desc, r.id", q.page(), q.size()));
    }

    private static NewEvent event(InspectionPlanned planned) {
        return new NewEvent(planned, planned.districtCode(), planned.enterpriseId());
    }

    private static NewEvent event(Inspection state, DomainEvent payload) {
        return new NewEvent(payload, state.districtCode(), state.enterpriseId());
    }
}
