package io.hazardledger.benchmarks;

import java.util.UUID;

/**
 * One client's way of running single-event append commands, used by one thread at a time. A command appends after
 * the version it was given; when another writer got there first it re-reads the stream's version and tries again,
 * up to {@link #RETRIES} times, as {@code Transactions.inTransaction} does.
 */
interface AppendClient extends AutoCloseable {
    /** Retries after a conflict, the same number as {@code Transactions.CONFLICT_RETRIES}. */
    int RETRIES = 5;

    Appended append(UUID stream, long expectedVersion);

    @Override
    default void close() throws Exception {
    }

    /**
     * The outcome of one command.
     *
     * @param version   the version written, or 0 when every attempt lost its race
     * @param conflicts attempts that lost a race on the stream
     */
    record Appended(long version, int conflicts) {
        static Appended gaveUp(int conflicts) {
            return new Appended(0, conflicts);
        }

        boolean succeeded() {
            return version > 0;
        }
    }
}
