package io.hazardledger.registry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hazardledger.eventstore.domain.RuleViolation;
import io.hazardledger.registry.domain.Enterprise;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks ledger entries that do not arrive as a validated request body (a PATCH merged into the entry, an import
 * row) with the same Bean Validation constraints, answered the same way: a 400 naming the fields.
 */
@ApplicationScoped
public class EntryValidation {
    private static final Set<String> FIELDS = Arrays.stream(EnterpriseEntry.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    @Inject
    Validator validator;
    @Inject
    ObjectMapper json;

    /** The constraint violations of {@code entry}, by field. */
    public List<RuleViolation.Violation> violations(EnterpriseEntry entry) {
        return validator.validate(entry).stream()
                .map(v -> new RuleViolation.Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(RuleViolation.Violation::field))
                .toList();
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the entry the ledger holds: members set replace, members set to null
     * clear, members absent stay. The result is checked like a registration.
     */
    public EnterpriseEntry merge(Enterprise current, ObjectNode patch) {
        List<String> unknown = patch.properties().stream().map(Map.Entry::getKey).filter(f -> !FIELDS.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolation(unknown.stream().map(f -> new RuleViolation.Violation(f,
                    "is not a detail of the ledger entry (status and blacklist have their own endpoints)")).toList());
        }
        ObjectNode merged = json.valueToTree(EnterpriseEntry.of(current));
        mergeInto(merged, patch);
        EnterpriseEntry entry;
        try {
            entry = json.treeToValue(merged, EnterpriseEntry.class);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")) : "body";
            throw new RuleViolation(field.isEmpty() ? "body" : field, "cannot be read: " + e.getOriginalMessage());
        }
        List<RuleViolation.Violation> violations = violations(entry);
        if (!violations.isEmpty()) {
            throw new RuleViolation(violations);
        }
        return entry;
    }

    private static void mergeInto(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                target.putNull(member.getKey()); // cleared; a required field then fails validation by name
            } else if (value.isObject() && target.get(member.getKey()) instanceof ObjectNode nested) {
                mergeInto(nested, value);
            } else {
                target.set(member.getKey(), value);
            }
        }
    }
}
