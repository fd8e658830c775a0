package io.hazardledger.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The upcasters of the published events, the schema history that belongs with {@link EventCatalog}: when an
 * event's {@code schemaVersion} goes from n to n+1 there, the step from n is added here, together with a stored
 * golden event of version n in the tests, so every event ever written stays readable.
 */
public final class EventUpcasters {
    private static final List<Upcaster> ALL = List.of(
            // v2 carries the full ledger entry; registrations of v1 knew none of these details.
            new Upcaster("EnterpriseRegistered", 1, payload -> ((ObjectNode) payload).putNull("parkName")
                    .putNull("keyHazards").putNull("riskLevel").putNull("standardisationGrade")
                    .putNull("responsibleCadre").putNull("contact").putNull("location")),
            // v2 names the checklist of a special campaign; plans of v1 had none.
            new Upcaster("InspectionPlanned", 1, payload -> ((ObjectNode) payload).putNull("checklist")),
            // v2 names the checklist item a finding breaches; findings of v1 named none.
            new Upcaster("FindingRecorded", 1, payload -> ((ObjectNode) payload).putNull("checklistItem")));

    private EventUpcasters() {
    }

    public static List<Upcaster> all() {
        return ALL;
    }
}
