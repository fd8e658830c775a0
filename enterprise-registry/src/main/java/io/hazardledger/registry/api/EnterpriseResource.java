package io.hazardledger.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.RiskLevel;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.http.IfMatch;
import io.hazardledger.eventstore.http.Idempotent;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.RequestCaller;
import io.hazardledger.eventstore.http.RequestCorrelation;
import io.hazardledger.eventstore.http.Versioned;
import io.hazardledger.registry.domain.Enterprise;
import io.hazardledger.registry.domain.EnterpriseDetails;
import io.hazardledger.registry.domain.LedgerRules;
import io.hazardledger.registry.domain.Place;
import io.hazardledger.registry.persistence.EnterpriseRepository;
import io.hazardledger.registry.persistence.EnterpriseSearch;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The supervision ledger (企业台账): register, search and change enterprises. Writes are for the regulator of the
 * enterprise's district or an administrator (status changes: the regulator); out of scope is a 404, another role a
 * 403. Every change is an event on enterprise-events.
 */
@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnterpriseResource {
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String RELOCATION_REASON = "relocationReason";

    @Inject
    EnterpriseRepository enterprises;
    @Inject
    RequestCorrelation correlation;
    @Inject
    RequestCaller callers;
    @Inject
    LedgerRules rules;
    @Inject
    EntryValidation validation;

    @Operation(summary = "Register an enterprise", description = """
            EnterpriseRegistered. For the regulator of the district or an admin. The code's GB 32100 check character, \
            the district (GB/T 2260, /api/districts), the street (of that district) and the industry (GB/T 4754-2017 \
            division, /api/industries) are verified: a 400 names every field at fault; a code already registered is \
            a 409. Honours Idempotency-Key.""")
    @POST
    @Idempotent
    public Uni<Response> register(@Valid @NotNull EnterpriseEntry entry) {
        var registered = Enterprise.register(callers.current(), UUID.randomUUID(), entry.uscc(), entry.place(),
                entry.details(), rules);
        return enterprises.register(registered, correlation.commandContext())
                .map(record -> Versioned.created(URI.create("/api/enterprises/" + record.id),
                        EnterpriseView.of(record), record.version));
    }

    /**
     * Changes details of the entry: a JSON merge patch (RFC 7396) of the registration's fields; the code never
     * changes. A new district or street is an EnterpriseRelocated (with {@code relocationReason} if given), any other
     * change one EnterpriseUpdated; a patch that changes nothing appends nothing.
     */
    @Operation(summary = "Change details (JSON merge patch)", description = """
            A JSON merge patch (RFC 7396) of the registration's fields: members given replace, null clears, absent \
            stay. The code never changes. A new district or street is an EnterpriseRelocated (relocationReason \
            optional), other changes one EnterpriseUpdated naming the changed fields; an equal patch appends nothing. \
            If-Match with the ETag: 412 when stale. For the regulator of the enterprise's district or an admin.""")
    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                @NotNull ObjectNode patch) {
        Caller caller = callers.current();
        JsonNode reasonNode = patch.remove(RELOCATION_REASON);
        String reason = reasonNode == null || reasonNode.isNull() ? null : reasonNode.asText();
        return enterprises.execute(id, IfMatch.version(ifMatch), state -> {
                    EnterpriseEntry entry = validation.merge(state, patch);
                    return state.revise(caller, entry.uscc(), entry.place(), entry.details(), reason, rules);
                }, correlation.commandContext())
                .map(revision -> Versioned.ok(EnterpriseView.of(revision.record()), revision.record().version));
    }

    /** Moves the enterprise to another district or street: EnterpriseRelocated. */
    @Operation(summary = "Move to another district or street", description = """
            EnterpriseRelocated, filed under the new district; later facts of the enterprise are placed there, \
            earlier ones stay where they were found. Address and location not given stay. For the regulator of the \
            district it leaves, or an admin. Moving to where it is: 409.""")
    @POST
    @Idempotent
    @Path("/{id}/relocation")
    public Uni<Response> relocate(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                  @Valid @NotNull RelocationRequest request) {
        Caller caller = callers.current();
        return enterprises.execute(id, IfMatch.version(ifMatch), state -> {
                    EnterpriseDetails d = state.details();
                    EnterpriseDetails moved = new EnterpriseDetails(d.name(), d.industryCode(), d.supervisionCategory(),
                            request.address() != null ? request.address() : d.address(), d.parkName(), d.keyHazards(),
                            d.riskLevel(), d.standardisationGrade(), d.responsibleCadre(), d.contact(),
                            request.location() != null ? request.location() : d.location());
                    Place to = new Place(request.districtCode(), request.streetCode());
                    if (!to.differsFrom(state.place())) {
                        throw ProblemException.conflict("not-moved", "The enterprise is already in district "
                                + to.districtCode() + (to.streetCode() == null ? "" : ", street " + to.streetCode()));
                    }
                    return state.revise(caller, state.uscc(), to, moved, request.reason(), rules);
                }, correlation.commandContext())
                .map(revision -> Versioned.ok(EnterpriseView.of(revision.record()), revision.record().version));
    }

    /**
     * A regulator of the enterprise's district changes its status (401 without a caller, 404 out of scope, 403 for
     * other roles, 409 to the status it has or from CLOSED). Suspension orders taken on inspections arrive as
     * events and suspend the enterprise without this call.
     */
    @POST
    @Idempotent
    @Path("/{id}/status")
    public Uni<Response> changeStatus(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                      @Valid @NotNull StatusChangeRequest request) {
        Caller caller = callers.current();
        return enterprises.execute(id, IfMatch.version(ifMatch),
                        enterprise -> List.of(enterprise.changeStatus(caller, request.status(), request.reason())),
                        correlation.commandContext())
                .map(revision -> Versioned.ok(EnterpriseView.of(revision.record()), revision.record().version));
    }

    /** Puts the enterprise on the blacklist (失信黑名单) or takes it off; to where it is already is a 409. */
    @Operation(summary = "Blacklist on or off (失信黑名单)", description = """
            {"blacklisted": true|false, "reason": ...}: EnterpriseBlacklisted or EnterpriseUnblacklisted; to where it \
            already is: 409. For the regulator of the enterprise's district or an admin.""")
    @POST
    @Idempotent
    @Path("/{id}/blacklist")
    public Uni<Response> blacklist(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                   @Valid @NotNull BlacklistRequest request) {
        Caller caller = callers.current();
        return enterprises.execute(id, IfMatch.version(ifMatch),
                        enterprise -> List.of(enterprise.blacklist(caller, request.blacklisted(), request.reason())),
                        correlation.commandContext())
                .map(revision -> Versioned.ok(EnterpriseView.of(revision.record()), revision.record().version));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        var caller = callers.current();
        return enterprises.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enterprise", id))
                .invoke(record -> caller.requireVisible(record.id, record.districtCode))
                .map(record -> Versioned.ok(EnterpriseView.of(record), record.version));
    }

    /**
     * Searches the ledger; every criterion is optional and they combine with AND. {@code name} matches any part of
     * the name. {@code sort}: name (default), -name, uscc, registeredAt, -registeredAt, updatedAt, -updatedAt; every
     * order ends on the id, so paging is stable. The total is in X-Total-Count.
     */
    @Operation(summary = "Search the ledger", description = """
            Criteria combine with AND: name (any part of it, Chinese fragments included), uscc, districtCode, \
            streetCode, industryCode, category, riskLevel, status, blacklisted, keyHazardousProcess, \
            keyHazardousChemical, majorHazardSource. sort: name (default), -name, uscc, registeredAt, \
            -registeredAt, updatedAt, -updatedAt; each ends on the id, so pages are stable. Total in X-Total-Count.""")
    @GET
    public Uni<Response> search(@QueryParam("name") @Size(min = 1, max = 100) String name,
                                @QueryParam("uscc") @Pattern(regexp = "[0-9A-Z]{18}") String uscc,
                                @QueryParam("districtCode") @Pattern(regexp = "[0-9]{6}") String districtCode,
                                @QueryParam("streetCode") @Pattern(regexp = "[0-9]{9}") String streetCode,
                                @QueryParam("industryCode") @Pattern(regexp = "[0-9]{2}") String industryCode,
                                @QueryParam("category") String category,
                                @QueryParam("riskLevel") String riskLevel,
                                @QueryParam("status") String status,
                                @QueryParam("blacklisted") Boolean blacklisted,
                                @QueryParam("keyHazardousProcess") Boolean keyHazardousProcess,
                                @QueryParam("keyHazardousChemical") Boolean keyHazardousChemical,
                                @QueryParam("majorHazardSource") Boolean majorHazardSource,
                                @QueryParam("sort") @Pattern(regexp = "-?(name|uscc|registeredAt|updatedAt)",
                                        message = "must be name, uscc, registeredAt or updatedAt, optionally with - for descending")
                                String sort,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var search = new EnterpriseSearch(name == null ? null : name.strip(), uscc, districtCode, streetCode, industryCode,
                enumParam("category", SupervisionCategory.class, category), enumParam("riskLevel", RiskLevel.class, riskLevel),
                enumParam("status", EnterpriseStatus.class, status), blacklisted, keyHazardousProcess, keyHazardousChemical, majorHazardSource, sort);
        return enterprises.search(search, callers.current(), page, size)
                .map(p -> new Paged<>(p.items().stream().map(EnterpriseView::of).toList(), p.total()).toResponse());
    }

    /** An enum filter; an unknown value is a 400 naming the parameter (JAX-RS would answer 404). */
    private static <E extends Enum<E>> E enumParam(String name, Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
