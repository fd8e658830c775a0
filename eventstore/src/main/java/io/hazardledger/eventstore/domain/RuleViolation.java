package io.hazardledger.eventstore.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A command refused by domain rules about its fields; answered 400 naming every field at fault. */
public class RuleViolation extends RuntimeException {
    private final List<Violation> violations;

    public RuleViolation(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public RuleViolation(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One field and what is wrong with it. */
    public record Violation(String field, String message) {
    }
}
