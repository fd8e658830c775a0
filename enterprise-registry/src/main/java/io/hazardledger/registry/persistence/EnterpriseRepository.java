package io.hazardledger.registry.persistence;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.store.AggregateType;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.eventstore.store.PgErrors;
import io.hazardledger.eventstore.store.ReadModelFilter;
import io.hazardledger.eventstore.store.ReadModelPages;
import io.hazardledger.registry.domain.Enterprise;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Enterprise streams and their read model, written together. */
@ApplicationScoped
public class EnterpriseRepository {
    static final AggregateType<Enterprise> ENTERPRISES =
            new AggregateType<>(Enterprise.STREAM_TYPE, "Enterprise", Enterprise.NONE, Enterprise::apply);
    private static final String USCC_CONSTRAINT = "enterprise_uscc_unique";
    private static final String SERVICE = "enterprise-registry";

    @Inject
    Transactions transactions;
    @Inject
    EventStore store;

    /** Appends the registration and adds the ledger row; a code already registered is a 409. */
    public Uni<EnterpriseRecord> register(EnterpriseRegistered registered, CommandContext context) {
        return transactions.inTransaction(session -> store
                        .append(session, Enterprise.STREAM_TYPE, registered.enterpriseId(), 0,
                                List.of(new NewEvent(registered, registered.districtCode(), registered.enterpriseId())), context)
                        .chain(events -> {
                            EnterpriseRecord record = toRecord(registered, events.get(events.size() - 1));
                            return session.persist(record).chain(session::flush).replaceWith(record);
                        }))
                .onFailure(e -> PgErrors.isUniqueViolation(e, USCC_CONSTRAINT))
                .transform(e -> ProblemException.conflict("duplicate-uscc",
                        "An enterprise with unified social credit code " + registered.uscc() + " is already registered"));
    }

    /** Runs one command on an existing enterprise and refreshes its ledger row. */
    public Uni<EnterpriseRecord> execute(UUID id, Long ifMatch, Function<Enterprise, DomainEvent> decide,
                                         CommandContext context) {
        return transactions.inTransaction(session -> ENTERPRISES
                .update(store, session, id, ifMatch, state -> List.of(event(state, decide.apply(state))), context)
                .chain(loaded -> refresh(session, loaded)));
    }

    /**
     * Suspends the enterprise a suspension order names, inside the consumer's transaction. An enterprise the ledger
     * does not hold, or one not ACTIVE, is left as it is.
     */
    public Uni<Void> suspendOnOrder(Mutiny.Session session, EventEnvelope orderEvent) {
        EnforcementActionTaken order = EventCodec.payload(orderEvent, EnforcementActionTaken.class);
        String reason = "停产停业整顿 " + (order.noticeNumber() == null ? "" : order.noticeNumber() + " ")
                + "(inspection " + order.inspectionId() + ")";
        return ENTERPRISES.load(store, session, order.enterpriseId()).chain(current -> {
            if (!current.exists() || current.state().suspendOnOrder(reason).isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return ENTERPRISES.update(store, session, order.enterpriseId(), null, state -> state.suspendOnOrder(reason)
                                    .stream().map(e -> event(state, e)).toList(),
                            CommandContext.reactingTo(orderEvent, SERVICE))
                    .chain(loaded -> refresh(session, loaded)).replaceWithVoid();
        });
    }

    public Uni<EnterpriseRecord> find(UUID id) {
        return transactions.read(session -> session.find(EnterpriseRecord.class, id));
    }

    public Uni<Paged<EnterpriseRecord>> list(String districtCode, int page, int size) {
        ReadModelFilter filter = new ReadModelFilter().when(districtCode, "districtCode = :district", "district");
        return transactions.read(session -> ReadModelPages.page(session, EnterpriseRecord.class, filter, "name, id", page, size));
    }

    private static Uni<EnterpriseRecord> refresh(Mutiny.Session session, EventStore.Loaded<Enterprise> loaded) {
        return session.find(EnterpriseRecord.class, loaded.state().id()).invoke(record -> {
            record.status = loaded.state().status();
            record.version = loaded.version();
        });
    }

    private static NewEvent event(Enterprise state, DomainEvent payload) {
        return new NewEvent(payload, state.districtCode(), state.id());
    }

    private static EnterpriseRecord toRecord(EnterpriseRegistered registered, EventEnvelope event) {
        EnterpriseRecord record = new EnterpriseRecord();
        record.id = registered.enterpriseId();
        record.uscc = registered.uscc();
        record.name = registered.name();
        record.districtCode = registered.districtCode();
        record.streetCode = registered.streetCode();
        record.industryCode = registered.industryCode();
        record.supervisionCategory = registered.supervisionCategory();
        record.status = EnterpriseStatus.ACTIVE;
        record.address = registered.address();
        record.version = event.aggregateVersion();
        record.registeredAt = event.occurredAt();
        return record;
    }
}
