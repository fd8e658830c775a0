package io.hazardledger.eventstore.testing;

import io.hazardledger.local.DevTokens;
import io.hazardledger.local.KafkaBroker;
import io.hazardledger.local.Ports;
import io.hazardledger.local.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * PostgreSQL and Kafka for {@code @QuarkusTest}s of every module, always real servers:
 * <ol>
 * <li>endpoints given in the environment ({@code HL_TEST_POSTGRES=host:port}, {@code HL_TEST_POSTGRES_USER},
 *     {@code HL_TEST_POSTGRES_PASSWORD}, {@code HL_TEST_KAFKA_BOOTSTRAP});</li>
 * <li>else Testcontainers when a Docker engine answers;</li>
 * <li>else the local PostgreSQL at 127.0.0.1:5432 and a KRaft broker started here from the Maven-resolved jars.</li>
 * </ol>
 * Each run gets a fresh database, dropped at the end. Tests must filter Kafka records by their own ids, since a
 * broker given from outside keeps earlier runs' records.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {
    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class);

    private static volatile TestInfrastructure current;

    private PostgresServer postgres;
    private String database;
    private KafkaBroker broker;
    private Path brokerDir;
    private int brokerPort;
    private int brokerControllerPort;
    private PostgreSQLContainer postgresContainer;
    private KafkaContainer kafkaContainer;

    @Override
    public Map<String, String> start() {
        boolean docker = System.getenv("HL_TEST_POSTGRES") == null || System.getenv("HL_TEST_KAFKA_BOOTSTRAP") == null
                ? dockerAvailable() : false;
        postgres = postgres(docker);
        String bootstrap = kafka(docker);
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            postgres.createDatabaseIfMissing(database);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create test database on " + postgres.host() + ":" + postgres.port()
                    + " (is PostgreSQL running?)", e);
        }
        current = this;
        LOG.infof("Test infrastructure: PostgreSQL %s:%d/%s, Kafka %s", postgres.host(), postgres.port(), database, bootstrap);
        return Map.of(
                "mp.jwt.verify.publickey.location", Callers.VERIFICATION_KEY,
                "mp.jwt.verify.issuer", DevTokens.ISSUER,
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        try {
            if (database != null) {
                postgres.dropDatabase(database);
            }
        } catch (Exception e) {
            LOG.warnf("Test database %s not dropped: %s", database, e.getMessage());
        }
        if (broker != null) {
            broker.close();
            deleteTree(brokerDir);
        }
        if (kafkaContainer != null) {
            kafkaContainer.stop();
        }
        if (postgresContainer != null) {
            postgresContainer.stop();
        }
    }

    /** Whether this run started its own broker, which tests may stop and start again (fault tests). */
    public static boolean controlsKafka() {
        return current != null && current.broker != null;
    }

    /** Stops the broker as a crash would (kill -9); its data stays for {@link #startKafka()}. */
    public static void killKafka() {
        current.broker.kill();
    }

    /** Starts the broker again on the same ports and data. */
    public static void startKafka() throws IOException {
        current.broker = KafkaBroker.start(current.brokerDir, current.brokerPort, current.brokerControllerPort);
    }

    private PostgresServer postgres(boolean docker) {
        String given = System.getenv("HL_TEST_POSTGRES");
        if (given != null) {
            String[] hostPort = given.split(":");
            return new PostgresServer(hostPort[0], Integer.parseInt(hostPort[1]),
                    envOr("HL_TEST_POSTGRES_USER", "postgres"), envOr("HL_TEST_POSTGRES_PASSWORD", ""));
        }
        if (docker) {
            postgresContainer = new PostgreSQLContainer("postgres:15-alpine");
            postgresContainer.start();
            return new PostgresServer(postgresContainer.getHost(), postgresContainer.getMappedPort(5432),
                    postgresContainer.getUsername(), postgresContainer.getPassword());
        }
        return PostgresServer.local(5432);
    }

    private String kafka(boolean docker) {
        String given = System.getenv("HL_TEST_KAFKA_BOOTSTRAP");
        if (given != null) {
            return given;
        }
        if (docker) {
            kafkaContainer = new KafkaContainer("apache/kafka:4.1.2");
            kafkaContainer.start();
            return kafkaContainer.getBootstrapServers();
        }
        try {
            brokerDir = Files.createTempDirectory("kafka-test-");
            brokerPort = Ports.free();
            brokerControllerPort = Ports.free();
            broker = KafkaBroker.start(brokerDir, brokerPort, brokerControllerPort);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.close()));
            return broker.bootstrapServers();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the local Kafka broker", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
