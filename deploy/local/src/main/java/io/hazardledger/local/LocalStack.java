package io.hazardledger.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole system on one machine without Docker: PostgreSQL (the local server, else an embedded one), a KRaft
 * Kafka broker and the four services, each its own process logging to a file under the run folder. {@code up}
 * returns once every service reports ready; {@code down} stops everything it started and leaves no process behind.
 */
public final class LocalStack {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackSettings settings;
    private final ServiceJvm jvm;
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();

    public LocalStack(StackSettings settings) {
        this.settings = settings;
        this.jvm = new ServiceJvm(settings.runDir());
    }

    public StackSettings settings() {
        return settings;
    }

    /** The stack's token key pair, generated on first use. */
    public DevKeys keys() throws IOException {
        return DevKeys.inDirectory(settings.jwtDirectory());
    }

    /** A bearer token for a caller of {@code role} (district or enterprise may be null), signed with the stack's key. */
    public String token(String role, String district, java.util.UUID enterpriseId) throws IOException {
        return DevTokens.forCaller(keys().signingKey(), role, district, enterpriseId);
    }

    /** Where {@code service} writes its output (appended across restarts). */
    public Path logFile(ServiceSpec service) {
        return settings.runDir().resolve("logs/" + service.module() + ".log");
    }

    /** How long each part took from launch to ready, for the start-up report. */
    public Map<String, Duration> startTimes() {
        return startTimes;
    }

    public void up() throws Exception {
        Files.createDirectories(settings.runDir());
        ensurePostgres();
        PostgresServer postgres = PostgresServer.local(settings.postgresPort());
        for (ServiceSpec service : ServiceSpec.ALL) {
            postgres.createDatabaseIfMissing(settings.database(service));
        }
        ensureKafka();
        List<Process> started = new ArrayList<>();
        long launched = System.nanoTime();
        for (ServiceSpec service : ServiceSpec.ALL) {
            started.add(startService(service, postgres));
        }
        for (int i = 0; i < ServiceSpec.ALL.size(); i++) {
            ServiceSpec service = ServiceSpec.ALL.get(i);
            awaitReady(service, started.get(i));
            startTimes.put(service.module(), Duration.ofNanos(System.nanoTime() - launched));
        }
    }

    public void down() throws IOException {
        stopServices(ServiceSpec.ALL);
        Processes.stopByPidFile(settings.runDir().resolve("kafka/broker.pid"), STOP_GRACE);
        Processes.stopByPidFile(pidFile("postgres"), STOP_GRACE);
    }

    /** Kills one service at once (SIGKILL), as a crash would; {@link #restart} brings it back. */
    public void kill(ServiceSpec service) throws IOException {
        Processes.killByPidFile(pidFile(service.module()));
        jvm.stopped(service, false);
    }

    /** Stops one service gently (SIGTERM, as an orchestrator would), waiting until it is gone. */
    public void stop(ServiceSpec service) throws IOException {
        stopServices(List.of(service));
    }

    private void stopServices(List<ServiceSpec> services) throws IOException {
        Duration grace = services.stream().map(service -> jvm.stopGrace(service, STOP_GRACE)).max(Duration::compareTo)
                .orElse(STOP_GRACE);
        Set<Path> gently = Processes.stopAll(services.stream().map(service -> pidFile(service.module())).toList(), grace);
        for (ServiceSpec service : services) {
            jvm.stopped(service, gently.contains(pidFile(service.module())));
        }
    }

    /** Starts one service that was killed or stopped; returns once it reports ready. */
    public Duration restart(ServiceSpec service) throws Exception {
        long launched = System.nanoTime();
        awaitReady(service, startService(service, PostgresServer.local(settings.postgresPort())));
        return Duration.ofNanos(System.nanoTime() - launched);
    }

    /** Kills the broker at once (SIGKILL); its data stays for {@link #startKafka}. */
    public void killKafka() throws IOException {
        Processes.killByPidFile(settings.runDir().resolve("kafka/broker.pid"));
    }

