package io.hazardledger.eventstore.consumer;

/**
 * Another transaction recorded a version of an aggregate after this one read it (two instances briefly sharing a
 * partition during a rebalance, say). Transient: the batch is rolled back and read again, and what the other
 * applied is then a duplicate.
 */
public class CheckpointMoved extends RuntimeException {
    public CheckpointMoved(String consumer, int expected, int recorded) {
        super(consumer + ": " + (expected - recorded) + " of " + expected
                + " aggregates were applied by another transaction meanwhile");
    }
}
