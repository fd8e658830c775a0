package io.hazardledger.registry.persistence;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.KeyHazards;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.store.AggregateType;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.eventstore.store.PgErrors;
import io.hazardledger.eventstore.store.ReadModelPages;
import io.hazardledger.registry.domain.Enterprise;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** The outcome of a command on an existing enterprise: its row now, and whether any event was appended. */
    public record Revision(EnterpriseRecord record, boolean changed) {
    }

    /** Appends the registration and adds the ledger row; a code already registered is a 409. */
    public Uni<EnterpriseRecord> register(EnterpriseRegistered registered, CommandContext context) {
        return transactions.inTransaction(session -> ENTERPRISES
                        .create(store, session, registered.enterpriseId(),
                                List.of(new NewEvent(registered, registered.districtCode(), registered.enterpriseId())), context)
                        .chain(created -> {
                            EnterpriseRecord record = new EnterpriseRecord();
                            record.registeredAt = Instant.now();
                            copy(created, record);
                            return session.persist(record).chain(session::flush).replaceWith(record);
                        }))
                .onFailure(e -> PgErrors.isUniqueViolation(e, USCC_CONSTRAINT))
                .transform(e -> duplicate(registered.uscc()));
    }

    public static ProblemException duplicate(String uscc) {
        return ProblemException.conflict("duplicate-uscc",
                "An enterprise with unified social credit code " + uscc + " is already registered");
    }

    /** Runs one command on an existing enterprise and refreshes its ledger row. */
    public Uni<Revision> execute(UUID id, Long ifMatch, Function<Enterprise, List<DomainEvent>> decide,
                                 CommandContext context) {
        return transactions.inTransaction(session -> ENTERPRISES
                .update(store, session, id, ifMatch, state -> decide.apply(state).stream().map(e -> event(state, e)).toList(),
                        context)
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

    /** The ledger rows of the enterprises registered under any of {@code codes}, by code. */
    public Uni<Map<String, EnterpriseRecord>> findByUscc(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return transactions.read(session -> session
                .createSelectionQuery("from EnterpriseRecord r where r.uscc in :codes", EnterpriseRecord.class)
                .setParameter("codes", codes).getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> r.uscc, r -> r))));
    }

    public Uni<Paged<EnterpriseRecord>> search(EnterpriseSearch search, Caller caller, int page, int size) {
        return transactions.read(session -> ReadModelPages.page(session, EnterpriseRecord.class,
                search.filter().within(caller, "r.districtCode", "r.id"),
                search.order(), page, size));
    }

    /** Brings the row up to the stream; the row's version tells whether this command appended anything. */
    private static Uni<Revision> refresh(Mutiny.Session session, EventStore.Loaded<Enterprise> loaded) {
        return session.find(EnterpriseRecord.class, loaded.state().id()).map(record -> {
            boolean changed = record.version != loaded.version();
            if (changed) {
                copy(loaded, record);
            }
            return new Revision(record, changed);
        });
    }

    /** The envelope of a relocation carries the new district, so consumers file it there. */
    private static NewEvent event(Enterprise state, DomainEvent payload) {
        String district = payload instanceof EnterpriseRelocated moved ? moved.districtCode() : state.districtCode();
        return new NewEvent(payload, district, state.id());
    }

    private static void copy(EventStore.Loaded<Enterprise> loaded, EnterpriseRecord record) {
        Enterprise e = loaded.state();
        var d = e.details();
        record.id = e.id();
        record.uscc = e.uscc();
        record.name = d.name();
        record.districtCode = e.place().districtCode();
        record.streetCode = e.place().streetCode();
        record.industryCode = d.industryCode();
        record.supervisionCategory = d.supervisionCategory();
        record.status = e.status();
        record.address = d.address();
        record.parkName = d.parkName();
        KeyHazards key = d.keyHazards();
        record.keyHazardousProcess = key == null ? null : key.keyHazardousProcess();
        record.keyHazardousChemical = key == null ? null : key.keyHazardousChemical();
        record.majorHazardSources = key == null ? null : key.majorHazardSources();
        record.riskLevel = d.riskLevel();
        record.standardisationGrade = d.standardisationGrade();
        record.responsibleCadre = d.responsibleCadre();
        record.contactName = d.contact() == null ? null : d.contact().name();
        record.contactPhone = d.contact() == null ? null : d.contact().phone();
        record.longitude = d.location() == null ? null : d.location().longitude();
        record.latitude = d.location() == null ? null : d.location().latitude();
        record.blacklisted = e.blacklisted();
        record.version = loaded.version();
        record.updatedAt = Instant.now();
    }
}