    /** Starts the broker again on its ports and data; returns once it accepts connections. */
    public void startKafka() throws IOException {
        KafkaBroker.start(settings.runDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
    }

    /**
     * Stops the embedded PostgreSQL this stack started (a fast shutdown: sessions are cut off); its data stays for
     * {@link #startPostgres}. The machine's own server is never stopped: without an embedded one this fails.
     */
    public void stopPostgres() throws IOException {
        if (!Processes.stopByPidFile(pidFile("postgres"), STOP_GRACE)) {
            throw new IOException("This stack runs on a PostgreSQL server it did not start; it is not stopped");
        }
    }

    /** Starts the embedded PostgreSQL again on its data; returns once it accepts connections. */
    public void startPostgres() throws IOException {
        ensurePostgres();
    }

    /** Deletes the stopped broker's log, so that consumers of fresh databases do not replay an earlier run's events. */
    public void dropKafkaData() throws IOException {
        KafkaBroker.deleteData(settings.runDir().resolve("kafka"));
    }

    public void dropDatabases() throws Exception {
        PostgresServer postgres = PostgresServer.local(settings.postgresPort());
        for (ServiceSpec service : ServiceSpec.ALL) {
            postgres.dropDatabase(settings.database(service));
        }
    }

    private void ensurePostgres() throws IOException {
        PostgresServer postgres = PostgresServer.local(settings.postgresPort());
        if (postgres.isReachable()) {
            return;
        }
        long launched = System.nanoTime();
        Path dir = settings.runDir().resolve("postgres");
        // Unpacking the server binaries (xz) on first use needs more than a small heap.
        Process process = Processes.startDetached(List.of(Processes.javaExecutable(), "-Xmx256m", "-cp",
                        System.getProperty("java.class.path"), EmbeddedPostgresServer.class.getName(), dir.toString(),
                        Integer.toString(settings.postgresPort())),
                settings.runDir().resolve("logs/postgres.log"), Map.of());
        Files.writeString(pidFile("postgres"), Long.toString(process.pid()));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!postgres.isReachable()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("Embedded PostgreSQL did not start; see " + settings.runDir().resolve("logs/postgres.log"));
            }
            Ports.sleep(200);
        }
        startTimes.put("postgres (embedded)", Duration.ofNanos(System.nanoTime() - launched));
    }

    private void ensureKafka() throws IOException {
        if (Ports.isOpen(settings.kafkaPort())) {
            throw new IOException("Port " + settings.kafkaPort() + " is taken: is a stack already running? Stop it first.");
        }
        long launched = System.nanoTime();
        KafkaBroker.start(settings.runDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        startTimes.put("kafka", Duration.ofNanos(System.nanoTime() - launched));
    }

    private Process startService(ServiceSpec service, PostgresServer postgres) throws IOException {
        Path runner = service.runner(settings.projectRoot());
        if (!Files.exists(runner)) {
            throw new IOException(runner + " is missing: build first (./mvnw -DskipTests install)");
        }
        if (Ports.isOpen(settings.port(service))) {
            throw new IOException("Port " + settings.port(service) + " for " + service.module() + " is taken");
        }
        DevKeys keys = keys();
        Map<String, String> environment = new HashMap<>(ServiceJvm.ENVIRONMENT);
        environment.putAll(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(settings.port(service)),
                "DB_URL", postgres.reactiveUrl(settings.database(service)),
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + settings.kafkaPort(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.verificationKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER));
        Process process = Processes.startDetached(jvm.command(service, runner),
                logFile(service), environment);
        Files.writeString(pidFile(service.module()), Long.toString(process.pid()));
        return process;
    }

    private void awaitReady(ServiceSpec service, Process process) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(settings.baseUrl(service) + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(service.module() + " exited; see " + logFile(service));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException(service.module() + " not ready after " + READY_TIMEOUT.toSeconds() + " s");
    }

    private Path pidFile(String name) {
        return settings.runDir().resolve(name + ".pid");
    }
}
