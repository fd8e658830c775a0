package io.hazardledger.eventstore.domain;

/** A command refused by a domain rule about one of its fields; answered 400 naming the field. */
public class RuleViolation extends RuntimeException {
    private final String field;

    public RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
