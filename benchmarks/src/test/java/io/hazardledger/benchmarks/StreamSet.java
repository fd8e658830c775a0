package io.hazardledger.benchmarks;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.random.RandomGenerator;

/** A fixed set of existing streams, chosen by a Zipf distribution (one stream: always that one). */
final class StreamSet implements Workload {
    private final UUID[] ids;
    private final ZipfSampler sampler;
    private final AtomicLongArray shared;
    private final boolean sharedVersions;

    /**
     * @param versions       each stream's version now
     * @param sharedVersions whether a version written by one client is known to all (as if each command had loaded
     *                       its stream) or only to the client that wrote it
     */
    StreamSet(UUID[] ids, long[] versions, ZipfSampler sampler, boolean sharedVersions) {
        if (ids.length != versions.length || ids.length != sampler.size()) {
            throw new IllegalArgumentException("ids, versions and sampler must cover the same streams");
        }
        this.ids = ids.clone();
        this.sampler = sampler;
        this.shared = new AtomicLongArray(versions);
        this.sharedVersions = sharedVersions;
    }

    static StreamSet single(UUID id, long version) {
        return new StreamSet(new UUID[] {id}, new long[] {version}, new ZipfSampler(1, 1), true);
    }

    @Override
    public Client newClient() {
        if (sharedVersions) {
            return new Client() {
                @Override
                public Command next(RandomGenerator random) {
                    int stream = sampler.next(random);
                    return new Command(stream, ids[stream], shared.get(stream));
                }

                @Override
                public void written(Command command, long version) {
                    shared.accumulateAndGet(command.index(), version, Math::max);
                }
            };
        }
        long[] own = new long[ids.length];
        for (int i = 0; i < own.length; i++) {
            own[i] = shared.get(i);
        }
        return new Client() {
            @Override
            public Command next(RandomGenerator random) {
                int stream = sampler.next(random);
                return new Command(stream, ids[stream], own[stream]);
            }

            @Override
            public void written(Command command, long version) {
                own[command.index()] = version;
            }
        };
    }
}
