package io.hazardledger.inspection.persistence;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.domain.RuleViolation;
import io.hazardledger.eventstore.enterprises.EnterpriseDirectory;
import io.hazardledger.eventstore.store.AggregateType;
import io.hazardledger.eventstore.store.EventStore;
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
                    .snapshotted(SnapshotPolicy.of(Inspection.class, 1));

    @Inject
    Transactions transactions;
    @Inject
    EventStore store;
    @Inject
    EnterpriseDirectory enterprises;

    public Uni<InspectionRecord> plan(UUID enterpriseId, Inspection.Plan plan, CommandContext context) {
        return transactions.inTransaction(session -> enterprises.find(session, enterpriseId).chain(enterprise -> {
            if (enterprise == null) {
                throw new RuleViolation("enterpriseId", "no enterprise " + enterpriseId + " in the ledger");
            }
            InspectionPlanned planned = Inspection.plan(UUID.randomUUID(),
                    new Inspection.Subject(enterprise.id, enterprise.districtCode, enterprise.status), plan);
            return INSPECTIONS.create(store, session, planned.inspectionId(), List.of(event(planned)), context)
                    .chain(loaded -> {
                        InspectionRecord record = new InspectionRecord();
                        record.id = planned.inspectionId();
                        record.plannedDate = planned.plannedDate();
                        record.campaign = planned.campaign();
                        copy(loaded, record);
                        return session.persist(record).replaceWith(record);
                    });
        }));
    }

    /** Runs one command on an existing inspection and refreshes its row. */
    public Uni<InspectionRecord> execute(UUID id, Long ifMatch, Function<Inspection, DomainEvent> decide,
                                         CommandContext context) {
        return transactions.inTransaction(session -> INSPECTIONS
                .update(store, session, id, ifMatch, state -> List.of(event(state, decide.apply(state))), context)
                .chain(loaded -> session.find(InspectionRecord.class, id).invoke(record -> copy(loaded, record))));
    }

    public Uni<InspectionRecord> find(UUID id) {
        return transactions.read(session -> session.find(InspectionRecord.class, id));
    }

    private static NewEvent event(InspectionPlanned planned) {
        return new NewEvent(planned, planned.districtCode(), planned.enterpriseId());
    }

    private static NewEvent event(Inspection state, DomainEvent payload) {
        return new NewEvent(payload, state.districtCode(), state.enterpriseId());
    }

    private static void copy(EventStore.Loaded<Inspection> loaded, InspectionRecord record) {
        Inspection state = loaded.state();
        record.enterpriseId = state.enterpriseId();
        record.districtCode = state.districtCode();
        record.kind = state.kind();
        record.status = state.status();
        record.findings = state.findings();
        record.version = loaded.version();
    }
}
