package io.hazardledger.benchmarks;

import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Which stream each command appends to and after which version. Commands load nothing: the version comes from
 * memory, and a client learns of other writers only from a conflict.
 */
interface Workload {
    /** The state of one client; used by that client's thread only. */
    Client newClient();

    interface Client {
        Command next(RandomGenerator random);

        /** The command appended {@code version} to its stream. */
        void written(Command command, long version);
    }

    /** One command: append to {@code stream} after {@code expectedVersion}. */
    record Command(int index, UUID stream, long expectedVersion) {
    }

    /** Every command opens a stream of its own: no two writers ever meet. */
    static Workload newStreams() {
        return () -> new Client() {
            @Override
            public Command next(RandomGenerator random) {
                return new Command(-1, new UUID(random.nextLong(), random.nextLong()), 0);
            }

            @Override
            public void written(Command command, long version) {
            }
        };
    }
}
