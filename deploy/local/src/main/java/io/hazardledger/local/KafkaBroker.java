package io.hazardledger.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run as its own
 * process on 127.0.0.1 from the Kafka jars that Maven resolved for this module. Topics are created on first use
 * with six partitions and unlimited retention, so projections can always be rebuilt from the beginning.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final String CLASSPATH_RESOURCE = "/kafka-broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ProcessHandle process;
    private final int port;

    private KafkaBroker(ProcessHandle process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Formats {@code dir} on first use and starts the broker; returns once it accepts connections. */
    public static KafkaBroker start(Path dir, int port, int controllerPort) throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, serverProperties(dir, port, controllerPort));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J);
        String classpath = classpath();
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            run(classpath, log4j, dir.resolve("format.log"), "kafka.tools.StorageTool", "format", "-t", clusterId(),
                    "-c", config.toString(), "--standalone", "--ignore-formatted");
        }
        Process broker = java(classpath, log4j, dir.resolve("broker.log"), "-Xms128m", "-Xmx512m",
                "kafka.Kafka", config.toString());
        Files.writeString(dir.resolve("broker.pid"), Long.toString(broker.pid()));
        KafkaBroker started = new KafkaBroker(broker.toHandle(), port);
        if (!Ports.awaitOpen(port, START_TIMEOUT, broker::isAlive)) {
            started.close();
            throw new IOException("Kafka did not start on port " + port + "; see " + dir.resolve("broker.log"));
        }
        return started;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Deletes a stopped broker's folder (its log and metadata), so that the next start begins with no topics. */
    public static void deleteData(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(15));
    }

    private static String serverProperties(Path dir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                "num.partitions=6",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "log.retention.ms=-1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /** Absolute paths of the broker's jars, as Maven resolved them when this module was built. */
    static String classpath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IOException(CLASSPATH_RESOURCE + " missing: build deploy/local with Maven first");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : classpath.split(":")) {
                if (!Files.exists(Path.of(jar))) {
                    throw new IOException("Kafka jar " + jar + " is missing: run ./mvnw install -pl deploy/local");
                }
            }
            return classpath;
        }
    }

    /** A random cluster id in Kafka's form (base64url of 16 bytes), never starting with '-' (read as an option). */
    private static String clusterId() {
        byte[] bytes = new byte[16];
        SecureRandom random = new SecureRandom();
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static void run(String classpath, Path log4j, Path log, String... mainAndArgs) throws IOException {
        Process process = java(classpath, log4j, log, mainAndArgs);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("Kafka " + mainAndArgs[0] + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    private static Process java(String classpath, Path log4j, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-cp", classpath,
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath()));
        command.addAll(List.of(args));
        return Processes.startDetached(command, log, java.util.Map.of());
    }

    private static final String LOG4J = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = info
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.kafka.name = kafka
            logger.kafka.level = info
            logger.state.name = state.change.logger
            logger.state.level = warn
            """;
}
