package io.hazardledger.registry.persistence;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.eventstore.store.PgErrors;
import io.hazardledger.eventstore.store.ReadModelPages;
import io.hazardledger.registry.domain.Enterprise;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Enterprise streams and their read model, written together. */
@ApplicationScoped
public class EnterpriseRepository {
    private static final String USCC_CONSTRAINT = "enterprise_uscc_unique";

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

    public Uni<EnterpriseRecord> find(UUID id) {
        return transactions.read(session -> session.find(EnterpriseRecord.class, id));
    }

    public Uni<Paged<EnterpriseRecord>> list(String districtCode, int page, int size) {
        List<String> where = districtCode == null ? List.of() : List.of("districtCode = :district");
        Map<String, Object> parameters = districtCode == null ? Map.of() : Map.of("district", districtCode);
        return transactions.read(session -> ReadModelPages.page(session, EnterpriseRecord.class, where, parameters,
                "name, id", page, size));
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
