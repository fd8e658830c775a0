package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.contracts.inspection.InspectionCancelled;
import io.hazardledger.contracts.inspection.InspectionCompleted;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.contracts.inspection.InspectionStarted;
import io.hazardledger.eventstore.consumer.ReadEvent;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** Keeps {@code rp_inspection} and {@code rp_enforcement} from inspection-events. */
final class InspectionRows {
    private static final String WHERE = " WHERE generation = :g AND inspection_id = :id";

    private InspectionRows() {
    }

    static Uni<Integer> apply(Mutiny.Session s, int g, ReadEvent read) {
        EventEnvelope event = read.envelope();
        var id = event.aggregateId();
        return switch (event.type()) {
            case "InspectionPlanned" -> {
                InspectionPlanned p = read.payload(InspectionPlanned.class);
                yield Sql.update(s, """
                        INSERT INTO rp_inspection (generation, inspection_id, enterprise_id, district_code)
                        VALUES (:g, :id, :enterprise, :district) ON CONFLICT (generation, inspection_id) DO NOTHING""",
                        "g", g, "id", p.inspectionId(), "enterprise", p.enterpriseId(), "district", p.districtCode());
            }
            case "InspectionStarted" -> {
                InspectionStarted st = read.payload(InspectionStarted.class);
                yield Sql.update(s, "UPDATE rp_inspection SET started_at = CAST(:at AS timestamptz)" + WHERE, "g", g, "id", id,
                        "at", st.startedAt() == null ? event.occurredAt() : st.startedAt());
            }
            case "FindingRecorded" -> Sql.update(s, "UPDATE rp_inspection SET findings = findings + 1" + WHERE, "g", g, "id", id);
            case "InspectionCompleted" -> {
                InspectionCompleted c = read.payload(InspectionCompleted.class);
                yield Sql.update(s, "UPDATE rp_inspection SET completed_at = CAST(:at AS timestamptz)" + WHERE, "g", g, "id", id,
                        "at", c.completedAt() == null ? event.occurredAt() : c.completedAt());
            }
            case "InspectionCancelled" -> Sql.update(s, "UPDATE rp_inspection SET cancelled = TRUE" + WHERE, "g", g, "id", id);
            case "EnforcementActionTaken" -> enforcement(s, g, event, read.payload(EnforcementActionTaken.class));
            default -> Uni.createFrom().item(0);
        };
    }

    private static Uni<Integer> enforcement(Mutiny.Session s, int g, EventEnvelope event, EnforcementActionTaken a) {
        return Sql.update(s, """
                INSERT INTO rp_enforcement (generation, action_id, inspection_id, enterprise_id, district_code, kind,
                                            amount_yuan, taken_at)
                VALUES (:g, :id, :inspection, :enterprise, :district, :kind, CAST(:amount AS numeric), CAST(:at AS timestamptz))
                ON CONFLICT (generation, action_id) DO NOTHING""",
                "g", g, "id", a.actionId(), "inspection", a.inspectionId(), "enterprise", a.enterpriseId(),
                "district", a.districtCode(), "kind", a.kind().name(), "amount", a.amountYuan(),
                "at", a.takenAt() == null ? event.occurredAt() : a.takenAt());
    }
}
