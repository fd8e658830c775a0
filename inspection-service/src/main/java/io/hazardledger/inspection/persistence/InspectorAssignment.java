package io.hazardledger.inspection.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One inspector or expert taking part in an inspection: what the list's inspector filter looks up. */
@Entity
@Table(name = "inspection_inspector")
@IdClass(InspectorAssignment.Key.class)
public class InspectorAssignment {
    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;
    @Id
    public String inspector;

    static InspectorAssignment of(UUID inspectionId, String inspector) {
        InspectorAssignment assignment = new InspectorAssignment();
        assignment.inspectionId = inspectionId;
        assignment.inspector = inspector;
        return assignment;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID inspectionId;
        public String inspector;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(inspectionId, k.inspectionId) && Objects.equals(inspector, k.inspector);
        }

        @Override
        public int hashCode() {
            return Objects.hash(inspectionId, inspector);
        }
    }
}
