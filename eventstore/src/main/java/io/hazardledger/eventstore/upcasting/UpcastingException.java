package io.hazardledger.eventstore.upcasting;

/**
 * A stored event cannot be lifted to the schema version this code reads: a step of the chain is missing, or the
 * event was written by newer code. Never guessed around, since a misread event would corrupt state silently.
 */
public class UpcastingException extends RuntimeException {
    public UpcastingException(String message) {
        super(message);
    }
}
