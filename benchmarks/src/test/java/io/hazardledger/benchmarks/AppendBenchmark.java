package io.hazardledger.benchmarks;

import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.eventstore.testing.StoreFixtures;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Append throughput and latency of the event store against the raw inserts it makes, in one run on one database.
 * Runs only with {@code -Dbenchmark=true} (see benchmarks/README.md) and asserts nothing about speed: the figures
 * are written to {@code target/results.md}.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AppendBenchmark {
    private static final String ZIPF_STREAM_TYPE = "bench-zipf";
    private static final int JIT_WARMUP_STREAMS = 1_000;

    @Inject
    EventStore store;
    @Inject
    Transactions transactions;
    @Inject
    Mutiny.SessionFactory sessions;
    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int poolSize;

    private final ResultsReport report = new ResultsReport();
    private BenchmarkSettings settings;
    private BenchmarkDatabase database;
    private Connection monitor;
    private StoreLoader loader;
    private UsageProbe probe;
    private ClosedLoop loop;
    private UUID[] zipfStreams;

    @Test
    void appendThroughputAndLatency() throws Exception {
        settings = BenchmarkSettings.fromSystemProperties();
        database = BenchmarkDatabase.fromConfig();
        try (Connection monitoring = database.connect(); Connection loading = database.connect()) {
            monitor = monitoring;
            describeEnvironment();
            loader = new StoreLoader(loading);
            probe = new UsageProbe(monitor);
            loop = new ClosedLoop(probe);
            warmUpJit();
            runScenarios();
            report.environment("load average after (1, 5, 15 min)", RunEnvironment.loadAverage());
        }
        List<String> comparisons = new GoalCheck(report, settings).comparisons();
        report.write(settings.results(), comparisons);
        System.out.println("\n" + report.render(comparisons) + "\nWritten to " + settings.results().toAbsolutePath());
    }

    /**
     * The small store is measured in two halves, before the large one is loaded and again after it was emptied and
     * reloaded, so a change in the machine's other load during the run does not pass for an effect of the size.
     */
    private void runScenarios() throws Exception {
        String zipf = settings.zipfLabel();
        boolean small = settings.runs("zipf");
        boolean large = settings.runs("large") && settings.largeStore() > 0;
        int smallRoundsBefore = large ? (settings.rounds() + 1) / 2 : settings.rounds();
        if (small || large) {
            loadSmallStore();
        }
        if (small) {
            rounds(smallRoundsBefore, storeAndJdbc(zipf + " · small store", this::zipfWorkload));
        }
        if (settings.runs("new-stream")) {
            List<Round> contenders = new ArrayList<>(storeAndJdbc("new stream per append", Workload::newStreams));
            if (PgBenchRun.available()) {
                PgBenchRun pgbench = new PgBenchRun(database, settings.workDir(), probe);
                contenders.add((warmup, measured) -> pgbench.run("pgbench · new stream per append",
                        settings.clients(), loader::storedEvents, warmup, measured));
            }
            rounds(settings.rounds(), contenders);
        }
        if (settings.runs("one-stream")) {
            rounds(settings.rounds(), storeAndJdbc("one stream", () -> StreamSet.single(UUID.randomUUID(), 0)));
        }
        if (large) {
            loader.fillTo(settings.largeStore(), settings.fillerStreamLength());
            rounds(settings.rounds(), storeAndJdbc(zipf + " · large store", this::zipfWorkload));
            if (small && smallRoundsBefore < settings.rounds()) {
                loader.empty();
                loadSmallStore();
                rounds(settings.rounds() - smallRoundsBefore, storeAndJdbc(zipf + " · small store", this::zipfWorkload));
            }
        }
    }

    /** The Zipf streams with one event each, and filler streams up to the small store's size. */
    private void loadSmallStore() throws SQLException {
        zipfStreams = loader.createStreams(settings.streams(), ZIPF_STREAM_TYPE);
        loader.fillTo(settings.smallStore(), settings.fillerStreamLength());
    }

    /**
     * Both clients' code paths compiled before anything is measured, lost races and retries included (a Zipf
     * choice among a few new streams); the events are removed again.
     */
    private void warmUpJit() throws Exception {
        if (settings.jitWarmup().isZero()) {
            return;
        }
        System.out.printf("JIT warm-up: %d s store, %d s JDBC%n", settings.jitWarmup().toSeconds(),
                settings.jitWarmup().toSeconds());
        UUID[] streams = new UUID[JIT_WARMUP_STREAMS];
        Arrays.setAll(streams, i -> UUID.randomUUID());
        WorkloadSource workload = () -> new StreamSet(streams, new long[streams.length],
                new ZipfSampler(streams.length, 1.0), true);
        for (Round client : storeAndJdbc("warm-up", workload)) {
            client.run(settings.jitWarmup(), Duration.ZERO);
        }
        loader.empty();
    }

    /** Each round runs every contender once, in turn, so they share whatever else the machine is doing. */
    private void rounds(int count, List<Round> contenders) throws Exception {
        for (int round = 1; round <= count; round++) {
            for (Round contender : contenders) {
                report.add(contender.run(settings.warmup(), settings.roundDuration()));
            }
        }
    }

    private List<Round> storeAndJdbc(String workloadName, WorkloadSource workload) {
        return List.of(
                (warmup, measured) -> loop.run("store · " + workloadName, workload.next(), storeClients(),
                        loader::storedEvents, warmup, measured),
                (warmup, measured) -> runJdbc("JDBC · " + workloadName, workload.next(), warmup, measured));
    }

    private List<StoreAppendClient> storeClients() {
        List<StoreAppendClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            clients.add(new StoreAppendClient(transactions, store));
        }
        return clients;
    }

    private Result runJdbc(String scenario, Workload workload, Duration warmup, Duration measured) throws Exception {
        List<JdbcAppendClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < settings.clients(); i++) {
                clients.add(new JdbcAppendClient(database.connect()));
            }
            return loop.run(scenario, workload, clients, loader::storedEvents, warmup, measured);
        } finally {
            for (JdbcAppendClient client : clients) {
                client.close();
            }
        }
    }


    /** One contender's round: its warm-up, then its measurement. */
    @FunctionalInterface
    private interface Round {
        Result run(Duration warmup, Duration measured) throws Exception;
    }

    /** The workload of a round, made when the round starts (the Zipf streams' versions change between rounds). */
    @FunctionalInterface
    private interface WorkloadSource {
        Workload next() throws SQLException;
    }

    /** The Zipf streams at their current versions: the earlier rounds appended to them. */
    private Workload zipfWorkload() throws SQLException {
        long[] versions = new long[zipfStreams.length];
        try (PreparedStatement query = monitor.prepareStatement("""
                SELECT coalesce((SELECT version FROM es_event WHERE stream_id = s.id ORDER BY version DESC LIMIT 1), 0)
                FROM unnest(?::uuid[]) WITH ORDINALITY AS s (id, n) ORDER BY n""")) {
            query.setArray(1, monitor.createArrayOf("uuid", zipfStreams));
            try (ResultSet rows = query.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    versions[i] = rows.getLong(1);
                }
            }
        }
        return new StreamSet(zipfStreams, versions, new ZipfSampler(zipfStreams.length, settings.zipfExponent()),
                settings.sharedVersions());
    }

    private void describeEnvironment() throws Exception {
        String viaJdbc = BenchmarkDatabase.text(monitor, "SHOW synchronous_commit");
        String viaPool = StoreFixtures.await(() -> sessions.withSession(s -> s.createNativeQuery(
                "SELECT current_setting('synchronous_commit')", String.class).getSingleResult()));
        assertEquals("on", viaJdbc, "synchronous_commit of the JDBC connections");
        assertEquals("on", viaPool, "synchronous_commit of the reactive pool's connections");
        RunEnvironment.describe(report, monitor, settings);
        report.environment("synchronous_commit", "on, as the JDBC connections and the reactive pool's see it");
        report.environment("store client", "Transactions.inTransaction + EventStore.append (Hibernate Reactive), "
                + "reactive pool max-size " + poolSize + ", outbox relay off");
        report.environment("JDBC client", "pgjdbc, one connection per client, INSERT es_event … RETURNING position, "
                + "INSERT es_outbox, COMMIT");
        if (PgBenchRun.available()) {
            report.environment("pgbench", PgBenchRun.version() + ", --protocol=prepared, one connection per client");
        }
    }
}
