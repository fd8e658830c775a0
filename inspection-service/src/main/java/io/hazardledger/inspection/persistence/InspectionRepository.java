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
import io.hazardledger.eventstore.store.SnapshotPolicy;
import io.hazardledger.inspection.domain.Inspection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public Uni<Paged<InspectionRecord>> list(InspectionQuery q) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        condition(where, parameters, q.districtCode(), "r.districtCode = :district", "district");
        condition(where, parameters, q.enterpriseId(), "r.enterpriseId = :enterprise", "enterprise");
        condition(where, parameters, q.kind(), "r.kind = :kind", "kind");
        condition(where, parameters, q.campaign(), "r.campaign = :campaign", "campaign");
        condition(where, parameters, q.status(), "r.status = :status", "status");
        condition(where, parameters, q.plannedFrom(), "r.plannedDate >= :plannedFrom", "plannedFrom");
        condition(where, parameters, q.plannedTo(), "r.plannedDate <= :plannedTo", "plannedTo");
        condition(where, parameters, q.inspector(), "exists (select 1 from InspectorAssignment a"
                + " where a.inspectionId = r.id and a.inspector = :inspector)", "inspector");
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return transactions.read(session -> {
            var items = session.createSelectionQuery("select r from InspectionRecord r" + filter
                    + " order by r.plannedDate desc, r.id", InspectionRecord.class);
            var count = session.createSelectionQuery("select count(*) from InspectionRecord r" + filter, Long.class);
            parameters.forEach((name, value) -> {
                items.setParameter(name, value);
                count.setParameter(name, value);
            });
            return items.setFirstResult(q.page() * q.size()).setMaxResults(q.size()).getResultList()
                    .chain(rows -> count.getSingleResult().map(total -> new Paged<>(rows, total)));
        });
    }

    private static NewEvent event(InspectionPlanned planned) {
        return new NewEvent(planned, planned.districtCode(), planned.enterpriseId());
    }

    private static NewEvent event(Inspection state, DomainEvent payload) {
        return new NewEvent(payload, state.districtCode(), state.enterpriseId());
    }

    private static void condition(List<String> where, Map<String, Object> parameters, Object value, String clause, String name) {
        if (value != null) {
            where.add(clause);
            parameters.put(name, value);
        }
    }
}
